package com.optoutbatch.optouts;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.DelimitedFileReader;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectedRecordException;

/**
 * Reads an opt-out list: a CSV (comma, semicolon or tab) or a plain list, one entry a
 * line, in whatever charset it comes. A file that is not text is rejected whole; a line
 * that cannot be parsed is rejected and reading goes on at the next line. Every line is a
 * record, a blank one too: the parser tells a header, a comment or a blank line from an
 * entry.
 */
class OptOutListReader extends DelimitedFileReader<OptOutListLine> {

	OptOutListReader(Path file) {
		super(file,
				() -> DelimitedFile.open(file, null, OptOutListReader::delimiterOf,
						delimiter -> CSVFormat.RFC4180.builder()
							.setDelimiter(delimiter)
							.setIgnoreSurroundingSpaces(true)
							.get()));
	}

	@Override
	protected boolean skipsBlankLines() {
		return false;
	}

	@Override
	protected OptOutListLine item(NumberedRecord record) {
		if (record.unreadable() != null) {
			throw record.unreadable().reject(record.line(), delimiter());
		}
		if (record.controlCharacter() != null) {
			throw new RejectedRecordException(record.line(), "control character", record.controlCharacter(),
					PersonalData.maskedWithoutColumns(record.cells(), delimiter()));
		}
		return new OptOutListLine(file().getFileName().toString(), record.line(), List.of(record.cells()));
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
