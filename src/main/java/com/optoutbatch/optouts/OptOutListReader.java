package com.optoutbatch.optouts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an opt-out list: a CSV (comma, semicolon or tab) or a plain list, one entry a
 * line, in whatever charset it comes. A file that is not text is rejected whole; a line
 * that cannot be parsed is rejected and reading goes on at the next line. A restart skips
 * the lines already committed.
 */
class OptOutListReader implements ItemStreamReader<OptOutListLine> {

	private static final String LINES_KEY = "optouts.lines";

	private final Path file;

	private DelimitedFile list;

	private long linesRead;

	private RejectedRecordException rejectedWhole;

	OptOutListReader(Path file) {
		this.file = file;
	}

	@Override
	public void open(ExecutionContext context) {
		if (RejectFile.rejectedWhole(context)) {
			return;
		}
		try {
			list = DelimitedFile.open(file, null, OptOutListReader::delimiterOf,
					delimiter -> CSVFormat.RFC4180.builder()
						.setDelimiter(delimiter)
						.setIgnoreSurroundingSpaces(true)
						.get());
			long committed = context.getLong(LINES_KEY, 0L);
			while (list != null && linesRead < committed && list.next() != null) {
				linesRead++;
			}
		}
		catch (RejectedRecordException e) {
			rejectedWhole = e;
		}
		catch (IOException | UncheckedIOException e) {
			rejectedWhole = RejectedRecordException.wholeFile("unreadable file", String.valueOf(e.getMessage()));
		}
	}

	@Override
	public OptOutListLine read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			close();
			throw whole;
		}
		NumberedRecord record = list == null ? null : list.next();
		if (record == null) {
			return null;
		}
		linesRead++;
		if (record.unreadable() != null) {
			throw record.unreadable().reject(record.line(), list.delimiter());
		}
		if (record.controlCharacter() != null) {
			throw new RejectedRecordException(record.line(), "control character", record.controlCharacter(),
					PersonalData.maskedWithoutColumns(record.cells(), list.delimiter()));
		}
		return new OptOutListLine(file.getFileName().toString(), record.line(), List.of(record.cells()));
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(LINES_KEY, linesRead);
	}

	@Override
	public void close() {
		if (list != null) {
			list.close();
			list = null;
		}
	}

	// a plain list has none of them: one entry a line
	private static char delimiterOf(String line) {
		for (char candidate : new char[] { '\t', ';', ',' }) {
			if (line.indexOf(candidate) >= 0) {
				return candidate;
			}
		}
		return ',';
	}

}
