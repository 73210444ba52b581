package com.optoutbatch.support;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A run of a job recorded in the job repository as its input steps record one: per input
 * file a step execution whose {@link RejectFile} was fed the given rejects and whose
 * {@link RecordTally} counted them. For tests of what is made of a run's records (the run
 * file, the exit code, the report) with rejects no reader gives yet, such as a file
 * rejected whole.
 */
public final class RecordedRun {

	private final JobRepository repository;

	private final Workspace workspace;

	private final JobExecution execution;

	private RecordedRun(JobRepository repository, Workspace workspace, JobExecution execution) {
		this.repository = repository;
		this.workspace = workspace;
		this.execution = execution;
	}

	/** A run of the job at this run date, started and not ended yet. */
	public static RecordedRun of(JobRepository repository, Workspace workspace, String jobName, LocalDate runDate) {
		JobParameters parameters = new JobParametersBuilder().addLocalDate(RunFileWriter.RUN_DATE, runDate)
			.addLong("run.attempt", 1L)
			.toJobParameters();
		JobInstance instance = repository.createJobInstance(jobName, parameters);
		JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStartTime(LocalDateTime.now());
		execution.setStatus(BatchStatus.STARTED);
		repository.update(execution);
		return new RecordedRun(repository, workspace, execution);
	}

	/**
	 * An input file of {@code input/<kind>/} whose {@code used} records were used and
	 * whose other records were rejected with the given exceptions.
	 */
	public RecordedRun input(String kind, String file, long used, RejectedRecordException... rejects) {
		Path input = workspace.input(kind).resolve(file);
		StepExecution step = repository.createStepExecution("read" + kind + ":" + file, execution);
		ExecutionContext context = step.getExecutionContext();
		context.putString(InputFilePartitioner.INPUT_FILE_KEY, input.toString());
		RejectFile rejectFile = RejectFile.of(workspace, execution.getJobInstance().getJobName(), input);
		rejectFile.open(context);
		for (RejectedRecordException reject : rejects) {
			rejectFile.onSkipInRead(reject);
		}
		rejectFile.update(context);
		rejectFile.close();
		RecordTally tally = new RecordTally();
		tally.beforeStep(step);
		tally.open(context);
		step.setReadCount(used);
		step.setReadSkipCount(rejects.length);
		step.setWriteCount(used);
		tally.update(context);
		step.setStartTime(LocalDateTime.now());
		step.setEndTime(LocalDateTime.now());
		step.setStatus(BatchStatus.COMPLETED);
		step.setExitStatus(ExitStatus.COMPLETED);
		repository.update(step);
		repository.updateExecutionContext(step);
		return this;
	}

	/**
	 * The run, its every step completed: as a {@link RunFileWriter} finds it when the job
	 * ends.
	 */
	public JobExecution completed() {
		execution.setStatus(BatchStatus.COMPLETED);
		execution.setExitStatus(ExitStatus.COMPLETED);
		execution.setEndTime(LocalDateTime.now());
		repository.update(execution);
		return execution;
	}

	/** The run completed, its run file written as the job's end writes it. */
	public JobExecution completed(RunFileWriter runFileWriter) {
		JobExecution completed = completed();
		runFileWriter.afterJob(completed);
		return completed;
	}

	/** {@code n} records rejected for their values, the file read on. */
	public static RejectedRecordException[] badRecords(int n) {
		RejectedRecordException[] rejects = new RejectedRecordException[n];
		for (int i = 0; i < n; i++) {
			rejects[i] = new RejectedRecordException(i + 2, "unreadable order id", "'x" + i + "' is no order id",
					"x" + i);
		}
		return rejects;
	}

}
