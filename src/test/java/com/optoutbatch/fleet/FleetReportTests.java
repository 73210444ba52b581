package com.optoutbatch.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.optoutbatch.fleet.SellerNight.Counts;
import com.optoutbatch.fleet.SellerNight.Outcome;
import com.optoutbatch.launch.ExitCode;
import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.reports.Summary;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.RecordedRun;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.Workspace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet report of seller folders whose run files are written by the
 * {@link RunFileWriter} as a night's jobs end, and whose reports' summaries are the
 * {@link Summary} a report writes.
 */
@SpringBootTest(classes = FleetReportTests.Templates.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FleetReportTests {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	FleetReport fleetReport;

	@TempDir
	Path fleet;

	@BeforeEach
	void aFleetOfSellers() throws Exception {
		night("acme", BatchStatus.COMPLETED, null);
		report("acme", new Headline(4, 40, 30, 12, 3, 0, 1));
		night("birch", BatchStatus.COMPLETED, null);
		report("birch", new Headline(1, 10, 9, 0, 1, 2, 0));
		night("cobalt", BatchStatus.FAILED,
				"importOrders FAILED: No space left on device writing output/rejects/importOrders/all-orders.txt.rejects.csv");
		Files.createDirectories(fleet.resolve("dune").resolve("input"));
		RecordedRun.of(new ResourcelessJobRepository(), workspace("elm"), "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0, RejectedRecordException.wholeFile("not a text file", ""))
			.completed(runFileWriter("elm", new ResourcelessJobRepository()));
		night("elm", BatchStatus.COMPLETED, null);
		report("elm", new Headline(2, 20, 18, 5, 0, 0, 1));
		night("fir", BatchStatus.COMPLETED, null);
		report("fir", new Headline(0, 7, 7, 0, 7, 0, 0));
		night("grove lane", BatchStatus.COMPLETED, null);
		report("grove lane", new Headline(6, 6, 6, 1, 0, 0, 0));
		night("hazel", BatchStatus.STARTED, null);
	}

	@Test
	void eachSellerNightIsReadFromItsRunFilesAndItsReportSummary() {
		assertThat(read("acme", null)).isEqualTo(new SellerNight("acme", Outcome.COMPLETED, null,
				new Counts(4, 0, 3, 12, 1), "../../acme/output/reports/2026-11-26/index.html"));
		assertThat(read("cobalt", "the worker ended with exit code 1")).isEqualTo(new SellerNight("cobalt",
				Outcome.FAILED,
				"importOrders FAILED: No space left on device writing output/rejects/importOrders/all-orders.txt.rejects.csv",
				null, null));
		assertThat(read("dune", "no worker took the partition within PT2H")).isEqualTo(
				new SellerNight("dune", Outcome.NOT_RUN, "no worker took the partition within PT2H", null, null));
		assertThat(read("dune", null).reason())
			.isEqualTo("no nightly run file for 2026-11-26: the night never started");
		assertThat(read("elm", null).outcome()).isEqualTo(Outcome.INCOMPLETE);
		assertThat(read("elm", null).reason())
			.isEqualTo("completed, but 1 opt-out source could not be read whole: blacklist.csv (not a text file); "
					+ "the send lists may still hold opted-out buyers");
		assertThat(read("grove lane", null).report())
			.isEqualTo("../../grove%20lane/output/reports/2026-11-26/index.html");
	}

	@Test
	void aRunThatStartedAndNeverEndedFailedWithTheFleetsReasonOrWithItsOwnState() {
		assertThat(read("hazel", "the worker did not answer within PT2H"))
			.isEqualTo(new SellerNight("hazel", Outcome.FAILED, "the worker did not answer within PT2H", null, null));
		assertThat(read("hazel", null).reason()).isEqualTo(
				"the nightly run is STARTED since 2026-11-26 02:00 and never ended: it was killed, or it is still running");
	}

	@Test
	void sellersNeedingAttentionComeFirstOnThePageAndInTheSummary() throws Exception {
		write(sellers());

		List<String> expected = List.of("birch", "cobalt", "hazel", "dune", "elm", "fir", "acme", "grove lane");
		assertThat(page().select("#sellers tbody tr").stream().map(row -> row.child(0).text()))
			.containsExactlyElementsOf(expected);
		assertThat(summary().get("sellers").valueStream().map(seller -> seller.get("seller").asString()))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void eachRowShowsTheRestrictionNoticesFirstAndInRedThenTheOutcomeAndTheCounts() throws Exception {
		write(sellers());
		Document page = page();

		assertThat(page.select("#sellers thead th").eachText()).containsExactly("Seller", "Restriction notices",
				"Outcome", "New opt-outs", "Violations", "Rows held back", "Inputs rejected", "Why");
		assertThat(cells(page, "birch")).containsExactly("birch", "2", "completed", "1", "1", "0", "0", "");
		assertThat(row(page, "birch").child(1).hasClass("restricted")).isTrue();
		assertThat(cells(page, "acme")).containsExactly("acme", "0", "completed", "4", "3", "12", "1", "");
		assertThat(row(page, "acme").child(1).hasClass("restricted")).isFalse();
		assertThat(cells(page, "cobalt")).containsExactly("cobalt", "-", "failed", "-", "-", "-", "-",
				"importOrders FAILED: No space left on device writing "
						+ "output/rejects/importOrders/all-orders.txt.rejects.csv");
		assertThat(row(page, "dune").child(2).text()).isEqualTo("not run");
		assertThat(row(page, "elm").child(2).text()).isEqualTo("incomplete");
		assertThat(page.select("#sellers tbody tr.warn td:first-child").eachText()).containsExactly("cobalt", "hazel",
				"dune", "elm");
	}

	@Test
	void theHeadlineCountsTheSellersByOutcomeAndSumsTheirReports() throws Exception {
		FleetSummary written = write(sellers());

		JsonNode headline = summary().get("headline");
		assertThat(headline.get("sellers").asLong()).isEqualTo(8);
		assertThat(headline.get("completed").asLong()).isEqualTo(4);
		assertThat(headline.get("failed").asLong()).isEqualTo(2);
		assertThat(headline.get("notRun").asLong()).isEqualTo(1);
		assertThat(headline.get("incomplete").asLong()).isEqualTo(1);
		assertThat(headline.get("withoutReport").asLong()).isEqualTo(3);
		assertThat(JSON.treeToValue(headline.get("totals"), Counts.class)).isEqualTo(new Counts(13, 2, 11, 18, 2));
		assertThat(summary().get("completed").asBoolean()).isFalse();
		assertThat(summary().get("seconds").asDouble()).isEqualTo(754.5);
		assertThat(written.exitCode()).isEqualTo(ExitCode.FAILED);

		Document page = page();
		assertThat(page.select("#headline .card")
			.stream()
			.map(card -> card.select(".label").text() + ": " + card.select(".value").text())).containsExactly(
					"restriction notices: 2", "sellers completed: 4", "failed: 2", "not run: 1", "incomplete: 1",
					"new opt-outs: 13", "violations: 11", "campaign rows held back: 18", "inputs rejected: 2");
		assertThat(page.select("#headline .card.restricted .label").text()).isEqualTo("restriction notices");
		assertThat(page.select("#not-completed h2").text()).isEqualTo("4 of 8 sellers did not complete the night");
		assertThat(page.select("header p").text()).isEqualTo("The nightly run of 8 sellers; it took 12 min 35 s.");
	}

	@Test
	void eachSellerLinksToItsOwnReportWhenItHasOne() throws Exception {
		write(sellers());
		Path page = FleetReport.folder(fleet, RUN_DATE).resolve("index.html");

		List<Element> links = Jsoup.parse(page.toFile()).select("#sellers tbody a");
		assertThat(links.stream().map(Element::text)).containsExactly("birch", "elm", "fir", "acme", "grove lane");
		for (Element link : links) {
			Path target = page.resolveSibling(link.attr("href").replace("%20", " ")).normalize();
			assertThat(target).isEqualTo(fleet.resolve(link.text()).resolve("output/reports/2026-11-26/index.html"))
				.exists();
		}
		assertThat(summary().get("sellers").get(1).get("report").isNull()).isTrue();
	}

	@Test
	void aFleetCompletesOnlyWhenEverySellerCompleted() {
		SellerNight acme = read("acme", null);
		SellerNight fir = read("fir", null);
		SellerNight elm = read("elm", null);

		assertThat(FleetSummary.of(RUN_DATE, List.of(acme, fir), Duration.ZERO).completed()).isTrue();
		assertThat(FleetSummary.of(RUN_DATE, List.of(acme, fir), Duration.ZERO).exitCode())
			.isEqualTo(ExitCode.COMPLETED);
		assertThat(FleetSummary.of(RUN_DATE, List.of(acme, elm), Duration.ZERO).completed()).isFalse();
		assertThat(FleetSummary.of(RUN_DATE, List.of(acme, elm), Duration.ZERO).exitCode())
			.isEqualTo(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE);
		assertThat(FleetSummary.of(RUN_DATE, List.of(acme, elm, read("dune", null)), Duration.ZERO).exitCode())
			.isEqualTo(ExitCode.FAILED);
	}

	@Test
	void theReportIsPublishedWholeAndLoadsNothingFromTheNetwork() throws Exception {
		write(sellers());
		Path folder = FleetReport.folder(fleet, RUN_DATE);

		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("index.html",
					"summary.json");
		}
		String page = Files.readString(folder.resolve("index.html"));
		assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script", "@import");
		assertThat(page).contains("<style>", "--alert-ink");
	}

	@Test
	void aFleetWithoutSellersSaysSo() throws Exception {
		FleetSummary written = fleetReport.write(fleet, RUN_DATE, List.of(), Duration.ofSeconds(3));

		assertThat(written.completed()).isTrue();
		assertThat(page().select("#sellers p.muted").text()).isEqualTo("No seller folder in the fleet.");
		assertThat(page().select("#sellers table")).isEmpty();
	}

	private List<SellerNight> sellers() {
		return Stream.of("acme", "birch", "cobalt", "dune", "elm", "fir", "grove lane", "hazel")
			.map(seller -> read(seller, null))
			.toList();
	}

	private FleetSummary write(List<SellerNight> sellers) {
		return fleetReport.write(fleet, RUN_DATE, sellers, Duration.ofMillis(754_500));
	}

	private SellerNight read(String seller, String failure) {
		return SellerNight.read(fleet.resolve(seller), RUN_DATE, failure);
	}

	private Document page() throws Exception {
		return Jsoup.parse(FleetReport.folder(fleet, RUN_DATE).resolve("index.html").toFile());
	}

	private JsonNode summary() {
		return JSON.readTree(FleetReport.folder(fleet, RUN_DATE).resolve("summary.json").toFile());
	}

	private static Element row(Document page, String seller) {
		return page.select("#sellers tbody tr")
			.stream()
			.filter(row -> row.child(0).text().equals(seller))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> cells(Document page, String seller) {
		return row(page, seller).children().stream().map(Element::text).toList();
	}

	private Workspace workspace(String seller) {
		return new Workspace(fleet.resolve(seller));
	}

	private RunFileWriter runFileWriter(String seller, JobRepository repository) {
		return new RunFileWriter(workspace(seller), repository, new InputLedger(workspace(seller), null));
	}

	/**
	 * The seller's nightly run file as the run writes it: when the run starts, and again
	 * when it ends, unless it never does.
	 */
	private void night(String seller, BatchStatus status, String failure) throws Exception {
		Files.createDirectories(fleet.resolve(seller).resolve("input"));
		JobRepository repository = new ResourcelessJobRepository();
		JobParameters parameters = new JobParametersBuilder().addLocalDate(RunFileWriter.RUN_DATE, RUN_DATE)
			.toJobParameters();
		JobExecution night = repository.createJobExecution(repository.createJobInstance("nightly", parameters),
				parameters, new ExecutionContext());
		night.setStartTime(RUN_DATE.atTime(2, 0));
		night.setStatus(BatchStatus.STARTED);
		RunFileWriter runFile = runFileWriter(seller, repository);
		runFile.beforeJob(night);
		if (status == BatchStatus.STARTED) {
			return;
		}
		night.setStatus(status);
		night.setExitStatus(failure == null ? ExitStatus.COMPLETED : ExitStatus.FAILED.addExitDescription(failure));
		night.setEndTime(RUN_DATE.atTime(2, 10));
		runFile.afterJob(night);
	}

	/** The seller's report of the night: its summary and its page. */
	private void report(String seller, Headline headline) throws Exception {
		Path folder = workspace(seller).output("reports", RUN_DATE.toString());
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("summary.json"), JSON.writeValueAsString(
				new Summary(RUN_DATE, List.of(), headline, Map.of(), Map.of(), 1, 0, 0, 0, headline.inputsRejected())));
		Files.writeString(folder.resolve("index.html"), "<!DOCTYPE html><title>Compliance report</title>");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ThymeleafAutoConfiguration.class)
	@Import(FleetReport.class)
	static class Templates {

	}

}
