package com.optoutbatch.messages;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.DelimitedFileReader;
import com.optoutbatch.support.RejectedRecordException;

/**
 * Reads one sent-message log, comma-, tab- or semicolon-separated, in whatever charset it
 * was exported in, with bodies over several lines in quoted cells. The layout comes from
 * the header and the first records ({@link MessageLayouts}); a log it cannot use at all
 * is rejected whole. A record that cannot be parsed is rejected and reading goes on at
 * the line after the one it starts on.
 */
class MessageLogReader extends DelimitedFileReader<MessageLogLine> {

	private static final Logger log = LoggerFactory.getLogger(MessageLogReader.class);

	// the first records, which decide a detected layout
	private static final int SAMPLE_SIZE = 50;

	private final MessageLayouts layouts;

	private final String profile;

	private MessageLayout layout;

	MessageLogReader(Path file, Charset charsetOverride, MessageLayouts layouts, String profile) {
		super(file, () -> DelimitedFile.open(file, charsetOverride, MessageLogReader::format));
		this.layouts = layouts;
		this.profile = profile;
	}

	@Override
	protected void start() {
		List<String> header = DelimitedFile.header(next(), MessageField::normalise);
		List<String[]> firstRecords = peek(SAMPLE_SIZE).stream()
			.map(NumberedRecord::cells)
			.filter(cells -> cells != null)
			.toList();
		try {
			layout = layouts.of(header, firstRecords, profile);
		}
		catch (IllegalArgumentException e) {
			throw RejectedRecordException.wholeFile("unknown message log layout", e.getMessage());
		}
		log.info("{}: {} layout ({}), {}-separated, {} ({})", file().getFileName(), layout.name(), layout.describe(),
				DelimitedFile.nameOf(delimiter()), charset().charset().name(), charset().how());
	}

	@Override
	protected MessageLogLine item(NumberedRecord record) {
		String[] cells = DelimitedFile.cellsOf(record, layout.header().size(), delimiter());
		return new MessageLogLine(file(), record.line(), layout, cells, delimiter());
	}

	// tools quote a body that spans lines, whatever the delimiter
	private static CSVFormat format(char delimiter) {
		return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
	}

}
