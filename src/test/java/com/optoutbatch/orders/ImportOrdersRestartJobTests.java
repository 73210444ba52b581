package com.optoutbatch.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/** A run that fails half-way through a report resumes after its last committed chunk. */
class ImportOrdersRestartJobTests extends JobTestSupport {

	static final int ORDERS = 5_000;

	@Autowired
	Job importOrders;

	@MockitoSpyBean
	OrderWriter orderWriter;

	final AtomicBoolean databaseDown = new AtomicBoolean();

	final AtomicInteger chunksWritten = new AtomicInteger();

	@BeforeEach
	void largeReportAndAFlakyDatabase() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders");
		Path report = Files.createDirectories(workspace.input("orders")).resolve("large.txt");
		StringBuilder lines = new StringBuilder("order-id\tpurchase-date\tbuyer-email\n");
		for (int i = 0; i < ORDERS; i++) {
			lines.append(
					String.format("112-%07d-%07d\t2026-11-02T10:00:00Z\tbuyer%d@marketplace.amazon.com%n", i, i, i));
			if (i == 3_333) {
				lines.append("112-bad\t2026-11-02\t\n");
			}
		}
		Files.writeString(report, lines);
		doAnswer(invocation -> {
			if (databaseDown.get() && chunksWritten.get() >= 2) {
				throw new IllegalStateException("database went away");
			}
			chunksWritten.incrementAndGet();
			return invocation.callRealMethod();
		}).when(orderWriter).write(any());
		jobs.setJob(importOrders);
	}

	@Test
	void failedRunResumesAfterTheLastCommittedChunk() throws Exception {
		databaseDown.set(true);
		JobExecution failed = jobs.startJob(ImportOrdersJobTests.parameters(1));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(2_000);

		databaseDown.set(false);
		JobExecution resumed = jobs.startJob(ImportOrdersJobTests.parameters(1));

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance()).isEqualTo(failed.getJobInstance());
		StepExecution file = resumed.getStepExecutions()
			.stream()
			.filter(step -> step.getStepName().startsWith("importOrderReportWorker:"))
			.findFirst()
			.orElseThrow();
		assertThat(file.getReadCount() + file.getReadSkipCount()).isEqualTo(ORDERS + 1 - 2_000);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(ORDERS);
		assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT buyer_alias) FROM orders", Long.class)).isEqualTo(ORDERS);

		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", ImportOrdersJobTests.RUN_DATE.toString(), "importOrders.json").toFile());
		JsonNode input = run.get("inputs").get(0);
		assertThat(input.get("read").asLong()).isEqualTo(ORDERS + 1);
		assertThat(input.get("used").asLong()).isEqualTo(ORDERS);
		assertThat(input.get("rejected").asLong()).isEqualTo(1);
		assertThat(workspace.output("rejects", "importOrders", "large.txt.rejects.csv")).content().hasLineCount(2);
	}

	@Test
	void runResumedAfterABrokenLineKeepsItsLineNumbersAndCounts() throws Exception {
		Files.delete(workspace.input("orders").resolve("large.txt"));
		StringBuilder lines = new StringBuilder("order-id,purchase-date,product-name\n");
		for (int i = 0; i < ORDERS; i++) {
			lines.append(String.format("112-%07d-%07d,2026-11-02T10:00:00Z,%sMug%n", i, i, i == 1_500 ? "\"" : ""));
		}
		Files.writeString(workspace.input("orders").resolve("large.csv"), lines);
		databaseDown.set(true);
		assertThat(jobs.startJob(ImportOrdersJobTests.parameters(1)).getStatus()).isEqualTo(BatchStatus.FAILED);

		databaseDown.set(false);
		assertThat(jobs.startJob(ImportOrdersJobTests.parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(ORDERS - 1);
		JsonNode input = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", ImportOrdersJobTests.RUN_DATE.toString(), "importOrders.json").toFile())
			.get("inputs")
			.get(0);
		assertThat(input.get("read").asLong()).isEqualTo(ORDERS);
		assertThat(input.get("used").asLong()).isEqualTo(ORDERS - 1);
		assertThat(input.get("rejected").asLong()).isEqualTo(1);
		assertThat(input.get("unreadRecords").asLong()).isEqualTo(1);
		assertThat(Files.readAllLines(workspace.output("rejects", "importOrders", "large.csv.rejects.csv")))
			.containsExactly("line,reason,record",
					"1502,unterminated quote: the record starting on line 1502 opens a quote"
							+ " that is not closed before the end of the file,\"112-0001500-0001500,2026-11-02T10:00:00Z,***\"");
	}

}
