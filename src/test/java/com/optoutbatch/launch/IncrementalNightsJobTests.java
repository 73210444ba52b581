package com.optoutbatch.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;

/**
 * A night reads what is new: a file a completed run read is not read again while its
 * bytes and what its reading depends on stay the same (the run file names it, with the
 * date of the run that read it); a file that grew at its end is read on from where that
 * run stopped; any other change reads it whole; {@code inputs=all} and {@code --rerun}
 * read everything. Nights read so end where one run over the last inputs ends.
 */
class IncrementalNightsJobTests extends LaunchJobTestSupport {

	static final String NIGHT_ONE = "2026-11-26";

	static final String NIGHT_TWO = "2026-11-27";

	static final String NIGHT_THREE = "2026-11-28";

	// what a night writes to the database, read back to compare nights with one run
	static final List<String> TABLES = List.of("campaign_held_rows", "reported_opt_outs", "seller_labels",
			"restriction_notices", "opt_outs", "messages", "orders");

	static final String SENT_MESSAGES = "messages/sent-messages-2026-11.csv";

	static final String INBOX = "mailbox/seller-inbox-2026-11.mbox";

	static final String NEW_NOTICE = """
			From 1786543210987659999@xxx Sat Nov 28 09:00:00 +0000 2026
			From: "Amazon Seller Support" <auto-communication@amazon.com>
			To: seller@example-shop.com
			Subject: Your message to a buyer could not be delivered
			Date: Sat, 28 Nov 2026 09:00:00 -0800
			Message-ID: <optout-114-2026-11-28@amazon.com>
			Content-Type: text/plain; charset=UTF-8
			X-Space-Notification-Type: BuyerOptOut

			We were unable to deliver the message you sent for order [114-7777777-0000001] because the buyer has chosen to opt out of receiving unsolicited messages from sellers.

			""";

	static final String NEW_MESSAGES = """
			m-9001,114-7777777-0000001,9zz7m2kd9fz4tbn@marketplace.amazon.com,How was your order?,"Hi, would you leave a review of order 114-7777777-0000001?",2026-11-27T08:00:00-08:00,ZonMaster
			m-9002,114-7777777-0000002,8zz7m2kd9fz4tbn@marketplace.amazon.com,Your order has shipped,"Order 114-7777777-0000002 has shipped, tracking 1Z999.",2026-11-27T09:00:00-08:00,ZonMaster
			""";

	static final List<String> MESSAGE_LOGS = List.of("messages/feedbackwhiz-email-logs-2026-11.csv",
			"messages/sent-messages-2026-11.csv");

	@MockitoSpyBean
	JdbcTemplate jdbcTemplate;

	/** Whether the next upsert of orders fails, once. */
	final AtomicBoolean databaseGoesAway = new AtomicBoolean();

