package com.optoutbatch.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Timestamps;
import com.optoutbatch.support.Workspace;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report to {@code output/reports/<run.date>/}: {@code index.html} (one
 * self-contained page: styles and charts inline, nothing from the network),
 * {@code summary.json} and every table as CSV, whole, where the page shows a long table's
 * first rows ({@link FoldedRows}); then rewrites {@code output/reports/index.html}, every
 * report newest first. Thymeleaf escapes every text it writes.
 */
class ComplianceReportWriter {

	/** Written by {@link ReportedViolations} while the violations are found. */
	static final String VIOLATIONS_FILE = "violations.csv";

	static final String NEW_OPT_OUTS_FILE = "new-opt-outs.csv";

	static final String CAMPAIGNS_FILE = "campaigns.csv";

	static final String INPUTS_FILE = "inputs.csv";

	static final String RESTRICTION_NOTICES_FILE = "restriction-notices.csv";

	static final String UNDECIDED_FILE = "undecided.csv";

	static final String QUARANTINE_FILE = "quarantine.csv";

	static final String LABELLED_FILE = "labelled.csv";

	/**
	 * Beside {@code output/reports/index.html}: every report's headline, newest first.
	 */
	static final String REPORTS_FILE = "reports.csv";

	private final ITemplateEngine templates;

	private final Workspace workspace;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	ComplianceReportWriter(ITemplateEngine templates, Workspace workspace) {
		this.templates = templates;
		this.workspace = workspace;
	}

	static Path folder(Workspace workspace, LocalDate runDate) {
		return workspace.output("reports", runDate.toString());
	}

	/**
	 * Publishes the report's files, each whole: the tables and the summary first, the
	 * page, which links to them, last; then the list of every report.
	 */
	Path write(ComplianceReport report) {
		Path folder = folder(workspace, report.runDate());
		writeTables(folder, report);
		PublishedFile.of(workspace, folder.resolve(VIOLATIONS_FILE)).publish();
		writeText(folder.resolve(Summary.FILE), json.writeValueAsString(summaryOf(report)));
		writeText(folder.resolve("index.html"), page(report));
		writeIndex();
		return folder.resolve("index.html");
	}

	/** The report's page. */
	String page(ComplianceReport report) {
		Context page = new Context(Locale.ENGLISH);
		page.setVariable("report", report);
		page.setVariable("headline", HeadlineItem.of(report.headline(), report.previous()));
		page.setVariable("charts", List.of(report.optOutsPerWeek(), report.violationsPerWeek()));
		page.setVariable("restrictionNotices", FoldedRows.of(report.restrictionNotices(), RESTRICTION_NOTICES_FILE));
		page.setVariable("newOptOuts", FoldedRows.of(report.newOptOuts(), NEW_OPT_OUTS_FILE));
		page.setVariable("campaigns", FoldedRows.of(report.campaigns(), CAMPAIGNS_FILE));
		page.setVariable("inputs", FoldedRows.of(report.inputs(), INPUTS_FILE));
		page.setVariable("quarantined", FoldedRows.of(report.quarantined(), QUARANTINE_FILE));
		page.setVariable("undecided", FoldedRows.of(report.undecided(), UNDECIDED_FILE));
		page.setVariable("labelled", FoldedRows.of(report.labelled(), LABELLED_FILE));
		return templates.process("reports/compliance-report", page);
	}

	static Summary summaryOf(ComplianceReport report) {
		Map<String, Long> byKind = new LinkedHashMap<>();
		report.violations().groups().forEach(group -> byKind.put(group.kind().name(), group.count()));
		Map<String, Long> byReason = new LinkedHashMap<>();
		report.campaigns()
			.forEach(list -> list.heldBack().forEach((reason, count) -> byReason.merge(reason, count, Long::sum)));
		return new Summary(report.runDate(), report.optOutSourcesNotReadWhole(), report.headline(), byKind, byReason,
				report.campaigns().size(), report.restrictionNotices().size(), report.quarantined().size(),
				report.undecided().size(),
				report.inputs().stream().mapToLong(ComplianceReport.InputQuality::rejected).sum());
	}

