package com.optoutbatch.messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImportMessagesJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	Job importOrders;

	@Autowired
	Job importMessages;

	@BeforeEach
	void sampleWorkspaceWithItsOrders() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "seller_labels", "messages", "orders");
		TestWorkspace.copySample(workspace, "orders");
		TestWorkspace.copySample(workspace, "messages");
		jobs.setJob(importOrders);
		assertThat(jobs.startJob(parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		jobs.setJob(importMessages);
	}

	@Test
	void sampleLogsBecomeOneClassifiedRowPerMessage() throws Exception {
		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForList("""
				SELECT m.message_id, m.tool, m.category, m.rule_name, m.flags,
				       CASE WHEN o.order_id IS NULL THEN FALSE ELSE TRUE END AS order_known
				FROM messages m LEFT JOIN orders o ON o.order_id = m.order_id ORDER BY m.message_id"""))
			.extracting(row -> tuple(row.get("MESSAGE_ID"), row.get("TOOL"), row.get("CATEGORY"), row.get("RULE_NAME"),
					row.get("FLAGS"), row.get("ORDER_KNOWN")))
			.containsExactly(
					tuple("fw-55001", "FeedbackWhiz", "CRITICAL", "delivery-scheduling", "", true), tuple("fw-55002",
							"FeedbackWhiz", "NON_CRITICAL", "review-incentive", "emoji;review-incentive", true),
					tuple("fw-55003", "FeedbackWhiz", "NON_CRITICAL", "shipment-confirmation", "", true),
					tuple("fw-55004", "FeedbackWhiz", "NON_CRITICAL", "review-change",
							"email-address;review-change;no-order-id", true),
					tuple("m-1001", "ZonMaster", "NON_CRITICAL", "shipment-confirmation", "", true),
					tuple("m-1002", "ZonMaster", "NON_CRITICAL", "review-incentive", "review-incentive", true),
					tuple("m-1003", null, "NON_CRITICAL", "shipment-confirmation", "critical-subject", true),
					tuple("m-1004", null, "CRITICAL", "customization", "", true),
					tuple("m-1005", null, "CRITICAL", "delivery-scheduling", "", true),
					tuple("m-1006", null, "NON_CRITICAL", "marketing", "link;emoji;marketing;no-order-id", true),
					tuple("m-1007", null, "NON_CRITICAL", MessageClassifier.MODEL, "no-order-id", true),
					tuple("m-1010", null, "NON_CRITICAL", "shipment-confirmation", "", false));
	}

	@Test
	void onPostgresqlThePlannerKnowsTheImportedMessagesBeforeTheExportJoinsThem() throws Exception {
		assumeTrue(TestWorkspace.onPostgres(), "statistics are PostgreSQL's");
		jdbc.execute("INSERT INTO messages (message_key, sent_at, category, reason, flags, source_file, source_line, "
				+ "imported_at) VALUES ('before', CURRENT_TIMESTAMP, 'CRITICAL', 'test', '', 'log.csv', 1, CURRENT_TIMESTAMP)");
		jdbc.execute("ANALYZE messages");

		jobs.startJob(parameters(1));

		// what ANALYZE counted; a table this small is counted whole
		assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = 'messages'", Float.class))
			.isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM messages", Float.class));
	}

	@Test
	void recipientsAreStoredAsAliasesAndNoBodyIsKept() throws Exception {
		jobs.startJob(parameters(1));

		assertThat(
				jdbc.queryForObject("SELECT recipient_alias FROM messages WHERE message_id = 'm-1003'", String.class))
			.isEqualTo("k8v2bq9z4mx7whc@marketplace.amazon.com");
		List<String> columns = jdbc.queryForList(
				"SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'messages'",
				String.class);
		assertThat(columns).doesNotContain("body", "recipient_name");
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE recipient_alias NOT LIKE '%@%'", Long.class))
			.isZero();
	}

	@Test
	void classifiedCsvListsEveryMessageWithCategoryReasonAndFlags() throws Exception {
		jobs.startJob(parameters(1));

		Map<String, CSVRecord> rows = classifiedCsv();
		assertThat(rows).hasSize(12);
		CSVRecord disguised = rows.get("m-1003");
		assertThat(disguised.get("order_id")).isEqualTo("113-9876543-2109876");
		assertThat(disguised.get("category")).isEqualTo("NON_CRITICAL");
		assertThat(disguised.get("reason")).startsWith("model ")
			.endsWith("; rules: shipment-confirmation (body, en): \"was dispatched\", \"tracking number\"");
		assertThat(disguised.get("flags")).isEqualTo("critical-subject");
		assertThat(rows.get("m-1007").get("reason")).startsWith("model ").doesNotContain("rules:");
		assertThat(rows.get("fw-55001").get("reason")).startsWith("delivery-scheduling (body, ja): ");
		assertThat(Files.readString(classifiedFile(), StandardCharsets.UTF_8))
			.startsWith("message_id,order_id,category,reason,flags,sent_at,tool\n");
	}

	@Test
	void importingTheSameLogsAgainAddsNothing() throws Exception {
		jobs.startJob(parameters(1));
		List<Map<String, Object>> first = jdbc.queryForList("SELECT * FROM messages ORDER BY message_key");

		JobExecution again = jobs.startJob(parameters(2));

		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForList("SELECT * FROM messages ORDER BY message_key")).isEqualTo(first);
		assertThat(classifiedCsv()).hasSize(12);
	}

	@Test
	void brokenLinesAreRejectedWithLineAndReasonAndEveryRecordIsCounted() throws Exception {
		jobs.startJob(parameters(1));

		assertThat(Files.readAllLines(rejects("sent-messages-2026-11.csv"), StandardCharsets.UTF_8)).containsExactly(
				"line,reason,record",
				"32,unreadable sent date: 'yesterday' is not a date,\"m-1008,113-4445556-6677889,w2***3o@marketplace.amazon.com,"
						+ "Your order has shipped,***,yesterday,\"",
				"33,malformed order id: '113-98765' is not of the form 123-1234567-1234567,\"m-1009,113-98765,"
						+ "w2***3o@marketplace.amazon.com,Your order has shipped,***,2026-11-05T11:00:00-08:00,\"");
		assertThat(Files.readString(rejects("feedbackwhiz-email-logs-2026-11.csv"), StandardCharsets.UTF_8))
			.contains("malformed recipient")
			.doesNotContain("Mario", "Rossi");

		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "importMessages.json").toFile());
		Map<String, List<Long>> counts = new TreeMap<>();
		for (JsonNode input : run.get("inputs")) {
			counts.put(input.get("file").asString(),
					List.of(input.get("read").asLong(), input.get("used").asLong(), input.get("rejected").asLong()));
		}
		assertThat(counts).containsExactly(Map.entry("feedbackwhiz-email-logs-2026-11.csv", List.of(5L, 4L, 1L)),
				Map.entry("sent-messages-2026-11.csv", List.of(11L, 9L, 2L)));
	}

	@Test
	void messageSentMoreThanThirtyDaysAfterThePurchaseIsFlagged() throws Exception {
		Files.writeString(workspace.input("orders").resolve("old-orders.txt"),
				"order-id\tpurchase-date\n171-1000000-2000000\t2026-09-01T10:00:00Z\n171-1000000-3000000\t2026-10-20T10:00:00Z\n");
		Files.writeString(workspace.input("messages").resolve("late.csv"),
				"""
						message_id,order_id,subject,body,sent_at
						late-1,171-1000000-2000000,How do you like it?,Please leave a review for order 171-1000000-2000000.,2026-10-15T10:00:00Z
						soon-1,171-1000000-3000000,How do you like it?,Please leave a review for order 171-1000000-3000000.,2026-10-28T10:00:00Z
						""");
		jobs.setJob(importOrders);
		jobs.startJob(parameters(2));
		jobs.setJob(importMessages);

		jobs.startJob(parameters(1));

		assertThat(classifiedCsv().get("late-1").get("flags")).isEqualTo("sent-late");
		assertThat(classifiedCsv().get("soon-1").get("flags")).isEmpty();
	}

	@Test
	void sentAtIsWrittenAtUtcToTheMicrosecondOnEitherDatabase() throws Exception {
		Files.writeString(workspace.input("messages").resolve("precise.csv"),
				"""
						message_id,order_id,subject,body,sent_at
						p-1,112-3456789-0123456,Your order has shipped,Order 112-3456789-0123456 has shipped.,2026-11-03T08:00:00.1234567-08:00
						p-2,112-3456789-0123456,Your order has shipped,Order 112-3456789-0123456 has shipped.,2026-11-03T08:00:00.9999996-08:00
						""");

		jobs.startJob(parameters(1));

		Map<String, CSVRecord> rows = classifiedCsv();
		assertThat(rows.get("m-1001").get("sent_at")).isEqualTo("2026-11-03T16:00:00Z");
		assertThat(rows.get("m-1010").get("sent_at")).isEqualTo("2026-11-06T09:00:00Z");
		// HSQLDB would keep the first 6 digits of a fraction, PostgreSQL round them
		assertThat(rows.get("p-1").get("sent_at")).isEqualTo("2026-11-03T16:00:00.123456Z");
		assertThat(rows.get("p-2").get("sent_at")).isEqualTo("2026-11-03T16:00:00.999999Z");
	}

	@Test
	void userRulesFileExtendsTheDefaultRules() throws Exception {
		importWithFollowUpRules(1);

		assertThat(classifiedCsv().get("m-1007").get("category")).isEqualTo("REPLY");
		assertThat(classifiedCsv().get("m-1007").get("reason"))
			.isEqualTo("follow-up (body, en): \"following up\"; follow-up (subject, en): \"following up\"");
	}

	@Test
	void theSellersLabelsOverrideTheClassifierAndStayOverImportsAgain() throws Exception {
		Files.writeString(Files.createDirectories(workspace.input("labels")).resolve("corrections.csv"), """
				message_id,category
				m-1007,reply
				m-1004,CRITICAL
				never-imported,CRITICAL
				m-1001,maybe
				""");

		for (long attempt = 1; attempt <= 2; attempt++) {
			assertThat(jobs.startJob(parameters(attempt)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			Map<String, CSVRecord> rows = classifiedCsv();
			assertThat(rows.get("m-1007").get("category")).isEqualTo("REPLY");
			assertThat(rows.get("m-1007").get("reason")).startsWith(
					"labelled REPLY by the seller (labels/corrections.csv, line 2); classified NON_CRITICAL: model ");
			// the classifier already agreed
			assertThat(rows.get("m-1004").get("reason")).doesNotStartWith("labelled");
			assertThat(
					jdbc.queryForObject("SELECT classified_as FROM messages WHERE message_id = 'm-1007'", String.class))
				.isEqualTo("NON_CRITICAL");
		}
		assertThat(Files
			.readAllLines(workspace.output("rejects", "importMessages", "labels", "corrections.csv.rejects.csv")))
			.containsExactlyInAnyOrder("line,reason,record",
					"4,unknown message: no imported message has the id never-imported,\"never-imported,CRITICAL\"",
					"5,\"unknown category: 'maybe' is none of CRITICAL, NON_CRITICAL, REPLY\",\"m-1001,maybe\"");
	}

	@Test
	void aChangedRulesFileReclassifiesStoredMessagesOnTheNextImport() throws Exception {
		jobs.startJob(parameters(1));
		String before = jdbc.queryForObject("SELECT category FROM messages WHERE message_id = 'm-1007'", String.class);
		importWithFollowUpRules(2);

		assertThat(before).isNotEqualTo("REPLY");
		assertThat(jdbc.queryForMap("SELECT category, rule_name FROM messages WHERE message_id = 'm-1007'"))
			.containsEntry("CATEGORY", "REPLY")
			.containsEntry("RULE_NAME", "follow-up");
	}

	@Test
	void logOfAnotherKindIsRejectedWholeAndTheRunGoesOn() throws Exception {
		Files.writeString(workspace.input("messages").resolve("campaign-list.csv"), "sku,asin\nMUG-1,B0001\n");

		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllLines(rejects("campaign-list.csv"), StandardCharsets.UTF_8)).hasSize(2)
			.last()
			.asString()
			.startsWith("file,\"unknown message log layout: not the generic header");
		assertThat(classifiedCsv()).hasSize(12);
	}

	@Test
	void strayQuoteCostsOneMessageAndEveryOtherIsImported() throws Exception {
		TestWorkspace.reset(workspace, jdbc, "messages");
		Files.createDirectories(workspace.input("messages"));
		StringBuilder log = new StringBuilder("message_id,order_id,recipient,subject,body,sent_at,tool\n");
		for (int i = 0; i < 1_500; i++) {
			log.append(String.format("s-%d,171-%07d-0000001,,Shipped,%s\"Your order has shipped.\nThank you.\","
					+ "2026-11-10T10:00:00Z,Helium 10%n", i, i, i == 7 ? "\"" : ""));
		}
		Files.writeString(workspace.input("messages").resolve("sent.csv"), log);

		assertThat(jobs.startJob(parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages", Long.class)).isEqualTo(1_499);
		JsonNode input = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "importMessages.json").toFile())
			.get("inputs")
			.get(0);
		assertThat(input.get("read").asLong()).isEqualTo(1_501);
		assertThat(input.get("used").asLong()).isEqualTo(1_499);
		assertThat(input.get("rejected").asLong()).isEqualTo(2);
		// the broken record's second line is read as a record of its own, and is rejected
		// for its shape
		assertThat(input.get("unreadRecords").asLong()).isEqualTo(1);
		assertThat(Files.readAllLines(rejects("sent.csv"), StandardCharsets.UTF_8)).containsExactly(
				"line,reason,record",
				"16,\"text after a closing quote: on line 16, a quoted cell is followed by other text before the next"
						+ " delimiter\",\"***,171-0000007-0000001,,***,***\"",
				"17,\"fewer cells than the header: 3 cells, the header names 7\",\"***,2026-11-10T10:00:00Z,***\"");
	}

	@Test
	void recordWithAnExtraCellShowsNoNameInTheRejects() throws Exception {
		Files.writeString(workspace.input("messages").resolve("shifted.csv"),
				"""
						message_id,order_id,recipient,subject,body,sent_at,tool
						x-1,171-0000001-0000001,abcdefgh@marketplace.amazon.com,Hello Jane Doe,Jane Doe,1 Pine St,2026-11-10T10:00:00Z,Helium 10
						""");

		jobs.startJob(parameters(1));

		assertThat(Files.readAllLines(rejects("shifted.csv"), StandardCharsets.UTF_8))
			.containsExactly("line,reason,record", "2,\"more cells than the header: 8 cells, the header names 7\","
					+ "\"***,171-0000001-0000001,ab***gh@marketplace.amazon.com,***,***,***,2026-11-10T10:00:00Z,***\"");
	}

	// the default rules and a user rule that makes "following up" a reply, sure enough to
	// decide alone
	private void importWithFollowUpRules(long attempt) throws Exception {
		Path rules = Files.createDirectories(workspace.home().resolve("config")).resolve("rules.yml");
		Files.writeString(rules, """
				rules:
				  follow-up:
				    category: REPLY
				    weight: 9
				    phrases:
				      en: [following up]
				""");
		jobs.startJob(
				new JobParametersBuilder(parameters(attempt)).addString("messages.rules", "config/rules.yml", false)
					.toJobParameters());
	}

	private Map<String, CSVRecord> classifiedCsv() throws Exception {
		Map<String, CSVRecord> rows = new TreeMap<>();
		for (CSVRecord record : CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(Files.newBufferedReader(classifiedFile(), StandardCharsets.UTF_8))) {
			rows.put(record.get("message_id"), record);
		}
		return rows;
	}

	private Path classifiedFile() {
		return workspace.output("messages", "classified.csv");
	}

	private Path rejects(String file) {
		return workspace.output("rejects", "importMessages", file + ".rejects.csv");
	}

	static JobParameters parameters(long attempt) {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", attempt)
			.toJobParameters();
	}

}
