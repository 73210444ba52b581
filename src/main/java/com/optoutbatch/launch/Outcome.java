package com.optoutbatch.launch;

import com.optoutbatch.fleet.Fleet;

import java.util.List;
import java.util.stream.Collectors;

import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.RunFiles.UnreadInput;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * How a launched run ends: its exit code and, for anything but
 * {@link ExitCode#COMPLETED}, the one line that says why.
 */
record Outcome(ExitCode exitCode, String reason) {

	static final Outcome COMPLETED = new Outcome(ExitCode.COMPLETED, "");

	static Outcome of(JobExecution execution, Workspace workspace, JobRepository jobRepository) {
		String jobName = execution.getJobInstance().getJobName();
		if (jobName.equals(Fleet.JOB_NAME)) {
			return ofFleet(execution, workspace, jobRepository);
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return new Outcome(ExitCode.FAILED,
					jobName + " STOPPED: stopped on request; launch it again for the same run.date to resume");
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			return new Outcome(ExitCode.FAILED,
					new FailureCauses(jobRepository, workspace.home()).of(execution).line());
		}
		if (readsOptOutSources(jobName)) {
			List<UnreadInput> unread = RunFiles.optOutSourcesNotReadWhole(workspace,
					execution.getJobParameters().getLocalDate(JobCommand.RUN_DATE));
			if (!unread.isEmpty()) {
				return new Outcome(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE,
						String.format(
								"%s completed, but %d opt-out %s could not be read whole: %s; "
										+ "the send lists may still hold opted-out buyers",
								jobName, unread.size(), unread.size() == 1 ? "source" : "sources",
								unread.stream().map(UnreadInput::toString).collect(Collectors.joining(", "))));
			}
		}
		return COMPLETED;
	}

	/**
	 * A fleet run's outcome: its report's line on the sellers that did not complete, when
	 * it got as far as writing it.
	 */
	private static Outcome ofFleet(JobExecution execution, Workspace workspace, JobRepository jobRepository) {
		String line = execution.getExitStatus().getExitDescription().lines().findFirst().orElse("");
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return execution.getExitStatus().getExitCode().equals(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE.name())
					? new Outcome(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE, Fleet.JOB_NAME + " completed, but " + line)
					: COMPLETED;
		}
		if (execution.getExitStatus().getExitCode().equals(Fleet.SELLERS_NOT_COMPLETED)) {
			return new Outcome(ExitCode.FAILED, Fleet.JOB_NAME + " " + execution.getStatus() + ": " + line);
		}
		return new Outcome(ExitCode.FAILED, new FailureCauses(jobRepository, workspace.home()).of(execution).line());
	}

	private static boolean readsOptOutSources(String jobName) {
		return jobName.equals(NightlyJobConfiguration.JOB_NAME) || jobName.equals(RunFiles.OPT_OUT_SOURCES_JOB);
	}

}
