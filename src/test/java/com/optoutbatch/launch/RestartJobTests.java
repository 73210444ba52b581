package com.optoutbatch.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.optoutbatch.optouts.OptOut;
import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.optouts.OptOutSource;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.messages.OrderHistory;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.stubbing.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;

/**
 * A run whose database goes away after some committed chunks fails; started again, it
 * resumes after the last of them, in the same job instance, and ends as an uninterrupted
 * run of the same inputs ends: the same rows, outputs, rejects and run-file counts. One
 * case for each kind of input a job reads by chunks, each with a record rejected before
 * the failure and, where the format has them, records over several lines.
 */
class RestartJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final String[] TABLES = { "orders", "messages", "opt_outs", "restriction_notices", "mailbox_imap_processed",
			"campaign_held_rows" };

	// set from the clock when a row is written
	static final String WRITE_TIME = "imported_at";

	static final String NOTICE = """
			From: Amazon <auto-communication@amazon.com>
			To: seller@example-shop.com
			Subject: Your message to a buyer could not be delivered
			Date: Thu, 05 Nov 2026 09:12:44 -0800
			Message-ID: <n%d@amazon.com>
			MIME-Version: 1.0
			Content-Type: text/plain
			Content-Transfer-Encoding: 7bit

			We were unable to deliver the message you sent for order [%s] because the buyer has chosen \
			to opt out of receiving unsolicited messages from sellers.
			""";

	@Autowired
	Map<String, Job> jobsByName;

	@Autowired
	OptOutRegistry registry;

	@MockitoSpyBean
	JdbcTemplate jdbcTemplate;

	// the inputs, written once, copied into input/ for each run with their times
	@TempDir
	Path given;

	final AtomicBoolean databaseDown = new AtomicBoolean();

	final AtomicInteger chunksWritten = new AtomicInteger();

	static Stream<Restart> restarts() {
		return Stream.of(tabSeparatedOrderReport(), orderReportWithAQuoteNeverClosed(), messageLog(), optOutList(),
				mbox(false), mbox(true), campaignList());
	}

	@ParameterizedTest
	@MethodSource("restarts")
	void failedRunResumesAfterItsLastCommittedChunkAndEndsAsAnUninterruptedRunEnds(Restart restart) throws Exception {
		restart.inputs().writeTo(given);
		databaseFailsOn(restart.failure());
		startAfresh(restart);
		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Outcome uninterrupted = outcome(restart.job());

		startAfresh(restart);
		databaseDown.set(true);
		JobExecution failed = jobs.startJob(parameters());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + restart.failure().table(), Long.class))
			.isEqualTo(restart.failure().rows());

		databaseDown.set(false);
		JobExecution resumed = jobs.startJob(parameters());

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance()).isEqualTo(failed.getJobInstance());
		assertThat(resumed.getStepExecutions()
			.stream()
			.filter(step -> step.getStepName().startsWith(restart.resumed().worker() + ":"))
			.mapToLong(step -> step.getReadCount() + step.getReadSkipCount())
			.sum()).isEqualTo(restart.resumed().read());
		Outcome outcome = outcome(restart.job());
		assertThat(outcome.counts()).isEqualTo(restart.resumed().counts());
		assertThat(outcome).usingRecursiveComparison().isEqualTo(uninterrupted);
	}

	// each chunk writes with one call of the statement
	private void databaseFailsOn(Failure failure) {
		Answer<Object> flaky = invocation -> {
			if (databaseDown.get() && chunksWritten.get() >= failure.chunks()) {
				throw new IllegalStateException("database went away");
			}
			chunksWritten.incrementAndGet();
			return invocation.callRealMethod();
		};
		doAnswer(flaky).when(jdbcTemplate).update(startsWith(failure.statement()), any(PreparedStatementSetter.class));
		doAnswer(flaky).when(jdbcTemplate)
			.batchUpdate(startsWith(failure.statement()), anyCollection(), anyInt(), any());
	}

	private void startAfresh(Restart restart) {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, TABLES);
		TestWorkspace.copy(given, workspace.home().resolve("input"));
		registry.record(restart.registry());
		chunksWritten.set(0);
		jobs.setJob(jobsByName.get(restart.job()));
	}

	private Outcome outcome(String job) throws IOException {
		Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
		for (String table : TABLES) {
			List<Map<String, Object>> tableRows = jdbc.queryForList("SELECT * FROM " + table);
			tableRows.forEach(row -> row.remove(WRITE_TIME));
			tableRows.sort(Comparator.comparing(Object::toString));
			rows.put(table, tableRows);
		}
		Map<String, String> outputs = new TreeMap<>();
		Path output = workspace.home().resolve("output");
		try (Stream<Path> files = Files.walk(output)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = output.relativize(file).toString();
				// the order history's version, in it and its index, is new each time
				// they are written
				if (!name.startsWith("db") && !name.startsWith("runs") && !name.equals("messages/" + OrderHistory.FILE)
						&& !name.equals("messages/" + OrderHistory.INDEX)) {
					outputs.put(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
				}
			}
		}
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), job + ".json").toFile());
		Map<String, List<Long>> counts = new TreeMap<>();
		for (JsonNode input : run.get("inputs")) {
			counts.put(input.get("file").asString(), List.of(input.get("read").asLong(), input.get("used").asLong(),
					input.get("rejected").asLong(), input.get("unreadRecords").asLong()));
		}
		return new Outcome(rows, outputs, counts, run.get("inputs").toString(), run.get("totals").toString(),
				run.get("skipped").toString());
	}

	private static JobParameters parameters() {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters();
	}

	// every tenth order has a second line without its order id, naming another alias: the
	// first line read after the failure is one of them
	private static Restart tabSeparatedOrderReport() {
		String report = lines("order-id\tpurchase-date\tbuyer-email\n", 2_500,
				i -> orderId(112, i) + "\t2026-11-02T10:00:00Z\tbuyer" + i + "@marketplace.amazon.com\n"
						+ (i % 10 == 7 ? "\t\tother" + i + "@marketplace.amazon.com\n" : "")
						+ (i == 700 ? "112-bad\t2026-11-02\t\n" : "") + (i == 800 ? "\n" : ""));
		return oneFile("importOrders: tab-separated report", "importOrders", "orders/large.txt", report,
				new Failure("MERGE INTO orders", 2, "orders", 1_818),
				new Resumed("importOrderReportWorker", 751, Map.of("large.txt", List.of(2_751L, 2_750L, 1L, 0L))));
	}

	// the quote opened on line 1502 is never closed: reading goes on at line 1503
	private static Restart orderReportWithAQuoteNeverClosed() {
		String report = lines("order-id,purchase-date,product-name\n", 2_500,
				i -> orderId(112, i) + ",2026-11-02T10:00:00Z," + switch (i) {
					case 300 -> "\"Mug\nwith a handle\"\n";
					case 1_500 -> "\"Mug\n";
					default -> "Mug\n";
				});
		return oneFile("importOrders: report with a quote never closed", "importOrders", "orders/large.csv", report,
				new Failure("MERGE INTO orders", 2, "orders", 1_999),
				new Resumed("importOrderReportWorker", 500, Map.of("large.csv", List.of(2_500L, 2_499L, 1L, 1L))));
	}

	private static Restart messageLog() {
		String log = lines("message_id,order_id,subject,body,sent_at\n", 2_500,
				i -> "m-%d,%s,Your order has shipped,\"Order %2$s has shipped.\nTracking number 1Z%1$d\",2026-11-02T10:00:00Z\n"
					.formatted(i, orderId(112, i)) + (i == 700 ? "m-bad,112-bad,Hi,Hello,2026-11-02\n" : ""));
		return oneFile("importMessages: log with bodies over two lines", "importMessages", "messages/large.csv", log,
				new Failure("MERGE INTO messages", 2, "messages", 1_999),
				new Resumed("importMessageLogWorker", 501, Map.of("large.csv", List.of(2_501L, 2_500L, 1L, 0L))));
	}

	private static Restart optOutList() {
		String list = lines("order_id,buyer_alias,opted_out_at\n", 2_500,
				i -> orderId(113, i) + ",,2026-10-01T00:00:00Z"
						+ (i == 300 ? ",\"asked by phone\nand again by mail\"\n" : "\n")
						+ (i == 500 ? "no order here,nor an alias\n" : "") + (i == 600 ? "\n" : ""));
		return new Restart("scanMailbox: opt-out list", "scanMailbox", input -> {
			write(input, "optouts/large.csv", list);
			Files.createDirectories(input.resolve("optouts/2025"));
			Files.createDirectories(input.resolve("mailbox"));
		}, List.of(), new Failure("MERGE INTO opt_outs", 2, "opt_outs", 1_997),
				new Resumed("importOptOutListWorker", 503, Map.of("large.csv", List.of(2_503L, 2_500L, 1L, 0L))));
	}

	private static Restart mbox(boolean compressed) {
		String mbox = lines("", 1_000,
				i -> "From auto-communication@amazon.com Thu Nov 05 17:12:44 2026\n"
						+ NOTICE.formatted(i, orderId(112, i)) + "\n"
						+ (i == 150 ? "From nobody Thu Nov 05 17:12:44 2026\nnot mail at all\n\n" : ""));
		String file = compressed ? "large.mbox.gz" : "large.mbox";
		return new Restart("scanMailbox: " + (compressed ? "compressed mbox" : "mbox"), "scanMailbox", input -> {
			Path mailbox = Files.createDirectories(input.resolve("mailbox"));
			try (OutputStream out = compressed ? new GZIPOutputStream(Files.newOutputStream(mailbox.resolve(file)))
					: Files.newOutputStream(mailbox.resolve(file))) {
				out.write(mbox.getBytes(StandardCharsets.UTF_8));
			}
			// a folder in input/optouts/: the run file lists it as skipped
			Files.createDirectories(input.resolve("optouts/2025"));
		}, List.of(), new Failure("MERGE INTO opt_outs", 3, "opt_outs", 299),
				new Resumed("scanMailboxFileWorker", 701, Map.of(file, List.of(1_001L, 1_000L, 1L, 1L))));
	}

	// orders 200 to 299 are asked for a review again after the failure, for a later date:
	// the resumed run holds those back, as the first pass noted
	private static Restart campaignList() {
		String list = lines("order_id,buyer_alias,campaign,planned_send_date,purpose\n", 2_500, i -> orderId(171, i)
				+ (i == 300 ? ",,\"Review,\nplease\"" : ",,Review") + ",2026-11-28,review_request\n"
				+ (i == 400 ? "171-bad,only\n" : "")
				+ (i >= 2_000 && i < 2_100 ? orderId(171, i - 1_800) + ",,Review,2026-11-29,review_request\n" : ""));
		List<OptOut> optedOut = IntStream.range(0, 2_500)
			.filter(i -> i % 25 == 0)
			.mapToObj(i -> new OptOut("amazon.com", orderId(171, i), null, OffsetDateTime.parse("2026-11-20T10:00:00Z"),
					OptOutSource.IMPORT, "test"))
			.toList();
		return new Restart("reconcileCampaigns: campaign list", "reconcileCampaigns",
				input -> write(input, "campaigns/generic/reviews.csv", list), optedOut,
				new Failure("INSERT INTO campaign_held_rows", 2, "campaign_held_rows", 80),
				new Resumed("reconcileCampaignListWorker", 601,
						Map.of("generic/reviews.csv", List.of(2_601L, 2_400L, 1L, 0L))));
	}

	/** A header and the lines of {@code count} records. */
	private static String lines(String header, int count, IntFunction<String> record) {
		return header + IntStream.range(0, count).mapToObj(record).collect(Collectors.joining());
	}

	private static Restart oneFile(String name, String job, String file, CharSequence text, Failure failure,
			Resumed resumed) {
		return new Restart(name, job, input -> write(input, file, text), List.of(), failure, resumed);
	}

	private static String orderId(int prefix, int i) {
		return String.format("%d-%07d-%07d", prefix, i, i);
	}

	private static void write(Path input, String file, CharSequence text) throws IOException {
		Path path = input.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text, StandardCharsets.UTF_8);
	}

	/**
	 * One job run on inputs written into {@code input/}, the registry holding
	 * {@code registry} before it.
	 */
	record Restart(String name, String job, Inputs inputs, List<OptOut> registry, Failure failure, Resumed resumed) {

		@Override
		public String toString() {
			return name;
		}

	}

	interface Inputs {

		void writeTo(Path input) throws IOException;

	}

	/**
	 * The database refuses {@code statement} once it has taken {@code chunks} of them:
	 * {@code table} then holds {@code rows} rows.
	 */
	record Failure(String statement, int chunks, String table, long rows) {
	}

	/**
	 * What the resumed run reads in the steps of {@code worker}, and the run file's
	 * counts of each input: read, used, rejected and unread records.
	 */
	record Resumed(String worker, long read, Map<String, List<Long>> counts) {
	}

	/**
	 * What a run leaves: rows, outputs, and the run file's inputs, totals and skipped.
	 */
	record Outcome(Map<String, List<Map<String, Object>>> rows, Map<String, String> outputs,
			Map<String, List<Long>> counts, String inputs, String totals, String skipped) {
	}

}
