package com.optoutbatch.messages;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/** A run that fails half-way through a log resumes after its last committed chunk. */
class ImportMessagesRestartJobTests extends JobTestSupport {

	static final int MESSAGES = 5_000;

	@Autowired
	Job importMessages;

	@MockitoSpyBean
	MessageWriter messageWriter;

	final AtomicBoolean databaseDown = new AtomicBoolean();

	final AtomicInteger chunksWritten = new AtomicInteger();

	@BeforeEach
	void largeLogAndAFlakyDatabase() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "messages", "orders");
		Path log = Files.createDirectories(workspace.input("messages")).resolve("large.csv");
		StringBuilder lines = new StringBuilder("message_id,order_id,subject,body,sent_at\n");
		for (int i = 0; i < MESSAGES; i++) {
			lines.append(String.format("m-%d,112-%07d-%07d,Your order has shipped,\"Order 112-%07d-%07d has shipped.%n"
					+ "Tracking number 1Z%d\",2026-11-02T10:00:00Z%n", i, i, i, i, i, i));
			if (i == 3_333) {
				lines.append("m-bad,112-bad,Hi,Hello,2026-11-02\n");
			}
		}
		Files.writeString(log, lines);
		doAnswer(invocation -> {
			if (databaseDown.get() && chunksWritten.get() >= 2) {
				throw new IllegalStateException("database went away");
			}
			chunksWritten.incrementAndGet();
			return invocation.callRealMethod();
		}).when(messageWriter).write(any());
		jobs.setJob(importMessages);
	}

	@Test
	void failedRunResumesAfterTheLastCommittedChunk() throws Exception {
		databaseDown.set(true);
		JobExecution failed = jobs.startJob(ImportMessagesJobTests.parameters(1));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages", Long.class)).isEqualTo(2_000);

		databaseDown.set(false);
		JobExecution resumed = jobs.startJob(ImportMessagesJobTests.parameters(1));

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance()).isEqualTo(failed.getJobInstance());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages", Long.class)).isEqualTo(MESSAGES);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE category = 'NON_CRITICAL'", Long.class))
			.isEqualTo(MESSAGES);
		JsonNode input = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", ImportMessagesJobTests.RUN_DATE.toString(), "importMessages.json")
				.toFile())
			.get("inputs")
			.get(0);
		assertThat(input.get("read").asLong()).isEqualTo(MESSAGES + 1);
		assertThat(input.get("used").asLong()).isEqualTo(MESSAGES);
		assertThat(input.get("rejected").asLong()).isEqualTo(1);
		assertThat(workspace.output("rejects", "importMessages", "large.csv.rejects.csv")).content().hasLineCount(2);
		assertThat(workspace.output("messages", "classified.csv")).content().hasLineCount(MESSAGES + 1);
	}

}
