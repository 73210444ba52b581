package com.optoutbatch.support;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited export opened for reading: its charset detected ({@link TextCharset}), its
 * delimiter taken from the header line (tab, comma or semicolon), its records parsed by
 * Commons CSV and numbered by the line they start on. A parse failure comes back in place
 * of a record, and ends the file, so that the reader can reject the rest with where it
 * happened.
 */
public final class DelimitedFile implements Closeable {

	private static final int BUFFER = 1 << 16;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final TextCharset charset;

	private final char delimiter;

	private long lastLineNumber;

	private boolean failed;

	private DelimitedFile(CSVParser parser, TextCharset charset, char delimiter) {
		this.parser = parser;
		this.records = parser.iterator();
		this.charset = charset;
		this.delimiter = delimiter;
	}

	/**
	 * @param format the format for the delimiter found
	 * @return the opened file, or {@code null} when it has no header line
	 */
	public static DelimitedFile open(Path file, Charset charsetOverride, Function<Character, CSVFormat> format)
			throws IOException {
		return open(file, charsetOverride, DelimitedFile::delimiterOf, format);
	}

	/**
	 * @param delimiterOf the delimiter of a file with this header line
	 * @param format the format for the delimiter found
	 * @return the opened file, or {@code null} when it has no header line
	 */
	public static DelimitedFile open(Path file, Charset charsetOverride, Function<String, Character> delimiterOf,
			Function<Character, CSVFormat> format) throws IOException {
		TextCharset charset = TextCharset.of(file, charsetOverride);
		BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset.charset()),
				BUFFER);
		reader.skip(charset.bomLength() > 0 ? 1 : 0);
		reader.mark(BUFFER);
		String headerLine = reader.readLine();
		reader.reset();
		if (headerLine == null) {
			reader.close();
			return null;
		}
		char delimiter = delimiterOf.apply(headerLine);
		return new DelimitedFile(CSVParser.builder().setReader(reader).setFormat(format.apply(delimiter)).get(), charset,
				delimiter);
	}

	/** The next record; {@code null} at the end of the file or after a failure. */
	public NumberedRecord next() {
		if (failed) {
			return null;
		}
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			long line = lastLineNumber + 1;
			lastLineNumber = parser.getCurrentLineNumber();
			return new NumberedRecord(line, record.values(), null);
		}
		catch (UncheckedIOException | IllegalStateException e) {
			failed = true;
			return new NumberedRecord(lastLineNumber + 1, null, e);
		}
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
			parser.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The delimiter the header line uses most: tab, comma or semicolon; tab when it has none. */
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
	 * A record and the line it starts on; or, with {@code failure}, where the file could not
	 * be parsed any further.
	 */
	public record NumberedRecord(long line, String[] cells, RuntimeException failure) {

		public boolean isBlank() {
			return cells != null && cells.length == 1 && cells[0].isBlank();
		}

	}

}
