package com.optoutbatch.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DelimitedFileTests {

	@TempDir
	Path dir;

	@Test
	void strayQuoteCostsOneLineNotTheRestOfTheFile() throws Exception {
		List<NumberedRecord> records = readAll(write("""
				order_id,note
				112-0000000-0000002,fine
				"112-0000000-0000003,never closed
				112-0000000-0000004,fine
				112-0000000-0000005,"quoted, with a comma"
				112-0000000-0000006,fine
				112-0000000-0000007,"never closed either
				112-0000000-0000008,fine
				""", StandardCharsets.UTF_8));

		assertThat(records).extracting(NumberedRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		assertThat(records.get(2).cells()).isNull();
		assertThat(records.get(2).unreadable().reason()).isEqualTo("unterminated quote");
		assertThat(records.get(2).unreadable().detail()).isEqualTo("the record starting on line 3 opens a quote that"
				+ " is not closed on its line (the quote closing it on line 5 is followed by other text)");
		assertThat(records.get(2).unreadable().text()).isEqualTo("\"112-0000000-0000003,never closed");
		assertThat(records.get(4).cells()).containsExactly("112-0000000-0000005", "quoted, with a comma");
		assertThat(records.get(5).cells()).containsExactly("112-0000000-0000006", "fine");
		assertThat(records.get(6).unreadable().detail())
			.isEqualTo("the record starting on line 7 opens a quote that is not closed before the end of the file");
		assertThat(records.get(7).cells()).containsExactly("112-0000000-0000008", "fine");
	}

	@Test
	void lineNumbersStayRightAfterAResyncAcrossQuotedLinesAndCrlf() throws Exception {
		List<NumberedRecord> records = readAll(write(
				"order_id,note\r\n" + "112-0000000-0000002,\"two\r\nlines\"\r\n"
						+ "112-0000000-0000004,\"closed\" then text\r\n"
						+ "112-0000000-0000005,\"three\r\n\r\nlines\"\r\n" + "\r\n" + "112-0000000-0000009,last",
				StandardCharsets.UTF_8));

		assertThat(records).extracting(NumberedRecord::line).containsExactly(1L, 2L, 4L, 5L, 8L, 9L);
		assertThat(records.get(2).unreadable().reason()).isEqualTo("text after a closing quote");
		assertThat(records.get(2).unreadable().detail()).startsWith("on line 4,");
		assertThat(records.get(3).cells()).containsExactly("112-0000000-0000005", "three\r\n\r\nlines");
		assertThat(records.get(4).isBlank()).isTrue();
		assertThat(records.get(5).cells()).containsExactly("112-0000000-0000009", "last");
	}

	@Test
	void unterminatedQuoteInALargeFileIsCutAtTheRecordCapAndEveryLineAfterItIsRead() throws Exception {
		StringBuilder text = new StringBuilder("order_id,note\n112-0000000-0000002,\"opens and never closes\n");
		int lines = 0;
		while (text.length() < 3 * DelimitedFile.MAX_RECORD_CHARS) {
			text.append(String.format("112-%07d-0000000,plain line%n", lines++));
		}

		List<NumberedRecord> records = readAll(write(text.toString(), StandardCharsets.UTF_8));

		assertThat(records).hasSize(2 + lines);
		assertThat(records.get(1).unreadable().reason()).isEqualTo("unterminated quote");
		assertThat(records.get(1).unreadable().detail()).contains("not closed within the 1,048,576 characters");
		assertThat(records.get(2).line()).isEqualTo(3);
		assertThat(records.get(2).cells()).containsExactly("112-0000000-0000000", "plain line");
		assertThat(records.get(records.size() - 1).line()).isEqualTo(2 + lines);
		assertThat(records.stream().filter(record -> record.unreadable() != null)).hasSize(1);
	}

	@Test
	void lineLongerThanTheCapIsUnreadableAndTheNextLineIsRead() throws Exception {
		String longLine = "x".repeat(DelimitedFile.MAX_RECORD_CHARS + 10);
		List<NumberedRecord> records = readAll(
				write("a\tb\n" + longLine + "\n112-0000000-0000003\tnext\n", StandardCharsets.UTF_8));

		assertThat(records).extracting(NumberedRecord::line).containsExactly(1L, 2L, 3L);
		assertThat(records.get(1).unreadable().reason()).isEqualTo("record too long");
		assertThat(records.get(1).unreadable().text()).hasSize(2_000);
		assertThat(records.get(2).cells()).containsExactly("112-0000000-0000003", "next");
	}

	@Test
	void everyLineOfAFileOfStrayQuotesIsAccountedFor() throws Exception {
		Random random = new Random(18);
		StringBuilder text = new StringBuilder("order_id,note\n");
		int lines = 500;
		for (int i = 0; i < lines; i++) {
			String quote = random.nextInt(5) == 0 ? "\"" : "";
			text.append(quote)
				.append(String.format("112-%07d-0000000,", i))
				.append(random.nextInt(7) == 0 ? "\"x\"y" : "n")
				.append('\n');
		}

		List<NumberedRecord> records = readAll(write(text.toString(), StandardCharsets.UTF_8));

		// an unreadable record costs its first line; a record a quote joined over lines,
		// those lines
		for (int i = 0; i < records.size(); i++) {
			NumberedRecord record = records.get(i);
			long spans = record.unreadable() != null ? 1
					: 1 + String.join("", record.cells()).chars().filter(c -> c == '\n').count();
			long next = i + 1 < records.size() ? records.get(i + 1).line() : lines + 2;
			assertThat(next - record.line()).as("line %d", record.line()).isEqualTo(spans);
		}
		assertThat(records.stream().filter(record -> record.unreadable() != null)).hasSizeGreaterThan(50);
	}

	@Test
	void controlCharacterInACellIsFound() throws Exception {
		List<NumberedRecord> records = readAll(
				write("order_id,note\n112-0000000-0000002,a\u0000b\n" + "112-0000000-0000003,\"tab\tand\nline\"\n",
						StandardCharsets.UTF_8));

		assertThat(records.get(1).controlCharacter()).isEqualTo("cell 2 holds U+0000 (NULL)");
		assertThat(records.get(2).controlCharacter()).isNull();
	}

	@Test
	void fileWithMoreThanAStrayNulIsNotATextFile() throws Exception {
		String utf16WithoutMark = new String("order_id\n112-0000000-0000002\n".getBytes(StandardCharsets.UTF_16LE),
				StandardCharsets.ISO_8859_1);
		Path file = write(utf16WithoutMark, StandardCharsets.ISO_8859_1);

		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class,
				() -> DelimitedFile.open(file, null, DelimitedFileTests::format));

		assertThat(rejected.reason()).isEqualTo("not a text file");
		assertThat(rejected.detail()).startsWith("29 NUL bytes in its first 58 bytes");
	}

	@Test
	void binaryFileIsNotATextFile() throws Exception {
		byte[] bytes = new byte[200_000];
		new Random(18).nextBytes(bytes);
		Path file = Files.write(dir.resolve("image.csv"), bytes);

		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class,
				() -> DelimitedFile.open(file, null, DelimitedFileTests::format));

		assertThat(rejected.reason()).isEqualTo("not a text file");
		assertThat(rejected.where()).isEqualTo(RejectedRecordException.WHOLE_FILE);
		assertThat(rejected.unread()).isEqualTo(RejectedRecordException.Unread.FILE);
	}

	@Test
	void utf16WithItsByteOrderMarkNamedByTheUserHasNoMarkInItsFirstCell() throws Exception {
		byte[] text = "order_id,note\n112-0000000-0000002,x\n".getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[text.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(text, 0, withBom, 2, text.length);
		Path file = Files.write(dir.resolve("utf16.csv"), withBom);

		try (DelimitedFile opened = DelimitedFile.open(file, StandardCharsets.UTF_16LE, DelimitedFileTests::format)) {
			assertThat(opened.next().cells()).containsExactly("order_id", "note");
			assertThat(opened.charset().bomLength()).isEqualTo(2);
		}
	}

	@Test
	void headerNamingAColumnTwiceIsRejectedWhole() {
		RejectedRecordException rejected = DelimitedFile.duplicateColumn(List.of("order_id", "Buyer", "ORDER_ID "),
				name -> name.strip().toLowerCase());

		assertThat(rejected.reason()).isEqualTo("duplicate column 'ORDER_ID'");
		assertThat(rejected.detail()).startsWith("the header names it in columns 1 and 3");
		assertThat(DelimitedFile.duplicateColumn(List.of("a", "", "b", ""), String::strip)).isNull();
	}

	@Test
	void firstLineHoldingDataIsNoHeader() {
		assertThat(DelimitedFile.noHeader(new String[] { "112-3456789-0123456", "Jane Doe" }).reason())
			.isEqualTo("no header line");
		assertThat(DelimitedFile.noHeader(new String[] { "order-id", "purchase-date", "buyer-email" })).isNull();
	}

	private List<NumberedRecord> readAll(Path file) throws Exception {
		List<NumberedRecord> records = new ArrayList<>();
		try (DelimitedFile opened = DelimitedFile.open(file, null, DelimitedFileTests::format)) {
			for (NumberedRecord record = opened.next(); record != null; record = opened.next()) {
				records.add(record);
			}
		}
		return records;
	}

	private Path write(String text, Charset charset) throws Exception {
		return Files.write(dir.resolve("file.csv"), text.getBytes(charset));
	}

	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter);
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

}
