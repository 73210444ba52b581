package com.optoutbatch.messages;

import java.nio.file.Files;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seller's label teaches the workspace's own model: once trained with it, the model
 * classifies the labelled message as the seller did, with the label gone.
 */
class TrainClassifierJobTests extends JobTestSupport {

	@Autowired
	Job importMessages;

	@Autowired
	Job trainClassifier;

	@BeforeEach
	void sampleMessagesImported() throws Exception {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "seller_labels", "messages", "orders");
		TestWorkspace.copySample(workspace, "messages");
		jobs.setJob(importMessages);
		assertThat(jobs.startJob(ImportMessagesJobTests.parameters(1)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@AfterEach
	void shippedModelAgain() throws Exception {
		Files.deleteIfExists(MessageModel.ownModel(workspace));
	}

	@Test
	void theOwnModelLearnsTheSellersLabels() throws Exception {
		assertThat(category("m-1007")).isNotEqualTo("REPLY");
		Files.writeString(Files.createDirectories(workspace.input("labels")).resolve("mine.csv"),
				"message_id,category\nm-1007,REPLY\nnot-a-message,CRITICAL\n");

		jobs.setJob(trainClassifier);
		JobExecution training = jobs.startJob(ImportMessagesJobTests.parameters(1));

		assertThat(training.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(MessageModel.ownModel(workspace)).isRegularFile();
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", ImportMessagesJobTests.RUN_DATE.toString(), "trainClassifier.json")
				.toFile());
		assertThat(run.get("steps").toString()).contains("and 1 of 1 seller's labels (0 found in no log)");

		Files.delete(workspace.input("labels").resolve("mine.csv"));
		jobs.setJob(importMessages);
		assertThat(jobs.startJob(ImportMessagesJobTests.parameters(2)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(category("m-1007")).isEqualTo("REPLY");
		assertThat(jdbc.queryForObject("SELECT reason FROM messages WHERE message_id = 'm-1007'", String.class))
			.startsWith("model ")
			.contains("(seller-reply)");
	}

	private String category(String messageId) {
		return jdbc.queryForObject("SELECT category FROM messages WHERE message_id = ?", String.class, messageId);
	}

}
