package com.optoutbatch.orders;

import java.nio.file.Path;

/**
 * One line of an order report as read, before it is checked. {@code orderId} is the
 * line's own, or for a sparse continuation line the order of the line before it.
 */
record OrderReportLine(Path file, long line, OrderReportHeader header, String[] cells, char delimiter, String orderId) {

	String purchaseDate() {
		return header.cell(cells, header.purchaseDate());
	}

	String orderStatus() {
		return header.cell(cells, header.orderStatus());
	}

	String buyerEmail() {
		return header.cell(cells, header.buyerEmail());
	}

	String salesChannel() {
		return header.cell(cells, header.salesChannel());
	}

	String lastUpdated() {
		return header.cell(cells, header.lastUpdated());
	}

	String maskedRecord() {
		return header.maskedRecord(cells, delimiter);
	}

	@Override
	public String toString() {
		return file.getFileName() + ":" + line;
	}

}
