package com.optoutbatch.mailbox;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.optoutbatch.optouts.OptOutRegistry;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.InputSteps;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code scanMailbox}: joins the lists of {@code input/optouts/}, scans every mailbox
 * input of {@code input/mailbox/} (one partition per mbox, message file or Maildir) and
 * the IMAP folder when one is configured, then writes
 * {@code output/optouts/opt-outs.csv}.
 */
@Configuration(proxyBeanMethods = false)
class ScanMailboxJobConfiguration {

	static final String JOB_NAME = "scanMailbox";

	static final String RULES_PARAMETER = "rules";

	@Bean
	Job scanMailbox(JobRepository jobRepository, Step importOptOutListsManager, Step scanMailboxFilesManager,
			Step scanImapFolder, Step exportOptOuts, RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importOptOutListsManager)
			.next(scanMailboxFilesManager)
			.next(scanImapFolder)
			.next(exportOptOuts)
			.listener(runFile)
			.build();
	}

	@Bean
	Step scanMailboxFilesManager(JobRepository jobRepository, Workspace workspace, InputLedger inputLedger,
			Step scanMailboxFileWorker) {
		return InputSteps.perNewInputFile("scanMailboxFilesManager", jobRepository, inputLedger,
				() -> MailboxSources.under(workspace.input("mailbox")), scanMailboxFileWorker);
	}

	@Bean
	Step scanMailboxFileWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MailFileReader mailFileReader, MailScanner mailScanner, FindingWriter findingWriter, RejectFile mailRejects,
			MailboxSettings settings) {
		return InputSteps
			.<RawMessage, ScannedMail>recordStep("scanMailboxFileWorker", settings.chunkSize(), mailRejects,
					jobRepository, transactionManager)
			.reader(mailFileReader)
			.processor(mailScanner)
			.writer(findingWriter)
			.build();
	}

	/**
	 * The configured IMAP folder as the one partition of this step; no partition when
	 * there is none.
	 */
	@Bean
	Step scanImapFolder(JobRepository jobRepository, MailboxSettings settings, Step scanImapMessages) {
		MailboxSettings.Imap imap = settings.imap();
		return InputSteps.perInputFile("scanImapFolder", jobRepository,
				() -> imap.configured() ? List.of(Path.of(imap.label())) : List.of(), scanImapMessages);
	}

	@Bean
	Step scanImapMessages(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ImapFolderReader imapFolderReader, MailScanner mailScanner, FindingWriter findingWriter,
			RejectFile mailRejects, MailboxSettings settings) {
		return InputSteps
			.<RawMessage, ScannedMail>recordStep("scanImapMessages", settings.chunkSize(), mailRejects, jobRepository,
					transactionManager)
			.reader(imapFolderReader)
			.processor(mailScanner)
			.writer(findingWriter)
			.build();
	}

	@Bean
	@StepScope
	MailFileReader mailFileReader(@Value("#{stepExecutionContext['input.file']}") String file,
			@Value("#{stepExecution.jobParameters}") JobParameters parameters, MailboxSettings settings,
			Workspace workspace) {
		return new MailFileReader(Path.of(file), workspace.home().resolve("input"), caps(settings, parameters));
	}

	@Bean
	@StepScope
	ImapFolderReader imapFolderReader(@Value("#{stepExecution.jobParameters}") JobParameters parameters,
			MailboxSettings settings, JdbcTemplate jdbc) {
		return new ImapFolderReader(settings.imap(), caps(settings, parameters), jdbc);
	}

	@Bean
	@StepScope
	MailScanner mailScanner(@Value("#{stepExecution.jobParameters}") JobParameters parameters, MailboxSettings settings,
			Workspace workspace) {
		String rules = parameter(parameters, RULES_PARAMETER, null);
		String trusted = parameter(parameters, "trusted-forwarders", String.join(",", settings.trustedForwarders()));
		NoticeRules noticeRules = rules != null ? NoticeRules.load(RULES_PARAMETER, workspace.home().resolve(rules))
				: NoticeRules.load(MailboxSettings.RULES,
						settings.rules() == null ? null : workspace.home().resolve(settings.rules()));
		List<String> forwarders = Arrays.stream(trusted.split(","))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
		return new MailScanner(new MessageParser(caps(settings, parameters)),
				new NoticeDetector(noticeRules, forwarders));
	}

	@Bean
	@StepScope
	FindingWriter findingWriter(OptOutRegistry registry, Workspace workspace,
			@Value("#{stepExecutionContext['input.file']}") String file) {
		return new FindingWriter(registry, workspace, Path.of(file));
	}

	@Bean
	@StepScope
	RejectFile mailRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, JOB_NAME, Path.of(file));
	}

	/**
	 * The caps of the settings, each overridden by a job parameter of the same name when
	 * one is given.
	 */
	static MailCaps caps(MailboxSettings settings, JobParameters parameters) {
		return new MailCaps(
				Long.parseLong(parameter(parameters, "max-message-bytes", Long.toString(settings.maxMessageBytes()))),
				Integer.parseInt(parameter(parameters, "max-headers", Integer.toString(settings.maxHeaders()))),
				Integer.parseInt(parameter(parameters, "max-mime-depth", Integer.toString(settings.maxMimeDepth()))),
				Integer.parseInt(parameter(parameters, "max-parts", Integer.toString(settings.maxParts()))));
	}

	private static String parameter(JobParameters parameters, String name, String fallback) {
		String value = parameters.getString(name);
		return value == null || value.isBlank() ? fallback : value.trim();
	}

}
