package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import com.optoutbatch.support.BatchJobTest;
import com.optoutbatch.support.TestWorkspace;
import com.optoutbatch.support.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated workspace is what the benchmark claims: every job reads it, and rejects a
 * few percent.
 */
@BatchJobTest
class GeneratedWorkspaceJobTests {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JobRepositoryTestUtils jobRepository;

	@Autowired
	Job nightly;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Workspace workspace;

	@BeforeEach
	void generatedWorkspace() throws IOException {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders", "messages", "opt_outs", "restriction_notices",
				"campaign_held_rows");
		new SellerDataGenerator(Scale.T, SellerDataGenerator.DEFAULT_SEED).write(workspace.home());
		jobs.setJob(nightly);
	}

	@Test
	void generatedWorkspaceIsReadWithAFewPercentRejected() throws Exception {
		JobExecution execution = jobs.startJob(new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejectedShare("importOrders")).isBetween(0.01, 0.04);
		assertThat(rejectedShare("importMessages")).isBetween(0.01, 0.04);
		assertThat(rejectedShare("reconcileCampaigns")).isBetween(0.01, 0.04);
		JsonNode inbox = input(run("scanMailbox"), "seller-inbox-2026-11.mbox");
		JsonNode archive = input(run("scanMailbox"), "archive-2026-10.mbox.gz");
		long mails = inbox.get("read").asLong() + archive.get("read").asLong();
		long notices = inbox.get("kinds").get("OPT_OUT_NOTICE").asLong()
				+ archive.get("kinds").get("OPT_OUT_NOTICE").asLong();
		assertThat(mails).isEqualTo(Scale.T.mails);
		// a tenth of the mail is a notice; those naming an order the registry holds
		// already count once
		assertThat(notices).isBetween(mails / 20, mails / 5);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs", Long.class)).isPositive();
	}

	private double rejectedShare(String job) {
		JsonNode totals = run(job).get("totals");
		return totals.get("rejected").asDouble() / totals.get("read").asDouble();
	}

	private JsonNode run(String job) {
		Path file = workspace.output("runs", RUN_DATE.toString(), job + ".json");
		return JsonMapper.builder().build().readTree(file.toFile());
	}

	private static JsonNode input(JsonNode run, String file) {
		for (JsonNode input : run.get("inputs")) {
			if (input.get("file").asString().equals(file)) {
				return input;
			}
		}
		throw new AssertionError("no input " + file + " in " + run);
	}

}
