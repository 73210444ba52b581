package com.optoutbatch.messages;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDriver;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before the keys led with the order id finds its messages again after
 * V9.
 */
class MessageKeyMigrationTests {

	@Test
	void storedKeysTakeTheFormTheParserNowGives() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new JDBCDriver(),
				"jdbc:hsqldb:mem:keys-" + UUID.randomUUID(), "SA", "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		migrate(dataSource, "8");
		String insert = """
				INSERT INTO messages (message_key, order_id, sent_at, category, reason, flags, source_file, source_line, imported_at)
				VALUES (?, ?, CURRENT_TIMESTAMP, 'CRITICAL', 'r', '', 'log.csv', 1, CURRENT_TIMESTAMP)""";
		jdbc.update(insert, "0123456789abcdef0123456789abcdef", "112-3456789-0123456");
		jdbc.update(insert, "fedcba9876543210fedcba9876543210", null);
		jdbc.update(insert, "ff0123456789abcdef0123456789abcd", "113-3456789-0123456");

		migrate(dataSource, "latest");

		assertThat(jdbc.queryForList("SELECT message_key FROM messages ORDER BY message_key", String.class))
			.containsExactly("112-3456789-0123456/0123456789abcdef0123456789abcdef",
					"113-3456789-0123456/ff0123456789abcdef0123456789abcd", "fedcba9876543210fedcba9876543210");
		jdbc.execute("SHUTDOWN");
	}

	private static void migrate(SimpleDriverDataSource dataSource, String target) {
		Flyway.configure().dataSource(dataSource).target(target).load().migrate();
	}

}
