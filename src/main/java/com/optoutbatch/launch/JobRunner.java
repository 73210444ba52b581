package com.optoutbatch.launch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.optoutbatch.notify.NightEnd;
import com.optoutbatch.notify.Notifications;
import com.optoutbatch.support.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.ReadingBasis;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the job the command names, for its {@code run.date}: a fresh run the first time, a
 * resumed run when the last attempt at that date failed or was interrupted, a refusal
 * when it completed, unless {@code --rerun} asks for a new attempt.
 * <p>
 * Every new attempt pins its inputs first ({@link InputLedger}). A run whose inputs
 * changed since its last attempt stopped (a file changed, added or removed) is not
 * resumed, which would mix two versions of them: it starts again from its beginning as a
 * new attempt, and says so in the log, on stderr and in its run file.
 * <p>
 * The launcher holds the workspace lock, so a run still marked as started was cut off by
 * a crash: it is recovered (marked failed) so that it can be resumed.
 */
@Component
@ConditionalOnProperty(JobRunner.JOB_PROPERTY)
class JobRunner implements ApplicationRunner, ExitCodeGenerator {

	static final String JOB_PROPERTY = "optout.launch.job";

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, Job> jobs;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Workspace workspace;

	private final InputLedger inputLedger;

	private final ReadingBasis readingBasis;

	private final Notifications notifications;

	private ExitCode exitCode = ExitCode.FAILED;

	JobRunner(List<Job> jobs, JobOperator jobOperator, JobRepository jobRepository, Workspace workspace,
			InputLedger inputLedger, ReadingBasis readingBasis, Notifications notifications) {
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.workspace = workspace;
		this.inputLedger = inputLedger;
		this.readingBasis = readingBasis;
		this.notifications = notifications;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		JobCommand command = JobCommand.parse(args.getSourceArgs());
		Job job = jobs.get(command.jobName());
		if (job == null) {
			exitCode = ExitCode.USAGE;
			Launcher.fail(exitCode,
					"no job named '" + command.jobName() + "'; jobs: " + String.join(", ", jobs.keySet()));
			return;
		}
		recoverInterruptedRuns();
		long attempt = lastAttempt(job.getName(), command);
		JobExecution last = attempt == 0 ? null
				: jobRepository.getLastJobExecution(job.getName(), command.jobParameters(attempt));
		if (last != null && last.getStatus() == BatchStatus.COMPLETED && !command.rerun()) {
			exitCode = ExitCode.ALREADY_COMPLETED;
			Launcher.fail(exitCode, job.getName() + " already completed for run.date " + command.runDate()
					+ "; add --rerun to run it again");
			return;
		}
		boolean resume = last != null && !command.rerun() && last.getStatus() != BatchStatus.ABANDONED;
		if (resume) {
			resume = inputsUnchanged(new InputLedger.Run(job.getName(), command.runDate(), attempt));
		}
		InputLedger.Run run = new InputLedger.Run(job.getName(), command.runDate(), resume ? attempt : attempt + 1);
		if (!resume) {
			inputLedger.pin(run, readingBasis.of(command.parameters()), command.readsAllInputs());
		}
		JobParameters parameters = command.jobParameters(run.attempt());
		log.info("{} {} for run.date {} (attempt {})", resume ? "Resuming" : "Starting", job.getName(),
				command.runDate(), parameters.getLong(JobCommand.RUN_ATTEMPT));
		JobExecution execution = jobOperator.start(job, parameters);
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			inputLedger.markRead(run);
			if (command.archivesInputs()) {
				List<String> archived = inputLedger.archive(run);
				log.info("archived {} inputs to input/.archive/{}/: {}", archived.size(), command.runDate(), archived);
			}
		}
		Outcome outcome = Outcome.of(execution, workspace, jobRepository);
		exitCode = outcome.exitCode();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			System.out.println("optout-batch: " + RunSummary.of(workspace, job.getName(), command.runDate()));
		}
		if (exitCode != ExitCode.COMPLETED) {
			Launcher.fail(exitCode, outcome.reason());
		}
		if (job.getName().equals(NightlyJobConfiguration.JOB_NAME)) {
			// the exit code is decided: the digest and the alerts cannot change it
			notifications.afterNight(nightEnd(command, outcome));
		}
	}

	private static NightEnd nightEnd(JobCommand command, Outcome outcome) {
		NightEnd.State state = switch (outcome.exitCode()) {
			case COMPLETED -> NightEnd.State.COMPLETED;
			case OPT_OUT_SOURCES_NOT_READ_WHOLE -> NightEnd.State.OPT_OUT_SOURCES_NOT_READ_WHOLE;
			default -> NightEnd.State.FAILED;
		};
		return new NightEnd(command.runDate(), state, outcome.reason().isEmpty() ? null : outcome.reason());
	}

	/**
	 * Whether the inputs are still those the stopped attempt pinned; when not, it will
	 * not be resumed, and the notice says which files changed, were added or removed.
	 */
	private boolean inputsUnchanged(InputLedger.Run stopped) {
		InputLedger.Changes changes = inputLedger.changesSince(stopped);
		if (changes.none()) {
			return true;
		}
		String notice = String.format(
				"the inputs of %s for run.date %s changed since attempt %d stopped (%s): "
						+ "starting it again from the beginning as attempt %d",
				stopped.job(), stopped.runDate(), stopped.attempt(), changes.describe(), stopped.attempt() + 1);
		log.warn(notice);
		System.err.println("optout-batch: notice: " + notice);
		inputLedger.markStartedOver(stopped);
		return false;
	}

	/** The highest attempt number at this run date; 0 when the date was never run. */
	private long lastAttempt(String jobName, JobCommand command) {
		long attempt = 0;
		while (jobRepository.getJobInstance(jobName, command.jobParameters(attempt + 1)) != null) {
			attempt++;
		}
		return attempt;
	}

	private void recoverInterruptedRuns() {
		for (String jobName : jobs.keySet()) {
			for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
				JobInstance instance = execution.getJobInstance();
				log.warn("Recovering {} (instance {}, execution {}) left running by an interrupted process", jobName,
						instance.getInstanceId(), execution.getId());
				jobOperator.recover(execution);
			}
		}
	}

	/**
	 * Asks every running job to stop at its next chunk boundary; a later launch resumes
	 * it.
	 */
	void stopRunningJobs() {
		for (String jobName : jobs.keySet()) {
			for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
				try {
					log.warn("Stopping {} (execution {}) on request; launch it again to resume", jobName,
							execution.getId());
					jobOperator.stop(execution);
				}
				catch (Exception e) {
					log.warn("Cannot stop {}: {}", jobName, e.getMessage());
				}
			}
		}
	}

	@Override
	public int getExitCode() {
		return exitCode.code();
	}

}
