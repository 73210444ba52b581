package com.optoutbatch.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.optoutbatch.orders.AliasConflicts;
import com.optoutbatch.reports.ComplianceReport.CampaignListResult;
import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.reports.ComplianceReport.InputQuality;
import com.optoutbatch.reports.ComplianceReport.MarketplaceRow;
import com.optoutbatch.reports.ComplianceReport.NewOptOut;
import com.optoutbatch.reports.ComplianceReport.RestrictionNotice;
import com.optoutbatch.reports.ComplianceReport.LabelledMessage;
import com.optoutbatch.reports.ComplianceReport.Violations;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.Timestamps;
import com.optoutbatch.support.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gathers the report of one run date from the database (registry, messages, campaign
 * verdicts, restriction notices), the run files of that date (rejects per input, the
 * opt-out sources that could not be read whole) and the previous report. It covers the
 * messages sent since the previous report; the trends cover all of them.
 */
class ComplianceReportBuilder {

	// counted over UNION ALL: HSQLDB takes a UNION's distinct rows at twice the cost
	private static final String OPTED_OUT_BUYERS = """
			SELECT COUNT(DISTINCT buyer_alias) FROM (
			    SELECT buyer_alias FROM opt_outs WHERE buyer_alias IS NOT NULL
			    UNION ALL
			    SELECT o.buyer_alias FROM opt_outs x JOIN orders o ON o.order_id = x.order_id WHERE o.buyer_alias IS NOT NULL
			) buyers""";

	private static final String NEW_OPT_OUTS = """
			SELECT COALESCE(x.marketplace, o.marketplace), x.order_id, COALESCE(x.buyer_alias, o.buyer_alias), x.opted_out_at,
			       x.source
			FROM opt_outs x JOIN reported_opt_outs r ON r.opt_out_key = x.opt_out_key
			LEFT JOIN orders o ON o.order_id = x.order_id
			WHERE r.first_reported = ? ORDER BY x.opted_out_at NULLS FIRST, x.opt_out_key""";

	private static final List<String> REPORTED_JOBS = List.of("importOrders", "importMessages", "scanMailbox",
			"reconcileCampaigns");

	private final JdbcTemplate jdbc;

	private final Workspace workspace;

	private final ViolationFinder violationFinder;

	private final JsonMapper json = JsonMapper.builder().build();

	ComplianceReportBuilder(JdbcTemplate jdbc, Workspace workspace, ViolationFinder violationFinder) {
		this.jdbc = jdbc;
		this.workspace = workspace;
		this.violationFinder = violationFinder;
	}

	ComplianceReport build(LocalDate runDate) {
		markNewOptOuts(runDate);
		Summary previous = Summary.previous(workspace, runDate).orElse(null);
		ReportPeriod period = new ReportPeriod(previous == null ? LocalDate.MIN : previous.runDate().plusDays(1),
				runDate);
		ReportedViolations violations = new ReportedViolations(period, PublishedFile.of(workspace,
				ComplianceReportWriter.folder(workspace, runDate).resolve(ComplianceReportWriter.VIOLATIONS_FILE)));
		ViolationFinder.Reviewed review;
		try (violations) {
			review = violationFinder.review(period, violations);
		}
		List<NewOptOut> newOptOuts = jdbc
			.query(NEW_OPT_OUTS,
					(row, i) -> new NewOptOut(row.getString(1), row.getString(2),
							PersonalData.maskAlias(row.getString(3)), Timestamps.read(row, 4), row.getString(5)),
					runDate);
		List<RestrictionNotice> notices = jdbc.query(
				"SELECT noticed_at, marketplace, evidence FROM restriction_notices ORDER BY noticed_at DESC NULLS LAST, evidence",
				(row, i) -> new RestrictionNotice(Timestamps.read(row, 1), row.getString(2), row.getString(3)));
		List<JsonNode> runFiles = runFiles(runDate);
		List<InputQuality> inputs = inputs(runFiles);
		List<CampaignListResult> campaigns = campaigns(runFiles, runDate);
		Violations periodViolations = violations.violations();
		Headline headline = new Headline(newOptOuts.size(),
				count("SELECT COUNT(*) FROM opt_outs WHERE order_id IS NOT NULL"), count(OPTED_OUT_BUYERS),
				campaigns.stream().mapToLong(CampaignListResult::heldBackTotal).sum(), periodViolations.total(),
				notices.stream().filter(n -> n.noticedAt() == null || period.contains(n.noticedAt())).count(),
				inputs.stream().filter(input -> input.readOn() == null).mapToLong(InputQuality::rejected).sum());
		List<OffsetDateTime> optOutDates = jdbc.query(
				"SELECT opted_out_at FROM opt_outs WHERE opted_out_at IS NOT NULL",
				(row, i) -> Timestamps.read(row, 1));
		return new ComplianceReport(runDate, previous == null ? null : previous.runDate(),
				RunFiles.optOutSourcesNotReadWhole(workspace, runDate), headline,
				previous == null ? null : previous.headline(), newOptOuts, periodViolations, notices, campaigns,
				WeeklyChart.of("Opt-outs per week", optOutDates, runDate),
				WeeklyChart.of("Violating messages per week", review.violationsPerWeek(), runDate),
				marketplaces(review.ordersByMarketplace(), newOptOuts, violations.byMarketplace()), inputs,
				quarantined(),
				review.undecided().stream().filter(message -> period.contains(message.sentAt())).toList(), labelled());
	}

