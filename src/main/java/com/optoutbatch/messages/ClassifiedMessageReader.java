package com.optoutbatch.messages;

import com.optoutbatch.support.OrderHistory;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The lines of {@code classified.csv}: the messages of the order history, each order's
 * together; a restart reads them all again.
 */
class ClassifiedMessageReader extends AbstractItemCountingItemStreamItemReader<ClassifiedMessageRow> {

	private final OrderHistory history;

	private OrderHistory.Lines lines;

	ClassifiedMessageReader(OrderHistory history) {
		this.history = history;
		setName("classifiedMessages");
		setSaveState(false);
	}

	@Override
	protected void doOpen() {
		lines = history.open();
	}

	@Override
	protected ClassifiedMessageRow doRead() {
		for (OrderHistory.Line line = lines.next(); line != null; line = lines.next()) {
			if (line.isMessage()) {
				return ClassifiedMessageRow.of(line);
			}
		}
		return null;
	}

	@Override
	protected void doClose() {
		if (lines != null) {
			lines.close();
			lines = null;
		}
	}

}
