package com.optoutbatch.support;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes the embedded HSQLDB database properly when the application ends, so that the
 * next run opens it at once instead of replaying the whole transaction log.
 */
@Component
class EmbeddedDatabaseShutdown implements ApplicationListener<ContextClosedEvent> {

	private final DataSource dataSource;

	private final boolean hsqldb;

	EmbeddedDatabaseShutdown(DataSource dataSource, DataSourceProperties properties) {
		this.dataSource = dataSource;
		this.hsqldb = properties.getUrl() != null && properties.getUrl().startsWith("jdbc:hsqldb:file:");
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (hsqldb) {
			new JdbcTemplate(dataSource).execute("SHUTDOWN");
		}
	}

}
