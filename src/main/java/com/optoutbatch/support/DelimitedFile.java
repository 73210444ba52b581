package com.optoutbatch.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited export opened for reading: its charset detected ({@link TextCharset}), its
 * delimiter taken from the header line (tab, comma or semicolon), its records parsed by
 * Commons CSV and numbered by the line they start on.
 * <p>
 * A record that cannot be parsed (a quote that is never closed, text after a closing
 * quote, more than {@value #MAX_RECORD_CHARS} characters) comes back as
 * {@link Unreadable} in its place, and parsing starts again, with a new parser, at the
 * line after the one the broken record starts on: one broken record costs that record
 * only, and every line after it is read. A file that is not text, or empty, is rejected
 * whole when it is opened.
 */
public final class DelimitedFile implements Closeable {

	/** The most characters one record may have: a longer one is unreadable. */
	public static final int MAX_RECORD_CHARS = 1 << 20;

	// of a line that could not be parsed, as much as a reject shows (masked)
	private static final int SHOWN_CHARS = 2_000;

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final LineWindow text;

	private final CSVFormat format;

	private final TextCharset charset;

	private final char delimiter;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	// the lines before the current parser's first line, and the line the last record
	// ended on
	private long linesBefore;

	private long lastLineNumber;

	private boolean ended;

	private DelimitedFile(LineWindow text, CSVFormat format, TextCharset charset, char delimiter) {
		this.text = text;
		this.format = format;
		this.charset = charset;
		this.delimiter = delimiter;
		startParser();
	}

	/**
	 * @param format the format for the delimiter found
	 * @return the opened file, or {@code null} when it has no header line
	 * @throws RejectedRecordException when the file is not a text file
	 */
	public static DelimitedFile open(Path file, Charset charsetOverride, Function<Character, CSVFormat> format)
			throws IOException {
		return open(file, charsetOverride, DelimitedFile::delimiterOf, format);
	}

	/**
	 * @param delimiterOf the delimiter of a file with this header line
	 * @param format the format for the delimiter found
	 * @return the opened file, or {@code null} when it has no header line
	 * @throws RejectedRecordException when the file is not a text file
	 */
	public static DelimitedFile open(Path file, Charset charsetOverride, Function<String, Character> delimiterOf,
			Function<Character, CSVFormat> format) throws IOException {
		TextCharset charset = TextCharset.of(file, charsetOverride);
		String notText = charset.notTextIn(file);
		if (notText != null) {
			throw RejectedRecordException.wholeFile("not a text file", notText);
		}
		LineWindow text = new LineWindow(new InputStreamReader(Files.newInputStream(file), charset.charset()),
				MAX_RECORD_CHARS);
		try {
			text.skipByteOrderMark();
			String headerLine = text.peekLine();
			if (headerLine == null) {
				text.close();
				return null;
			}
			char delimiter = delimiterOf.apply(headerLine);
			// every line is a record, a blank one too: records are numbered by the lines
			// they start on
			CSVFormat lineByLine = format.apply(delimiter).builder().setIgnoreEmptyLines(false).get();
			return new DelimitedFile(text, lineByLine, charset, delimiter);
		}
		catch (IOException | RuntimeException e) {
			text.close();
			throw e;
		}
	}

	/**
	 * The next record, or in its place why it could not be read; {@code null} at the end
	 * of the file.
	 */
	public NumberedRecord next() {
		if (ended) {
			return null;
		}
		long line = lastLineNumber + 1;
		try {
			if (!records.hasNext()) {
				ended = true;
				return null;
			}
			CSVRecord record = records.next();
			lastLineNumber = linesBefore + parser.getCurrentLineNumber();
			text.forgetBefore(lastLineNumber + 1);
			return new NumberedRecord(line, record.values(), null);
		}
		catch (UncheckedIOException e) {
			return unreadable(line, e.getCause());
		}
	}

	private NumberedRecord unreadable(long line, IOException cause) {
		String reason;
		String detail;
		if (cause instanceof LineWindow.RecordTooLong) {
			boolean quoted = text.recordSpansLines();
			reason = quoted ? "unterminated quote" : "record too long";
			detail = quoted
					? String.format("the record starting on line %d opens a quote that is not closed within "
							+ "the %,d characters a record may have", line, MAX_RECORD_CHARS)
					: String.format("line %d is longer than the %,d characters a record may have", line,
							MAX_RECORD_CHARS);
		}
		// Commons CSV tells its parse failures apart by their messages only
		else if (String.valueOf(cause.getMessage()).contains("EOF reached before encapsulated token finished")) {
			reason = "unterminated quote";
			detail = "the record starting on line " + line
					+ " opens a quote that is not closed before the end of the file";
		}
		else if (String.valueOf(cause.getMessage())
			.contains("Invalid character between encapsulated token and delimiter")) {
			long failedOn = linesBefore + parser.getCurrentLineNumber();
			// a quote that runs on over lines into a later quote is a quote the record's
			// line never closed
			reason = failedOn > line ? "unterminated quote" : "text after a closing quote";
			detail = failedOn > line
					? "the record starting on line " + line + " opens a quote that is not closed on its line (the quote"
							+ " closing it on line " + failedOn + " is followed by other text)"
					: "on line " + line + ", a quoted cell is followed by other text before the next delimiter";
		}
		else if (cause instanceof CSVException) {
			reason = "unparseable record";
			detail = "the record starting on line " + line + " cannot be parsed";
		}
		else {
			// the file itself failed: nothing more can be read of it
			ended = true;
			return new NumberedRecord(line, null, new Unreadable("unreadable rest of file",
					"cannot read on from line " + line + ": " + cause.getMessage(), "", true));
		}
		try {
			String lineText = text.restartAfter(line, SHOWN_CHARS);
			linesBefore = line;
			lastLineNumber = line;
			startParser();
			return new NumberedRecord(line, null, new Unreadable(reason, detail, lineText, false));
		}
		catch (IOException e) {
			ended = true;
			return new NumberedRecord(line, null, new Unreadable(reason,
					detail + "; the rest of the file cannot be read: " + e.getMessage(), "", true));
		}
	}

	private void startParser() {
		try {
			parser = CSVParser.builder().setReader(text.parserInput()).setFormat(format).get();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		records = parser.iterator();
	}

	public TextCharset charset() {
		return charset;
	}

	public char delimiter() {
		return delimiter;
	}

	@Override
	public void close() {
		try {
			text.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The delimiter the header line uses most: tab, comma or semicolon; tab when it has
	 * none.
	 */
	public static char delimiterOf(String headerLine) {
		char best = '\t';
		long bestCount = 0;
		for (char candidate : new char[] { '\t', ',', ';' }) {
			long count = headerLine.chars().filter(c -> c == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	/** For the log: tab, comma, semicolon. */
	public static String nameOf(char delimiter) {
		return switch (delimiter) {
			case '\t' -> "tab";
			case ',' -> "comma";
			default -> "semicolon";
		};
	}

	/**
	 * The names of a header line. A file whose first line is missing, cannot be read,
	 * holds a control character, holds data instead of names, or names a column twice
	 * (names compared as {@code normalise} makes them) is rejected whole.
	 */
	public static List<String> header(NumberedRecord first, Function<String, String> normalise) {
		if (first == null || first.isBlank()) {
			throw RejectedRecordException.wholeFile("empty file", "the file has no header line");
		}
		if (first.unreadable() != null) {
			throw RejectedRecordException.wholeFile("unreadable header", first.unreadable().detail());
		}
		if (first.controlCharacter() != null) {
			throw RejectedRecordException.wholeFile("control character",
					"in the header line: " + first.controlCharacter());
		}
		RejectedRecordException invalid = noHeader(first.cells());
		if (invalid == null) {
			invalid = duplicateColumn(List.of(first.cells()), normalise);
		}
		if (invalid != null) {
			throw invalid;
		}
		return List.of(first.cells());
	}

	/**
	 * The cells of a data record under a header of {@code columns} names. A record that
	 * cannot be read, holds a control character, or has more or fewer cells than the
	 * header names is rejected; since its columns cannot be known, the reject shows only
	 * what is no personal data in any column.
	 */
	public static String[] cellsOf(NumberedRecord record, int columns, char delimiter) {
		if (record.unreadable() != null) {
			throw record.unreadable().reject(record.line(), delimiter);
		}
		String[] cells = record.cells();
		if (record.controlCharacter() != null) {
			throw new RejectedRecordException(record.line(), "control character", record.controlCharacter(),
					PersonalData.maskedWithoutColumns(cells, delimiter));
		}
		if (cells.length != columns) {
			throw new RejectedRecordException(record.line(),
					cells.length > columns ? "more cells than the header" : "fewer cells than the header",
					cells.length + " cells, the header names " + columns,
					PersonalData.maskedWithoutColumns(cells, delimiter));
		}
		return cells;
	}

	/**
	 * A header that names a column twice: the file is rejected whole, since which of the
	 * two holds the value cannot be known. Names are compared as {@code normalise} makes
	 * them; blank names are not compared.
	 * @return the reject, or {@code null} when every name is there once
	 */
	public static RejectedRecordException duplicateColumn(List<String> names, Function<String, String> normalise) {
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = normalise.apply(names.get(i));
			if (name.isBlank()) {
				continue;
			}
			Integer first = seen.putIfAbsent(name, i);
			if (first != null) {
				return RejectedRecordException.wholeFile("duplicate column '" + names.get(i).strip() + "'",
						"the header names it in columns " + (first + 1) + " and " + (i + 1)
								+ ": which one holds the value cannot be known");
			}
		}
		return null;
	}

	/**
	 * A first line that holds data (an order id, an e-mail address or a date) instead of
	 * column names: the file has no header, so its columns cannot be known.
	 * @return the reject, or {@code null} when the line may be a header
	 */
	public static RejectedRecordException noHeader(String[] firstLine) {
		for (String cell : firstLine) {
			String value = cell.strip();
			if (PersonalData.isOrderId(value) || ADDRESS.matcher(value).matches() || PersonalData.isDate(value)) {
				return RejectedRecordException.wholeFile("no header line",
						"the first line holds an order id, an e-mail address or a date instead of column names; "
								+ "export the file with its header");
			}
		}
		return null;
	}

	/**
	 * A record and the line it starts on; or, with {@code unreadable}, why the record
	 * that starts on that line could not be read.
	 */
	public record NumberedRecord(long line, String[] cells, Unreadable unreadable) {

		public boolean isBlank() {
			return cells != null && cells.length == 1 && cells[0].isBlank();
		}

		/**
		 * The first control character a cell holds (NUL and the like: tab, CR and LF are
		 * text), said as {@code cell 3 holds U+0000 (NULL)}; {@code null} when none does.
		 */
		public String controlCharacter() {
			if (cells == null) {
				return null;
			}
			for (int i = 0; i < cells.length; i++) {
				String cell = cells[i];
				for (int j = 0; j < cell.length(); j++) {
					char c = cell.charAt(j);
					if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\u007F') {
						return String.format("cell %d holds U+%04X (%s)", i + 1, (int) c, Character.getName(c));
					}
				}
			}
			return null;
		}

	}

	/**
	 * Why a record could not be read: {@code reason} is short and countable
	 * ("unterminated quote"), {@code detail} says where; {@code text} is the record's
	 * first line as it was, to be shown masked; {@code restUnread} when the rest of the
	 * file could not be read either.
	 */
	public record Unreadable(String reason, String detail, String text, boolean restUnread) {

		/**
		 * The reject of the record, its text shown as a record whose columns cannot be
		 * known.
		 */
		public RejectedRecordException reject(long line, char delimiter) {
			String shown = PersonalData.maskedLine(text, delimiter);
			return restUnread
					? new RejectedRecordException(Long.toString(line), reason, detail, shown,
							RejectedRecordException.Unread.FILE)
					: RejectedRecordException.unparseable(Long.toString(line), reason, detail, shown);
		}

	}

}
