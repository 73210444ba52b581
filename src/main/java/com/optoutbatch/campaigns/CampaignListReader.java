package com.optoutbatch.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of one campaign list. A list that cannot be used is rejected whole, with
 * the reason; a row that cannot be parsed is rejected and reading goes on at the line
 * after the one it starts on. A restart skips the rows already committed.
 */
class CampaignListReader implements ItemStreamReader<CampaignRow> {

	private static final String ROWS_KEY = "campaigns.rows";

	private final CampaignList list;

	private DelimitedFile file;

	private long rowsRead;

	private RejectedRecordException rejectedWhole;

	CampaignListReader(CampaignList list) {
		this.list = list;
	}

	@Override
	public void open(ExecutionContext context) {
		if (RejectFile.rejectedWhole(context)) {
			return;
		}
		if (!list.usable()) {
			rejectedWhole = list.unusable().reject();
			return;
		}
		try {
			file = list.format().open(list.file());
		}
		catch (RejectedRecordException e) {
			rejectedWhole = e;
			return;
		}
		catch (IOException | UncheckedIOException e) {
			rejectedWhole = RejectedRecordException.wholeFile("unreadable file", String.valueOf(e.getMessage()));
			return;
		}
		long committed = context.getLong(ROWS_KEY, 0L);
		while (file != null && rowsRead < committed && file.next() != null) {
			rowsRead++;
		}
	}

	@Override
	public CampaignRow read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			throw whole;
		}
		while (true) {
			NumberedRecord record = file == null ? null : file.next();
			if (record == null) {
				return null;
			}
			rowsRead++;
			// the header, which the list has read
			if (rowsRead == 1 || record.isBlank()) {
				continue;
			}
			String[] cells = DelimitedFile.cellsOf(record, list.header().size(), list.format().delimiter());
			return new CampaignRow(list, record.line(), cells, cell(cells, CampaignField.ORDER_ID),
					cell(cells, CampaignField.BUYER_ALIAS), cell(cells, CampaignField.CAMPAIGN),
					cell(cells, CampaignField.PLANNED_SEND_DATE), cell(cells, CampaignField.DELIVERY_DATE),
					cell(cells, CampaignField.PURPOSE));
		}
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
