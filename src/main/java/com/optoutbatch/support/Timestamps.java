package com.optoutbatch.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the product stores, reads back and writes them. The two databases keep a
 * {@code TIMESTAMP WITH TIME ZONE} differently: HSQLDB gives it back with the offset it
 * was stored with, PostgreSQL at UTC; both keep microseconds, but HSQLDB cuts the rest of
 * a fraction where PostgreSQL rounds it. So every instant is stored cut to the
 * microsecond, read back at UTC, and written as ISO-8601 at UTC:
 * {@code 2026-11-03T16:00:00Z}, with a fraction of a second only when there is one. The
 * outputs are then the same bytes on either database.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/** An instant as both databases keep it: to the microsecond. */
	public static OffsetDateTime stored(OffsetDateTime time) {
		return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A {@code TIMESTAMP WITH TIME ZONE} column of a stored row, at UTC; {@code null}
	 * when it is.
	 */
	public static OffsetDateTime read(ResultSet row, String column) throws SQLException {
		return utc(row.getObject(column, OffsetDateTime.class));
	}

	/**
	 * A {@code TIMESTAMP WITH TIME ZONE} column of a stored row, at UTC; {@code null}
	 * when it is.
	 */
	public static OffsetDateTime read(ResultSet row, int column) throws SQLException {
		return utc(row.getObject(column, OffsetDateTime.class));
	}

	/** {@code 2026-11-03T16:00:00Z}; {@code null} for {@code null}. */
	public static String format(OffsetDateTime time) {
		return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time);
	}

	private static OffsetDateTime utc(OffsetDateTime time) {
		return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
