package com.optoutbatch.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.TextCharset;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one sent-message log, comma-, tab- or semicolon-separated, in whatever charset it
 * was exported in, with bodies over several lines in quoted cells. The layout comes from
 * the header and the first records ({@link MessageLayouts}); a log it cannot use at all
 * is rejected whole. A record that cannot be parsed is rejected and reading goes on at
 * the line after the one it starts on. A restart skips the records already committed.
 */
class MessageLogReader implements ItemStreamReader<MessageLogLine> {

	private static final Logger log = LoggerFactory.getLogger(MessageLogReader.class);

	private static final String RECORDS_KEY = "messages.records";

	private static final int SAMPLE_SIZE = 50;

	private final Path file;

	private final Charset charsetOverride;

	private final MessageLayouts layouts;

	private final String profile;

	private DelimitedFile messageLog;

	// the first records: they decide a detected layout, and are read again from here
	private final Deque<NumberedRecord> sample = new ArrayDeque<>();

	private MessageLayout layout;

	private char delimiter;

	private RejectedRecordException rejectedWhole;

	private long recordsRead;

	MessageLogReader(Path file, Charset charsetOverride, MessageLayouts layouts, String profile) {
		this.file = file;
		this.charsetOverride = charsetOverride;
		this.layouts = layouts;
		this.profile = profile;
	}

	@Override
	public void open(ExecutionContext context) {
		if (RejectFile.rejectedWhole(context)) {
			return;
		}
		try {
			messageLog = DelimitedFile.open(file, charsetOverride, MessageLogReader::format);
			List<String> header = DelimitedFile.header(messageLog == null ? null : messageLog.next(),
					MessageField::normalise);
			readSample();
			List<String[]> firstRecords = sample.stream()
				.map(NumberedRecord::cells)
				.filter(cells -> cells != null)
				.toList();
			delimiter = messageLog.delimiter();
			try {
				layout = layouts.of(header, firstRecords, profile);
			}
			catch (IllegalArgumentException e) {
				throw RejectedRecordException.wholeFile("unknown message log layout", e.getMessage());
			}
			TextCharset charset = messageLog.charset();
			log.info("{}: {} layout ({}), {}-separated, {} ({})", file.getFileName(), layout.name(), layout.describe(),
					DelimitedFile.nameOf(delimiter), charset.charset().name(), charset.how());
			skipCommittedRecords(context);
		}
		catch (RejectedRecordException e) {
			rejectWhole(e);
		}
		catch (IOException | UncheckedIOException e) {
			rejectWhole(RejectedRecordException.wholeFile("unreadable file", String.valueOf(e.getMessage())));
		}
	}

	private void readSample() {
		while (sample.size() < SAMPLE_SIZE) {
			NumberedRecord record = messageLog.next();
			if (record == null) {
				return;
			}
			sample.add(record);
		}
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
			throw whole;
		}
		while (true) {
			NumberedRecord record = nextRecord();
			if (record == null) {
				return null;
			}
			recordsRead++;
			if (record.isBlank()) {
				continue;
			}
			String[] cells = DelimitedFile.cellsOf(record, layout.header().size(), delimiter);
			return new MessageLogLine(file, record.line(), layout, cells, delimiter);
		}
	}

	private NumberedRecord nextRecord() {
		if (!sample.isEmpty()) {
			return sample.poll();
		}
		return messageLog == null ? null : messageLog.next();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(RECORDS_KEY, recordsRead);
	}

	@Override
	public void close() {
		if (messageLog != null) {
			messageLog.close();
			messageLog = null;
		}
	}

	private void rejectWhole(RejectedRecordException reject) {
		rejectedWhole = reject;
		sample.clear();
		close();
	}

	// tools quote a body that spans lines, whatever the delimiter
	private static CSVFormat format(char delimiter) {
		return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
	}

}
