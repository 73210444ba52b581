package com.optoutbatch.messages;

import java.nio.file.Path;

import com.optoutbatch.support.FileParameters;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.InputSteps;
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
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code importMessages}: every sent-message log in {@code input/messages/}, one
 * partition per file, each message classified and stored once; then the seller's labels
 * of {@code input/labels/} override the category of the messages they name; then every
 * stored message written to {@code output/messages/classified.csv}
 * ({@link OrderHistory}).
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
	Job importMessages(JobRepository jobRepository, Step importMessageLogsManager, Step forgetSellerLabels,
			Step importSellerLabelsManager, Step overrideWithSellerLabels, Step writeClassifiedMessages,
			RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importMessageLogsManager)
			.next(forgetSellerLabels)
			.next(importSellerLabelsManager)
			.next(overrideWithSellerLabels)
			.next(writeClassifiedMessages)
			.listener(runFile)
			.build();
	}

	@Bean
	Step importMessageLogsManager(JobRepository jobRepository, Workspace workspace, InputLedger inputLedger,
			Step importMessageLogWorker, TableStatistics tableStatistics) {
		return InputSteps.perNewInputFile("importMessageLogsManager", jobRepository, inputLedger,
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
	Step forgetSellerLabels(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SellerLabels sellerLabels) {
		return once("forgetSellerLabels", jobRepository, transactionManager, sellerLabels::forget);
	}

	@Bean
	Step importSellerLabelsManager(JobRepository jobRepository, Workspace workspace, Step importSellerLabelWorker) {
		return InputSteps.perInputFile("importSellerLabelsManager", jobRepository, () -> workspace.inputFiles("labels"),
				importSellerLabelWorker);
	}

	@Bean
	Step importSellerLabelWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SellerLabelReader sellerLabelReader, SellerLabels sellerLabels, RejectFile sellerLabelRejects) {
		return InputSteps
			.<SellerLabel, SellerLabel>recordStep("importSellerLabelWorker", 1000, sellerLabelRejects, jobRepository,
					transactionManager)
			.reader(sellerLabelReader)
			.processor(sellerLabels)
			.writer(sellerLabels)
			.build();
	}

	@Bean
	Step overrideWithSellerLabels(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SellerLabels sellerLabels) {
		return once("overrideWithSellerLabels", jobRepository, transactionManager, sellerLabels::override);
	}

	// a step that does one thing in one transaction
	private static Step once(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Runnable work) {
		return new StepBuilder(name, jobRepository).tasklet((contribution, chunkContext) -> {
			work.run();
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	SellerLabels sellerLabels(JdbcTemplate jdbcTemplate) {
		return new SellerLabels(jdbcTemplate);
	}

	@Bean
	@StepScope
	SellerLabelReader sellerLabelReader(@Value("#{stepExecutionContext['input.file']}") String file,
			Workspace workspace) {
		SellerLabelReader reader = new SellerLabelReader(Path.of(file), "labels/" + workspace.inputName(Path.of(file)));
		reader.setName("sellerLabelReader");
		return reader;
	}

	@Bean
	@StepScope
	RejectFile sellerLabelRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, JOB_NAME + "/labels", Path.of(file));
	}

	/**
	 * Brings the order history up to date, and {@code classified.csv} with it: nothing is
	 * written when no order or message changed.
	 */
	@Bean
	Step writeClassifiedMessages(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OrderHistory orderHistory) {
		return once("writeClassifiedMessages", jobRepository, transactionManager, orderHistory::update);
	}

	@Bean
	@StepScope
	MessageLogReader messageLogReader(@Value("#{stepExecutionContext['input.file']}") String file,
			@Value("#{stepExecution}") StepExecution stepExecution, Workspace workspace) {
		return messageLogReader(Path.of(file), stepExecution.getJobParameters(), workspace);
	}

	/**
	 * The reader of a log, with the profiles, charset and layout the job's parameters
	 * give it.
	 */
	static MessageLogReader messageLogReader(Path log, JobParameters parameters, Workspace workspace) {
		MessageProfiles profiles = MessageProfiles.load(userFile(workspace, parameters.getString(PROFILES_PARAMETER)));
		MessageLogReader reader = new MessageLogReader(log, FileParameters.charsetFor(parameters, log),
				new MessageLayouts(profiles), FileParameters.valueFor(parameters, PROFILE_PARAMETER, log));
		reader.setName("messageLogReader");
		return reader;
	}

	@Bean
	@StepScope
	PolicyCheck policyCheck(@Value("#{jobParameters['" + RULES_PARAMETER + "']}") String rules, Workspace workspace,
			MessageModel messageModel, MessageSettings settings) {
		return new PolicyCheck(new SentMessageParser(), new MessageClassifier(
				PolicyRules.load(userFile(workspace, rules)), messageModel.get(), settings.minConfidence()));
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

	/**
	 * A file named by a job parameter, relative to the workspace; {@code null} when none
	 * is named.
	 */
	static Path userFile(Workspace workspace, String name) {
		return name == null || name.isBlank() ? null : workspace.home().resolve(name);
	}

}
