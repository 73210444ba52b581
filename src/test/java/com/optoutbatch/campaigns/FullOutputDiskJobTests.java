package com.optoutbatch.campaigns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.SmallDisk;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send list that cannot be written whole is not published: with the output disk full,
 * no list is left looking finished, and the run file says why; when the run file itself
 * does not fit, a small one takes its place, and when not even that fits, the job says
 * so.
 */
class FullOutputDiskJobTests extends JobTestSupport {

	static final String RUN_FILE = "output/runs/" + ReconcileCampaignsJobTests.RUN_DATE + "/reconcileCampaigns.json";

	@Autowired
	Job reconcileCampaigns;

	@BeforeEach
	void aBigListBetweenTwoSmallOnes() throws IOException {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "campaign_held_rows", "opt_outs", "messages", "orders");
		StringBuilder rows = new StringBuilder("order_id,buyer_alias,campaign,planned_send_date,purpose\n");
		for (int i = 0; i < 4_500; i++) {
			rows.append(
					String.format("112-%07d-%07d,b%d@marketplace.amazon.com,Thanks,2026-11-28,thank_you%n", i, i, i));
		}
		write("generic/big.csv", rows.toString());
		write("a-small.csv", "order_id,note\n113-0000000-0000001,first\n");
		write("z-small.csv", "order_id,note\n113-0000000-0000002,last\n");
		jobs.setJob(reconcileCampaigns);
	}

	@Test
	void aFullDiskLeavesNoSendListLookingFinishedAndTheRunFileSaysWhy() throws Exception {
		JobExecution execution;
		try (SmallDisk sendLists = SmallDisk.mount(workspace.output("send-lists"), 64);
				SmallDisk runs = SmallDisk.mount(runFile().getParent(), 8).fill(4)) {
			execution = jobs.startJob(ReconcileCampaignsJobTests.parameters());
			assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertEveryPublishedListIsWhole();
			assertThat(sendList("generic/big.clean.csv")).doesNotExist();

			JsonNode run = JsonMapper.builder().build().readTree(runFile().toFile());
			assertThat(run.get("status").asString()).isEqualTo("FAILED");
			assertThat(run.get("failure").asString())
				.matches("No space left on device writing output/send-lists/[^ ]+\\.(clean|suppressed)\\.csv");
			assertThat(run.get("runFileError").asString())
				.isEqualTo("the whole run file could not be written: " + "No space left on device writing " + RUN_FILE);
		}
	}

	@Test
	void aRunFileThatCannotBeWrittenAtAllFailsTheJobBeforeItWritesAnything() throws Exception {
		JobExecution execution;
		try (SmallDisk runs = SmallDisk.mount(runFile().getParent(), 8).fill(8)) {
			execution = jobs.startJob(ReconcileCampaignsJobTests.parameters());
		}
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(execution.getAllFailureExceptions()).extracting(Throwable::getMessage)
			.contains("No space left on device writing " + RUN_FILE);
		assertThat(workspace.output("send-lists")).doesNotExist();
	}

	@Test
	void aListThatCannotBeWrittenIsNotPublishedAndTheRunFileNamesIt() throws Exception {
		// a file where the folder of the send lists goes: no list can be written, on any
		// machine
		Files.createDirectories(workspace.home().resolve("output"));
		Files.writeString(workspace.output("send-lists"), "not a folder");

		JobExecution execution = jobs.startJob(ReconcileCampaignsJobTests.parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(workspace.output("send-lists")).hasContent("not a folder");
		JsonNode run = JsonMapper.builder().build().readTree(runFile().toFile());
		assertThat(run.get("failure").asString()).isEqualTo("File exists writing output/send-lists/a-small.clean.csv");
	}

	private void assertEveryPublishedListIsWhole() throws IOException {
		try (Stream<Path> files = Files.walk(workspace.output("send-lists"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".clean.csv")).toList()) {
				String name = workspace.output("send-lists").relativize(file).toString();
				Path input = workspace.input("campaigns").resolve(name.replace(".clean.csv", ".csv"));
				assertThat(file).as(name).hasSameBinaryContentAs(input);
			}
		}
	}

	private Path runFile() {
		return workspace.home().resolve(RUN_FILE);
	}

	private Path sendList(String name) {
		return workspace.output("send-lists", name);
	}

	private Path write(String name, String text) throws IOException {
		Path file = workspace.input("campaigns").resolve(name);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
