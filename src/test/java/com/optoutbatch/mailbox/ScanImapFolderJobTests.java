package com.optoutbatch.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import com.optoutbatch.support.Workspace;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live IMAP folder, served by GreenMail, is scanned by the same job; a message is
 * processed once.
 */
class ScanImapFolderJobTests extends JobTestSupport {

	@RegisterExtension
	static final GreenMailExtension imap = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final String LABEL = "imap-seller@localhost-INBOX";

	@DynamicPropertySource
	static void imapFolder(DynamicPropertyRegistry properties) {
		properties.add("optout.mailbox.imap.host", () -> "localhost");
		properties.add("optout.mailbox.imap.port", () -> imap.getImap().getPort());
		properties.add("optout.mailbox.imap.user", () -> "seller");
		properties.add("optout.mailbox.imap.password", () -> "secret");
		properties.add("optout.mailbox.imap.tls", () -> "false");
	}

	@Autowired
	Job scanMailbox;

	GreenMailUser seller;

	@BeforeEach
	void emptyWorkspaceAndMailbox() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, ScanMailboxJobTests.TABLES);
		imap.purgeEmailFromAllMailboxes();
		seller = imap.setUser("seller@example-shop.com", "seller", "secret");
		jobs.setJob(scanMailbox);
	}

	@Test
	void noticesInTheFolderJoinTheRegistryAndAreNotProcessedAgain() throws Exception {
		deliver(notice("112-3456789-0123456", "<imap-1@amazon.com>"));
		deliver(NoticeDetectorTests.notice("seller-notification@amazon.com", "Sold, ship now", "text/plain", "7bit",
				"Order ID: 111-2223334-4445556"));
		deliver(NoticeDetectorTests.notice("alerts@amazon-seller-alerts.com",
				"Your message to a buyer could not be delivered", "text/plain", "7bit",
				NoticeDetectorTests.EN_SENTENCE));

		JobExecution first = jobs.startJob(ScanMailboxJobTests.parameters(1));

		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(imapCounts(first).read()).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mailbox_imap_processed", Long.class)).isEqualTo(3);
		assertThat(Files.readString(workspace.output("optouts", "opt-outs.csv")))
			.contains("amazon.com,112-3456789-0123456,,2026-11-05T17:12:44Z,MAILBOX,<imap-1@amazon.com> in " + LABEL
					+ " uid ");
		assertThat(workspace.output("quarantine")).isNotEmptyDirectory();

		deliver(notice("113-9876543-2109876", "<imap-2@amazon.com>"));
		JobExecution second = jobs.startJob(ScanMailboxJobTests.parameters(2));

		assertThat(imapCounts(second)).isEqualTo(new ImapCounts(1, 1));
		assertThat(jdbc.queryForList("SELECT order_id FROM opt_outs ORDER BY order_id", String.class))
			.containsExactly("112-3456789-0123456", "113-9876543-2109876");
	}

	@Test
	void aRefusedPasswordRejectsTheFolderWholeNamingTheAccountNeverThePassword() throws Exception {
		seller.setPassword("changed");

		// the folder is this run's only input: allow it to be all rejects, as a run with
		// files beside it would
		JobExecution execution = jobs.startJob(
				new JobParametersBuilder(ScanMailboxJobTests.parameters(1)).addString("rejects.max-share", "1", false)
					.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllLines(workspace.output("rejects", "scanMailbox", LABEL + ".rejects.csv"))).hasSize(2)
			.last(InstanceOfAssertFactories.STRING)
			.startsWith(
					"file,IMAP authentication failed for seller@localhost: the server refused the user name or password");
		JsonNode folder = ScanMailboxJobTests.input(ScanMailboxJobTests.runFile(workspace), LABEL);
		assertThat(folder.get("unreadFile").asString()).startsWith("IMAP authentication failed for seller@localhost");
		assertThat(folder.get("rejected").asLong()).isEqualTo(1);
		assertThat(workspace.output("optouts", "opt-outs.csv")).exists();
		assertThat(outputsContaining(workspace, "secret")).isEmpty();
	}

	/** The files under output/ (the database aside) that contain {@code text}. */
	static List<Path> outputsContaining(Workspace workspace, String text) throws IOException {
		try (Stream<Path> files = Files.walk(workspace.output("."))) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.startsWith(workspace.output("db")))
				.filter(file -> {
					try {
						return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				})
				.toList();
		}
	}

	private static String notice(String orderId, String messageId) {
		return NoticeDetectorTests
			.notice("auto-communication@amazon.com", "Your message to a buyer could not be delivered", "text/plain",
					"7bit", NoticeDetectorTests.EN_SENTENCE.replace("112-3456789-0123456", orderId))
			.replace("<n1@amazon.com>", messageId);
	}

	private void deliver(String mail) throws Exception {
		seller.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8))));
	}

	// not a method returning StepExecution: @SpringBatchTest would take it for the step
	// scope's factory
	private static ImapCounts imapCounts(JobExecution execution) {
		StepExecution step = execution.getStepExecutions()
			.stream()
			.filter(candidate -> candidate.getStepName().startsWith("scanImapMessages:"))
			.findFirst()
			.orElseThrow();
		return new ImapCounts(step.getReadCount(), step.getWriteCount());
	}

	record ImapCounts(long read, long written) {
	}

}
