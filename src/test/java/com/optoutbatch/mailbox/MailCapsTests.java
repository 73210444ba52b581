package com.optoutbatch.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.optoutbatch.support.RejectedRecordException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A hostile message is rejected fast, with its position and Message-ID, and costs no more
 * memory than its bytes.
 */
class MailCapsTests {

	final MailScanner scanner = new MailScanner(new MessageParser(MailCaps.DEFAULTS),
			new NoticeDetector(NoticeRules.defaults(), List.of()));

	@Test
	void messageWithAHugeNumberOfHeadersIsRejected() {
		StringBuilder mail = new StringBuilder("Message-ID: <headers@example.net>\n");
		for (int i = 0; i < 200_000; i++) {
			mail.append("X-Flood-").append(i).append(": y\n");
		}
		mail.append("\nbody\n");

		assertRejected(mail.toString(), "too many headers", "message 7 at byte 99 <headers@example.net>");
	}

	@Test
	void deeplyNestedMessageIsRejected() {
		StringBuilder mail = new StringBuilder("Message-ID: <deep@example.net>\nMIME-Version: 1.0\n");
		for (int i = 0; i < 100; i++) {
			mail.append("Content-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\n\n--b")
				.append(i)
				.append('\n');
		}
		mail.append("Content-Type: text/plain\n\nbottom\n");

		assertRejected(mail.toString(), "MIME nesting too deep", "message 7 at byte 99 <deep@example.net>");
	}

	@Test
	void thousandsOfNestedBoundariesAreRejectedBeforeParsing() {
		StringBuilder mail = new StringBuilder("Message-ID: <deeper@example.net>\nMIME-Version: 1.0\n");
		for (int i = 0; i < 50_000; i++) {
			mail.append("Content-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\n\n--b")
				.append(i)
				.append('\n');
		}

		assertRejected(mail.toString(), "too many MIME parts", "message 7 at byte 99 <deeper@example.net>");
	}

	@Test
	void messageWithThousandsOfPartsIsRejected() {
		StringBuilder mail = new StringBuilder(
				"Message-ID: <parts@example.net>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
		for (int i = 0; i < 10_000; i++) {
			mail.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
		}
		mail.append("--p--\n");

		assertRejected(mail.toString(), "too many MIME parts", "message 7 at byte 99 <parts@example.net>");
	}

	@Test
	void messagesAttachedInsideEachOtherCountTowardsTheCaps() {
		StringBuilder mail = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			mail.append("Message-ID: <m").append(i).append("@example.net>\nContent-Type: message/rfc822\n\n");
		}
		mail.append("Subject: core\n\ncore\n");

		assertRejected(mail.toString(), "MIME nesting too deep", "message 7 at byte 99 <m0@example.net>");
	}

	@Test
	void capsAreConfigurable() {
		MailScanner strict = new MailScanner(new MessageParser(new MailCaps(100, 3, 1, 2)),
				new NoticeDetector(NoticeRules.defaults(), List.of()));
		RawMessage message = new RawMessage("inbox.mbox", 1, "message 1",
				"A: 1\nB: 2\nC: 3\nD: 4\n\nbody\n".getBytes(StandardCharsets.US_ASCII));

		assertThatThrownBy(() -> strict.scan(message)).isInstanceOfSatisfying(RejectedRecordException.class,
				rejected -> assertThat(rejected.reason()).isEqualTo("too many headers"));
	}

	private void assertRejected(String mail, String reason, String where) {
		RawMessage message = new RawMessage("inbox.mbox", 7, "message 7 at byte 99",
				mail.getBytes(StandardCharsets.US_ASCII));
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> scanner.scan(message))
			.isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
				assertThat(rejected.reason()).isEqualTo(reason);
				assertThat(rejected.where()).isEqualTo(where);
			}));
	}

}
