package com.optoutbatch.mailbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail parser on any bytes, read from an {@code .eml} file and judged as the mailbox
 * scan does (the mail file reader, then the scanner): a message that is not blank gets a
 * verdict or is rejected, nothing else escapes, and no parsed message goes past the caps
 * (size, MIME depth, attached messages) nor holds more text than a few times its bytes.
 * Replays the inputs saved in {@code MailParserFuzzTestsInputs};
 * {@code scripts/fuzz.sh mailParser <minutes>} fuzzes it.
 */
class MailParserFuzzTests {

	// caps the fuzzer's inputs of a few kilobytes can cross
	private static final MailCaps CAPS = new MailCaps(8 * 1024, 40, 4, 20);

	private static final NoticeDetector DETECTOR = new NoticeDetector(NoticeRules.defaults(), List.of());

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyMessageIsJudgedOrRejectedWithinTheCaps(byte[] mail) throws Exception {
		Path file = Files.write(dir.resolve("message.eml"), mail);
		MessageParser parser = new MessageParser(CAPS);
		MailScanner scanner = new MailScanner(parser, DETECTOR);
		MailFileReader reader = new MailFileReader(file, CAPS);
		ExecutionContext context = new ExecutionContext();
		int judged = 0;
		int rejected = 0;
		reader.open(context);
		scanner.open(context);
		try {
			while (judged + rejected <= 1) {
				RawMessage message;
				try {
					message = reader.read();
				}
				catch (RejectedRecordException reject) {
					rejected++;
					continue;
				}
				if (message == null) {
					break;
				}
				byte[] bytes = message.load();
				try {
					scanner.process(message);
					judged++;
				}
				catch (RejectedRecordException reject) {
					rejected++;
					continue;
				}
				assertThat(bytes.length).as("bytes of a judged message")
					.isLessThanOrEqualTo((int) CAPS.maxMessageBytes());
				assertWithinTheCaps(parser.parse(bytes), bytes.length);
			}
			scanner.update(context);
		}
		finally {
			reader.close();
		}
		if (new String(mail, StandardCharsets.ISO_8859_1).isBlank()) {
			assertThat(judged + rejected).as("verdicts and rejects of a blank file").isLessThanOrEqualTo(1);
		}
		else {
			assertThat(judged + rejected).as("verdicts and rejects of one message file").isEqualTo(1);
		}
		assertThat(scanner.verdicts().values().stream().mapToLong(Long::longValue).sum()).as("verdicts counted")
			.isEqualTo(judged);
	}

	private static void assertWithinTheCaps(ParsedMail mail, int bytes) {
		int[] attached = new int[1];
		assertWithinTheCaps(mail, bytes, 0, attached);
		assertThat(attached[0]).as("attached messages").isLessThanOrEqualTo(CAPS.maxParts());
	}

	private static void assertWithinTheCaps(ParsedMail mail, int bytes, int depth, int[] attached) {
		assertThat(depth).as("depth of an attached message").isLessThanOrEqualTo(CAPS.maxMimeDepth());
		assertThat(mail.text().length() + mail.subject().length())
			.as("text and subject of a message of %d bytes", bytes)
			.isLessThanOrEqualTo(4 * bytes + 64);
		for (ParsedMail inner : mail.attached()) {
			attached[0]++;
			assertWithinTheCaps(inner, bytes, depth + 1, attached);
		}
	}

}
