package com.optoutbatch.messages;

import java.util.Iterator;

import org.springframework.batch.infrastructure.item.data.AbstractPaginatedDataItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lines of {@code classified.csv}, each order's messages together; a restart reads
 * them all again.
 */
class ClassifiedMessageReader extends AbstractPaginatedDataItemReader<ClassifiedMessageRow> {

	private final JdbcTemplate jdbc;

	private MessagesByOrder<ClassifiedMessageRow> messages;

	ClassifiedMessageReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		setName("classifiedMessages");
		setSaveState(false);
	}

	@Override
	protected void doOpen() {
		messages = new MessagesByOrder<>(jdbc, ClassifiedMessageRow.COLUMNS, ClassifiedMessageRow::map);
	}

	@Override
	protected Iterator<ClassifiedMessageRow> doPageRead() {
		return messages.next().iterator();
	}

}
