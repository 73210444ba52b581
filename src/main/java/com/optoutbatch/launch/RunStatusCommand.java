package com.optoutbatch.launch;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.InputFilePartitioner;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code status [--failed]}: the recent runs from the job repository, newest first, with
 * job, run date, attempt, status, duration and the records read, used and rejected; a job
 * run by the nightly run shows as {@code nightly/<job>}. {@code --failed} keeps the runs
 * whose latest attempt did not complete: what needs attention.
 */
@Component
@ConditionalOnProperty(name = Launcher.COMMAND_PROPERTY, havingValue = RunStatusCommand.COMMAND)
class RunStatusCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String COMMAND = "status";

	private static final int RECENT = 30;

	private static final String FORMAT = "%-10s  %-24s  %7s  %-9s  %-19s  %9s  %9s  %9s  %9s%n";

	private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JobRepository jobRepository;

	RunStatusCommand(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean failedOnly = args.containsOption("failed");
		List<Run> runs = new ArrayList<>();
		for (String jobName : jobRepository.getJobNames()) {
			for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, RECENT)) {
				JobExecution last = jobRepository.getLastJobExecution(instance);
				if (last != null) {
					boolean inNightly = last.getJobParameters()
						.getLong(NightlyJobConfiguration.NIGHTLY_INSTANCE) != null;
					runs.add(Run.of(inNightly ? NightlyJobConfiguration.JOB_NAME + "/" + jobName : jobName, last));
				}
			}
		}
		if (failedOnly) {
			Map<String, Run> latestPerDate = new LinkedHashMap<>();
			runs.stream()
				.sorted(Comparator.comparing(Run::attempt).reversed())
				.forEach(run -> latestPerDate.putIfAbsent(run.job() + run.runDate(), run));
			runs = latestPerDate.values().stream().filter(run -> run.status() != BatchStatus.COMPLETED).toList();
		}
		runs = runs.stream()
			.sorted(Comparator.comparing(Run::started, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(RECENT)
			.toList();
		if (runs.isEmpty()) {
			System.out.println(failedOnly ? "no run needs attention" : "no runs yet");
			return;
		}
		System.out.printf(FORMAT, "run.date", "job", "attempt", "status", "started", "duration", "read", "used",
				"rejected");
		for (Run run : runs) {
			System.out.printf(FORMAT, run.runDate(), run.job(), run.attempt(), run.status(),
					run.started() == null ? "" : run.started().format(STARTED), run.duration(), run.read(), run.used(),
					run.rejected());
		}
	}

	@Override
	public int getExitCode() {
		return ExitCode.COMPLETED.code();
	}

	/** The latest execution of one run (a job, a run date, an attempt). */
	record Run(String job, LocalDate runDate, long attempt, BatchStatus status, LocalDateTime started, String duration,
			long read, long used, long rejected) {

		static Run of(String job, JobExecution execution) {
			long read = 0;
			long used = 0;
			long rejected = 0;
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getExecutionContext().containsKey(InputFilePartitioner.INPUT_FILE_KEY)) {
					read += step.getReadCount() + step.getReadSkipCount();
					used += step.getWriteCount();
					rejected += step.getSkipCount();
				}
			}
			LocalDateTime start = execution.getStartTime();
			LocalDateTime end = execution.getEndTime();
			String duration = start == null || end == null ? ""
					: String.format("%.1fs", Duration.between(start, end).toMillis() / 1000.0);
			Long attempt = execution.getJobParameters().getLong(JobCommand.RUN_ATTEMPT);
			return new Run(job, execution.getJobParameters().getLocalDate(JobCommand.RUN_DATE),
					attempt == null ? 1 : attempt, execution.getStatus(), start, duration, read, used, rejected);
		}

	}

}
