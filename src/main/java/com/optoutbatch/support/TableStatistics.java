package com.optoutbatch.support;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings PostgreSQL's planner statistics of a table up to date once a step has written
 * many rows into it. Autovacuum does so too, but a minute or more later: the same night's
 * next steps join the tables page by page, and a planner that knew nothing of the new
 * rows read both tables whole for every page. HSQLDB keeps no such statistics: there it
 * does nothing.
 */
@Component
public class TableStatistics {

	private final JdbcTemplate jdbc;

	TableStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A listener that refreshes the statistics of {@code table} after its step. */
	public StepExecutionListener refreshAfterStep(String table) {
		return new StepExecutionListener() {

			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				if (isPostgres()) {
					jdbc.execute("ANALYZE " + table);
				}
				return null;
			}

		};
	}

	private boolean isPostgres() {
		return jdbc.execute((ConnectionCallback<DatabaseDriver>) connection -> DatabaseDriver
			.fromProductName(connection.getMetaData().getDatabaseProductName())) == DatabaseDriver.POSTGRESQL;
	}

}
