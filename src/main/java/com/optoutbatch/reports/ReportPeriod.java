package com.optoutbatch.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The days a report speaks of: from the day after the previous report to its run date
 * (UTC).
 */
record ReportPeriod(LocalDate from, LocalDate to) {

	boolean contains(OffsetDateTime time) {
		return notBefore(time) && !date(time).isAfter(to);
	}

	/** Whether the time falls in the period or after it. */
	boolean notBefore(OffsetDateTime time) {
		return !date(time).isBefore(from);
	}

	private static LocalDate date(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
	}

}