	private List<LabelledMessage> labelled() {
		// without labels, the join would still go through every stored message
		if (count("SELECT COUNT(*) FROM seller_labels") == 0) {
			return List.of();
		}
		return jdbc.query("""
				SELECT m.message_id, m.order_id, m.sent_at, m.classified_as, m.category, l.source_file, l.source_line
				FROM messages m JOIN seller_labels l ON l.message_id = m.message_id
				WHERE m.classified_as IS NOT NULL ORDER BY m.sent_at, m.message_id""",
				(row, i) -> new LabelledMessage(row.getString(1), row.getString(2), Timestamps.read(row, 3),
						row.getString(4), row.getString(5), row.getString(6) + ", line " + row.getLong(7)));
	}

	/** Notes the opt-outs no report has shown yet as first shown in this one. */
	private void markNewOptOuts(LocalDate runDate) {
		jdbc.update("""
				INSERT INTO reported_opt_outs (opt_out_key, first_reported)
				SELECT x.opt_out_key, ? FROM opt_outs x
				WHERE NOT EXISTS (SELECT 1 FROM reported_opt_outs r WHERE r.opt_out_key = x.opt_out_key)""", runDate);
	}

	private List<CampaignListResult> campaigns(List<JsonNode> runFiles, LocalDate runDate) {
		List<CampaignListResult> lists = new ArrayList<>();
		for (JsonNode run : runFiles) {
			if (run.get("job").asString().equals("reconcileCampaigns")) {
				for (ReadInput decided : inputsOf(run)) {
					JsonNode input = decided.input();
					// a list is named by its path under input/campaigns/, in the run file
					// and in the database; a list kept as decided has its rows at that
					// date
					String file = input.get("file").asString();
					long critical = count("""
							SELECT COUNT(*) FROM campaign_held_rows
							WHERE run_date = ? AND list_name = ? AND reason = 'CRITICAL_TO_OPTED_OUT'""",
							decided.readOn() != null ? decided.readOn() : runDate, file);
					lists.add(new CampaignListResult(file, input.get("read").asLong(), input.get("used").asLong(),
							counts(input.get("filterReasons")), input.get("rejected").asLong(), critical));
				}
			}
		}
		return lists;
	}

