package com.optoutbatch.messages;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageLogReaderTests {

	static final MessageLayouts layouts = new MessageLayouts(MessageProfiles.load(null));

	@TempDir
	Path dir;

	@Test
	void genericLogWithMultiLineBodiesIsReadByHeaderName() throws Exception {
		Path file = write("generic.csv", """
				tool,sent_at,subject,order_id,message_id,recipient,body
				ZonMaster,2026-11-03T08:00:00Z,Shipped,112-3456789-0123456,m-1,a@marketplace.amazon.com,"Hello,

				your order has shipped, ""today"".
				Bye"
				,2026-11-04T08:00:00Z,Engraving,113-9876543-2109876,m-2,,
				""", StandardCharsets.UTF_8);

		List<MessageLogLine> lines = readAll(file, null);

		assertThat(lines).extracting(MessageLogLine::line).containsExactly(2L, 6L);
		assertThat(lines.get(0).layout().name()).isEqualTo(MessageLayouts.GENERIC);
		assertThat(lines.get(0).get(MessageField.BODY)).isEqualTo("Hello,\n\nyour order has shipped, \"today\".\nBye");
		assertThat(lines.get(0).get(MessageField.TOOL)).isEqualTo("ZonMaster");
		assertThat(lines.get(1).get(MessageField.BODY)).isNull();
		assertThat(lines.get(1).get(MessageField.TOOL)).isNull();
	}

	@Test
	void toolLogIsReadWithTheProfileItsHeaderFits() throws Exception {
		Path file = write("fw.csv", """
				Email Log ID,Amazon Order ID,Buyer Email,Email Subject,Email Body,Sent Date,Template Name
				fw-1,503-1234567-8901234,x@marketplace.amazon.co.jp,Subject,Body,11/06/2026 09:15,T1
				""", StandardCharsets.UTF_8);

		MessageLogLine line = readAll(file, null).get(0);

		assertThat(line.layout().name()).isEqualTo("feedbackwhiz");
		assertThat(line.layout().tool()).isEqualTo("FeedbackWhiz");
		assertThat(line.get(MessageField.MESSAGE_ID)).isEqualTo("fw-1");
		assertThat(line.get(MessageField.SENT_AT)).isEqualTo("11/06/2026 09:15");
	}

	@Test
	void tabSeparatedLogInWindows1252IsDecoded() throws Exception {
		Path file = write("de.tsv",
				"order_id\tsubject\tbody\tsent_at\n"
						+ "302-1234567-7654321\tIhre Bestellung\tGrüße aus München\t2026-11-02\n",
				TextCharset.WINDOWS_1252);

		MessageLogLine line = readAll(file, null).get(0);

		assertThat(line.delimiter()).isEqualTo('\t');
		assertThat(line.get(MessageField.BODY)).isEqualTo("Grüße aus München");
	}

	@Test
	void shiftJisLogIsDecoded() throws Exception {
		Path file = write("jp.csv", "order_id,subject,sent_at\n503-1234567-8901234,配達日時のご指定のお願い,2026/11/06 10:00\n"
				+ "250-7654321-0987654,ご注文ありがとうございます,2026/11/06 11:00\n", TextCharset.CP932);

		assertThat(readAll(file, null)).extracting(line -> line.get(MessageField.SUBJECT))
			.containsExactly("配達日時のご指定のお願い", "ご注文ありがとうございます");
	}

	@Test
	void unknownLayoutIsDetectedByHeaderNames() throws Exception {
		Path file = write("export.csv", """
				Bestellnummer;Betreff;Nachricht;Datum;Kundenname
				302-1234567-7654321;Ihre Bestellung;Sie wurde versandt.;02.11.2026 10:00;Erika Muster
				""", StandardCharsets.UTF_8);

		MessageLogLine line = readAll(file, null).get(0);

		assertThat(line.layout().name()).isEqualTo(MessageLayouts.DETECTED);
		assertThat(line.get(MessageField.ORDER_ID)).isEqualTo("302-1234567-7654321");
		assertThat(line.get(MessageField.SUBJECT)).isEqualTo("Ihre Bestellung");
		assertThat(line.get(MessageField.BODY)).isEqualTo("Sie wurde versandt.");
		assertThat(line.get(MessageField.SENT_AT)).isEqualTo("02.11.2026 10:00");
		assertThat(line.maskedRecord()).doesNotContain("Erika");
	}

	@Test
	void unknownLayoutIsDetectedByContentWhenTheNamesSayNothing() throws Exception {
		Path file = write("odd.csv",
				"""
						c1,c2,c3,c4,c5
						2026-11-02T10:00:00Z,a@marketplace.amazon.com,112-3456789-0123456,Your order has shipped,"Hello, your order 112-3456789-0123456 has shipped today and is on its way to you."
						2026-11-03T10:00:00Z,b@marketplace.amazon.com,113-9876543-2109876,Engraving question,"Hello, please tell us the name you would like engraved on the board you ordered."
						""",
				StandardCharsets.UTF_8);

		MessageLogLine line = readAll(file, null).get(0);

		assertThat(line.layout().columns()).containsEntry(MessageField.SENT_AT, 0)
			.containsEntry(MessageField.RECIPIENT, 1)
			.containsEntry(MessageField.ORDER_ID, 2)
			.containsEntry(MessageField.SUBJECT, 3)
			.containsEntry(MessageField.BODY, 4);
	}

	@Test
	void fileThatIsNoMessageLogIsRejectedWholeWithTheReason() throws Exception {
		Path file = write("inventory.csv", "sku,quantity,warehouse\nMUG-1,4,SEA8\n", StandardCharsets.UTF_8);

		MessageLogReader reader = open(file, null);
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);

		assertThat(rejected.where()).isEqualTo(RejectedRecordException.WHOLE_FILE);
		assertThat(rejected.unread()).isEqualTo(RejectedRecordException.Unread.FILE);
		assertThat(rejected.reason()).isEqualTo("unknown message log layout");
		assertThat(rejected.detail()).contains("no order id, sent date, subject or body column");
		assertThat(reader.read()).isNull();
	}

	@Test
	void forcedProfileMustFitTheHeader() throws Exception {
		Path file = write("generic.csv", "order_id,subject,sent_at\n112-3456789-0123456,Hi,2026-11-02\n",
				StandardCharsets.UTF_8);

		MessageLogReader reader = open(file, "seller-central");

		assertThat(catchThrowableOfType(RejectedRecordException.class, reader::read).detail())
			.startsWith("the header lacks columns of profile seller-central");
	}

	@Test
	void lineWithMoreCellsThanTheHeaderIsRejectedAndReadingGoesOn() throws Exception {
		Path file = write("extra.csv", """
				order_id,subject,sent_at,recipient
				112-3456789-0123456,Hi,2026-11-02,abcdefgh@marketplace.amazon.com,surplus
				113-9876543-2109876,Hello,2026-11-03,
				""", StandardCharsets.UTF_8);
		MessageLogReader reader = open(file, null);

		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);

		assertThat(rejected.where()).isEqualTo("2");
		assertThat(rejected.reason()).isEqualTo("more cells than the header");
		assertThat(rejected.record()).contains("ab***gh@marketplace.amazon.com").doesNotContain("abcdefgh@");
		assertThat(reader.read().get(MessageField.ORDER_ID)).isEqualTo("113-9876543-2109876");
	}

	@Test
	void unterminatedQuoteCostsItsLineAndReadingGoesOnAtTheNext() throws Exception {
		Path file = write("broken.csv", """
				order_id,subject,body,sent_at
				112-3456789-0123456,Hi,Fine,2026-11-02
				113-9876543-2109876,Hi Jane Doe,"never closed,2026-11-03
				114-1029384-7564738,Hi,"Two
				lines",2026-11-04
				115-1029384-7564738,Hi,Read,2026-11-05
				""", StandardCharsets.UTF_8);
		MessageLogReader reader = open(file, null);

		assertThat(reader.read().line()).isEqualTo(2);
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);

		assertThat(rejected.where()).isEqualTo("3");
		assertThat(rejected.reason()).isEqualTo("unterminated quote");
		assertThat(rejected.unread()).isEqualTo(RejectedRecordException.Unread.RECORD);
		assertThat(rejected.record()).isEqualTo("113-9876543-2109876,***,***,2026-11-03");
		MessageLogLine twoLines = reader.read();
		assertThat(twoLines.line()).isEqualTo(4);
		assertThat(twoLines.get(MessageField.BODY)).isEqualTo("Two\nlines");
		assertThat(reader.read().line()).isEqualTo(6);
		assertThat(reader.read()).isNull();
	}

	@Test
	void restartAfterABrokenRecordResumesAtTheRightLine() throws Exception {
		Path file = write("broken.csv", """
				order_id,subject,sent_at
				112-3456789-0123456,"never closed,2026-11-02
				113-9876543-2109876,One,2026-11-03
				114-1029384-7564738,Two,2026-11-04
				""", StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext();
		MessageLogReader first = new MessageLogReader(file, null, layouts, null);
		first.open(context);
		catchThrowableOfType(RejectedRecordException.class, first::read);
		first.read();
		first.update(context);
		first.close();

		MessageLogReader resumed = new MessageLogReader(file, null, layouts, null);
		resumed.open(context);
		MessageLogLine line = resumed.read();

		assertThat(line.get(MessageField.SUBJECT)).isEqualTo("Two");
		assertThat(line.line()).isEqualTo(4);
		assertThat(resumed.read()).isNull();
	}

	@Test
	void restartSkipsTheRecordsAlreadyCommitted() throws Exception {
		Path file = write("restart.csv", """
				order_id,subject,sent_at
				112-3456789-0123456,One,2026-11-02
				113-9876543-2109876,"Two
				lines",2026-11-03
				114-1029384-7564738,Three,2026-11-04
				""", StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext();
		MessageLogReader first = new MessageLogReader(file, null, layouts, null);
		first.open(context);
		first.read();
		first.read();
		first.update(context);
		first.close();

		MessageLogReader resumed = new MessageLogReader(file, null, layouts, null);
		resumed.open(context);
		MessageLogLine line = resumed.read();

		assertThat(line.get(MessageField.SUBJECT)).isEqualTo("Three");
		assertThat(line.line()).isEqualTo(5);
		assertThat(resumed.read()).isNull();
	}

	@Test
	void emptyFileIsRejectedWhole() throws Exception {
		Path file = write("empty.csv", "", StandardCharsets.UTF_8);

		assertThat(catchThrowableOfType(RejectedRecordException.class, open(file, null)::read).reason())
			.isEqualTo("empty file");
	}

	private Path write(String name, String content, Charset charset) throws Exception {
		return Files.write(dir.resolve(name), content.getBytes(charset));
	}

	private static MessageLogReader open(Path file, String profile) {
		MessageLogReader reader = new MessageLogReader(file, null, layouts, profile);
		reader.open(new ExecutionContext());
		return reader;
	}

	private static List<MessageLogLine> readAll(Path file, String profile) {
		MessageLogReader reader = open(file, profile);
		List<MessageLogLine> lines = new ArrayList<>();
		for (MessageLogLine line = reader.read(); line != null; line = reader.read()) {
			lines.add(line);
		}
		reader.close();
		return lines;
	}

}
