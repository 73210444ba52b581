package com.optoutbatch.campaigns;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.optoutbatch.optouts.OptOut;
import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.optouts.OptOutSource;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import com.optoutbatch.support.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileCampaignsJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final Path EXPECTED = Path.of("src/test/resources/campaigns/expected");

	static final Path CSV_CORPORA = Path.of("../shared/corpora/csv");

	@Autowired
	Job nightly;

	@Autowired
	Job reconcileCampaigns;

	@Autowired
	OptOutRegistry registry;

	@BeforeEach
	void emptyWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "campaign_held_rows", "opt_outs", "messages", "orders");
	}

	@Test
	void sampleWorkspaceComesBackAsTheExpectedListsAndUnsubscribeFiles() throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, workspace.home().resolve("input"));
		jobs.setJob(nightly);

		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertExpectedListsAndUnsubscribeFiles(workspace);
	}

	static void assertExpectedListsAndUnsubscribeFiles(Workspace workspace) throws IOException {
		for (String folder : List.of("send-lists", "unsubscribe")) {
			assertThat(names(workspace.output(folder))).isEqualTo(names(EXPECTED.resolve(folder)));
			for (String name : names(EXPECTED.resolve(folder))) {
				assertThat(workspace.output(folder, name)).as(name)
					.hasSameBinaryContentAs(EXPECTED.resolve(folder).resolve(name));
			}
		}
	}

	@Test
	void everyRowIsCleanHeldBackOrRejectedAndTheRunFileCountsThem() throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, workspace.home().resolve("input"));
		jobs.setJob(nightly);
		jobs.startJob(parameters());

		JsonNode run = runFile();
		assertThat(run.get("totals").get("read").asLong()).isEqualTo(25);
		for (JsonNode input : run.get("inputs")) {
			assertThat(input.get("read").asLong()).as(input.get("file").asString())
				.isEqualTo(
						input.get("used").asLong() + input.get("filtered").asLong() + input.get("rejected").asLong());
		}
		JsonNode generic = input(run, "generic/review-requests-nov.csv");
		assertThat(generic.get("filterReasons").get("OPTED_OUT_BUYER").asLong()).isEqualTo(2);
		assertThat(generic.get("filterReasons").get("DUPLICATE_REVIEW_REQUEST").asLong()).isEqualTo(2);
		JsonNode catalog = input(run, "product-catalog.csv");
		assertThat(catalog.get("rejected").asLong()).isEqualTo(1);
		assertThat(catalog.get("unreadFile").asString()).startsWith("no order id or alias column");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_held_rows WHERE reason = 'CRITICAL_TO_OPTED_OUT'",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void reviewRequestForAnOrderTheLogAlreadyAskedIsHeldBack() throws Exception {
		write("messages/sent.csv",
				"""
						message_id,order_id,recipient,subject,body,sent_at,tool
						r-1,171-1111111-2222222,,How was your order?,"Would you take a moment to leave a product review for order 171-1111111-2222222? Thank you!",2026-11-20T10:00:00Z,Helium 10
						""",
				StandardCharsets.UTF_8);
		write("campaigns/generic/reviews.csv", """
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-1111111-2222222,,Review,2026-11-28,review_request
				171-1111111-3333333,,Review,2026-11-28,review_request
				""", StandardCharsets.UTF_8);
		jobs.setJob(nightly);

		jobs.startJob(parameters());

		assertThat(workspace.output("send-lists", "generic/reviews.suppressed.csv")).content()
			.contains("171-1111111-2222222,,Review,2026-11-28,review_request,REVIEW_ALREADY_REQUESTED");
		assertThat(workspace.output("send-lists", "generic/reviews.clean.csv")).content()
			.contains("171-1111111-3333333");
	}

	@Test
	void rowNamingOnlyAnotherOrderOfAnOptedOutBuyerIsHeldBack() throws Exception {
		String insertOrder = "INSERT INTO orders (order_id, buyer_alias, source_file, reported_at) VALUES (?, ?, 'orders.txt', CURRENT_TIMESTAMP)";
		jdbc.update(insertOrder, "171-0000001-0000001", "x1y2z3@marketplace.amazon.com");
		jdbc.update(insertOrder, "171-0000002-0000002", "x1y2z3@marketplace.amazon.com");
		jdbc.update(insertOrder, "171-0000003-0000003", "other0buyer@marketplace.amazon.com");
		jdbc.update("INSERT INTO opt_outs (opt_out_key, order_id, source, evidence) VALUES (?, ?, 'MAILBOX', 'notice')",
				"171-0000001-0000001", "171-0000001-0000001");
		write("campaigns/generic/thanks.csv", """
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000002-0000002,,Thanks,2026-11-28,thank_you
				171-0000003-0000003,,Thanks,2026-11-28,thank_you
				""", StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		jobs.startJob(parameters());

		assertThat(workspace.output("send-lists", "generic/thanks.suppressed.csv")).content()
			.contains("171-0000002-0000002,,Thanks,2026-11-28,thank_you,OPTED_OUT_BUYER")
			.doesNotContain("171-0000003-0000003");
		assertThat(workspace.output("send-lists", "generic/thanks.clean.csv")).content()
			.contains("171-0000003-0000003");
	}

	@Test
	void cleanListImportsBackByteForByte() throws Exception {
		Path feedbackWhiz = write("campaigns/feedbackwhiz/reviews.csv",
				"\uFEFF\"Amazon Order ID\",\"Buyer Email\",\"Campaign Name\",\"Scheduled Date\",\"Campaign Type\"\r\n"
						+ "\"171-0000001-0000001\",\"a1b2c3d4e5f6g7h@marketplace.amazon.com\",\"Review, please\",\"2026-11-28\",\"Product Review\"\r\n",
				StandardCharsets.UTF_8);
		Path zonMaster = write("campaigns/zonmaster/queue.tsv",
				"order-id\tbuyer-email\ttemplate-name\tsend-date\ttemplate-type\n"
						+ "305-0000002-0000002\t\tDanke schön für Ihren Einkauf – Größe M\t2026-11-28\tthank you\n",
				Charset.forName("windows-1252"));
		Path bqool = write("campaigns/bqool/schedule.csv",
				"Order Number;Customer Email;Template;Send Time;Purpose\r\n171-0000003-0000003;;\"Review; soon\";2026-11-28 10:00;Review Request\r\n",
				StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(workspace.output("send-lists", "feedbackwhiz/reviews.clean.csv"))
			.hasSameBinaryContentAs(feedbackWhiz);
		assertThat(workspace.output("send-lists", "zonmaster/queue.clean.tsv")).hasSameBinaryContentAs(zonMaster);
		assertThat(workspace.output("send-lists", "bqool/schedule.clean.csv")).hasSameBinaryContentAs(bqool);
	}

	@Test
	void listsAtDifferentPathsNeverShareASendList() throws Exception {
		registry.record(List.of(new OptOut("amazon.com", "171-0000009-0000009", null,
				OffsetDateTime.parse("2026-11-20T10:00:00Z"), OptOutSource.IMPORT, "test")));
		Path loose = write("campaigns/generic.review-requests-nov.csv", """
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000001-0000001,,Thanks,2026-11-28,thank_you
				171-0000009-0000009,,Thanks,2026-11-28,thank_you
				""", StandardCharsets.UTF_8);
		Path inFolder = write("campaigns/generic/review-requests-nov.csv", """
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000002-0000002,,Thanks,2026-11-28,thank_you
				171-0000009-0000009,,Thanks,2026-11-28,thank_you
				""", StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(workspace.output("send-lists", "generic.review-requests-nov.clean.csv")).hasContent("""
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000001-0000001,,Thanks,2026-11-28,thank_you""");
		assertThat(workspace.output("send-lists", "generic", "review-requests-nov.clean.csv")).hasContent("""
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000002-0000002,,Thanks,2026-11-28,thank_you""");
		assertThat(workspace.output("send-lists", "generic.review-requests-nov.suppressed.csv")).content()
			.contains("171-0000009-0000009");
		assertThat(workspace.output("send-lists", "generic", "review-requests-nov.suppressed.csv")).content()
			.contains("171-0000009-0000009");
		assertThat(jdbc.queryForList("SELECT list_name FROM campaign_held_rows ORDER BY list_name", String.class))
			.containsExactly(workspace.inputName(loose), workspace.inputName(inFolder));
		JsonNode run = runFile();
		assertThat(input(run, "generic.review-requests-nov.csv").get("filtered").asLong()).isEqualTo(1);
		assertThat(input(run, "generic/review-requests-nov.csv").get("filtered").asLong()).isEqualTo(1);
	}

	@Test
	void aProfilesFileNamedRelativelyIsTheWorkspacesWhereverTheJobIsStartedFrom() throws Exception {
		write("campaigns/mytool/queue.csv", """
				Order,Campaign
				171-0000001-0000001,Thanks
				""", StandardCharsets.UTF_8);
		Files.writeString(Files.createDirectories(workspace.home().resolve("config")).resolve("profiles.yml"), """
				mytool:
				  tool: MyTool
				  columns:
				    order_id: Order
				    campaign: Campaign
				""");
		jobs.setJob(reconcileCampaigns);

		JobExecution run = jobs.startJob(new JobParametersBuilder(parameters())
			.addString(CampaignProfiles.PARAMETER, "config/profiles.yml", false)
			.toJobParameters());

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(workspace.output("send-lists", "mytool", "queue.clean.csv")).hasContent("""
				Order,Campaign
				171-0000001-0000001,Thanks""");
	}

	@Test
	void strayQuoteInAnOptOutListCostsOneOrderAndTheCleanListHoldsNoneOfTheOthers() throws Exception {
		StringBuilder optOuts = new StringBuilder("order_id\n");
		StringBuilder list = new StringBuilder("order_id,buyer_alias,campaign,planned_send_date,purpose\n");
		for (int i = 0; i < 1_000; i++) {
			String orderId = String.format("171-%07d-0000001", i);
			optOuts.append(i == 1 ? "\"" : "").append(orderId).append('\n');
			list.append(orderId).append(",,Thanks,2026-11-28,thank_you\n");
		}
		write("optouts/blacklist.csv", optOuts.toString(), StandardCharsets.UTF_8);
		write("campaigns/generic/thanks.csv", list.toString(), StandardCharsets.UTF_8);
		jobs.setJob(nightly);

		JobExecution execution = jobs.startJob(parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs WHERE source = 'IMPORT'", Long.class))
			.isEqualTo(999);
		assertThat(Files.readAllLines(workspace.output("send-lists", "generic/thanks.clean.csv"))).containsExactly(
				"order_id,buyer_alias,campaign,planned_send_date,purpose",
				"171-0000001-0000001,,Thanks,2026-11-28,thank_you");
		assertThat(Files.readAllLines(workspace.output("rejects", "scanMailbox", "blacklist.csv.rejects.csv")))
			.containsExactly("line,reason,record", "3,unterminated quote: the record starting on line 3 opens a quote"
					+ " that is not closed before the end of the file,171-0000001-0000001");
		JsonNode blacklist = input(
				JsonMapper.builder()
					.build()
					.readTree(workspace.output("runs", RUN_DATE.toString(), "scanMailbox.json").toFile()),
				"blacklist.csv");
		assertThat(blacklist.get("read").asLong()).isEqualTo(1_001);
		assertThat(blacklist.get("used").asLong()).isEqualTo(999);
		assertThat(blacklist.get("filtered").asLong()).isEqualTo(1);
		assertThat(blacklist.get("rejected").asLong()).isEqualTo(1);
		assertThat(blacklist.get("unreadRecords").asLong()).isEqualTo(1);
	}

	@Test
	void strayQuoteInACampaignListCostsOneRowAndEveryOtherRowIsDecided() throws Exception {
		StringBuilder list = new StringBuilder("order_id,buyer_alias,campaign,planned_send_date,purpose\n");
		for (int i = 0; i < 100; i++) {
			list.append(String.format("171-%07d-0000001,,%sThanks,2026-11-28,thank_you%n", i, i == 10 ? "\"" : ""));
		}
		write("campaigns/generic/thanks.csv", list.toString(), StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		JsonNode thanks = input(runFile(), "generic/thanks.csv");
		assertThat(thanks.get("read").asLong()).isEqualTo(100);
		assertThat(thanks.get("used").asLong()).isEqualTo(99);
		assertThat(thanks.get("rejected").asLong()).isEqualTo(1);
		assertThat(thanks.get("reasons").get("unterminated quote").asLong()).isEqualTo(1);
		List<String> clean = Files.readAllLines(workspace.output("send-lists", "generic/thanks.clean.csv"));
		assertThat(clean).hasSize(100).doesNotContain("171-0000010-0000001,,Thanks,2026-11-28,thank_you");
		assertThat(clean.get(99)).isEqualTo("171-0000099-0000001,,Thanks,2026-11-28,thank_you");
	}

	@Test
	void binaryFileAmongTheListsIsRejectedWholeAsNotText() throws Exception {
		byte[] bytes = new byte[100_000];
		new java.util.Random(18).nextBytes(bytes);
		Files.write(Files.createDirectories(workspace.input("campaigns")).resolve("export.csv"), bytes);
		write("campaigns/generic/thanks.csv", "order_id,buyer_alias,campaign,planned_send_date,purpose\n"
				+ "171-0000001-0000001,,Thanks,2026-11-28,thank_you\n", StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		jobs.startJob(parameters());

		JsonNode export = input(runFile(), "export.csv");
		assertThat(export.get("read").asLong()).isEqualTo(1);
		assertThat(export.get("rejected").asLong()).isEqualTo(1);
		assertThat(export.get("unreadFile").asString()).startsWith("not a text file: ");
		assertThat(Files.readAllLines(workspace.output("rejects", "reconcileCampaigns", "export.csv.rejects.csv")))
			.hasSize(2);
		assertThat(workspace.output("send-lists", "generic/thanks.clean.csv")).content()
			.contains("171-0000001-0000001");
	}

	@Test
	void listsWhoseColumnsCannotBeKnownShowNoNamePhoneOrAddressInTheRejects() throws Exception {
		write("campaigns/customers.csv", """
				171-0000001-0000001,Jane Doe,+1 206 555 0100,1 Pine St Seattle
				171-0000002-0000002,John Roe,+1 206 555 0101,22 Elm Road Boston
				""", StandardCharsets.UTF_8);
		write("campaigns/generic/thanks.csv", """
				order_id,buyer_alias,campaign,planned_send_date,purpose
				171-0000003-0000003,abcdefgh@marketplace.amazon.com,Jane Doe,2026-11-28,thank_you,1 Pine St Seattle
				171-0000004-0000004,Thanks John Roe,2026-11-28
				""", StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		jobs.startJob(parameters());

		String rejects = Files
			.readString(workspace.output("rejects", "reconcileCampaigns", "customers.csv.rejects.csv"))
				+ Files.readString(workspace.output("rejects", "reconcileCampaigns", "generic/thanks.csv.rejects.csv"));
		assertThat(rejects).contains("file,\"no header line: the first line holds an order id",
				"3,\"fewer cells than the header: 3 cells, the header names 5\",\"171-0000004-0000004,***,2026-11-28\"",
				"2,\"more cells than the header: 6 cells, the header names 5\","
						+ "\"171-0000003-0000003,ab***gh@marketplace.amazon.com,***,2026-11-28,***,***\"")
			.doesNotContain("Jane", "John", "555", "Pine", "Elm", "Seattle", "Boston");
		assertThat(workspace.output("send-lists", "customers.clean.csv")).doesNotExist();
	}

	@Test
	void controlCharacterRejectsItsRowAndNeverReachesTheCleanList() throws Exception {
		write("campaigns/generic/thanks.csv",
				"order_id,buyer_alias,campaign,planned_send_date,purpose\n"
						+ "171-0000001-0000001,,Tha\u0000nks,2026-11-28,thank_you\n"
						+ "171-0000002-0000002,,Thanks,2026-11-28,thank_you\n",
				StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		jobs.startJob(parameters());

		assertThat(Files.readString(workspace.output("send-lists", "generic/thanks.clean.csv")))
			.isEqualTo("order_id,buyer_alias,campaign,planned_send_date,purpose\n"
					+ "171-0000002-0000002,,Thanks,2026-11-28,thank_you\n");
		assertThat(
				Files.readAllLines(workspace.output("rejects", "reconcileCampaigns", "generic/thanks.csv.rejects.csv")))
			.containsExactly("line,reason,record",
					"2,control character: cell 3 holds U+0000 (NULL)," + "\"171-0000001-0000001,,***,2026-11-28,***\"");
	}

	@Test
	void listNamingAColumnTwiceIsRejectedWhole() throws Exception {
		write("campaigns/generic/thanks.csv", """
				order_id,buyer_alias,campaign,planned_send_date,Order_ID
				171-0000001-0000001,,Thanks,2026-11-28,171-0000009-0000009
				""", StandardCharsets.UTF_8);
		jobs.setJob(reconcileCampaigns);

		jobs.startJob(parameters());

		JsonNode thanks = input(runFile(), "generic/thanks.csv");
		assertThat(thanks.get("read").asLong()).isEqualTo(1);
		assertThat(thanks.get("unreadFile").asString())
			.startsWith("duplicate column 'Order_ID': the header names it" + " in columns 1 and 5");
		assertThat(workspace.output("send-lists", "generic/thanks.clean.csv")).doesNotExist();
	}

	@Test
	void utf16ListComesBackWithOneByteOrderMark() throws Exception {
		String text = "order_id,buyer_alias,campaign,planned_send_date,purpose\r\n"
				+ "171-0000001-0000001,,Danke schön,2026-11-28,thank_you\r\n";
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] list = new byte[body.length + 2];
		list[0] = (byte) 0xFF;
		list[1] = (byte) 0xFE;
		System.arraycopy(body, 0, list, 2, body.length);
		Path input = Files.createDirectories(workspace.input("campaigns").resolve("generic")).resolve("danke.csv");
		Files.write(input, list);
		jobs.setJob(reconcileCampaigns);

		assertThat(jobs.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(workspace.output("send-lists", "generic/danke.clean.csv")).hasSameBinaryContentAs(input);
	}

	@Test
	void csvFilesOfOtherParsersTestSuitesAreAllAccountedFor() throws Exception {
		Assumptions.assumeTrue(Files.isDirectory(CSV_CORPORA), "the shared CSV corpora are not here: " + CSV_CORPORA);
		Path campaigns = Files.createDirectories(workspace.input("campaigns"));
		int[] count = { 0 };
		try (Stream<Path> files = Files.walk(CSV_CORPORA)) {
			files.filter(Files::isRegularFile)
				.filter(file -> file.toString().matches(".*\\.(csv|tsv|txt)$"))
				.forEach(file -> {
					try {
						Files.copy(file, campaigns.resolve(count[0]++ + "-" + file.getFileName()));
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
		}
		jobs.setJob(reconcileCampaigns);

		JobExecution execution = jobs.startJob(
				new JobParametersBuilder(parameters()).addString("rejects.max-share", "1", false).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode run = runFile();
		assertThat(run.get("inputs").size()).isEqualTo(count[0]);
		for (JsonNode input : run.get("inputs")) {
			assertThat(input.get("read").asLong()).as(input.get("file").asString())
				.isEqualTo(
						input.get("used").asLong() + input.get("filtered").asLong() + input.get("rejected").asLong());
		}
	}

	private Path write(String path, String text, Charset charset) throws IOException {
		Path file = workspace.home().resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		Files.write(file, text.getBytes(charset));
		return file;
	}

	private JsonNode runFile() {
		return JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "reconcileCampaigns.json").toFile());
	}

	private static JsonNode input(JsonNode run, String file) {
		for (JsonNode input : run.get("inputs")) {
			if (input.get("file").asString().equals(file)) {
				return input;
			}
		}
		throw new AssertionError("no input " + file);
	}

	/** The files under a folder, by path. */
	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()).sorted().toList();
		}
	}

	static JobParameters parameters() {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters();
	}

}
