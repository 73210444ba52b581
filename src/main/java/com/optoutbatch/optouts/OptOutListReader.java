package com.optoutbatch.optouts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an opt-out list: a CSV (comma, semicolon or tab) or a plain list, one entry a line,
 * in whatever charset it comes. A restart skips the lines already committed.
 */
class OptOutListReader implements ItemStreamReader<OptOutListLine> {

	private static final String LINES_KEY = "optouts.lines";

	private final Path file;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private long linesRead;

	private RejectedRecordException rejectedWhole;

	OptOutListReader(Path file) {
		this.file = file;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			TextCharset charset = TextCharset.of(file, null);
			BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset.charset()));
			reader.skip(charset.bomLength() > 0 ? 1 : 0);
			reader.mark(1 << 16);
			String firstLine = reader.readLine();
			reader.reset();
			char delimiter = delimiterOf(firstLine == null ? "" : firstLine);
			parser = CSVParser.builder()
				.setReader(reader)
				.setFormat(CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get())
				.get();
			records = parser.iterator();
			long committed = context.getLong(LINES_KEY, 0L);
			while (linesRead < committed && records.hasNext()) {
				records.next();
				linesRead++;
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			rejectedWhole = new RejectedRecordException("file", "unreadable file", String.valueOf(e.getMessage()), "");
		}
	}

	@Override
	public OptOutListLine read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			throw whole;
		}
		if (records == null) {
			return null;
		}
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			linesRead++;
			return new OptOutListLine(file.getFileName().toString(), parser.getCurrentLineNumber(), record.toList());
		}
		catch (UncheckedIOException | IllegalStateException e) {
			records = null;
			throw new RejectedRecordException(parser.getCurrentLineNumber() + 1, "unreadable rest of file",
					"cannot parse from here on: " + e.getMessage(), "");
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LINES_KEY, linesRead);
	}

	@Override
	public void close() {
		if (parser != null) {
			try {
				parser.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			parser = null;
		}
	}

	private static char delimiterOf(String line) {
		for (char candidate : new char[] { '\t', ';', ',' }) {
			if (line.indexOf(candidate) >= 0) {
				return candidate;
			}
		}
		return ',';
	}

}
