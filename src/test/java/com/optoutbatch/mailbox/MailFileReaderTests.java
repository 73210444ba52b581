package com.optoutbatch.mailbox;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RejectedRecordException.Unread;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailFileReaderTests {

	@TempDir
	Path dir;

	@Test
	void maildirMessagesAreReadFromCurThenNewAndGzipIsUnpacked() throws Exception {
		Path maildir = dir.resolve("Maildir");
		Files.createDirectories(maildir.resolve("cur"));
		Files.createDirectories(maildir.resolve("new"));
		Files.createDirectories(maildir.resolve("tmp"));
		Files.writeString(maildir.resolve("cur/2.host:2,S"), "Subject: b\n\nb\n");
		Files.writeString(maildir.resolve("cur/1.host:2,S"), "Subject: a\n\na\n");
		gzip(maildir.resolve("new/3.host.gz"), "Subject: c\n\nc\n");
		Files.writeString(maildir.resolve("tmp/4.host"), "Subject: partial\n");

		assertThat(MailboxSources.under(dir)).containsExactly(maildir);
		assertThat(readAll(maildir)).containsExactly("cur/1.host:2,S: Subject: a\n\na\n",
				"cur/2.host:2,S: Subject: b\n\nb\n", "new/3.host.gz: Subject: c\n\nc\n");
	}

	@Test
	void emlFileIsOneMessageEvenWithFromLinesInItsBody() throws Exception {
		Path eml = Files.writeString(dir.resolve("notice.eml"), "Subject: x\n\nhello\nFrom here on\n");

		assertThat(readAll(eml)).containsExactly("message 1: Subject: x\n\nhello\nFrom here on\n");
	}

	@Test
	void fileWithoutExtensionStartingLikeAnMboxIsSplit() throws Exception {
		Path mbox = Files.writeString(dir.resolve("Inbox"),
				"From a 2026\nSubject: 1\n\n1\n\nFrom b 2026\nSubject: 2\n\n2\n");

		assertThat(readAll(mbox)).containsExactly("message 1 at byte 0: Subject: 1\n\n1\n",
				"message 2 at byte 27: Subject: 2\n\n2\n");
	}

	@Test
	void messageOverTheSizeCapIsRejectedWithItsPositionAndMessageIdAndTheNextIsRead() throws Exception {
		Path mbox = Files.writeString(dir.resolve("big.mbox"), "From a 2026\nMessage-ID: <big@example.com>\n\n"
				+ "x".repeat(5_000) + "\n\nFrom b 2026\nSubject: small\n\nok\n");
		MailFileReader reader = new MailFileReader(mbox, new MailCaps(1_000, 100, 10, 10));
		reader.open(new ExecutionContext());

		assertThatThrownBy(reader::read).isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
			assertThat(rejected.where()).isEqualTo("message 1 at byte 0 <big@example.com>");
			assertThat(rejected.reason()).isEqualTo("message too large");
		});
		assertThat(reader.read().position()).isEqualTo("message 2 at byte 5045");
		assertThat(reader.read()).isNull();
	}

	@Test
	void largeMessageWaitsInATemporaryFileAndIsStillJudged() throws Exception {
		String notice = NoticeDetectorTests.notice("auto-communication@amazon.com", "x", "text/plain", "7bit",
				NoticeDetectorTests.EN_SENTENCE + "\n" + "padding line\n".repeat(200_000));
		Path mbox = Files.writeString(dir.resolve("large.mbox"), "From a 2026\n" + notice);
		MailFileReader reader = new MailFileReader(mbox, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());

		RawMessage message = reader.read();

		assertThat(message.bytes()).isNull();
		assertThat(message.spilled()).exists();
		MailScanner scanner = new MailScanner(new MessageParser(MailCaps.DEFAULTS),
				new NoticeDetector(NoticeRules.defaults(), List.of()));
		assertThat(scanner.scan(message).finding().verdict()).isEqualTo(NoticeVerdict.OPT_OUT_NOTICE);
		assertThat(message.spilled()).doesNotExist();
	}

	@Test
	void corruptGzipIsRejectedAndTheReaderEnds() throws Exception {
		Path broken = dir.resolve("broken.mbox.gz");
		gzip(broken, "From a 2026\nSubject: 1\n\n" + "body line\n".repeat(10_000));
		byte[] bytes = Files.readAllBytes(broken);
		Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		MailFileReader reader = new MailFileReader(broken, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());

		assertThatThrownBy(reader::read).isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
			assertThat(rejected.reason()).isEqualTo("unreadable rest of file");
			assertThat(rejected.unread()).isEqualTo(Unread.RECORD);
			assertThat(rejected.detail()).matches("stopped at byte \\d+ of the unpacked mail, the rest of the "
					+ bytes.length / 2
					+ "-byte gzip file not read: .+ \\(gzip data cannot be unpacked past a damaged or missing part\\)");
		});
		assertThat(reader.read()).isNull();
	}

	@Test
	void binaryFileIsRejectedWholeAsNotATextFile() throws Exception {
		Path zip = dir.resolve("export.mbox");
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("inbox.mbox"));
			out.write("From a 2026\nSubject: 1\n\n1\n".getBytes(StandardCharsets.UTF_8));
		}

		assertRejectedWhole(zip, "not a text file", "binary content: a NUL byte at byte ");
	}

	@Test
	void orderReportInTheMailboxIsRejectedWholeAsNotMail() throws Exception {
		Path report = Files.writeString(dir.resolve("order-report-us-2026-11.txt"),
				"amazon-order-id\tpurchase-date\tbuyer-email\n"
						+ "112-3456789-0123456\t2026-11-03T16:00:00Z\tjane@marketplace.amazon.com\n");

		assertRejectedWhole(report, "not mail", "text without a mail header block");
	}

	@Test
	void csvFileIsRejectedWholeAsNotMail() throws Exception {
		Path csv = Files.writeString(dir.resolve("optouts.csv"), "order_id,note\n112-3456789-0123456,Subject: none\n");

		assertRejectedWhole(csv, "not mail", "text without a mail header block");
	}

	@Test
	void mboxWithoutSeparatorOrHeadersIsRejectedWholeAsNotAnMbox() throws Exception {
		Path notes = Files.writeString(dir.resolve("notes.mbox"),
				"Buyers who asked not to be mailed:\n112-3456789-0123456\n");

		assertRejectedWhole(notes, "not an mbox", "no 'From ' separator line and no mail header block");
	}

	@Test
	void textBeforeTheFirstSeparatorIsOneMessageRejectedAsNotMailAndTheRestIsRead() throws Exception {
		Path mbox = Files.writeString(dir.resolve("inbox.mbox"),
				"exported by a tool\n\nFrom a 2026\nSubject: 1\nFrom: a@example.com\n\n1\n");
		MailFileReader reader = new MailFileReader(mbox, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());
		MailScanner scanner = new MailScanner(new MessageParser(MailCaps.DEFAULTS),
				new NoticeDetector(NoticeRules.defaults(), List.of()));

		RawMessage junk = reader.read();
		assertThatThrownBy(() -> scanner.scan(junk)).isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
			assertThat(rejected.where()).isEqualTo("message 1 at byte 0");
			assertThat(rejected.getMessage()).isEqualTo("not mail: no mail header block at its start");
			assertThat(rejected.unread()).isEqualTo(Unread.RECORD);
		});
		assertThat(scanner.scan(reader.read()).finding().verdict()).isEqualTo(NoticeVerdict.NOT_RELEVANT);
		assertThat(reader.read()).isNull();
	}

	@Test
	void emptyAndHeaderedFilesAreStillMail() throws Exception {
		Files.writeString(dir.resolve("empty.mbox"), "");
		Files.writeString(dir.resolve("old-mac.eml"),
				"From MAILER-DAEMON Sun Sep  7 2008\rReturn-Path: <>\rSubject: x\r\rbody\r");

		assertThat(readAll(dir.resolve("empty.mbox"))).isEmpty();
		assertThat(readAll(dir.resolve("old-mac.eml"))).hasSize(1);
	}

	@Test
	void fileThatCannotBeOpenedIsRejectedWholeWithTheCause() throws Exception {
		assertRejectedWhole(dir.resolve("gone.mbox"), "unreadable file", "no such file");
	}

	@Test
	void unreadableMaildirMessageCostsThatMessageOnly() throws Exception {
		Path maildir = dir.resolve("Maildir");
		Files.createDirectories(maildir.resolve("cur"));
		Files.writeString(maildir.resolve("cur/1.host:2,S"), "Subject: a\n\na\n");
		Files.writeString(maildir.resolve("cur/2.host:2,S"), "Subject: b\n\nb\n");
		MailFileReader reader = new MailFileReader(maildir, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());
		Files.delete(maildir.resolve("cur/1.host:2,S"));

		assertThatThrownBy(reader::read).isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
			assertThat(rejected.getMessage()).isEqualTo("unreadable message: no such file");
			assertThat(rejected.unread()).isEqualTo(Unread.RECORD);
		});
		assertThat(reader.read().position()).isEqualTo("cur/2.host:2,S");
		assertThat(reader.read()).isNull();
	}

	private static void assertRejectedWhole(Path file, String reason, String detail) {
		MailFileReader reader = new MailFileReader(file, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());

		assertThatThrownBy(reader::read).isInstanceOfSatisfying(RejectedRecordException.class, rejected -> {
			assertThat(rejected.where()).isEqualTo(RejectedRecordException.WHOLE_FILE);
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.detail()).startsWith(detail);
			assertThat(rejected.unread()).isEqualTo(Unread.FILE);
		});
		assertThat(reader.read()).isNull();
	}

	private static List<String> readAll(Path input) throws Exception {
		MailFileReader reader = new MailFileReader(input, MailCaps.DEFAULTS);
		reader.open(new ExecutionContext());
		List<String> messages = new ArrayList<>();
		for (RawMessage message = reader.read(); message != null; message = reader.read()) {
			messages.add(message.position() + ": " + new String(message.bytes(), StandardCharsets.UTF_8));
		}
		reader.close();
		return messages;
	}

	private static void gzip(Path file, String text) throws Exception {
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

}
