package com.optoutbatch.campaigns;

import java.io.IOException;

import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.DelimitedFileReader;

/**
 * Reads the rows of one campaign list. A list that cannot be used is rejected whole, with
 * the reason; a row that cannot be parsed is rejected and reading goes on at the line
 * after the one it starts on.
 */
class CampaignListReader extends DelimitedFileReader<CampaignRow> {

	private final CampaignList list;

	CampaignListReader(CampaignList list) {
		super(list.file(), () -> open(list));
		this.list = list;
	}

	private static DelimitedFile open(CampaignList list) throws IOException {
		if (!list.usable()) {
			throw list.unusable().reject();
		}
		return list.format().open(list.file());
	}

	// the header, which the list has read
	@Override
	protected void start() {
		next();
	}

	@Override
	protected CampaignRow item(NumberedRecord record) {
		String[] cells = DelimitedFile.cellsOf(record, list.header().size(), list.format().delimiter());
		return new CampaignRow(list, record.line(), cells, cell(cells, CampaignField.ORDER_ID),
				cell(cells, CampaignField.BUYER_ALIAS), cell(cells, CampaignField.CAMPAIGN),
				cell(cells, CampaignField.PLANNED_SEND_DATE), cell(cells, CampaignField.DELIVERY_DATE),
				cell(cells, CampaignField.PURPOSE));
	}

	private String cell(String[] cells, CampaignField field) {
		Integer column = list.columns().get(field);
		if (column == null || column >= cells.length) {
			return null;
		}
		String value = cells[column].trim();
		return value.isEmpty() ? null : value;
	}

}
