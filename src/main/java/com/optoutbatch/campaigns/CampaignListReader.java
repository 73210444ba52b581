package com.optoutbatch.campaigns;

import java.io.IOException;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of one campaign list. The rows of a list that cannot be used are each
 * rejected with the reason, so that every row is accounted for; a row that cannot be
 * parsed is rejected and reading goes on at the line after the one it starts on. A restart
 * skips the rows already committed.
 */
class CampaignListReader implements ItemStreamReader<CampaignRow> {

	private static final String ROWS_KEY = "campaigns.rows";

	private final CampaignList list;

	private DelimitedFile file;

	private long rowsRead;

	private boolean reportedUnreadable;

	private String unreadable;

	CampaignListReader(CampaignList list) {
		this.list = list;
	}

	@Override
	public void open(ExecutionContext context) {
		if (list.format() == null) {
			return;
		}
		try {
			file = list.format().open(list.file());
		}
		catch (IOException e) {
			unreadable = "unreadable file: " + e.getMessage();
			return;
		}
		long committed = context.getLong(ROWS_KEY, 0L);
		while (file != null && rowsRead < committed && file.next() != null) {
			rowsRead++;
		}
	}

	@Override
	public CampaignRow read() {
		if (list.format() == null || unreadable != null) {
			return rejectUnreadableOnce();
		}
		NumberedRecord record;
		do {
			record = file == null ? null : file.next();
			if (record == null) {
				return null;
			}
			rowsRead++;
		}
		while (record.isBlank());
		if (record.unreadable() != null) {
			throw record.unreadable().reject(record.line(), list.format().delimiter());
		}
		String[] cells = record.cells();
		if (rowsRead == 1) {
			if (!list.usable()) {
				throw new RejectedRecordException(record.line(), "unusable list", list.unusable(),
						String.join(String.valueOf(list.format().delimiter()), cells));
			}
			return read();
		}
		if (!list.usable()) {
			throw new RejectedRecordException(record.line(), "unusable list", "the list is rejected whole: " + list.unusable(),
					list.maskedRecord(cells));
		}
		if (cells.length > list.header().size()) {
			throw new RejectedRecordException(record.line(), "more cells than the header",
					cells.length + " cells, the header names " + list.header().size(), list.maskedRecord(cells));
		}
		return new CampaignRow(list, record.line(), cells, cell(cells, CampaignField.ORDER_ID),
				cell(cells, CampaignField.BUYER_ALIAS), cell(cells, CampaignField.CAMPAIGN),
				cell(cells, CampaignField.PLANNED_SEND_DATE), cell(cells, CampaignField.DELIVERY_DATE),
				cell(cells, CampaignField.PURPOSE));
	}

	private CampaignRow rejectUnreadableOnce() {
		if (reportedUnreadable) {
			return null;
		}
		reportedUnreadable = true;
		throw new RejectedRecordException(0, "unusable list", unreadable != null ? unreadable : list.unusable(), "");
	}

	private String cell(String[] cells, CampaignField field) {
		Integer column = list.columns().get(field);
		if (column == null || column >= cells.length) {
			return null;
		}
		String value = cells[column].trim();
		return value.isEmpty() ? null : value;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(ROWS_KEY, rowsRead);
	}

	@Override
	public void close() {
		if (file != null) {
			file.close();
			file = null;
		}
	}

}
