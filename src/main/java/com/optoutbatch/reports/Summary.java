package com.optoutbatch.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import com.optoutbatch.reports.ComplianceReport.Headline;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summary.json}: a report's headline numbers and per-section counts, for scripts, for
 * the next report's comparison and for the index of all reports.
 */
public record Summary(LocalDate runDate, Headline headline, Map<String, Long> violationsByKind,
		Map<String, Long> heldBackByReason, long campaignLists, long restrictionNoticesOnFile, long quarantinedMails,
		long undecidedMessages) {

	static final String FILE = "summary.json";

	static Summary read(JsonMapper json, Path file) {
		return json.readValue(file.toFile(), Summary.class);
	}

}