	/**
	 * The inputs a run file speaks of: those the run read, and those it did not read
	 * again, as the file of the run that read them says, with that run's date.
	 */
	private List<ReadInput> inputsOf(JsonNode run) {
		List<ReadInput> inputs = new ArrayList<>();
		run.get("inputs").forEach(input -> inputs.add(new ReadInput(input, null)));
		JsonNode unchanged = run.get("unchanged");
		for (JsonNode file : unchanged == null ? List.<JsonNode>of() : unchanged.valueStream().toList()) {
			// named under input/ here, under its folder in the run that read it
			String path = file.get("file").asString();
			String name = path.substring(path.indexOf('/') + 1);
			LocalDate readOn = LocalDate.parse(file.get("readOn").asString());
			Path earlier = workspace.output("runs", readOn.toString(), run.get("job").asString() + ".json");
			if (Files.exists(earlier)) {
				json.readTree(earlier.toFile())
					.get("inputs")
					.valueStream()
					.filter(input -> input.get("file").asString().equals(name))
					.forEach(input -> inputs.add(new ReadInput(input, readOn)));
			}
		}
		return inputs;
	}

	/**
	 * An input of a run file; {@code readOn} the date of the run that read it, if not
	 * this one.
	 */
	private record ReadInput(JsonNode input, LocalDate readOn) {
	}

	private List<MarketplaceRow> marketplaces(Map<String, Long> orders, List<NewOptOut> newOptOuts,
			Map<String, Long> violations) {
		Map<String, long[]> rows = new LinkedHashMap<>();
		orders.forEach((marketplace, count) -> rows.computeIfAbsent(marketplace, m -> new long[4])[0] = count);
		jdbc.query("SELECT marketplace, COUNT(*) FROM opt_outs WHERE order_id IS NOT NULL GROUP BY marketplace",
				row -> {
					rows.computeIfAbsent(name(row.getString(1)), m -> new long[4])[1] = row.getLong(2);
				});
		newOptOuts.forEach(optOut -> rows.computeIfAbsent(name(optOut.marketplace()), m -> new long[4])[2]++);
		violations
			.forEach((marketplace, count) -> rows.computeIfAbsent(name(marketplace), m -> new long[4])[3] += count);
		return rows.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(row -> new MarketplaceRow(row.getKey(), row.getValue()[0], row.getValue()[1], row.getValue()[2],
					row.getValue()[3]))
			.toList();
	}

	private List<InputQuality> inputs(List<JsonNode> runFiles) {
		List<InputQuality> inputs = new ArrayList<>();
		for (JsonNode run : runFiles) {
			for (ReadInput read : inputsOf(run)) {
				JsonNode input = read.input();
				Map<String, Long> reasons = counts(input.get("reasons"));
				JsonNode kinds = input.get("kinds");
				JsonNode conflicts = kinds == null ? null : kinds.get(AliasConflicts.KIND);
				inputs.add(new InputQuality(run.get("job").asString(), input.get("file").asString(), read.readOn(),
						input.get("read").asLong(), input.get("rejected").asLong(),
						reasons.entrySet()
							.stream()
							.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
							.limit(3)
							.map(reason -> reason.getKey() + " (" + reason.getValue() + ")")
							.toList(),
						conflicts == null ? 0 : conflicts.asLong()));
			}
		}
		return inputs;
	}

	/**
	 * The quarantined mail, by path under {@code output/quarantine/}:
	 * {@code a/inbox.mbox.12.eml}.
	 */
	private List<String> quarantined() {
		Path folder = workspace.output("quarantine");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().endsWith(PublishedFile.PARTIAL_SUFFIX))
				.map(file -> folder.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The run files of the jobs this report speaks of, at this run date. */
	private List<JsonNode> runFiles(LocalDate runDate) {
		List<JsonNode> runs = new ArrayList<>();
		for (String job : REPORTED_JOBS) {
			Path file = workspace.output("runs", runDate.toString(), job + ".json");
			if (Files.exists(file)) {
				runs.add(json.readTree(file.toFile()));
			}
		}
		return runs;
	}

	/**
	 * The summary of the newest report before this run date; {@code null} for the first
	 * report.
	 */
	private long count(String sql, Object... arguments) {
		Long count = jdbc.queryForObject(sql, Long.class, arguments);
		return count == null ? 0 : count;
	}

	/** A marketplace as the report names it. */
	static String name(String marketplace) {
		return marketplace == null ? "unknown" : marketplace;
	}

	private static Map<String, Long> counts(JsonNode node) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (node != null) {
			node.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
		}
		return counts;
	}

}
