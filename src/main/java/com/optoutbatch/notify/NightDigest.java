package com.optoutbatch.notify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.reports.Summary;
import com.optoutbatch.reports.ViolationKind;
import com.optoutbatch.support.RunFileWriter.InputFile;
import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.Workspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the morning digest says of one night, read from what the night left: the report's
 * {@code summary.json} and tables in {@code output/reports/<run.date>/} and the run files
 * in {@code output/runs/<run.date>/}. A failed night may have no report: then the digest
 * says why it failed, and what the run files say of its inputs. Aliases are as the
 * report's tables hold them, masked; the digest holds no names, phone numbers or
 * addresses.
 *
 * @param end how the night ended, as the launch decided
 * @param headline the report's numbers; {@code null} when the night wrote no report
 * @param previousRunDate the date of the report before, whose period ended there
 * @param restrictionNotices the notices of the report's period, newest first
 * @param newOptOuts the first {@link #SHOWN} new opt-outs
 * @param newOptOutsTotal how many new opt-outs the night found
 * @param violations per kind, how many and the first {@link #EXAMPLES_PER_KIND}
 * @param lists each campaign list the night cleaned (or kept as decided)
 * @param unread the inputs of the night that could not be read whole, every job's
 * @param reportPage the self-contained report page; {@code null} when none
 * @param violationsCsv the report's {@code violations.csv}; {@code null} when none
 */
public record NightDigest(NightEnd end, Headline headline, LocalDate previousRunDate,
		List<RestrictionNotice> restrictionNotices, List<NewOptOut> newOptOuts, long newOptOutsTotal,
		List<ViolationGroup> violations, List<CampaignList> lists, List<UnreadFile> unread, Path reportPage,
		Path violationsCsv) {

	/** New opt-outs listed in the digest; all are in the report and its CSV. */
	static final int SHOWN = 25;

	/** Violations of each kind listed in the digest. */
	static final int EXAMPLES_PER_KIND = 3;

	static final List<String> READING_JOBS = List.of("importOrders", "importMessages", "scanMailbox",
			"reconcileCampaigns");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

	static NightDigest read(Workspace workspace, NightEnd end) {
		Path folder = workspace.output("reports", end.runDate().toString());
		Path summaryFile = folder.resolve("summary.json");
		Summary summary = Files.exists(summaryFile) ? JSON.readValue(summaryFile.toFile(), Summary.class) : null;
		LocalDate previous = Summary.previous(workspace, end.runDate()).map(Summary::runDate).orElse(null);
		List<RestrictionNotice> notices = new ArrayList<>();
		List<NewOptOut> optOuts = new ArrayList<>();
		long[] optOutsTotal = { 0 };
		List<ViolationGroup> violations = new ArrayList<>();
		List<CampaignList> lists = new ArrayList<>();
		if (summary != null) {
			readCsv(folder.resolve("restriction-notices.csv"), row -> {
				String noticedAt = row.get("noticed_at");
				if (noticedAt.isEmpty() || inPeriod(noticedAt, previous, end.runDate())) {
					notices.add(new RestrictionNotice(noticedAt.isEmpty() ? "unknown" : shownTime(noticedAt),
							orUnknown(row.get("marketplace")), row.get("evidence")));
				}
			});
			readCsv(folder.resolve("new-opt-outs.csv"), row -> {
				if (optOutsTotal[0]++ < SHOWN) {
					optOuts.add(new NewOptOut(orUnknown(row.get("marketplace")), dash(row.get("order_id")),
							dash(row.get("buyer_alias")),
							row.get("opted_out_at").isEmpty() ? "unknown" : row.get("opted_out_at").substring(0, 10),
							row.get("source")));
				}
			});
			violations.addAll(violationsByKind(summary, folder.resolve("violations.csv")));
			Set<String> rejectedWhole = RunFiles.read(workspace, end.runDate(), "reconcileCampaigns")
				.map(run -> run.inputs()
					.stream()
					.filter(input -> input.unreadFile() != null)
					.map(InputFile::file)
					.collect(Collectors.toSet()))
				.orElse(Set.of());
			readCsv(folder.resolve("campaigns.csv"),
					row -> lists.add(new CampaignList(row.get("list"), Long.parseLong(row.get("rows_in")),
							Long.parseLong(row.get("clean")), Long.parseLong(row.get("held_back")),
							Long.parseLong(row.get("rejected")), rejectedWhole.contains(row.get("list")))));
		}
		List<UnreadFile> unread = new ArrayList<>();
		for (String job : READING_JOBS) {
			RunFiles.read(workspace, end.runDate(), job)
				.ifPresent(run -> RunFiles.notReadWhole(run)
					.forEach(input -> unread.add(
							new UnreadFile(job, input.file(), input.why(), job.equals(RunFiles.OPT_OUT_SOURCES_JOB)))));
		}
		Path page = folder.resolve("index.html");
		Path violationsCsv = folder.resolve("violations.csv");
		return new NightDigest(end, summary == null ? null : summary.headline(), previous, List.copyOf(notices),
				List.copyOf(optOuts), optOutsTotal[0], List.copyOf(violations), List.copyOf(lists), List.copyOf(unread),
				summary != null && Files.exists(page) ? page : null,
				summary != null && Files.exists(violationsCsv) ? violationsCsv : null);
	}

	/** Whether the night wrote its report. */
	public boolean hasReport() {
		return headline != null;
	}

	public boolean failed() {
		return end.state() == NightEnd.State.FAILED;
	}

	public boolean optOutSourcesNotReadWhole() {
		return end.state() == NightEnd.State.OPT_OUT_SOURCES_NOT_READ_WHOLE;
	}

	public long violationsTotal() {
		return violations.stream().mapToLong(ViolationGroup::count).sum();
	}

	public long newOptOutsHidden() {
		return newOptOutsTotal - newOptOuts.size();
	}

	/** The lists cleaned: those not rejected whole. */
	public long cleanedLists() {
		return lists.stream().filter(list -> !list.rejectedWhole()).count();
	}

	public long cleanedRows() {
		return lists.stream().mapToLong(CampaignList::clean).sum();
	}

	public long heldBackRows() {
		return lists.stream().mapToLong(CampaignList::heldBack).sum();
	}

	/**
	 * The subject: the night's state at a glance. {@code optout-batch 2026-11-26: 1
	 * restriction notice, 3 new opt-outs}, {@code optout-batch 2026-11-26 FAILED: ...}.
	 */
	public String subject() {
		String head = "optout-batch " + end.runDate();
		if (failed()) {
			return cut(head + " FAILED: " + end.reason().replaceFirst("^(\\w+) FAILED: ", "$1: "));
		}
		List<String> parts = new ArrayList<>();
		if (optOutSourcesNotReadWhole()) {
			long sources = unread.stream().filter(UnreadFile::optOutSource).count();
			parts.add(count(sources, "opt-out source") + " NOT READ WHOLE");
		}
		if (hasReport()) {
			if (!restrictionNotices.isEmpty()) {
				parts.add(count(restrictionNotices.size(), "restriction notice"));
			}
			parts.add(newOptOutsTotal == 0 ? "no new opt-outs" : count(newOptOutsTotal, "new opt-out"));
			if (violationsTotal() > 0) {
				parts.add(count(violationsTotal(), "violation"));
			}
		}
		return cut(head + (optOutSourcesNotReadWhole() ? " INCOMPLETE" : "") + ": " + String.join(", ", parts));
	}

	/**
	 * {@code 14 new opt-outs}: a template may not write "new" in an expression, which
	 * Thymeleaf takes for an object made.
	 */
	public String newOptOutsCounted() {
		return count(newOptOutsTotal, "new opt-out");
	}

	/** {@code 1 restriction notice}, {@code 3 restriction notices}: for the templates. */
	public String counted(long count, String noun) {
		return count(count, noun);
	}

	static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	private static String cut(String subject) {
		String line = subject.replaceAll("\\s+", " ");
		return line.length() <= 160 ? line : line.substring(0, 159) + "…";
	}

	private static List<ViolationGroup> violationsByKind(Summary summary, Path csv) {
		Map<String, List<Violation>> examples = new LinkedHashMap<>();
		summary.violationsByKind().keySet().forEach(kind -> examples.put(kind, new ArrayList<>()));
		readCsv(csv, row -> {
			List<Violation> shown = examples.computeIfAbsent(row.get("kind"), kind -> new ArrayList<>());
			if (shown.size() < EXAMPLES_PER_KIND) {
				shown.add(new Violation(shownTime(row.get("sent_at")), dash(row.get("order_id")),
						dash(row.get("buyer_alias")), dash(row.get("tool")), row.get("why")));
			}
		});
		return summary.violationsByKind()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map(kind -> new ViolationGroup(title(kind.getKey()), kind.getValue(),
					List.copyOf(examples.get(kind.getKey()))))
			.toList();
	}

	private static String title(String kind) {
		try {
			return ViolationKind.valueOf(kind).title();
		}
		catch (IllegalArgumentException e) {
			return kind;
		}
	}

	private static void readCsv(Path file, Consumer<CSVRecord> row) {
		if (!Files.exists(file)) {
			return;
		}
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(in)) {
			parser.forEach(row);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file.getFileName(), e);
		}
	}

	private static boolean inPeriod(String instant, LocalDate previous, LocalDate runDate) {
		LocalDate date = LocalDate.parse(instant.substring(0, 10));
		return (previous == null || date.isAfter(previous)) && !date.isAfter(runDate);
	}

	/** {@code 2026-11-20T15:00:00Z} as {@code 2026-11-20 15:00}. */
	private static String shownTime(String instant) {
		return instant.length() >= 16 ? instant.substring(0, 10) + " " + instant.substring(11, 16) : instant;
	}

	private static String orUnknown(String value) {
		return value == null || value.isEmpty() ? "unknown" : value;
	}

	private static String dash(String value) {
		return value == null || value.isEmpty() ? "-" : value;
	}

	public record RestrictionNotice(String noticedAt, String marketplace, String evidence) {
	}

	public record NewOptOut(String marketplace, String orderId, String buyer, String optedOutOn, String source) {
	}

	public record ViolationGroup(String title, long count, List<Violation> examples) {

		public long hidden() {
			return count - examples.size();
		}

	}

	public record Violation(String sentAt, String orderId, String buyer, String tool, String why) {
	}

	/**
	 * A campaign list of the night; {@code rejectedWhole}: it could not be read, so it
	 * has no clean copy.
	 */
	public record CampaignList(String list, long rowsIn, long clean, long heldBack, long rejected,
			boolean rejectedWhole) {
	}

	/**
	 * An input that could not be read whole; {@code optOutSource}: an opt-out source,
	 * whose unread part may hold an opt-out the registry lacks.
	 */
	public record UnreadFile(String job, String file, String why, boolean optOutSource) {
	}

}
