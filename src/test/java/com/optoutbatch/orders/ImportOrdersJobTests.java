package com.optoutbatch.orders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
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
import static org.assertj.core.api.Assertions.tuple;

class ImportOrdersJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	Job importOrders;

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders");
		TestWorkspace.copySample(workspace, "orders");
		jobs.setJob(importOrders);
	}

	@Test
	void sampleReportsBecomeOneRowPerOrder() throws Exception {
		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForList("SELECT order_id, marketplace, status, buyer_alias FROM orders ORDER BY order_id"))
			.extracting(row -> tuple(row.get("ORDER_ID"), row.get("MARKETPLACE"), row.get("STATUS"),
					row.get("BUYER_ALIAS")))
			.containsExactly(tuple("028-4445556-6667778", "amazon.fr", "Shipped", null),
					tuple("111-2223334-4445556", "amazon.com", null, "p9t6r3w1n8k5c2v@marketplace.amazon.com"),
					tuple("112-3456789-0123456", "amazon.com", null, "3xq7m2kd9fz4tbn@marketplace.amazon.com"),
					tuple("113-4445556-6677889", "amazon.com", null, "w2e4r6t8y0u1i3o@marketplace.amazon.com"),
					tuple("113-9876543-2109876", "amazon.com", null, "k8v2bq9z4mx7whc@marketplace.amazon.com"),
					tuple("114-1029384-7564738", "amazon.com", null, null),
					tuple("250-7654321-0987654", "amazon.co.jp", "Unshipped",
							"d3f5g7h9j1k2l4z@marketplace.amazon.co.jp"),
					tuple("302-1234567-7654321", "amazon.de", "Shipped", null),
					tuple("304-2223334-4455667", null, "Shipped", null),
					tuple("305-7654321-1234567", "amazon.de", "Shipped", null),
					tuple("306-1112223-3334445", "amazon.de", "Shipped", null), tuple("503-1234567-8901234",
							"amazon.co.jp", "Unshipped", "t7y5u3i1o9p8a6s@marketplace.amazon.co.jp"));
	}

	@Test
	void everyLineIsUsedOrRejectedAndTheRunFileSaysSo() throws Exception {
		jobs.startJob(parameters(1));

		JsonNode run = JsonMapper.builder().build().readTree(runFile().toFile());
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		Map<String, List<Long>> counts = new java.util.TreeMap<>();
		for (JsonNode input : run.get("inputs")) {
			counts.put(input.get("file").asString(),
					List.of(input.get("read").asLong(), input.get("used").asLong(), input.get("rejected").asLong()));
			assertThat(input.get("read").asLong()).isEqualTo(
					input.get("used").asLong() + input.get("filtered").asLong() + input.get("rejected").asLong());
		}
		assertThat(counts).containsExactly(Map.entry("all-orders-de-2026-11.txt", List.of(8L, 7L, 1L)),
				Map.entry("fba-received-inventory.txt", List.of(1L, 0L, 1L)),
				Map.entry("order-report-us-2026-11.txt", List.of(10L, 7L, 3L)),
				Map.entry("unshipped-jp-2026-11.txt", List.of(3L, 3L, 0L)));
		assertThat(run.get("totals").get("read").asLong()).isEqualTo(22);
		assertThat(run.get("inputs").get(2).get("reasons").get("malformed buyer-email").asLong()).isEqualTo(1);
	}

	@Test
	void rejectedLinesSayWhereAndWhyWithoutPersonalData() throws Exception {
		jobs.startJob(parameters(1));

		Path rejects = workspace.output("rejects", "importOrders", "order-report-us-2026-11.txt.rejects.csv");
		List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("line,reason,record");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith("8,unreadable purchase-date: '2026-11-31T10:00:00-08:00' is not a date,");
		assertThat(String.join("\n", lines)).doesNotContain("Bob Sample", "Oak Ave", "Boston", "555-");
		assertThat(workspace.output("rejects", "importOrders", "fba-received-inventory.txt.rejects.csv")).content()
			.contains("no order-id column");
	}

	@Test
	void importingTheSameReportsAgainLeavesTheSameRows() throws Exception {
		jobs.startJob(parameters(1));
		List<Map<String, Object>> first = jdbc.queryForList("SELECT * FROM orders ORDER BY order_id");

		JobExecution again = jobs.startJob(parameters(2));

		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForList("SELECT * FROM orders ORDER BY order_id")).isEqualTo(first);
	}

	@Test
	void newerReportUpdatesTheStatusAndAnOlderOneDoesNot() throws Exception {
		jobs.startJob(parameters(1));
		Path update = workspace.input("orders").resolve("all-orders-de-2026-12.txt");
		Files.writeString(update, """
				amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel
				302-1234567-7654321\t2026-11-01T08:15:00+01:00\t2026-12-01T10:00:00+01:00\tCancelled\tAmazon.de
				306-1112223-3334445\t2026-11-02T21:05:00+01:00\t2026-10-01T10:00:00+01:00\tPending\tAmazon.de
				""");

		jobs.startJob(parameters(2));

		assertThat(status("302-1234567-7654321")).isEqualTo("Cancelled");
		assertThat(status("306-1112223-3334445")).isEqualTo("Shipped");
	}

	@Test
	void anOlderReportOnlyFillsWhatTheStoredOrderLacks() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		Path reports = Files.createDirectories(workspace.input("orders"));
		Files.writeString(reports.resolve("recent.txt"), """
				amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel
				302-1234567-7654321\t2026-11-01T08:15:00+01:00\t2026-12-01T10:00:00+01:00\tShipped\tAmazon.de
				""");
		jobs.startJob(parameters(1));
		Files.delete(reports.resolve("recent.txt"));
		Files.writeString(reports.resolve("older.txt"),
				"""
						amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel\tbuyer-email
						302-1234567-7654321\t2026-11-01T08:15:00+01:00\t2026-11-02T10:00:00+01:00\tPending\tAmazon.de\tq7x@marketplace.amazon.de
						""");

		jobs.startJob(parameters(2));

		assertThat(jdbc.queryForMap("SELECT status, buyer_alias, source_file FROM orders"))
			.containsEntry("STATUS", "Shipped")
			.containsEntry("BUYER_ALIAS", "q7x@marketplace.amazon.de")
			.containsEntry("SOURCE_FILE", "recent.txt");
	}

	@Test
	void personalDataIsNotStored() throws Exception {
		jobs.startJob(parameters(1));

		List<String> columns = jdbc.queryForList(
				"SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'orders'",
				String.class);
		assertThat(columns).containsExactlyInAnyOrder("order_id", "marketplace", "purchase_date", "status",
				"buyer_alias", "source_file", "reported_at");
	}

	@Test
	void reportsWithoutBuyerEmailTakeTheMarketplaceFromTheParameter() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		Files.createDirectories(workspace.input("orders"));
		Files.writeString(workspace.input("orders").resolve("plain.csv"),
				"order-id,purchase-date\n171-1111111-2222222,2026-11-10\n");

		jobs.startJob(
				new JobParametersBuilder(parameters(1)).addString("marketplace", "amazon.it", false).toJobParameters());

		assertThat(jdbc.queryForObject("SELECT marketplace FROM orders", String.class)).isEqualTo("amazon.it");
	}

	@Test
	void runFailsWhenMostLinesAreRejected() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		Files.createDirectories(workspace.input("orders"));
		Files.writeString(workspace.input("orders").resolve("shifted.txt"),
				"order-id\tpurchase-date\n2026-11-10\t171-1111111-2222222\n2026-11-11\t171-1111111-3333333\n"
						+ "171-1111111-4444444\t2026-11-12\n");

		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getExitStatus().getExitDescription())
			.startsWith("2 of 3 input records rejected, more than rejects.max-share=0.5 allows");
		assertThat(runFile()).content().contains("\"status\" : \"FAILED\"");
	}

	@Test
	void strayQuoteCostsOneLineAndEveryOtherLineIsImported() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		StringBuilder report = new StringBuilder("order-id,purchase-date,product-name\n");
		for (int i = 0; i < 2_500; i++) {
			report.append(String.format("171-%07d-0000001,2026-11-10,%sMug%n", i, i == 1 ? "\"" : ""));
		}
		Files.writeString(Files.createDirectories(workspace.input("orders")).resolve("report.csv"), report);

		assertThat(jobs.startJob(parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(2_499);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE order_id = '171-0000001-0000001'", Long.class))
			.isZero();
		JsonNode input = JsonMapper.builder().build().readTree(runFile().toFile()).get("inputs").get(0);
		assertThat(input.get("read").asLong()).isEqualTo(2_500);
		assertThat(input.get("used").asLong()).isEqualTo(2_499);
		assertThat(input.get("rejected").asLong()).isEqualTo(1);
		assertThat(input.get("unreadRecords").asLong()).isEqualTo(1);
		assertThat(Files.readAllLines(workspace.output("rejects", "importOrders", "report.csv.rejects.csv")))
			.containsExactly("line,reason,record", "3,unterminated quote: the record starting on line 3 opens a quote"
					+ " that is not closed before the end of the file,\"171-0000001-0000001,2026-11-10,***\"");
	}

	@Test
	void linesWhoseColumnsCannotBeKnownShowNoNamePhoneOrAddressInTheRejects() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		Path reports = Files.createDirectories(workspace.input("orders"));
		Files.writeString(reports.resolve("shifted.txt"),
				"""
						order-id\tpurchase-date\tbuyer-email\tbuyer-name\tbuyer-phone-number\tship-address-1\tproduct-name
						171-1111111-2222222\t2026-11-10\tabcdef1@marketplace.amazon.com\t\tJane Doe\t+1 206 555 0100\t1 Pine St\tMug
						171-1111111-3333333\t2026-11-10\tJohn Roe\t+1 206 555 0101\t22 Elm Road\tMug
						171-1111111-4444444\t2026-11-10\tabcdef3@marketplace.amazon.com\tAnn Poe\t+1 206 555 0102\t3 Oak Ave\tMug
						""");
		Files.writeString(reports.resolve("headerless.txt"), """
				171-1111111-5555555\t2026-11-10\tBob Moe\t+1 206 555 0103\t4 Ash Lane
				""");

		jobs.startJob(
				new JobParametersBuilder(parameters(1)).addString("rejects.max-share", "1", false).toJobParameters());

		String rejects = Files.readString(workspace.output("rejects", "importOrders", "shifted.txt.rejects.csv"))
				+ Files.readString(workspace.output("rejects", "importOrders", "headerless.txt.rejects.csv"));
		assertThat(rejects)
			.contains(
					"2,\"more cells than the header: 8 cells, the header names 7\","
							+ "171-1111111-2222222\t2026-11-10\tab***f1@marketplace.amazon.com\t\t***\t***\t***\t***",
					"3,\"fewer cells than the header: 6 cells, the header names 7\","
							+ "171-1111111-3333333\t2026-11-10\t***\t***\t***\t***",
					"file,\"no header line: ")
			.doesNotContain("Doe", "Roe", "Moe", "555", "Pine", "Elm", "Ash");
		assertThat(jdbc.queryForList("SELECT order_id FROM orders", String.class))
			.containsExactly("171-1111111-4444444");
	}

	@Test
	void reportNamingAColumnTwiceIsRejectedWhole() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "orders");
		Files.writeString(Files.createDirectories(workspace.input("orders")).resolve("twice.txt"),
				"order-id\tpurchase-date\tbuyer-email\tbuyer_email\n"
						+ "171-1111111-2222222\t2026-11-10\ta1@marketplace.amazon.com\tb2@marketplace.amazon.com\n");

		jobs.startJob(
				new JobParametersBuilder(parameters(1)).addString("rejects.max-share", "1", false).toJobParameters());

		JsonNode input = JsonMapper.builder().build().readTree(runFile().toFile()).get("inputs").get(0);
		assertThat(input.get("reasons").toString()).isEqualTo("{\"duplicate column 'buyer_email'\":1}");
		assertThat(input.get("unreadFile").asString())
			.isEqualTo("duplicate column 'buyer_email': the header names it in columns 3 and 4: which one holds the"
					+ " value cannot be known");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isZero();
	}

	private String status(String orderId) {
		return jdbc.queryForObject("SELECT status FROM orders WHERE order_id = ?", String.class, orderId);
	}

	private Path runFile() {
		return workspace.output("runs", RUN_DATE.toString(), "importOrders.json");
	}

	static JobParameters parameters(long attempt) {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", attempt)
			.toJobParameters();
	}

}