	@BeforeEach
	void sampleOrdersAndMessages() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, TABLES.toArray(String[]::new));
		TestWorkspace.copySample(workspace, "orders");
		TestWorkspace.copySample(workspace, "messages");
		doAnswer(invocation -> {
			if (databaseGoesAway.getAndSet(false)) {
				throw new IllegalStateException("database went away");
			}
			return invocation.callRealMethod();
		}).when(jdbcTemplate).update(startsWith("MERGE INTO orders"), any(PreparedStatementSetter.class));
	}

	@Test
	void aFileACompletedRunReadIsNotReadAgainWhileItStaysTheSame() throws Exception {
		assertThat(launch("importMessages", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		long messages = messages();

		assertThat(launch("importMessages", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);
		assertThat(launch("importMessages", NIGHT_THREE)).isEqualTo(ExitCode.COMPLETED);

		for (String night : List.of(NIGHT_TWO, NIGHT_THREE)) {
			JsonNode run = runFile("importMessages", night);
			assertThat(run.get("inputs")).as(night).isEmpty();
			assertThat(run.get("totals").get("read").asLong()).isZero();
			assertThat(unchanged(run)).as(night)
				.containsExactly(MESSAGE_LOGS.get(0) + " " + NIGHT_ONE, MESSAGE_LOGS.get(1) + " " + NIGHT_ONE);
		}
		assertThat(messages()).isEqualTo(messages);
	}

	@Test
	void aFileRewrittenInTheMiddleIsReadWholeAndTheOthersAreNot() throws Exception {
		assertThat(launch("importMessages", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		long firstRead = read(runFile("importMessages", NIGHT_ONE), MESSAGE_LOGS.get(1));
		Path log = workspace.home().resolve("input").resolve(MESSAGE_LOGS.get(1));
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		int middle = lines.size() / 2;
		lines.set(middle, lines.get(middle).replaceFirst("[0-9]", "7"));
		Files.write(log, lines, StandardCharsets.UTF_8);

		assertThat(launch("importMessages", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		JsonNode run = runFile("importMessages", NIGHT_TWO);
		assertThat(read(run, MESSAGE_LOGS.get(1))).isEqualTo(firstRead);
		assertThat(unchanged(run)).containsExactly(MESSAGE_LOGS.get(0) + " " + NIGHT_ONE);
	}

	@Test
	void inputsAllAndRerunReadEveryFile() throws Exception {
		assertThat(launch("importMessages", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);

		assertThat(launch("importMessages", NIGHT_TWO, "inputs=all")).isEqualTo(ExitCode.COMPLETED);
		assertThat(launch("importMessages", NIGHT_ONE, "--rerun")).isEqualTo(ExitCode.COMPLETED);

		for (String night : List.of(NIGHT_TWO, NIGHT_ONE)) {
			JsonNode run = runFile("importMessages", night);
			assertThat(run.get("inputs")).as(night).hasSize(2);
			assertThat(run.get("unchanged")).as(night).isEmpty();
		}
	}

	@Test
	void aFileReadWithOtherParametersIsReadAgain() throws Exception {
		assertThat(launch("importMessages", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);

		assertThat(launch("importMessages", NIGHT_TWO, "charset.sent-*.csv=UTF-8")).isEqualTo(ExitCode.COMPLETED);

		assertThat(runFile("importMessages", NIGHT_TWO).get("inputs")).hasSize(2);
	}

	@Test
	void aNightThatSkippedFilesResumesAfterAFailureSkippingTheSameFiles() throws Exception {
		assertThat(launch("importOrders", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		List<String> reports = unchanged(runFile("importOrders", NIGHT_ONE));
		assertThat(reports).isEmpty();
		Path orders = workspace.input("orders");
		Files.copy(orders.resolve("order-report-us-2026-11.txt"), orders.resolve("order-report-us-2026-12.txt"));
		databaseGoesAway.set(true);

		assertThat(launch("importOrders", NIGHT_TWO)).isEqualTo(ExitCode.FAILED);
		assertThat(launch("importOrders", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		JsonNode run = runFile("importOrders", NIGHT_TWO);
		assertThat(run.get("inputs")).extracting(input -> input.get("file").asString())
			.containsExactly("order-report-us-2026-12.txt");
		try (Stream<Path> files = Files.list(orders)) {
			assertThat(unchanged(run)).containsExactlyElementsOf(files.map(file -> file.getFileName().toString())
				.filter(name -> !name.equals("order-report-us-2026-12.txt"))
				.sorted()
				.map(name -> "orders/" + name + " " + NIGHT_ONE)
				.toList());
		}
		assertThat(jdbc.queryForList("SELECT DISTINCT run_attempt FROM input_ledger WHERE run_date = ?", Long.class,
				LocalDate.parse(NIGHT_TWO)))
			.containsExactly(1L);
	}

	@Test
	void aGrownMboxIsReadOnFromWhereTheLastRunStoppedAndItsNewNoticeFound() throws Exception {
		TestWorkspace.copySample(workspace, "mailbox");
		assertThat(launch("scanMailbox", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		append(INBOX, NEW_NOTICE);

		assertThat(launch("scanMailbox", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		JsonNode run = runFile("scanMailbox", NIGHT_TWO);
		assertThat(read(run, INBOX)).isEqualTo(1);
		assertThat(run.get("inputs")).hasSize(2);
		assertThat(unchanged(run)).contains("mailbox/forwarded-notice.eml " + NIGHT_ONE,
				"mailbox/archive-2026-10.mbox.gz " + NIGHT_ONE);
		assertThat(
				jdbc.queryForList("SELECT order_id FROM opt_outs WHERE order_id = '114-7777777-0000001'", String.class))
			.hasSize(1);
	}

	@Test
	void aGrownMessageLogIsReadOnFromItsNewLines() throws Exception {
		assertThat(launch("importMessages", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		long messages = messages();
		append(SENT_MESSAGES, NEW_MESSAGES);

		assertThat(launch("importMessages", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		assertThat(read(runFile("importMessages", NIGHT_TWO), SENT_MESSAGES)).isEqualTo(2);
		assertThat(messages()).isEqualTo(messages + 2);
		assertThat(workspace.output("messages", "classified.csv")).content().contains("m-9001", "m-9002");
	}

	@Test
	void nightsThatReadWhatIsNewEndWhereOneRunOverTheLastInputsEnds() throws Exception {
		for (String kind : List.of("optouts", "mailbox", "campaigns")) {
			TestWorkspace.copySample(workspace, kind);
		}
		assertThat(launch("nightly", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		append(INBOX, NEW_NOTICE);
		append(SENT_MESSAGES, NEW_MESSAGES);
		Path orders = workspace.input("orders");
		Files.copy(orders.resolve("order-report-us-2026-11.txt"), orders.resolve("order-report-us-2026-12.txt"));
		assertThat(launch("nightly", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);
		Path list = workspace.home().resolve("input").resolve(MESSAGE_LOGS.get(0));
		String log = Files.readString(list);
		int secondRecord = log.indexOf('\n') + 1;
		Files.writeString(list, log.substring(0, secondRecord) + "fw-59999,503-1234567-8901234,"
				+ "t7y5u3i1o9p8a6s@marketplace.amazon.co.jp,Your review,\"Please review order 503-1234567-8901234.\","
				+ "11/08/2026 10:00,Review\n" + log.substring(secondRecord));
		assertThat(launch("nightly", NIGHT_THREE)).isEqualTo(ExitCode.COMPLETED);
		Map<String, String> nights = state();
		assertThat(read(runFile("scanMailbox", NIGHT_TWO), INBOX)).isEqualTo(1);
		assertThat(read(runFile("importMessages", NIGHT_TWO), SENT_MESSAGES)).isEqualTo(2);
		assertThat(runFile("importOrders", NIGHT_TWO).get("inputs")).hasSize(1);
		assertThat(runFile("importOrders", NIGHT_THREE).get("inputs")).isEmpty();
		assertThat(read(runFile("importMessages", NIGHT_THREE), MESSAGE_LOGS.get(0))).isPositive();

		Path inputs = Files.createTempDirectory("inputs");
		TestWorkspace.copy(workspace.home().resolve("input"), inputs);
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, TABLES.toArray(String[]::new));
		TestWorkspace.copy(inputs, workspace.home().resolve("input"));
		assertThat(launch("nightly", NIGHT_THREE)).isEqualTo(ExitCode.COMPLETED);

		Map<String, String> oneRun = state();
		assertThat(nights.keySet()).isEqualTo(oneRun.keySet());
		nights.forEach((part, value) -> assertThat(value).as(part).isEqualTo(oneRun.get(part)));
	}

	@Test
	void aNightWithNothingNewKeepsTheListsAsDecidedAndANewOptOutDecidesThemAgain() throws Exception {
		for (String kind : List.of("optouts", "mailbox", "campaigns")) {
			TestWorkspace.copySample(workspace, kind);
		}
		assertThat(launch("nightly", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		Map<String, String> decided = state();
		JsonNode firstReport = summary(NIGHT_ONE);
		Path classified = workspace.output("messages", "classified.csv");
		FileTime written = Files.getLastModifiedTime(classified);

		assertThat(launch("nightly", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		JsonNode campaigns = runFile("reconcileCampaigns", NIGHT_TWO);
		assertThat(campaigns.get("inputs")).isEmpty();
		try (Stream<Path> lists = Files.walk(workspace.input("campaigns"))) {
			assertThat(unchanged(campaigns)).hasSize((int) lists.filter(Files::isRegularFile).count())
				.allMatch(list -> list.startsWith("campaigns/") && list.endsWith(" " + NIGHT_ONE));
		}
		for (String part : List.of("send-lists", "unsubscribe")) {
			assertThat(state()).as(part)
				.containsAllEntriesOf(decided.entrySet()
					.stream()
					.filter(entry -> entry.getKey().startsWith(part))
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		}
		assertThat(listsCleaned(NIGHT_TWO)).isEqualTo(listsCleaned(NIGHT_ONE));
		JsonNode secondReport = summary(NIGHT_TWO);
		assertThat(secondReport.get("campaignLists")).isEqualTo(firstReport.get("campaignLists"));
		assertThat(secondReport.get("heldBackByReason")).isEqualTo(firstReport.get("heldBackByReason"));
		assertThat(secondReport.get("headline").get("inputsRejected").asLong()).isZero();
		assertThat(secondReport.get("inputsRejectedOnFile").asLong())
			.isEqualTo(firstReport.get("headline").get("inputsRejected").asLong())
			.isPositive();

		assertThat(Files.getLastModifiedTime(classified)).isEqualTo(written);

		append(INBOX, NEW_NOTICE);
		assertThat(launch("nightly", NIGHT_THREE)).isEqualTo(ExitCode.COMPLETED);

		assertThat(Files.getLastModifiedTime(classified)).isEqualTo(written);
		assertThat(runFile("reconcileCampaigns", NIGHT_THREE).get("inputs")).isNotEmpty();
		assertThat(runFile("reconcileCampaigns", NIGHT_THREE).get("unchanged")).isEmpty();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anUnchangedListIsDecidedAgainFromItsDecisionFileUnlessItsCopiesChangedOrAllInputsAreRead(CapturedOutput output)
			throws Exception {
		for (String kind : List.of("optouts", "mailbox", "campaigns")) {
			TestWorkspace.copySample(workspace, kind);
		}
		assertThat(launch("nightly", NIGHT_ONE)).isEqualTo(ExitCode.COMPLETED);
		Path edited = workspace.output("send-lists", "generic", "review-requests-nov.clean.csv");
		Files.writeString(edited, "edited by hand\n", StandardOpenOption.APPEND);
		append(INBOX, NEW_NOTICE);

		assertThat(launch("nightly", NIGHT_TWO)).isEqualTo(ExitCode.COMPLETED);

		assertThat(output).contains("zonmaster/queue-2026-11.tsv: decided again from its decision file")
			.contains("bqool/review-schedule-eu.csv: decided again from its decision file")
			.doesNotContain("generic/review-requests-nov.csv: decided again");
		assertThat(edited).content().doesNotContain("edited by hand");
		JsonNode generic = runFile("reconcileCampaigns", NIGHT_TWO).get("inputs")
			.valueStream()
			.filter(input -> input.get("file").asString().equals("generic/review-requests-nov.csv"))
			.findFirst()
			.orElseThrow();
		JsonNode zonmaster = runFile("reconcileCampaigns", NIGHT_TWO).get("inputs")
			.valueStream()
			.filter(input -> input.get("file").asString().equals("zonmaster/queue-2026-11.tsv"))
			.findFirst()
			.orElseThrow();
		for (JsonNode list : List.of(generic, zonmaster)) {
			assertThat(list.get("read").asLong())
				.isEqualTo(list.get("used").asLong() + list.get("filtered").asLong() + list.get("rejected").asLong())
				.isPositive();
		}
		assertThat(zonmaster).isEqualTo(runFile("reconcileCampaigns", NIGHT_ONE).get("inputs")
			.valueStream()
			.filter(input -> input.get("file").asString().equals("zonmaster/queue-2026-11.tsv"))
			.findFirst()
			.orElseThrow());

		int before = output.getAll().length();
		assertThat(launch("nightly", NIGHT_THREE, "inputs=all")).isEqualTo(ExitCode.COMPLETED);

		assertThat(output.getAll().substring(before)).doesNotContain("decided again from its decision file");
	}

	@Test
	void archivedInputsLeaveInputOnlyOnceTheirRunCompleted() throws Exception {
		databaseGoesAway.set(true);
		assertThat(launch("importOrders", NIGHT_ONE, "inputs.after=archive")).isEqualTo(ExitCode.FAILED);
		assertThat(workspace.input("orders")).isNotEmptyDirectory();

		assertThat(launch("importOrders", NIGHT_ONE, "inputs.after=archive")).isEqualTo(ExitCode.COMPLETED);

		Path archived = workspace.home().resolve("input/.archive/" + NIGHT_ONE + "/orders");
		assertThat(workspace.input("orders")).isEmptyDirectory();
		assertThat(archived.resolve("order-report-us-2026-11.txt"))
			.hasSameBinaryContentAs(TestWorkspace.SAMPLE_INPUT.resolve("orders/order-report-us-2026-11.txt"));
		long orders = jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class);
		assertThat(orders).isPositive();
		assertThat(launch("importOrders", NIGHT_TWO, "inputs.after=archive")).isEqualTo(ExitCode.COMPLETED);
		assertThat(runFile("importOrders", NIGHT_TWO).get("inputs")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(orders);
	}

	private ExitCode launch(String job, String runDate, String... more) throws Exception {
		return launchWith(Stream.concat(Stream.of(job, "run.date=" + runDate), Stream.of(more)).toArray(String[]::new));
	}

	private JsonNode runFile(String job, String runDate) throws Exception {
		return JsonMapper.builder().build().readTree(workspace.output("runs", runDate, job + ".json").toFile());
	}

	private static List<String> unchanged(JsonNode run) {
		return run.get("unchanged")
			.valueStream()
			.map(input -> input.get("file").asString() + " " + input.get("readOn").asString())
			.toList();
	}

	private static long read(JsonNode run, String input) {
		String file = input.substring(input.indexOf('/') + 1);
		return run.get("inputs")
			.valueStream()
			.filter(node -> node.get("file").asString().equals(file))
			.findFirst()
			.orElseThrow()
			.get("read")
			.asLong();
	}

	private void append(String input, String text) throws Exception {
		Files.writeString(workspace.home().resolve("input").resolve(input), text, StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
	}

	/**
	 * The registry, messages and orders as stored, and the lists and report data written:
	 * what nights and one run must agree on.
	 */
	private Map<String, String> state() throws Exception {
		Map<String, String> state = new TreeMap<>();
		for (String table : List.of("opt_outs", "restriction_notices", "messages", "orders",
				"campaign_held_rows WHERE run_date = DATE '" + NIGHT_THREE + "'")) {
			state.put(table,
					jdbc.queryForList("SELECT * FROM " + table)
						.stream()
						.map(IncrementalNightsJobTests::withoutProvenance)
						.sorted()
						.toList()
						.toString());
		}
		for (String folder : List.of("send-lists", "unsubscribe", "messages")) {
			try (Stream<Path> files = Files.walk(workspace.output(folder))) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(file -> !file.getFileName().toString().startsWith("."))
					.toList()) {
					state.put(folder + "/" + workspace.output(folder).relativize(file),
							new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
				}
			}
		}
		return state;
	}

	// when and at which line a row was first stored is no part of what it says: a message
	// keeps the line it was first read at when lines are added before it
	private static String withoutProvenance(Map<String, Object> row) {
		Map<String, Object> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		columns.putAll(row);
		columns.remove("imported_at");
		columns.remove("source_line");
		return columns.toString();
	}

	// "5 lists cleaned (14 rows held back)", as the launch prints it
	private String listsCleaned(String night) {
		Matcher cleaned = Pattern.compile("\\d+ lists? cleaned \\([^)]*\\)")
			.matcher(RunSummary.of(workspace, "nightly", LocalDate.parse(night)));
		assertThat(cleaned.find()).isTrue();
		return cleaned.group();
	}

	private JsonNode summary(String night) throws Exception {
		return JsonMapper.builder().build().readTree(workspace.output("reports", night, "summary.json").toFile());
	}

	private long messages() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM messages", Long.class);
	}

}
