package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.optoutbatch.support.InputFilePartitioner;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.InvalidConfiguration;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.job.JobStep;
import org.springframework.core.NestedExceptionUtils;

/**
 * Why a job failed, in one line: the root cause and the file it concerns, from the step
 * that failed, not the wrappers around it
 * ({@code Partition handler returned an unsuccessful step} for a partitioned step,
 * {@code the delegate Job failed in JobStep} for a job of the nightly run). As a listener
 * of every job it puts that line in the failed job's exit description, where the run
 * file, the nightly run (for the jobs it ran) and the launch find it.
 */
class FailureCauses implements JobExecutionListener {

	private final JobRepository jobRepository;

	private final Path home;

	FailureCauses(JobRepository jobRepository, Path home) {
		this.jobRepository = jobRepository;
		this.home = home;
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.FAILED) {
			Failure failure = of(execution);
			String jobName = execution.getJobInstance().getJobName();
			execution.setExitStatus(new ExitStatus(execution.getExitStatus().getExitCode(),
					failure.job().equals(jobName) ? failure.cause() : failure.line()));
		}
	}

	/**
	 * The failure of a failed job: of the job itself, or for the nightly run, of the job
	 * of it that failed.
	 */
	Failure of(JobExecution execution) {
		String jobName = execution.getJobInstance().getJobName();
		List<StepExecution> failed = execution.getStepExecutions()
			.stream()
			.filter(step -> step.getStatus() == BatchStatus.FAILED)
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.toList();
		// a step that ran others (a partitioned step's files, a job of the nightly run)
		// only
		// wraps their failure: theirs is the cause
		Optional<Failure> cause = failed.stream()
			.filter(step -> !isOfType(step, PartitionStep.class) && !isOfType(step, JobStep.class))
			.findFirst()
			.flatMap(step -> causeIn(step).map(line -> new Failure(jobName, execution.getStatus(), line)));
		if (cause.isEmpty()) {
			cause = failed.stream()
				.filter(step -> isOfType(step, JobStep.class))
				.findFirst()
				.flatMap(step -> ranBy(execution, step));
		}
		if (cause.isEmpty()) {
			cause = failed.stream()
				.findFirst()
				.flatMap(this::causeIn)
				.map(line -> new Failure(jobName, execution.getStatus(), line));
		}
		if (cause.isEmpty() && !execution.getFailureExceptions().isEmpty()) {
			cause = Optional.of(new Failure(jobName, execution.getStatus(),
					describe(execution.getFailureExceptions().get(0), home)));
		}
		return cause.orElseGet(() -> new Failure(jobName, execution.getStatus(),
				firstLine(execution.getExitStatus()).orElse("see the log")));
	}

	private Optional<String> causeIn(StepExecution step) {
		Optional<String> cause = step.getFailureExceptions().isEmpty() ? firstLine(step.getExitStatus())
				: Optional.of(describe(step.getFailureExceptions().get(0), home));
		// where it happened, when the cause names no file of the workspace: the input the
		// step
		// read, or else the step
		String input = step.getExecutionContext().getString(InputFilePartitioner.INPUT_FILE_KEY, null);
		String where = input != null ? "while reading " + relative(input, home) : "in " + step.getStepName();
		boolean configuration = step.getFailureExceptions()
			.stream()
			.anyMatch(failure -> InvalidConfiguration.describe(failure).isPresent());
		return cause.map(line -> configuration || namesAFile(line) ? line : line + " (" + where + ")");
	}

	private static boolean namesAFile(String line) {
		return line.contains("input/") || line.contains("output/");
	}

	/**
	 * The failure of the job a job step of the nightly run ran, as that job's listener
	 * wrote it.
	 */
	private Optional<Failure> ranBy(JobExecution nightly, StepExecution step) {
		// the nightly run's identifying parameters and its instance identify the job's
		// run
		JobExecution child = jobRepository.getLastJobExecution(step.getStepName(),
				new JobParametersBuilder(new JobParameters(nightly.getJobParameters().getIdentifyingParameters()))
					.addLong(NightlyJobConfiguration.NIGHTLY_INSTANCE, nightly.getJobInstance().getInstanceId())
					.toJobParameters());
		if (child == null || !child.getStatus().isUnsuccessful()) {
			return Optional.empty();
		}
		return firstLine(child.getExitStatus()).map(line -> new Failure(step.getStepName(), child.getStatus(), line));
	}

	private static boolean isOfType(StepExecution step, Class<? extends Step> type) {
		return type.getName().equals(step.getExecutionContext().getString(Step.STEP_TYPE_KEY, ""));
	}

	private static Optional<String> firstLine(ExitStatus exitStatus) {
		return exitStatus.getExitDescription().lines().filter(line -> !line.isBlank()).findFirst();
	}

	/**
	 * A failure in one line: for a wrong setting or rules file, where, the key and what
	 * was expected ({@link InvalidConfiguration#describe}); else its root cause
	 * ({@code No space left on device}, {@code Permission
	 * denied: output/.lock}), with the message of our own exception around it when that
	 * names what was being done ({@code cannot write output/send-lists/x.clean.csv});
	 * paths relative to the workspace.
	 */
	static String describe(Throwable failure, Path home) {
		Optional<String> configuration = InvalidConfiguration.describe(failure);
		if (configuration.isPresent()) {
			return relative(configuration.get(), home);
		}
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		String line = rootCause(root);
		if (!(root instanceof FileSystemException)) {
			String doing = around(failure, root);
			if (doing != null) {
				line += " (" + doing + ")";
			}
		}
		return relative(line, home);
	}

	private static String relative(String text, Path home) {
		return text.replace(home + home.getFileSystem().getSeparator(), "");
	}

	private static String rootCause(Throwable root) {
		if (root instanceof FileSystemException file) {
			return PublishedFile.reasonOf(file) + ": " + file.getFile()
					+ (file.getOtherFile() == null ? "" : " -> " + file.getOtherFile());
		}
		String message = firstLine(root.getMessage());
		if (root instanceof IOException && message != null) {
			return message;
		}
		return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	/**
	 * The message of the nearest exception of ours around the root cause that says more
	 * than the root.
	 */
	private static String around(Throwable failure, Throwable root) {
		// made by the product's code, not by a framework it calls
		Predicate<Throwable> ours = t -> !t.getClass().getName().startsWith("org.springframework.")
				&& t.getStackTrace().length > 0 && t.getStackTrace()[0].getClassName().startsWith("com.optoutbatch.");
		String said = null;
		for (Throwable t = failure; t != null && t != root; t = t.getCause()) {
			String message = firstLine(t.getMessage());
			if (ours.test(t) && message != null && !message.equals(root.toString())
					&& !message.equals(root.getMessage())) {
				said = message;
			}
		}
		return said;
	}

	private static String firstLine(String message) {
		return message == null || message.isBlank() ? null : message.lines().findFirst().orElse(null);
	}

	/**
	 * A failed job and why; {@code job} is the job of the nightly run that failed, when
	 * it is one.
	 */
	record Failure(String job, BatchStatus status, String cause) {

		String line() {
			return job + " " + status + ": " + cause;
		}

	}

}
