package com.optoutbatch.launch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.optoutbatch.support.InputFilePartitioner;
import com.optoutbatch.support.InvalidConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.WriteFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FailureCausesTests {

	final Path home = Path.of("/data/seller-a");

	@Test
	void aFullDiskIsNamedWithWhatWasBeingWrittenNotTheStepAroundIt() {
		assumeTrue(Files.isWritable(Path.of("/dev/full")), "a device that is always full");
		IOException full = catchThrowableOfType(IOException.class, () -> {
			try (OutputStream out = new FileOutputStream("/dev/full")) {
				out.write(new byte[] { 1 });
			}
		});
		Throwable failure = new FatalStepExecutionException("Unable to process chunk",
				new UncheckedIOException("cannot write " + home.resolve("output/send-lists/x.clean.csv"), full));

		assertThat(FailureCauses.describe(failure, home))
			.isEqualTo("No space left on device (cannot write output/send-lists/x.clean.csv)");
	}

	@Test
	void aCauseThatNamesNoFileSaysWhichInputTheFailedPartitionWasReading() {
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "reconcileCampaigns"), new JobParameters());
		failed(job, 1L, "reconcileCampaignListsManager", PartitionStep.class, null,
				new JobExecutionException("Partition handler returned an unsuccessful step"));
		failed(job, 2L, "reconcileCampaignListWorker:file0", ChunkOrientedStep.class,
				"input/campaigns/generic/review-requests-nov.csv", new WriteFailedException(
						"Could not write data. The file may be corrupt.", new IOException("No space left on device")));
		job.setStatus(BatchStatus.FAILED);

		assertThat(new FailureCauses(null, home).of(job).line()).isEqualTo("reconcileCampaigns FAILED: "
				+ "No space left on device (while reading input/campaigns/generic/review-requests-nov.csv)");
	}

	@Test
	void aFileTheRunMayNotUseSaysSoAndNamesIt() {
		Throwable failure = new IllegalStateException("cannot start",
				new AccessDeniedException(home.resolve("output/.lock").toString()));

		assertThat(FailureCauses.describe(failure, home)).isEqualTo("Permission denied: output/.lock");
	}

	// a step that failed as Batch leaves it: its type and input file in its context, its
	// failure noted
	private void failed(JobExecution job, long id, String name, Class<?> type, String input, Throwable failure) {
		StepExecution step = new StepExecution(id, name, job);
		job.addStepExecution(step);
		step.getExecutionContext().putString(Step.STEP_TYPE_KEY, type.getName());
		if (input != null) {
			step.getExecutionContext().putString(InputFilePartitioner.INPUT_FILE_KEY, home.resolve(input).toString());
		}
		step.setStatus(BatchStatus.FAILED);
		step.addFailureException(failure);
	}

	@Test
	void aCauseThatIsNoInputOrOutputProblemKeepsItsKind() {
		assertThat(FailureCauses.describe(new IllegalStateException("x", new ArithmeticException("/ by zero")), home))
			.isEqualTo("ArithmeticException: / by zero (x)");
	}

	@Test
	void aWrongRulesFileIsNamedAsItsLoaderSaysNotByTheInputTheStepWasReading() {
		JobExecution job = new JobExecution(1L, new JobInstance(1L, "importMessages"), new JobParameters());
		failed(job, 1L, "importMessageLogWorker:file0", ChunkOrientedStep.class,
				"input/messages/feedbackwhiz-email-logs-2026-11.csv",
				new IllegalStateException("Error creating bean with name 'scopedTarget.policyCheck'",
						new InvalidConfiguration("messages.rules " + home.resolve("my-rules.yml")
								+ ": rules.review-request.phrases.en: expected a list of strings, line 5")));
		job.setStatus(BatchStatus.FAILED);

		assertThat(new FailureCauses(null, home).of(job).line()).isEqualTo("importMessages FAILED: messages.rules "
				+ "my-rules.yml: rules.review-request.phrases.en: expected a list of strings, line 5");
	}

}
