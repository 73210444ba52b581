package com.optoutbatch.mailbox;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.optoutbatch.optouts.OptOutRegistry;
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
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;

/** A scan killed half-way through a large mbox resumes after its last committed chunk. */
class ScanMailboxRestartJobTests extends JobTestSupport {

	static final int MESSAGES = 1_000;

	@Autowired
	Job scanMailbox;

	// the registry each chunk's findings go to: the finding writer is made for each
	// mailbox input
	@MockitoSpyBean
	OptOutRegistry registry;

	final AtomicBoolean databaseDown = new AtomicBoolean();

	final AtomicInteger chunksWritten = new AtomicInteger();

	@BeforeEach
	void emptyWorkspaceAndAFlakyDatabase() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, ScanMailboxJobTests.TABLES);
		Files.createDirectories(workspace.input("mailbox"));
		// listed by the opt-out list step, which completes before the failure and is not
		// run again
		Files.createDirectories(workspace.input("optouts").resolve("2025"));
		doAnswer(invocation -> {
			if (databaseDown.get() && chunksWritten.get() >= 3) {
				throw new IllegalStateException("database went away");
			}
			chunksWritten.incrementAndGet();
			return invocation.callRealMethod();
		}).when(registry).record(anyCollection());
		jobs.setJob(scanMailbox);
	}

	@Test
	void failedScanOfAnMboxResumesAtTheByteAfterTheLastCommittedMessage() throws Exception {
		Files.writeString(workspace.input("mailbox").resolve("large.mbox"), mbox(), StandardCharsets.UTF_8);

		failThenResume("large.mbox");
	}

	@Test
	void failedScanOfACompressedMboxResumesAfterTheLastCommittedMessage() throws Exception {
		try (OutputStream out = new GZIPOutputStream(
				Files.newOutputStream(workspace.input("mailbox").resolve("large.mbox.gz")))) {
			out.write(mbox().getBytes(StandardCharsets.UTF_8));
		}

		failThenResume("large.mbox.gz");
	}

	private void failThenResume(String file) throws Exception {
		databaseDown.set(true);
		JobExecution failed = jobs.startJob(ScanMailboxJobTests.parameters(1));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs", Long.class)).isEqualTo(300);

		databaseDown.set(false);
		JobExecution resumed = jobs.startJob(ScanMailboxJobTests.parameters(1));

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long readOnResume = resumed.getStepExecutions()
			.stream()
			.filter(step -> step.getStepName().startsWith("scanMailboxFileWorker:"))
			.mapToLong(step -> step.getReadCount() + step.getReadSkipCount())
			.sum();
		assertThat(readOnResume).isEqualTo(MESSAGES - 300);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs", Long.class)).isEqualTo(MESSAGES);
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", ScanMailboxJobTests.RUN_DATE.toString(), "scanMailbox.json").toFile());
		assertThat(run.get("skipped").toString())
			.isEqualTo("[{\"path\":\"optouts/2025\",\"reason\":\"folder inside input/optouts/ is not read\"}]");
		JsonNode input = run.get("inputs").get(0);
		assertThat(input.get("file").asString()).isEqualTo(file);
		assertThat(input.get("read").asLong()).isEqualTo(MESSAGES);
		assertThat(input.get("kinds").get("OPT_OUT_NOTICE").asLong()).isEqualTo(MESSAGES);
		assertThat(workspace.output("optouts", "opt-outs.csv")).content().hasLineCount(MESSAGES + 1);
	}

	private static String mbox() {
		StringBuilder mbox = new StringBuilder();
		for (int i = 0; i < MESSAGES; i++) {
			String orderId = String.format("112-%07d-%07d", i, i);
			mbox.append("From auto-communication@amazon.com Thu Nov 05 17:12:44 2026\n")
				.append(NoticeDetectorTests
					.notice("auto-communication@amazon.com", "Your message to a buyer could not be delivered",
							"text/plain", "7bit",
							NoticeDetectorTests.EN_SENTENCE.replace("112-3456789-0123456", orderId))
					.replace("<n1@amazon.com>", "<n" + i + "@amazon.com>"))
				.append('\n');
		}
		return mbox.toString();
	}

}
