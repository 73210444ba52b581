package com.optoutbatch.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one sent-message log, comma-, tab- or semicolon-separated, in whatever charset it
 * was exported in, with bodies over several lines in quoted cells. The layout comes from
 * the header and the first records ({@link MessageLayouts}); a log it cannot use at all is
 * rejected whole through its first record. A restart skips the records already committed.
 */
class MessageLogReader implements ItemStreamReader<MessageLogLine> {

	private static final Logger log = LoggerFactory.getLogger(MessageLogReader.class);

	private static final String RECORDS_KEY = "messages.records";

	private static final int SAMPLE_SIZE = 50;

	private final Path file;

	private final Charset charsetOverride;

	private final MessageLayouts layouts;

	private final String profile;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private final Deque<NumberedRecord> sample = new ArrayDeque<>();

	private MessageLayout layout;

	private char delimiter;

	private RejectedRecordException rejectedWhole;

	private long recordsRead;

	private long lastLineNumber;

	MessageLogReader(Path file, Charset charsetOverride, MessageLayouts layouts, String profile) {
		this.file = file;
		this.charsetOverride = charsetOverride;
		this.layouts = layouts;
		this.profile = profile;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			TextCharset charset = TextCharset.of(file, charsetOverride);
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), charset.charset()), 1 << 16);
			reader.skip(charset.bomLength() > 0 ? 1 : 0);
			reader.mark(1 << 16);
			String firstLine = reader.readLine();
			reader.reset();
			if (firstLine == null || firstLine.isBlank()) {
				reject(1, "empty file", "the file has no header line", "");
				return;
			}
			delimiter = delimiterOf(firstLine);
			parser = CSVParser.builder().setReader(reader).setFormat(format(delimiter)).get();
			records = parser.iterator();
			List<String> header = records.next().toList();
			lastLineNumber = parser.getCurrentLineNumber();
			readSample();
			try {
				layout = layouts.of(header,
						sample.stream().map(NumberedRecord::cells).filter(cells -> cells != null).toList(), profile);
			}
			catch (IllegalArgumentException e) {
				reject(1, "unknown message log layout", e.getMessage(), String.join(String.valueOf(delimiter), header));
				return;
			}
			log.info("{}: {} layout ({}), {} ({})", file.getFileName(), layout.name(), layout.describe(),
					charset.charset().name(), charset.how());
			skipCommittedRecords(context);
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			reject(0, "unreadable file", String.valueOf(e.getMessage()), "");
		}
	}

	// the first records decide a detected layout; they are read again from this buffer
	private void readSample() {
		try {
			while (sample.size() < SAMPLE_SIZE && records.hasNext()) {
				sample.add(next());
			}
		}
		catch (UncheckedIOException | IllegalStateException e) {
			// a broken record among the first: the layout is found from those before it,
			// and reading the rest reports it
			sample.add(new NumberedRecord(lastLineNumber + 1, null, e));
		}
	}

	private NumberedRecord next() {
		CSVRecord record = records.next();
		long line = lastLineNumber + 1;
		lastLineNumber = parser.getCurrentLineNumber();
		return new NumberedRecord(line, record.values(), null);
	}

	private void skipCommittedRecords(ExecutionContext context) {
		long committed = context.getLong(RECORDS_KEY, 0L);
		while (recordsRead < committed && nextRecord() != null) {
			recordsRead++;
		}
		if (committed > 0) {
			log.info("{}: resuming after record {}", file.getFileName(), committed);
		}
	}

	@Override
	public MessageLogLine read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			records = null;
			throw whole;
		}
		while (true) {
			NumberedRecord record = nextRecord();
			if (record == null) {
				return null;
			}
			recordsRead++;
			if (record.failure() != null) {
				records = null;
				sample.clear();
				throw new RejectedRecordException(record.line(), "unreadable rest of file",
						"cannot parse from here on: " + record.failure().getMessage(), "");
			}
			String[] cells = record.cells();
			if (cells.length == 1 && cells[0].isBlank()) {
				continue;
			}
			MessageLogLine line = new MessageLogLine(file, record.line(), layout, cells, delimiter);
			if (cells.length > layout.header().size()) {
				throw new RejectedRecordException(record.line(), "more cells than the header",
						cells.length + " cells, the header names " + layout.header().size(), line.maskedRecord());
			}
			return line;
		}
	}

	private NumberedRecord nextRecord() {
		if (!sample.isEmpty()) {
			return sample.poll();
		}
		if (records == null) {
			return null;
		}
		try {
			return records.hasNext() ? next() : null;
		}
		catch (UncheckedIOException | IllegalStateException e) {
			return new NumberedRecord(lastLineNumber + 1, null, e);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(RECORDS_KEY, recordsRead);
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

	private void reject(long line, String reason, String detail, String record) {
		rejectedWhole = new RejectedRecordException(line, reason, detail, record);
		records = null;
		sample.clear();
	}

	// tools quote a body that spans lines, whatever the delimiter
	private static CSVFormat format(char delimiter) {
		return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
	}

	static char delimiterOf(String headerLine) {
		char best = ',';
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

	/** A record with the line it starts on, or the parse failure met there. */
	private record NumberedRecord(long line, String[] cells, RuntimeException failure) {
	}

}
