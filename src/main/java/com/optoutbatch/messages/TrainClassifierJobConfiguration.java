package com.optoutbatch.messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code trainClassifier}: the workspace's own message model, learnt from the labelled
 * corpus the jar ships and the seller's labels of {@code input/labels/} (each read as
 * {@code importMessages} reads them), with the labelled messages' subjects and bodies
 * read again from the logs of {@code input/messages/}, since the database keeps no
 * bodies. Written to {@code output/model/message-model.txt}; the next run classifies with
 * it. A seller's label counts three times a corpus message.
 */
@Configuration(proxyBeanMethods = false)
class TrainClassifierJobConfiguration {

	static final String JOB_NAME = "trainClassifier";

	private static final int LABEL_WEIGHT = 3;

	private static final Logger log = LoggerFactory.getLogger(TrainClassifierJobConfiguration.class);

	@Bean
	Job trainClassifier(JobRepository jobRepository, Step forgetSellerLabels, Step importSellerLabelsManager,
			Step trainMessageModel, RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(forgetSellerLabels)
			.next(importSellerLabelsManager)
			.next(trainMessageModel)
			.listener(runFile)
			.build();
	}

	@Bean
	Step trainMessageModel(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Workspace workspace, JdbcTemplate jdbcTemplate) {
		return new StepBuilder("trainMessageModel", jobRepository).tasklet((contribution, chunkContext) -> {
			JobParameters parameters = contribution.getStepExecution().getJobParameters();
			Map<String, MessageCategory> labels = new HashMap<>();
			jdbcTemplate.query("SELECT message_id, category FROM seller_labels", (RowCallbackHandler) row -> labels
				.put(row.getString(1), MessageCategory.valueOf(row.getString(2))));
			List<LabelledCorpus.Message> corrections = labelledMessages(labels, parameters, workspace);
			List<LabelledCorpus.Message> examples = new ArrayList<>(LabelledCorpus.all());
			for (int i = 0; i < LABEL_WEIGHT; i++) {
				examples.addAll(corrections);
			}
			LearnedModel model = ClassifierTraining.train(PolicyRules.load(ImportMessagesJobConfiguration
				.userFile(workspace, parameters.getString(ImportMessagesJobConfiguration.RULES_PARAMETER))), examples);
			Path file = MessageModel.ownModel(workspace);
			PublishedFile.write(workspace, file, StandardCharsets.UTF_8, model::save);
			String trained = String.format(Locale.ROOT,
					"trained on %d corpus messages and %d of %d seller's labels (%d found in no log): %s",
					examples.size() - LABEL_WEIGHT * corrections.size(), corrections.size(), labels.size(),
					labels.size() - corrections.size(), workspace.home().relativize(file));
			log.info(trained);
			contribution.setExitStatus(ExitStatus.COMPLETED.addExitDescription(trained));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	// the labelled messages as the logs hold them, each labelled message once
	private static List<LabelledCorpus.Message> labelledMessages(Map<String, MessageCategory> labels,
			JobParameters parameters, Workspace workspace) {
		Map<String, LabelledCorpus.Message> found = new HashMap<>();
		SentMessageParser parser = new SentMessageParser();
		for (Path log : labels.isEmpty() ? List.<Path>of() : workspace.inputFiles("messages")) {
			MessageLogReader reader = ImportMessagesJobConfiguration.messageLogReader(log, parameters, workspace);
			reader.open(new ExecutionContext());
			try {
				while (true) {
					try {
						MessageLogLine line = reader.read();
						if (line == null) {
							break;
						}
						SentMessage message = parser.process(line);
						MessageCategory category = labels.get(message.messageId());
						if (category != null) {
							String kind = "seller-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
							found.putIfAbsent(message.messageId(), new LabelledCorpus.Message(message.messageId(), null,
									"train", "seller", kind, category, Set.of(), message.subject(), message.body()));
						}
					}
					catch (RejectedRecordException rejected) {
						// importMessages rejected it too, and said why
					}
				}
			}
			finally {
				reader.close();
			}
		}
		return List.copyOf(found.values());
	}

}