	private void writeTables(Path folder, ComplianceReport report) {
		writeCsv(folder.resolve(NEW_OPT_OUTS_FILE),
				csv -> report.newOptOuts()
					.forEach(o -> csv.printRecord(o.marketplace(), o.orderId(), o.maskedAlias(),
							Timestamps.format(o.optedOutAt()), o.source())),
				"marketplace", "order_id", "buyer_alias", "opted_out_at", "source");
		writeCsv(folder.resolve(CAMPAIGNS_FILE),
				csv -> report.campaigns()
					.forEach(l -> csv.printRecord(l.list(), l.rowsIn(), l.clean(), l.heldBackTotal(),
							l.heldBack().toString(), l.rejected(), l.criticalToOptedOut())),
				"list", "rows_in", "clean", "held_back", "held_back_by_reason", "rejected", "critical_to_opted_out");
		writeCsv(folder.resolve(INPUTS_FILE),
				csv -> report.inputs()
					.forEach(i -> csv.printRecord(i.job(), i.file(), i.readOn() == null ? "" : i.readOn(), i.read(),
							i.rejected(), String.join("; ", i.topReasons()))),
				"job", "file", "unchanged_since", "records", "rejected", "top_reasons");
		writeCsv(folder.resolve(RESTRICTION_NOTICES_FILE),
				csv -> report.restrictionNotices()
					.forEach(n -> csv.printRecord(Timestamps.format(n.noticedAt()), n.marketplace(), n.evidence())),
				"noticed_at", "marketplace", "evidence");
		writeCsv(folder.resolve(UNDECIDED_FILE),
				csv -> report.undecided()
					.forEach(m -> csv.printRecord(m.messageId(), m.orderId(), m.tool(), Timestamps.format(m.sentAt()))),
				"message_id", "order_id", "tool", "sent_at");
		writeCsv(folder.resolve(QUARANTINE_FILE), csv -> report.quarantined().forEach(file -> csv.printRecord(file)),
				"file");
		writeCsv(folder.resolve(LABELLED_FILE),
				csv -> report.labelled()
					.forEach(m -> csv.printRecord(m.messageId(), m.orderId(), Timestamps.format(m.sentAt()),
							m.classifiedAs(), m.labelledAs(), m.label())),
				"message_id", "order_id", "sent_at", "classified_as", "labelled_as", "label");
	}

	private void writeCsv(Path file, Consumer<SafeCsv.Printer> rows, String... header) {
		PublishedFile.write(workspace, file, StandardCharsets.UTF_8,
				writer -> rows.accept(SafeCsv.wrap(writer, SafeCsv.FORMAT, header)));
	}

	private void writeText(Path file, String content) {
		PublishedFile.write(workspace, file, StandardCharsets.UTF_8, writer -> writer.write(content));
	}

	/**
	 * {@code output/reports/index.html}: every report, newest first, from their
	 * summaries; the older ones folded, all in {@code reports.csv}.
	 */
	private void writeIndex() {
		Path reports = workspace.output("reports");
		List<Summary> summaries = new ArrayList<>();
		try (Stream<Path> folders = Files.list(reports)) {
			for (Path summary : folders.map(folder -> folder.resolve(Summary.FILE)).filter(Files::exists).toList()) {
				summaries.add(Summary.read(json, summary));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list " + workspace.home().relativize(reports), e);
		}
		summaries.sort(Comparator.comparing(Summary::runDate).reversed());
		writeCsv(reports.resolve(REPORTS_FILE), csv -> summaries.forEach(summary -> {
			Headline headline = summary.headline();
			csv.printRecord(summary.runDate(), headline.newOptOuts(), headline.optedOutOrders(),
					headline.optedOutBuyers(), headline.rowsHeldBack(), headline.violations(),
					headline.restrictionNotices(), headline.inputsRejected(),
					summary.optOutSourcesNotReadWhole().size());
		}), "run_date", "new_opt_outs", "opted_out_orders", "opted_out_buyers", "rows_held_back", "violations",
				"restriction_notices", "inputs_rejected", "opt_out_sources_not_read_whole");
		Context page = new Context(Locale.ENGLISH);
		page.setVariable("summaries", FoldedRows.of(summaries, REPORTS_FILE));
		writeText(reports.resolve("index.html"), templates.process("reports/index", page));
	}

	/** A headline number with its change since the previous report. */
	public record HeadlineItem(String label, long value, Long previous) {

		static List<HeadlineItem> of(Headline now, Headline was) {
			return List.of(item("new opt-outs", now.newOptOuts(), was == null ? null : was.newOptOuts()),
					item("opted-out orders", now.optedOutOrders(), was == null ? null : was.optedOutOrders()),
					item("opted-out buyers", now.optedOutBuyers(), was == null ? null : was.optedOutBuyers()),
					item("campaign rows held back", now.rowsHeldBack(), was == null ? null : was.rowsHeldBack()),
					item("violations", now.violations(), was == null ? null : was.violations()),
					item("restriction notices", now.restrictionNotices(),
							was == null ? null : was.restrictionNotices()),
					item("inputs rejected", now.inputsRejected(), was == null ? null : was.inputsRejected()));
		}

		private static HeadlineItem item(String label, long value, Long previous) {
			return new HeadlineItem(label, value, previous);
		}

		public String change() {
			if (previous == null) {
				return "first report";
			}
			long change = value - previous;
			return change == 0 ? "= as before" : (change > 0 ? "+" : "") + change + " since previous";
		}

		public String direction() {
			return previous == null || previous == value ? "" : value > previous ? "up" : "down";
		}

	}

}
