package com.optoutbatch.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a job's listing of input/ does not read is named in its run file, with the reason.
 */
class InputListingJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	Job importOrders;

	@BeforeEach
	void sampleOrders() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders");
		TestWorkspace.copySample(workspace, "orders");
		jobs.setJob(importOrders);
	}

	@Test
	void folderInsideOrdersAndSymlinkOutOfTheWorkspaceAreInTheRunFileAndNotImported() throws Exception {
		Path orders = workspace.input("orders");
		Files.createDirectories(orders.resolve("2025"));
		Files.copy(orders.resolve("order-report-us-2026-11.txt"), orders.resolve("2025/order-report-us-2025-11.txt"));
		Path elsewhere = Files.createTempFile("other-seller-", ".txt");
		Files.copy(orders.resolve("all-orders-de-2026-11.txt"), elsewhere,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.createSymbolicLink(orders.resolve("other-seller.txt"), elsewhere);

		JobExecution execution = jobs.startJob(new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), "importOrders.json").toFile());
		assertThat(run.get("inputs")).extracting(input -> input.get("file").asString())
			.containsExactly("all-orders-de-2026-11.txt", "fba-received-inventory.txt", "order-report-us-2026-11.txt",
					"unshipped-jp-2026-11.txt");
		assertThat(run.get("skipped").toString()).isEqualTo("[{\"path\":\"orders/2025\",\"reason\":"
				+ "\"folder inside input/orders/ is not read\"},{\"path\":\"orders/other-seller.txt\",\"reason\":"
				+ "\"symlink out of the workspace\"}]");
		Files.delete(elsewhere);
	}

}
