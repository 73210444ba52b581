package com.optoutbatch.mailbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import com.optoutbatch.support.Workspace;
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

class ScanMailboxJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	static final String[] TABLES = { "orders", "opt_outs", "restriction_notices", "mailbox_imap_processed" };

	static final String SAMPLE_REGISTRY = """
			marketplace,order_id,buyer_alias,opted_out_at,source,evidence
			amazon.co.jp,250-7654321-0987654,d3f5g7h9j1k2l4z@marketplace.amazon.co.jp,2026-10-30T03:00:00Z,MAILBOX,<optout-250-2026-10-30@amazon.co.jp> in archive-2026-10.mbox.gz message 3
			amazon.co.jp,503-1234567-8901234,t7y5u3i1o9p8a6s@marketplace.amazon.co.jp,2026-11-08T01:00:00Z,MAILBOX,<optout-503-2026-11-08@amazon.co.jp> in seller-inbox-2026-11.mbox message 4 at byte 2522
			amazon.co.uk,,zq8wx7vc6bn5ma4@marketplace.amazon.co.uk,2026-10-01T00:00:00Z,IMPORT,feedbackwhiz-blacklist.csv line 3
			amazon.com,111-2223334-4445556,p9t6r3w1n8k5c2v@marketplace.amazon.com,2026-11-09T02:45:00Z,MAILBOX,<fw-111@mail.example-shop.com> in forwarded-notice.eml message 1
			amazon.com,112-3456789-0123456,3xq7m2kd9fz4tbn@marketplace.amazon.com,2026-10-28T16:00:00Z,MAILBOX,<optout-112-2026-10-28@amazon.com> in archive-2026-10.mbox.gz message 2
			amazon.com,113-4445556-6677889,w2e4r6t8y0u1i3o@marketplace.amazon.com,2026-09-15T00:00:00Z,IMPORT,feedbackwhiz-blacklist.csv line 2
			amazon.com,114-1029384-7564738,,,IMPORT,seller-central-notes.txt line 2
			amazon.com.br,701-1234567-7654321,,2026-11-11T12:00:00Z,MAILBOX,<optout-701-2026-11-11@amazon.com.br> in seller-inbox-2026-11.mbox message 7 at byte 5072
			amazon.de,302-1234567-7654321,,2026-10-20T08:00:00Z,MAILBOX,<optout-302-2026-10-20@amazon.de> in archive-2026-10.mbox.gz message 1
			amazon.de,305-7654321-1234567,,2026-11-06T08:30:00Z,MAILBOX,<optout-305-2026-11-06@amazon.de> in seller-inbox-2026-11.mbox message 2 at byte 959
			amazon.de,306-1112223-3334445,,2026-11-15T08:15:00Z,MAILBOX,<optout-306-2026-11-15@amazon.com> in Maildir new/1763194500.M2P1.mailhost
			amazon.es,404-9990001-1112223,,2026-11-10T09:02:00Z,MAILBOX,<CAfwd-es-404@mail.example-shop.com> in seller-inbox-2026-11.mbox message 6 at byte 4215
			amazon.fr,028-4445556-6667778,,2026-11-07T10:00:00Z,MAILBOX,<optout-028-2026-11-07@amazon.fr> in seller-inbox-2026-11.mbox message 3 at byte 1692
			amazon.it,171-5550001-2223334,,2026-11-09T09:00:00Z,MAILBOX,<optout-171-2026-11-09@amazon.it> in seller-inbox-2026-11.mbox message 5 at byte 3175
			""";

	@Autowired
	Job scanMailbox;

	@Autowired
	Job importOrders;

	@BeforeEach
	void sampleWorkspaceWithImportedOrders() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, TABLES);
		TestWorkspace.copySample(workspace, "orders");
		TestWorkspace.copySample(workspace, "mailbox");
		TestWorkspace.copySample(workspace, "optouts");
		jobs.setJob(importOrders);
		assertThat(jobs.startJob(parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		jobs.setJob(scanMailbox);
	}

	@Test
	void sampleMailboxFillsTheRegistryAndItsCsv() throws Exception {
		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(registryCsv()).isEqualTo(SAMPLE_REGISTRY);
		assertThat(jdbc.query("SELECT notice_key, marketplace FROM restriction_notices",
				(row, i) -> row.getString(1) + " " + row.getString(2)))
			.containsExactly("<restriction-2026-11-20@amazon.com> amazon.com");
	}

	@Test
	void everyMessageHasOneVerdictCountedInTheRunFile() throws Exception {
		jobs.startJob(parameters(1));

		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "scanMailbox.json").toFile());
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode inbox = input(run, "seller-inbox-2026-11.mbox");
		assertThat(inbox.get("read").asLong()).isEqualTo(14);
		assertThat(inbox.get("used").asLong()).isEqualTo(9);
		assertThat(inbox.get("filtered").asLong()).isEqualTo(4);
		assertThat(inbox.get("rejected").asLong()).isEqualTo(1);
		assertThat(inbox.get("kinds").toString()).isEqualTo(
				"{\"OPT_OUT_NOTICE\":7,\"RESTRICTION_NOTICE\":1,\"OTHER_AMAZON\":3,\"LOOKALIKE\":1,\"NOT_RELEVANT\":1}");
		assertThat(input(run, "archive-2026-10.mbox.gz").get("kinds").get("OPT_OUT_NOTICE").asLong()).isEqualTo(3);
		assertThat(input(run, "Maildir").get("kinds").get("OPT_OUT_NOTICE").asLong()).isEqualTo(2);
		assertThat(input(run, "forwarded-notice.eml").get("kinds").get("OPT_OUT_NOTICE").asLong()).isEqualTo(1);
		for (JsonNode input : run.get("inputs")) {
			long judged = 0;
			for (JsonNode count : input.get("kinds")) {
				judged += count.asLong();
			}
			assertThat(input.get("read").asLong()).isEqualTo(
					input.get("used").asLong() + input.get("filtered").asLong() + input.get("rejected").asLong());
			if (!input.get("kinds").isEmpty()) {
				assertThat(judged + input.get("rejected").asLong()).isEqualTo(input.get("read").asLong());
			}
		}
	}

	@Test
	void filesThatAreNotMailAreRejectedWholeAndTheScanGoesOn() throws Exception {
		Files.write(workspace.input("mailbox").resolve("scan.pdf"),
				"%PDF-1.7\n\u0000\u0001\u0002 binary".getBytes(StandardCharsets.ISO_8859_1));
		Files.copy(TestWorkspace.SAMPLE_INPUT.resolve("orders/order-report-us-2026-11.txt"),
				workspace.input("mailbox").resolve("order-report-us-2026-11.txt"));

		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(registryCsv()).isEqualTo(SAMPLE_REGISTRY);
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "scanMailbox.json").toFile());
		JsonNode pdf = input(run, "scan.pdf");
		assertThat(pdf.get("unreadFile").asString())
			.isEqualTo("not a text file: binary content: a NUL byte at byte 10");
		assertThat(pdf.get("read").asLong()).isEqualTo(1);
		assertThat(pdf.get("rejected").asLong()).isEqualTo(1);
		assertThat(pdf.get("kinds").get("NOT_RELEVANT").asLong()).isZero();
		JsonNode report = input(run, "order-report-us-2026-11.txt");
		assertThat(report.get("unreadFile").asString()).startsWith("not mail: text without a mail header block");
		assertThat(report.get("kinds").get("NOT_RELEVANT").asLong()).isZero();
		assertThat(input(run, "seller-inbox-2026-11.mbox").get("unreadFile").isNull()).isTrue();
		assertThat(Files
			.readAllLines(workspace.output("rejects", "scanMailbox", "order-report-us-2026-11.txt.rejects.csv")))
			.containsExactly("line,reason,record",
					"file,\"not mail: text without a mail header block (From:, Date:, Subject: ...) at its start\",");
	}

	@Test
	void symlinkLoopAndSymlinkOutOfTheWorkspaceAreNotFollowedAndAreNamedInTheRunFile() throws Exception {
		Path mailbox = workspace.input("mailbox");
		Files.createSymbolicLink(mailbox.resolve("loop"), Path.of(".."));
		Path elsewhere = Files.createTempFile("elsewhere-", ".mbox");
		Files.writeString(elsewhere, "From a 2026\nSubject: private\n\nnot this seller's mail\n");
		Files.createSymbolicLink(mailbox.resolve("elsewhere.mbox"), elsewhere);

		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(registryCsv()).isEqualTo(SAMPLE_REGISTRY);
		JsonNode run = runFile(workspace);
		assertThat(run.get("inputs")).extracting(input -> input.get("file").asString())
			.containsExactly("Maildir", "archive-2026-10.mbox.gz", "feedbackwhiz-blacklist.csv", "forwarded-notice.eml",
					"seller-central-notes.txt", "seller-inbox-2026-11.mbox");
		assertThat(run.get("skipped").toString()).isEqualTo("[{\"path\":\"mailbox/elsewhere.mbox\",\"reason\":"
				+ "\"symlink out of the workspace\"},{\"path\":\"mailbox/loop\",\"reason\":\"symlink loop\"}]");
		Files.delete(elsewhere);
	}

	@Test
	void brokenMessageIsRejectedWithPositionAndMessageId() throws Exception {
		jobs.startJob(parameters(1));

		assertThat(
				Files.readAllLines(workspace.output("rejects", "scanMailbox", "seller-inbox-2026-11.mbox.rejects.csv")))
			.containsExactly("line,reason,record",
					"message 14 at byte 9115 <nested-bomb@example.net>,MIME nesting too deep: deeper than 20 levels,2607 bytes");
		assertThat(workspace.output("rejects", "scanMailbox", "feedbackwhiz-blacklist.csv.rejects.csv")).content()
			.contains("4,no order id or alias");
	}

	@Test
	void lookalikeIsQuarantinedAndNeverAnOptOut() throws Exception {
		jobs.startJob(parameters(1));

		Path copy = workspace.output("quarantine", "seller-inbox-2026-11.mbox.12.eml");
		assertThat(copy).content().contains("amazon-seller-alerts.com", "verify your account");
		assertThat(Files.list(workspace.output("quarantine"))).hasSize(1);
		assertThat(registryCsv()).doesNotContain("amazon-seller-alerts");
	}

	@Test
	void twoMailboxesOfOneNameKeepTheirRejectsAndQuarantinedMailApart() throws Exception {
		Path sample = TestWorkspace.SAMPLE_INPUT.resolve("mailbox/seller-inbox-2026-11.mbox");
		TestWorkspace.delete(workspace.input("mailbox"));
		for (String folder : List.of("a", "b")) {
			Files.createDirectories(workspace.input("mailbox").resolve(folder));
			Files.copy(sample, workspace.input("mailbox").resolve(folder + "/inbox.mbox"));
		}

		jobs.startJob(parameters(1));

		for (String folder : List.of("a", "b")) {
			assertThat(workspace.output("rejects", "scanMailbox", folder, "inbox.mbox.rejects.csv")).as(folder)
				.content()
				.contains("message 14 at byte 9115 <nested-bomb@example.net>");
			assertThat(workspace.output("quarantine", folder, "inbox.mbox.12.eml")).as(folder)
				.content()
				.contains("verify your account");
		}
		assertThat(workspace.output("rejects", "scanMailbox", "inbox.mbox.rejects.csv")).doesNotExist();
	}

	@Test
	void scanningTheSameMailboxAgainAddsNothing() throws Exception {
		jobs.startJob(parameters(1));
		List<Map<String, Object>> first = jdbc.queryForList("SELECT * FROM opt_outs ORDER BY opt_out_key");

		JobExecution again = jobs.startJob(parameters(2));

		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(jdbc.queryForList("SELECT * FROM opt_outs ORDER BY opt_out_key")).isEqualTo(first);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM restriction_notices", Long.class)).isEqualTo(1);
		assertThat(registryCsv()).isEqualTo(SAMPLE_REGISTRY);
	}

	@Test
	void newerDumpAddsOnlyTheNewNotices() throws Exception {
		jobs.startJob(parameters(1));
		Files.writeString(workspace.input("mailbox").resolve("seller-inbox-2026-12.mbox"),
				"""
						From auto-communication@amazon.com Tue Dec 01 10:00:00 2026
						From: Amazon <auto-communication@amazon.com>
						Subject: Your message to a buyer could not be delivered
						Date: Tue, 01 Dec 2026 10:00:00 +0000
						Message-ID: <optout-112-2026-12-01@amazon.com>

						We were unable to deliver the message you sent for order [112-3456789-0123456] because the buyer has chosen to opt out of receiving unsolicited messages from sellers.

						From auto-communication@amazon.com Wed Dec 02 10:00:00 2026
						From: Amazon <auto-communication@amazon.com>
						Subject: Your message to a buyer could not be delivered
						Date: Wed, 02 Dec 2026 10:00:00 +0000
						Message-ID: <optout-113-2026-12-02@amazon.com>

						We were unable to deliver the message you sent for order [113-9876543-2109876] because the buyer has chosen to opt out of receiving unsolicited messages from sellers.
						""",
				StandardCharsets.UTF_8);

		jobs.startJob(parameters(2));

		List<String> lines = registryCsv().lines().toList();
		assertThat(lines).hasSize((int) SAMPLE_REGISTRY.lines().count() + 1)
			.containsAll(SAMPLE_REGISTRY.lines().toList())
			.contains(
					"amazon.com,113-9876543-2109876,k8v2bq9z4mx7whc@marketplace.amazon.com,2026-12-02T10:00:00Z,MAILBOX,"
							+ "<optout-113-2026-12-02@amazon.com> in seller-inbox-2026-12.mbox message 2 at byte 415");
	}

	@Test
	void trustedForwardersParameterLimitsWhoseForwardsCount() throws Exception {
		jobs.startJob(new JobParametersBuilder(parameters(1)).addString("trusted-forwarders", "partner.example", false)
			.toJobParameters());

		assertThat(registryCsv()).doesNotContain("404-9990001-1112223", "111-2223334-4445556")
			.contains("112-3456789-0123456");
		assertThat(workspace.output("quarantine", "forwarded-notice.eml.1.eml")).exists();
		assertThat(workspace.output("quarantine", "seller-inbox-2026-11.mbox.6.eml")).exists();
	}

	@Test
	void rulesParameterExtendsThePhraseTableWithoutABuild() throws Exception {
		Path rules = Files.writeString(workspace.home().resolve("more-rules.yml"), """
				opt-out:
				  body:
				    nl: [omdat de koper ervoor heeft gekozen geen ongevraagde berichten van verkopers te ontvangen]
				""");
		Files.writeString(workspace.input("mailbox").resolve("nl.mbox"), """
				From auto-communication@amazon.nl Tue Dec 01 10:00:00 2026
				From: Amazon <auto-communication@amazon.nl>
				Subject: Je bericht aan een koper kon niet worden bezorgd
				Date: Tue, 01 Dec 2026 10:00:00 +0000
				Message-ID: <optout-nl@amazon.nl>

				Je bericht voor bestelling [408-1234567-1234567] is niet bezorgd, omdat de koper ervoor heeft gekozen
				geen ongevraagde berichten van verkopers te ontvangen.
				""");

		jobs.startJob(
				new JobParametersBuilder(parameters(1)).addString("rules", rules.toString(), false).toJobParameters());

		assertThat(registryCsv())
			.contains("amazon.nl,408-1234567-1234567,,2026-12-01T10:00:00Z,MAILBOX,<optout-nl@amazon.nl>");
	}

	@Test
	void optOutDatesAreWrittenAtUtcToTheMicrosecondOnEitherDatabase() throws Exception {
		Files.writeString(workspace.input("optouts").resolve("precise.csv"),
				"Order ID,Opted out\n113-4445556-6677000,2026-09-15T10:00:00.1234565+02:00\n");

		jobs.startJob(parameters(1));

		assertThat(registryCsv())
			.contains(",113-4445556-6677000,,2026-09-15T08:00:00.123456Z,IMPORT,precise.csv line 2\n");
	}

	@Test
	void personalDataStaysOutOfTheOutputs() throws Exception {
		jobs.startJob(parameters(1));

		String outputs = registryCsv()
				+ Files.readString(workspace.output("rejects", "scanMailbox", "seller-inbox-2026-11.mbox.rejects.csv"));
		assertThat(outputs).doesNotContain("Jane Doe", "555-", "Boston");
	}

	@Test
	void optOutListWithNamePhoneAndAddressColumnsShowsNoneOfThemInItsRejects() throws Exception {
		Files.writeString(workspace.input("optouts").resolve("crm-export.csv"), """
				order,name,phone,address
				171-1111111-2222222,Jane Doe,+1 206 555 0100,1 Pine St Seattle
				n/a,John Roe,+1 206 555 0101,22 Elm Road Boston
				"171-1111111-3333333,Ann Poe,+1 206 555 0102,3 Oak Ave Denver
				171-1111111-4444444,Bob Moe,\u0000,4 Ash Lane Austin
				""");

		jobs.startJob(parameters(1));

		List<String> rejects = Files
			.readAllLines(workspace.output("rejects", "scanMailbox", "crm-export.csv.rejects.csv"));
		assertThat(rejects).containsExactlyInAnyOrder("line,reason,record",
				"3,no order id or alias: no cell holds an order id (123-1234567-1234567) or an alias,\"***,***,***,***\"",
				"4,unterminated quote: the record starting on line 4 opens a quote that is not closed before the end of"
						+ " the file,\"171-1111111-3333333,***,***,***\"",
				"5,control character: cell 3 holds U+0000 (NULL),\"171-1111111-4444444,***,***,***\"");
		assertThat(String.join("\n", rejects)).doesNotContain("Doe", "Roe", "Poe", "Moe", "555", "Pine", "Elm", "Oak",
				"Ash", "Seattle", "Boston", "Denver", "Austin");
		assertThat(registryCsv()).contains("171-1111111-2222222").doesNotContain("171-1111111-4444444");
	}

	@Test
	void binaryFileAmongTheOptOutListsIsRejectedWholeAsNotText() throws Exception {
		byte[] bytes = new byte[100_000];
		new java.util.Random(18).nextBytes(bytes);
		Files.write(workspace.input("optouts").resolve("blacklist.xlsx"), bytes);

		JobExecution execution = jobs.startJob(parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "scanMailbox.json").toFile());
		JsonNode binary = input(run, "blacklist.xlsx");
		assertThat(binary.get("read").asLong()).isEqualTo(1);
		assertThat(binary.get("rejected").asLong()).isEqualTo(1);
		assertThat(binary.get("reasons").toString()).isEqualTo("{\"not a text file\":1}");
		assertThat(binary.get("unreadFile").asString()).startsWith("not a text file: ");
		assertThat(Files.readAllLines(workspace.output("rejects", "scanMailbox", "blacklist.xlsx.rejects.csv")))
			.hasSize(2);
		assertThat(registryCsv()).isEqualTo(SAMPLE_REGISTRY);
	}

	private String registryCsv() throws Exception {
		return Files.readString(workspace.output("optouts", "opt-outs.csv"), StandardCharsets.UTF_8);
	}

	static JsonNode runFile(Workspace workspace) {
		return JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "scanMailbox.json").toFile());
	}

	static JsonNode input(JsonNode run, String file) {
		for (JsonNode input : run.get("inputs")) {
			if (input.get("file").asString().equals(file)) {
				return input;
			}
		}
		throw new AssertionError("no input " + file + " in " + run);
	}

	static JobParameters parameters(long attempt) {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", attempt)
			.toJobParameters();
	}

}
