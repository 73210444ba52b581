package com.optoutbatch.mailbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IMAP server that is down: the folder is one input rejected whole, the cause named,
 * the rest of the scan done.
 */
class ScanImapServerDownJobTests extends JobTestSupport {

	static final int CLOSED_PORT = closedPort();

	static final String LABEL = "imap-seller@localhost-INBOX";

	@DynamicPropertySource
	static void imapFolder(DynamicPropertyRegistry properties) {
		properties.add("optout.mailbox.imap.host", () -> "localhost");
		properties.add("optout.mailbox.imap.port", () -> CLOSED_PORT);
		properties.add("optout.mailbox.imap.user", () -> "seller");
		properties.add("optout.mailbox.imap.password", () -> "hunter2-secret");
		properties.add("optout.mailbox.imap.tls", () -> "false");
	}

	@Autowired
	Job scanMailbox;

	@BeforeEach
	void sampleMailbox() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, ScanMailboxJobTests.TABLES);
		TestWorkspace.copySample(workspace, "mailbox");
		jobs.setJob(scanMailbox);
	}

	@Test
	void aServerThatIsDownIsRejectedWholeAsUnreachableAndTheFilesAreStillScanned() throws Exception {
		JobExecution execution = jobs.startJob(ScanMailboxJobTests.parameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode run = ScanMailboxJobTests.runFile(workspace);
		JsonNode folder = ScanMailboxJobTests.input(run, LABEL);
		assertThat(folder.get("unreadFile").asString())
			.isEqualTo("IMAP server localhost:" + CLOSED_PORT + " unreachable: connection refused");
		assertThat(folder.get("reasons").toString())
			.isEqualTo("{\"IMAP server localhost:" + CLOSED_PORT + " unreachable\":1}");
		assertThat(Files.readAllLines(workspace.output("rejects", "scanMailbox", LABEL + ".rejects.csv")))
			.containsExactly("line,reason,record",
					"file,IMAP server localhost:" + CLOSED_PORT + " unreachable: connection refused,");
		assertThat(
				ScanMailboxJobTests.input(run, "seller-inbox-2026-11.mbox").get("kinds").get("OPT_OUT_NOTICE").asLong())
			.isEqualTo(7);
		assertThat(ScanImapFolderJobTests.outputsContaining(workspace, "hunter2")).isEmpty();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
