package com.optoutbatch.messages;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.DelimitedFileReader;
import com.optoutbatch.support.RejectedRecordException;

/**
 * Reads a file of the seller's labels, {@code message_id,category} by header name,
 * comma-, semicolon- or tab-separated. A file without both columns is rejected whole; a
 * line without an id, or with a category other than CRITICAL, NON_CRITICAL or REPLY, is
 * rejected.
 */
class SellerLabelReader extends DelimitedFileReader<SellerLabel> {

	private static final String MESSAGE_ID = "message-id";

	private static final String CATEGORY = "category";

	private final String name;

	private List<String> header;

	SellerLabelReader(Path file, String name) {
		super(file, () -> DelimitedFile.open(file, null,
				delimiter -> CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()));
		this.name = name;
	}

	@Override
	protected void start() {
		header = DelimitedFile.header(next(), SellerLabelReader::normalise)
			.stream()
			.map(SellerLabelReader::normalise)
			.toList();
		if (!header.contains(MESSAGE_ID) || !header.contains(CATEGORY)) {
			throw RejectedRecordException.wholeFile("no message_id and category columns",
					"the header names " + String.join(", ", header) + "; a labels file has message_id,category");
		}
	}

	@Override
	protected SellerLabel item(NumberedRecord record) {
		String[] cells = DelimitedFile.cellsOf(record, header.size(), delimiter());
		String messageId = cells[header.indexOf(MESSAGE_ID)].strip();
		String category = normalise(cells[header.indexOf(CATEGORY)]).toUpperCase(Locale.ROOT).replace('-', '_');
		String shown = String.join(String.valueOf(delimiter()), cells);
		if (messageId.isEmpty()) {
			throw new RejectedRecordException(record.line(), "no message id", "the message_id cell is empty", shown);
		}
		if (!List.of("CRITICAL", "NON_CRITICAL", "REPLY").contains(category)) {
			throw new RejectedRecordException(record.line(), "unknown category",
					"'" + cells[header.indexOf(CATEGORY)].strip() + "' is none of CRITICAL, NON_CRITICAL, REPLY",
					shown);
		}
		return new SellerLabel(messageId, MessageCategory.valueOf(category), name, record.line());
	}

	private static String normalise(String name) {
		return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
	}

}
