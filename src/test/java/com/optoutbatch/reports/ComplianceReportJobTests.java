package com.optoutbatch.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.RecordedRun;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.TestWorkspace;
import org.jsoup.Jsoup;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceReportJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Job nightly;

	@Autowired
	Job complianceReport;

	@Autowired
	JobRepository repository;

	@Autowired
	RunFileWriter runFileWriter;

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.sampleOnly(workspace, jdbc);
	}

	@Test
	void theEmptyReportRenderedAheadOfTheNightRenders(@Autowired ITemplateEngine templates) {
		assertThat(new ComplianceReportWriter(templates, workspace).page(ReportTemplates.empty(RUN_DATE)))
			.contains("Compliance report for 2026-11-26");
	}

	@Test
	void reportNumbersEqualTheDatabaseAndTheRunFiles() throws Exception {
		jobs.setJob(nightly);
		assertThat(jobs.startJob(parameters(RUN_DATE)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		JsonNode headline = summary(RUN_DATE).get("headline");
		assertThat(headline.get("optedOutOrders").asLong())
			.isEqualTo(count("SELECT COUNT(*) FROM opt_outs WHERE order_id IS NOT NULL"));
		assertThat(headline.get("newOptOuts").asLong()).isEqualTo(count("SELECT COUNT(*) FROM opt_outs"));
		assertThat(headline.get("rowsHeldBack").asLong())
			.isEqualTo(runFile("reconcileCampaigns").get("totals").get("filtered").asLong())
			.isPositive();
		assertThat(headline.get("restrictionNotices").asLong())
			.isEqualTo(count("SELECT COUNT(*) FROM restriction_notices"));
		long rejected = 0;
		for (String job : new String[] { "importOrders", "importMessages", "scanMailbox", "reconcileCampaigns" }) {
			rejected += runFile(job).get("totals").get("rejected").asLong();
		}
		assertThat(headline.get("inputsRejected").asLong()).isEqualTo(rejected);
		assertThat(summary(RUN_DATE).get("undecidedMessages").asLong())
			.isEqualTo(count("SELECT COUNT(*) FROM messages WHERE category = 'UNDECIDED'"));
		long violations = Files.readAllLines(report(RUN_DATE).resolveSibling("violations.csv")).size() - 1;
		assertThat(headline.get("violations").asLong()).isEqualTo(violations).isPositive();
	}

	@Test
	void reportShowsEverySectionWithAliasesMaskedAndNoPersonalData() throws Exception {
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		String page = Files.readString(report(RUN_DATE), StandardCharsets.UTF_8);
		assertThat(page).contains("Restriction notices", "New opt-outs", "Messages that broke the rules",
				"Campaign lists", "Trends", "Per marketplace", "Data quality", "<svg",
				"Non-critical message to a buyer who had opted out");
		assertThat(page).contains("3x***bn@marketplace.amazon.com").doesNotContain("3xq7m2kd9fz4tbn");
		assertThat(page).doesNotContain("Jane Doe", "Pine St", "206-555", "山田", "<script", "@import");
		assertThat(page).as("nothing loaded from the network").doesNotContainPattern("(src|href)=\"(https?:)?//");
		assertThat(workspace.output("reports", "index.html")).content()
			.contains("2026-11-26/index.html")
			.doesNotContain("opt-out sources not read whole");
		assertThat(page).as("no warning when every opt-out source was read whole")
			.doesNotContain("opt-out-sources-not-read-whole");
		assertThat(summary(RUN_DATE).get("optOutSourcesNotReadWhole")).isEmpty();
	}

	@Test
	void reportOpensOnTheHeadlineThenTheRestrictionNotices() throws Exception {
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		assertThat(Jsoup.parse(report(RUN_DATE).toFile()).select("body > section").eachAttr("id")).containsExactly(
				"headline", "restrictions", "new-opt-outs", "violations", "campaigns", "trends", "marketplaces",
				"data-quality");
	}

	@Test
	void aLongSectionShowsItsFirstRowsAndFoldsTheRestBesideItsCountAndItsCsv() throws Exception {
		StringBuilder list = new StringBuilder("Order ID,Buyer Email,Opted out\n");
		for (int i = 1; i <= 45; i++) {
			list.append("171-3000000-%07d,buyer%02dqx7zk@marketplace.amazon.com,2026-10-%02d\n".formatted(i, i,
					i % 28 + 1));
		}
		Files.writeString(workspace.input("optouts").resolve("many.csv"), list);

		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		long count = count("SELECT COUNT(*) FROM opt_outs");
		assertThat(count).isGreaterThan(45);
		Element section = Jsoup.parse(report(RUN_DATE).toFile()).getElementById("new-opt-outs");
		assertThat(section.select("> p.rows").text())
			.isEqualTo("First 20 of %d · the next %d folded below · all %d in new-opt-outs.csv".formatted(count,
					count - 20, count));
		assertThat(section.select("> p.rows a").attr("href")).isEqualTo("new-opt-outs.csv");
		List<String> open = section.select("> div.scroll tbody tr").eachText();
		List<String> folded = section.select("> details > div.scroll tbody tr").eachText();
		assertThat(open).hasSize(FoldedRows.OPEN);
		assertThat(folded).hasSize((int) count - FoldedRows.OPEN);
		assertThat(section.select("> details > summary").text())
			.isEqualTo("Rows 21 to %d of %d".formatted(count, count));

		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(Files.newBufferedReader(report(RUN_DATE).resolveSibling("new-opt-outs.csv")))
			.getRecords();
		assertThat(rows).hasSize((int) count);
		List<String> orders = rows.stream().map(row -> row.get("order_id")).filter(id -> !id.isEmpty()).toList();
		assertThat(orders).contains("171-3000000-0000001", "171-3000000-0000045");
		assertThat(section.select("tbody tr td.id").eachText().stream().filter(id -> !id.equals("-")).toList())
			.as("the page's rows, open then folded, are the CSV's")
			.isEqualTo(orders);
		assertThat(rows).filteredOn(row -> row.get("order_id").startsWith("171-3000000-"))
			.allSatisfy(row -> assertThat(row.get("buyer_alias")).isEqualTo("bu***zk@marketplace.amazon.com"));
		assertThat(report(RUN_DATE).resolveSibling("new-opt-outs.csv")).content().doesNotContain("qx7zk@");
		assertThat(section.text()).contains("bu***zk@marketplace.amazon.com").doesNotContain("qx7zk@");
	}

	@Test
	void theListOfReportsShowsTheNewestOpenAndFoldsTheOlderOnesAllInItsCsv() throws Exception {
		for (LocalDate night = RUN_DATE.minusDays(25); night.isBefore(RUN_DATE); night = night.plusDays(1)) {
			Path summary = Files.createDirectories(workspace.output("reports", night.toString())).resolve(Summary.FILE);
			JSON.writeValue(summary.toFile(),
					new Summary(night, List.of(), Headline.NONE, Map.of(), Map.of(), 0, 0, 0, 0, 0));
		}

		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		Element index = Jsoup.parse(workspace.output("reports", "index.html").toFile()).body();
		assertThat(index.select("> p.rows").text())
			.isEqualTo("First 20 of 26 · the next 6 folded below · all 26 in reports.csv");
		assertThat(index.select("> div.scroll tbody tr a").eachText()).hasSize(FoldedRows.OPEN)
			.startsWith("2026-11-26", "2026-11-25");
		assertThat(index.select("> details > div.scroll tbody tr a").eachText()).containsExactly("2026-11-06",
				"2026-11-05", "2026-11-04", "2026-11-03", "2026-11-02", "2026-11-01");
		List<String> csv = Files.readAllLines(workspace.output("reports", "reports.csv"));
		assertThat(csv).hasSize(27);
		assertThat(csv.get(1)).startsWith("2026-11-26,");
		assertThat(csv.get(26)).isEqualTo("2026-11-01,0,0,0,0,0,0,0,0");
	}

	@Test
	void aShortSectionIsNotFolded() throws Exception {
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		Element section = Jsoup.parse(report(RUN_DATE).toFile()).getElementById("new-opt-outs");
		assertThat(section.select("details, p.rows")).isEmpty();
		assertThat(section.select("tbody tr")).hasSize((int) count("SELECT COUNT(*) FROM opt_outs"));
	}

	@Test
	void reportListsTheMessagesTheSellerLabelledWithWhatTheClassifierSaid() throws Exception {
		Files.writeString(Files.createDirectories(workspace.input("labels")).resolve("fixes.csv"),
				"message_id,category\nm-1007,REPLY\n");
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		String page = Files.readString(report(RUN_DATE), StandardCharsets.UTF_8);
		assertThat(page).contains("Messages you labelled (1)", "m-1007", "labels/fixes.csv, line 2");
		assertThat(Files.readAllLines(report(RUN_DATE).resolveSibling("labelled.csv"))).hasSize(2)
			.first()
			.isEqualTo("message_id,order_id,sent_at,classified_as,labelled_as,label");
		assertThat(Files.readAllLines(report(RUN_DATE).resolveSibling("labelled.csv")).get(1)).startsWith("m-1007,")
			.endsWith(",REPLY,\"labels/fixes.csv, line 2\"");
	}

	@Test
	void reportOpensWithAWarningNamingTheOptOutSourcesThatCouldNotBeReadWhole() throws Exception {
		RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0, RejectedRecordException.wholeFile("not a text file", ""))
			.input("mailbox", "inbox.mbox", 40,
					RejectedRecordException.unparseable("message 3", "unparseable message", "", ""),
					RejectedRecordException.unparseable("message 9", "unparseable message", "", ""),
					RejectedRecordException.unparseable("message 12", "unparseable message", "", ""))
			.input("optouts", "list.txt", 10, RecordedRun.badRecords(2))
			.completed(runFileWriter);

		jobs.setJob(complianceReport);
		assertThat(jobs.startJob(parameters(RUN_DATE)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		Element first = Jsoup.parse(report(RUN_DATE).toFile()).body().child(0);
		assertThat(first.id()).isEqualTo("opt-out-sources-not-read-whole");
		assertThat(first.attr("role")).isEqualTo("alert");
		assertThat(first.select("h2").text()).isEqualTo("The send lists may still hold opted-out buyers");
		assertThat(first.select("li").eachText()).containsExactly("blacklist.csv: not a text file",
				"inbox.mbox: 3 unreadable records");
		assertThat(first.text()).contains("2 opt-out sources could not be read whole");
		JsonNode unread = summary(RUN_DATE).get("optOutSourcesNotReadWhole");
		assertThat(unread).hasSize(2);
		assertThat(unread.get(0).get("file").asString()).isEqualTo("blacklist.csv");
		assertThat(unread.get(0).get("why").asString()).isEqualTo("not a text file");
		assertThat(unread.get(1).get("why").asString()).isEqualTo("3 unreadable records");
		assertThat(workspace.output("reports", "index.html")).content().contains("opt-out sources not read whole");
	}

	@Test
	void ordersWhoseLinesNameDifferentAliasesAreShownInTheDataQualitySection() throws Exception {
		Files.writeString(workspace.input("orders").resolve("conflicting.txt"), """
				order-id\tpurchase-date\tbuyer-email
				171-5555555-0000001\t2026-11-10T10:00:00Z\tfirst0alias@marketplace.amazon.com
				171-5555555-0000001\t2026-11-10T10:00:00Z\tother0alias@marketplace.amazon.com
				171-5555555-0000002\t2026-11-10T10:00:00Z\tsame0alias@marketplace.amazon.com
				171-5555555-0000002\t2026-11-10T10:00:00Z\tSame0Alias+tool@marketplace.amazon.com
				""");

		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		JsonNode report = null;
		for (JsonNode input : runFile("importOrders").get("inputs")) {
			if (input.get("file").asString().equals("conflicting.txt")) {
				report = input;
			}
		}
		assertThat(report.get("kinds").toString()).isEqualTo("{\"orders with conflicting buyer aliases\":1}");
		assertThat(Files.readString(report(RUN_DATE), StandardCharsets.UTF_8)).contains(
				"conflicting.txt: 1 order(s) whose lines name different buyer aliases; the newest line&#39;s alias is kept.");
	}

	@Test
	void newOptOutsTakeTheMarketplaceOfTheirOrderAsTheRegistryDoes() throws Exception {
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		assertThat(Files.readAllLines(report(RUN_DATE).resolveSibling("new-opt-outs.csv")))
			.anyMatch(line -> line.startsWith("amazon.com,113-4445556-6677889,"));
		assertThat(workspace.output("optouts", "opt-outs.csv")).content().contains("amazon.com,113-4445556-6677889,");
	}

	@Test
	void inputTextIsEscaped() throws Exception {
		Files.createDirectories(workspace.input("messages"));
		Files.writeString(workspace.input("messages").resolve("hostile.csv"),
				"""
						message_id,order_id,recipient,subject,body,sent_at,tool
						<b>x</b>,171-9999999-0000001,,Your review,"Please leave a review and get a coupon! 171-9999999-0000001",2026-11-20T10:00:00Z,<script>alert(1)</script>
						""");

		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		String page = Files.readString(report(RUN_DATE), StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void nextReportComparesWithThePreviousAndListsOnlyNewOptOuts() throws Exception {
		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));
		Files.writeString(workspace.input("optouts").resolve("later.txt"), "171-1234567-7654321\n");

		jobs.startJob(parameters(RUN_DATE.plusDays(1)));

		JsonNode next = summary(RUN_DATE.plusDays(1)).get("headline");
		assertThat(next.get("newOptOuts").asLong()).isEqualTo(1);
		assertThat(next.get("optedOutOrders").asLong())
			.isEqualTo(summary(RUN_DATE).get("headline").get("optedOutOrders").asLong() + 1);
		assertThat(Files.readString(report(RUN_DATE.plusDays(1)))).contains("previous report of 2026-11-26")
			.contains("+1 since previous");
		String index = Files.readString(workspace.output("reports", "index.html"));
		assertThat(index.indexOf("2026-11-27/index.html")).isLessThan(index.indexOf("2026-11-26/index.html"));
	}

	@Test
	void reportTimesAndDaysAreUtcWhateverOffsetTheInputsGave() throws Exception {
		// late on 28 October in Seattle is 29 October at UTC
		Files.writeString(workspace.input("optouts").resolve("late-evening.csv"),
				"Order ID,Opted out\n171-2000000-0000001,2026-10-28T23:30:00-08:00\n");
		Files.writeString(workspace.input("messages").resolve("offers.csv"),
				"""
						message_id,order_id,subject,body,sent_at
						offer-1,171-2000000-0000001,Special offer,Our new collection: 20% off with coupon code NEW20.,2026-11-20T08:00:00-08:00
						""");

		jobs.setJob(nightly);
		jobs.startJob(parameters(RUN_DATE));

		Path folder = report(RUN_DATE).getParent();
		assertThat(Files.readAllLines(folder.resolve("violations.csv"))).contains(
				"MESSAGE_AFTER_OPT_OUT,2026-11-20T16:00:00Z,171-2000000-0000001,,,,sent after the buyer opted out on 2026-10-29");
		assertThat(Files.readAllLines(folder.resolve("new-opt-outs.csv")))
			.contains("\"\",171-2000000-0000001,,2026-10-29T07:30:00Z,IMPORT");
		assertThat(Files.readString(report(RUN_DATE), StandardCharsets.UTF_8)).contains("<th>Sent (UTC)</th>")
			.contains("<td>2026-11-20 16:00</td>")
			.contains("<td>2026-10-29</td>");
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private JsonNode summary(LocalDate runDate) {
		return JSON.readTree(workspace.output("reports", runDate.toString(), "summary.json").toFile());
	}

	private JsonNode runFile(String job) {
		return JSON.readTree(workspace.output("runs", RUN_DATE.toString(), job + ".json").toFile());
	}

	private Path report(LocalDate runDate) {
		return workspace.output("reports", runDate.toString(), "index.html");
	}

	static JobParameters parameters(LocalDate runDate) {
		return new JobParametersBuilder().addLocalDate("run.date", runDate)
			.addLong("run.attempt", 1L)
			.toJobParameters();
	}

}
