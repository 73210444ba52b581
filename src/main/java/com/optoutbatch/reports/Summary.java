package com.optoutbatch.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.support.RunFiles.UnreadInput;
import com.optoutbatch.support.Workspace;
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

	private static final Pattern REPORT_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Summary read(JsonMapper json, Path file) {
		return json.readValue(file.toFile(), Summary.class);
	}

	/** The summary of the report of {@code runDate}, when there is one. */
	public static Optional<Summary> of(Workspace workspace, LocalDate runDate) {
		Path file = workspace.output("reports", runDate.toString(), FILE);
		return Files.exists(file) ? Optional.of(read(JSON, file)) : Optional.empty();
	}

	/**
	 * The summary of the newest report before {@code runDate}: the report of that date
	 * covers the days after it. Only that one is read.
	 */
	public static Optional<Summary> previous(Workspace workspace, LocalDate runDate) {
		Path reports = workspace.output("reports");
		if (!Files.isDirectory(reports)) {
			return Optional.empty();
		}
		try (Stream<Path> folders = Files.list(reports)) {
			return folders.map(folder -> folder.getFileName().toString())
				.filter(name -> REPORT_FOLDER.matcher(name).matches())
				.map(LocalDate::parse)
				.filter(date -> date.isBefore(runDate))
				.filter(date -> Files.exists(reports.resolve(date.toString()).resolve(FILE)))
				.max(Comparator.naturalOrder())
				.map(date -> read(JSON, reports.resolve(date.toString()).resolve(FILE)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
