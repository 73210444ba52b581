package com.optoutbatch.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * One column of a chunk's rows, handed to a statement as one SQL array that the statement
 * turns back into rows with {@code UNNEST}. A chunk then takes one statement instead of a
 * batch of one per row, each of which PostgreSQL plans and runs on its own: that halves
 * the order import there. The type names are the SQL standard's, which both databases
 * read.
 */
public record ArrayColumn<T>(String type, Function<? super T, ?> value) {

	public static <T> ArrayColumn<T> text(Function<? super T, String> value) {
		return new ArrayColumn<>("VARCHAR", value);
	}

	public static <T> ArrayColumn<T> timestamp(Function<? super T, OffsetDateTime> value) {
		return new ArrayColumn<>("TIMESTAMP WITH TIME ZONE", row -> Timestamps.stored(value.apply(row)));
	}

	public static <T> ArrayColumn<T> number(Function<? super T, Long> value) {
		return new ArrayColumn<>("BIGINT", value);
	}

	/** Sets the statement's first parameters to the columns' arrays, in order. */
	public static <T> void set(PreparedStatement statement, Collection<? extends T> rows, List<ArrayColumn<T>> columns)
			throws SQLException {
		Connection connection = statement.getConnection();
		// HSQLDB's createArrayOf drops a timestamp's fraction of a second, and
		// PostgreSQL's
		// driver takes no plain Java array: each gets the one it reads whole
		boolean hsqldb = DatabaseDriver
			.fromProductName(connection.getMetaData().getDatabaseProductName()) == DatabaseDriver.HSQLDB;
		for (int i = 0; i < columns.size(); i++) {
			Object[] values = rows.stream().map(columns.get(i).value).toArray();
			if (hsqldb) {
				statement.setObject(i + 1, values);
			}
			else {
				statement.setArray(i + 1, connection.createArrayOf(columns.get(i).type, values));
			}
		}
	}

}
