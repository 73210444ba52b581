package com.optoutbatch.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageProfilesTests {

	@TempDir
	Path dir;

	@Test
	void theShippedProfilesLoad() {
		MessageProfiles profiles = MessageProfiles.load(null);

		assertThat(profiles.named("feedbackwhiz").columns()).containsEntry(MessageField.ORDER_ID, "Amazon Order ID");
		assertThat(profiles.named("sellerboard").tool()).isEqualTo("sellerboard");
		assertThat(profiles.layoutOf(List.of("Message ID", "Order ID", "Subject", "Message", "Date Sent")).name())
			.isEqualTo("seller-central");
	}

	@Test
	void aUsersProfileReplacesTheShippedOfItsName() throws Exception {
		Path file = Files.writeString(dir.resolve("my-profiles.yml"), """
				sellerboard:
				  tool: sellerboard
				  columns:
				    order_id: Order
				    sent_at: Sent
				    body: Text
				""");

		assertThat(MessageProfiles.load(file).named("sellerboard").columns()).containsOnlyKeys(MessageField.ORDER_ID,
				MessageField.SENT_AT, MessageField.BODY);
	}

	@Test
	void aFieldThatIsNoneIsNamedWithThoseThatAre() throws Exception {
		Path file = Files.writeString(dir.resolve("my-profiles.yml"), """
				mytool:
				  columns:
				    order_id: Order
				    sent: Sent
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> MessageProfiles.load(file))
			.withMessage("messages.profiles " + file + ": mytool.columns.sent: unknown field; expected one of "
					+ "message_id, order_id, recipient, subject, body, sent_at, tool, line 4");
	}

}
