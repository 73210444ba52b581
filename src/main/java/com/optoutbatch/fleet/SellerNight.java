package com.optoutbatch.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.reports.Summary;
import com.optoutbatch.support.RunFileWriter.RunFile;
import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.RunFiles.UnreadInput;
import com.optoutbatch.support.Workspace;

/**
 * One seller's night as the fleet report shows it, read from the seller's workspace: the
 * nightly run file of that date, the opt-out sources' run file and the report's
 * {@code summary.json}. {@code reason} says in one line why the night did not complete
 * (null when it did); {@code counts} are the report's headline numbers, null when the
 * seller has no report of that date; {@code report} links to that report from the fleet
 * report's page, null when there is none.
 */
public record SellerNight(String seller, Outcome outcome, String reason, Counts counts, String report) {

	/** The nightly run's file: {@code output/runs/<run.date>/nightly.json}. */
	static final String NIGHTLY_JOB = "nightly";

	private static final DateTimeFormatter STARTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * Reads the night of the seller whose workspace is {@code sellerHome}, a folder of
	 * the fleet. {@code failure}: why the fleet job says the seller's run failed, or
	 * null; the run file's own reason wins when it has one, and a completed run file wins
	 * over it.
	 */
	public static SellerNight read(Path sellerHome, LocalDate runDate, String failure) {
		Workspace workspace = new Workspace(sellerHome);
		String seller = workspace.home().getFileName().toString();
		Path reportFolder = workspace.output("reports", runDate.toString());
		Counts counts = Summary.of(workspace, runDate).map(summary -> Counts.of(summary.headline())).orElse(null);
		String report = Files.exists(reportFolder.resolve("index.html")) ? linkTo(seller, runDate) : null;
		Optional<RunFile> run = RunFiles.read(workspace, runDate, NIGHTLY_JOB);
		if (run.isEmpty()) {
			return new SellerNight(seller, Outcome.NOT_RUN,
					failure != null ? failure : "no nightly run file for " + runDate + ": the night never started",
					counts, report);
		}
		if (!run.get().status().equals("COMPLETED")) {
			return new SellerNight(seller, Outcome.FAILED, failureOf(run.get(), failure), counts, report);
		}
		List<UnreadInput> unread = RunFiles.optOutSourcesNotReadWhole(workspace, runDate);
		if (!unread.isEmpty()) {
			return new SellerNight(seller, Outcome.INCOMPLETE,
					String.format(
							"completed, but %d opt-out %s could not be read whole: %s; "
									+ "the send lists may still hold opted-out buyers",
							unread.size(), unread.size() == 1 ? "source" : "sources",
							unread.stream().map(UnreadInput::toString).collect(Collectors.joining(", "))),
					counts, report);
		}
		return new SellerNight(seller, Outcome.COMPLETED, null, counts, report);
	}

	/**
	 * A run file that did not complete has a failure unless it still says the run is
	 * going on, which a run that was killed or timed out leaves behind.
	 */
	private static String failureOf(RunFile run, String failure) {
		if (run.failure() != null) {
			return run.failure();
		}
		if (failure != null) {
			return failure;
		}
		String since = run.startedAt() == null ? "" : " since " + STARTED_AT.format(run.startedAt());
		return "the nightly run is " + run.status() + since + " and never ended: it was killed, or it is still running";
	}

	/**
	 * From {@code <fleet>/reports/<run.date>/index.html} to the seller's report, the
	 * folder name encoded as a URL path needs it.
	 */
	private static String linkTo(String seller, LocalDate runDate) {
		try {
			return new URI(null, null, "../../" + seller + "/output/reports/" + runDate + "/index.html", null)
				.getRawPath();
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("seller folder " + seller + " cannot be linked to", e);
		}
	}

	/** The restriction notices of the seller's report; none when there is no report. */
	public long restrictionNotices() {
		return counts == null ? 0 : counts.restrictionNotices();
	}

	public long violations() {
		return counts == null ? 0 : counts.violations();
	}

	/** In the order the fleet report shows them: what needs attention first. */
	public enum Outcome {

		FAILED("failed"),

		/** No run file for that date: the seller's run never started. */
		NOT_RUN("not run"),

		/**
		 * Completed, but an opt-out source could not be read whole: the seller's run
		 * ended with exit code 5.
		 */
		INCOMPLETE("incomplete"),

		COMPLETED("completed");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** The headline numbers of the seller's report of that night. */
	public record Counts(long newOptOuts, long restrictionNotices, long violations, long rowsHeldBack,
			long inputsRejected) {

		public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

		static Counts of(Headline headline) {
			return new Counts(headline.newOptOuts(), headline.restrictionNotices(), headline.violations(),
					headline.rowsHeldBack(), headline.inputsRejected());
		}

		Counts plus(Counts other) {
			return new Counts(newOptOuts + other.newOptOuts, restrictionNotices + other.restrictionNotices,
					violations + other.violations, rowsHeldBack + other.rowsHeldBack,
					inputsRejected + other.inputsRejected);
		}

	}

}
