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
		LocalDate date = time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		return !date.isBefore(from) && !date.isAfter(to);
	}

}
