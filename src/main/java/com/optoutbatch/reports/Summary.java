package com.optoutbatch.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.support.RunFiles.UnreadInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summary.json}: a report's headline numbers and per-section counts, for scripts,
 * for the next report's comparison and for the index of all reports.
 * {@code optOutSourcesNotReadWhole} names the opt-out sources that could not be read
 * whole, and why: when it is not empty, the send lists may still hold opted-out buyers.
 * The headline counts the records rejected of the inputs read this night;
 * {@code inputsRejectedOnFile} those of every input on file, the unchanged ones as the
 * run that read them counted.
 */
public record Summary(LocalDate runDate, List<UnreadInput> optOutSourcesNotReadWhole, Headline headline,
		Map<String, Long> violationsByKind, Map<String, Long> heldBackByReason, long campaignLists,
		long restrictionNoticesOnFile, long quarantinedMails, long undecidedMessages, long inputsRejectedOnFile) {

	public Summary {
		// a summary written before the field was
		optOutSourcesNotReadWhole = optOutSourcesNotReadWhole == null ? List.of() : optOutSourcesNotReadWhole;
	}

	static final String FILE = "summary.json";

	static Summary read(JsonMapper json, Path file) {
		return json.readValue(file.toFile(), Summary.class);
	}

}
