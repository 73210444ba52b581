package com.optoutbatch.support;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import static com.optoutbatch.support.RecordedRun.badRecords;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reject-share guard of {@link RunFileWriter}: wrong files fail a job, one unreadable
 * file does not.
 */
class RejectShareJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);

	@Autowired
	JobRepository repository;

	@Autowired
	RunFileWriter runFileWriter;

	@BeforeEach
	void emptyWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc);
	}

	@Test
	void aFileRejectedWholeDoesNotCountInTheShareAndTheRunGoesOn() {
		JobExecution run = RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0,
					RejectedRecordException.wholeFile("not a text file", "binary content"))
			.input("optouts", "list.txt", 5, badRecords(5))
			.completed();

		runFileWriter.afterJob(run);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode runFile = runFile("scanMailbox");
		assertThat(runFile.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode blacklist = runFile.get("inputs").get(0);
		assertThat(blacklist.get("file").asString()).isEqualTo("blacklist.csv");
		assertThat(blacklist.get("unreadFile").asString()).isEqualTo("not a text file: binary content");
		assertThat(blacklist.get("rejected").asLong()).isEqualTo(1);
	}

	@Test
	void aFloodOfBadRecordsInTheFilesThatWereReadStillFailsTheJob() {
		JobExecution run = RecordedRun.of(repository, workspace, "scanMailbox", RUN_DATE)
			.input("optouts", "blacklist.csv", 0,
					RejectedRecordException.wholeFile("not a text file", "binary content"))
			.input("optouts", "list.txt", 4, badRecords(6))
			.completed();

		runFileWriter.afterJob(run);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(run.getExitStatus().getExitDescription())
			.startsWith("6 of 10 input records rejected, more than rejects.max-share=0.5 allows");
		assertThat(runFile("scanMailbox").get("status").asString()).isEqualTo("FAILED");
	}

	private JsonNode runFile(String job) {
		return JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), job + ".json").toFile());
	}

}
