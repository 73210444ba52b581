package com.optoutbatch.messages;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SentMessageParserTests {

	static final List<String> HEADER = List.of("message_id", "order_id", "recipient", "subject", "body", "sent_at",
			"tool");

	static final MessageLayout GENERIC = new MessageLayouts(MessageProfiles.load(null)).of(HEADER, List.of(), null);

	final SentMessageParser parser = new SentMessageParser();

	@Test
	void recordBecomesANormalisedMessage() {
		SentMessage message = parser
			.process(line("m-1", "112-3456789-0123456", "K8V2BQ9Z4MX7WHC+relay42@Marketplace.Amazon.com", "Shipped",
					"Hello Jane, it has shipped.", "2026-11-03T08:00:00-08:00", "ZonMaster"));

		assertThat(message.messageId()).isEqualTo("m-1");
		assertThat(message.recipientAlias()).isEqualTo("k8v2bq9z4mx7whc@marketplace.amazon.com");
		assertThat(message.sentAt()).isEqualTo(OffsetDateTime.parse("2026-11-03T08:00:00-08:00"));
		assertThat(message.tool()).isEqualTo("ZonMaster");
		assertThat(message.sourceFile()).isEqualTo("log.csv");
		assertThat(message.line()).isEqualTo(7);
	}

	@Test
	void sameMessageKeepsItsKeyAndOtherToolsIdsDoNotCollide() {
		String key = parser.process(line("m-1", "112-3456789-0123456", "", "S", "B", "2026-11-03", "ZonMaster")).key();

		assertThat(parser.process(line("m-1", "112-3456789-0123456", "", "Other", "", "2026-11-04", "ZonMaster")).key())
			.isEqualTo(key);
		assertThat(parser.process(line("m-1", "112-3456789-0123456", "", "S", "B", "2026-11-03", "BQool")).key())
			.isNotEqualTo(key);
	}

	@Test
	void keyLeadsWithTheOrderWhenThereIsOne() {
		SentMessage withOrder = parser
			.process(line("m-1", "112-3456789-0123456", "", "S", "B", "2026-11-03", "ZonMaster"));
		SentMessage withoutOrder = parser.process(line("m-1", "", "", "S", "B", "2026-11-03", "ZonMaster"));

		assertThat(withOrder.key()).isEqualTo("112-3456789-0123456/" + withoutOrder.key());
		assertThat(withoutOrder.key()).matches("[0-9a-f]{32}");
	}

	@Test
	void messageWithoutIdIsKeyedByWhatIdentifiesIt() {
		SentMessage first = parser.process(line("", "112-3456789-0123456", "a@marketplace.amazon.com", "Shipped", "x",
				"2026-11-03T08:00:00-08:00", ""));
		SentMessage sameInstant = parser.process(line("", "112-3456789-0123456", "A@marketplace.amazon.com", "shipped",
				"another body", "2026-11-03T16:00:00Z", ""));
		SentMessage later = parser.process(line("", "112-3456789-0123456", "a@marketplace.amazon.com", "Shipped", "x",
				"2026-11-04T08:00:00-08:00", ""));

		assertThat(first.messageId()).isNull();
		assertThat(first.key()).matches("112-3456789-0123456/[0-9a-f]{32}");
		assertThat(sameInstant.key()).isEqualTo(first.key());
		assertThat(later.key()).isNotEqualTo(first.key());
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", delimiter = '|', textBlock = """
			112-345         | a@marketplace.amazon.com | Hi   | Body | 2026-11-03 | malformed order id
			112-3456789-0123456 | a@marketplace.amazon.com | Hi | Body | null    | no sent date
			112-3456789-0123456 | a@marketplace.amazon.com | Hi | Body | gestern | unreadable sent date
			112-3456789-0123456 | Jane Doe                 | Hi | Body | 2026-11-03 | malformed recipient
			112-3456789-0123456 | a@marketplace.amazon.com | null | null | 2026-11-03 | no subject and no body
			""")
	void unusableRecordIsRejectedWithTheReasonAndWithoutPersonalData(String orderId, String recipient, String subject,
			String body, String sentAt, String reason) {
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class,
				() -> parser.process(line("m-9", orderId, recipient, subject, body, sentAt, "")));

		assertThat(rejected.reason()).isEqualTo(reason);
		assertThat(rejected.where()).isEqualTo("7");
		assertThat(rejected.record()).doesNotContain("Jane", "Body");
	}

	@Test
	void profileNamesTheToolOfLogsWithoutAToolColumn() {
		MessageLayout layout = new MessageProfile("fw", "FeedbackWhiz",
				Map.of(MessageField.ORDER_ID, "Order", MessageField.SUBJECT, "Subject", MessageField.SENT_AT, "Sent"))
			.layoutOf(List.of("Order", "Subject", "Sent"));
		MessageLogLine line = new MessageLogLine(Path.of("fw.csv"), 2, layout,
				new String[] { "112-3456789-0123456", "Hi", "2026-11-03" }, ',');

		assertThat(parser.process(line).tool()).isEqualTo("FeedbackWhiz");
	}

	private static MessageLogLine line(String id, String orderId, String recipient, String subject, String body,
			String sentAt, String tool) {
		String[] cells = { id, orderId, recipient, subject, body, sentAt, tool };
		for (int i = 0; i < cells.length; i++) {
			cells[i] = cells[i] == null ? "" : cells[i];
		}
		return new MessageLogLine(Path.of("/in/log.csv"), 7, GENERIC, cells, ',');
	}

}
