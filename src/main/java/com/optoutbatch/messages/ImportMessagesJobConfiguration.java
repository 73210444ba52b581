package com.optoutbatch.messages;

import java.nio.file.Path;
import java.time.Duration;

import com.optoutbatch.support.FileParameters;
import com.optoutbatch.support.InputSteps;
import com.optoutbatch.support.ProgressLogger;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.TableStatistics;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code importMessages}: every sent-message log in {@code input/messages/}, one
 * partition per file, each message classified and stored once; then every stored message
 * written to {@code output/messages/classified.csv}.
 */
@Configuration(proxyBeanMethods = false)
class ImportMessagesJobConfiguration {

	static final String JOB_NAME = "importMessages";

	/** A rules file that extends the default policy rules. */
	static final String RULES_PARAMETER = "messages.rules";

	/** A profiles file that extends the default column mappings. */
	static final String PROFILES_PARAMETER = "messages.profiles";

	/**
	 * {@code messages.profile.<glob>=<name>}: the profile of the log files whose name
	 * matches.
	 */
	static final String PROFILE_PARAMETER = "messages.profile.";

	@Bean
	Job importMessages(JobRepository jobRepository, Step importMessageLogsManager, Step writeClassifiedMessages,
			RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importMessageLogsManager)
			.next(writeClassifiedMessages)
			.listener(runFile)
			.build();
	}

	@Bean
	Step importMessageLogsManager(JobRepository jobRepository, Workspace workspace, Step importMessageLogWorker,
			TableStatistics tableStatistics) {
		return InputSteps.perInputFile("importMessageLogsManager", jobRepository,
				() -> workspace.inputFiles("messages"), importMessageLogWorker,
				tableStatistics.refreshAfterStep("messages"));
	}

	@Bean
	Step importMessageLogWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MessageLogReader messageLogReader, PolicyCheck policyCheck, MessageWriter messageWriter,
			RejectFile messageRejects, MessageSettings settings) {
		return InputSteps
			.readAheadStep("importMessageLogWorker", settings.chunkSize(), messageRejects, jobRepository,
					transactionManager, messageLogReader, policyCheck)
			.writer(messageWriter)
			.build();
	}

	@Bean
	Step writeClassifiedMessages(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ClassifiedMessageReader classifiedMessageReader, ClassifiedMessagesFile classifiedMessagesFile) {
		return new StepBuilder("writeClassifiedMessages", jobRepository)
			.<ClassifiedMessageRow, ClassifiedMessageRow>chunk(1000)
			.transactionManager(transactionManager)
			.reader(classifiedMessageReader)
			.writer(classifiedMessagesFile)
			.listener(new ProgressLogger(Duration.ofSeconds(10)))
			.build();
	}

	@Bean
	@StepScope
	MessageLogReader messageLogReader(@Value("#{stepExecutionContext['input.file']}") String file,
			@Value("#{stepExecution}") StepExecution stepExecution, Workspace workspace) {
		Path path = Path.of(file);
		JobParameters parameters = stepExecution.getJobParameters();
		MessageProfiles profiles = MessageProfiles.load(userFile(workspace, parameters.getString(PROFILES_PARAMETER)));
		MessageLogReader reader = new MessageLogReader(path, FileParameters.charsetFor(parameters, path),
				new MessageLayouts(profiles), FileParameters.valueFor(parameters, PROFILE_PARAMETER, path));
		reader.setName("messageLogReader");
		return reader;
	}

	@Bean
	@StepScope
	PolicyCheck policyCheck(@Value("#{jobParameters['" + RULES_PARAMETER + "']}") String rules, Workspace workspace) {
		return new PolicyCheck(new SentMessageParser(),
				new MessageClassifier(PolicyRules.load(userFile(workspace, rules))));
	}

	@Bean
	MessageWriter messageWriter(JdbcTemplate jdbcTemplate) {
		return new MessageWriter(jdbcTemplate);
	}

	@Bean
	@StepScope
	RejectFile messageRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, JOB_NAME, Path.of(file));
	}

	@Bean
	@StepScope
	ClassifiedMessageReader classifiedMessageReader(JdbcTemplate jdbcTemplate) {
		return new ClassifiedMessageReader(jdbcTemplate);
	}

	@Bean
	@StepScope
	ClassifiedMessagesFile classifiedMessagesFile(Workspace workspace) {
		return new ClassifiedMessagesFile(PublishedFile.of(workspace, workspace.output("messages", "classified.csv")));
	}

	/**
	 * A file named by a job parameter, relative to the workspace; {@code null} when none
	 * is named.
	 */
	private static Path userFile(Workspace workspace, String name) {
		return name == null || name.isBlank() ? null : workspace.home().resolve(name);
	}

}
