package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.RecordTally.RecordCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Writes {@code output/runs/<run.date>/<jobName>.json} when a job ends: its status and
 * times, and per input file what was read, used, filtered and rejected, with the reasons
 * counted. Counts cover every execution of the run, so a restarted run reports the whole.
 * <p>
 * A job whose rejects pass {@code rejects.max-share} of its input records fails: so many
 * unusable records mean wrong files rather than a few bad lines. A file rejected whole (not
 * text, not mail) does not count in that share: the run goes on without it.
 */
@Component
public class RunFileWriter implements JobExecutionListener {

	public static final String RUN_DATE = "run.date";

	public static final String MAX_REJECT_SHARE = "rejects.max-share";

	private static final String DEFAULT_MAX_REJECT_SHARE = "0.5";

	private static final Logger log = LoggerFactory.getLogger(RunFileWriter.class);

	private final Workspace workspace;

	private final JobRepository jobRepository;

	private final JsonMapper json;

	public RunFileWriter(Workspace workspace, JobRepository jobRepository) {
		this.workspace = workspace;
		this.jobRepository = jobRepository;
		this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RUN_DATE, LocalDate.now());
		Path file = workspace.output("runs", runDate.toString(), jobExecution.getJobInstance().getJobName() + ".json");
		RunFile run = runOf(jobExecution, runDate);
		double maxShare = Double.parseDouble(
				jobExecution.getJobParameters().getString(MAX_REJECT_SHARE, DEFAULT_MAX_REJECT_SHARE));
		// a file rejected whole says so in its own line of the run file and the report; the
		// share is that of the records of the files that were read
		List<InputFile> read = run.inputs().stream().filter(input -> input.unreadFile() == null).toList();
		long records = read.stream().mapToLong(InputFile::read).sum();
		long rejected = read.stream().mapToLong(InputFile::rejected).sum();
		run.inputs().stream().filter(input -> input.unreadFile() != null)
			.forEach(input -> log.warn("{} was rejected whole: {}", input.file(), input.unreadFile()));
		if (jobExecution.getStatus() == BatchStatus.COMPLETED && rejected > maxShare * records) {
			jobExecution.setStatus(BatchStatus.FAILED);
			jobExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(String.format(
					"%d of %d input records rejected, more than %s=%s allows; see output/rejects/ and rerun with --rerun",
					rejected, records, MAX_REJECT_SHARE, maxShare)));
			run = runOf(jobExecution, runDate);
		}
		write(file, run);
	}

	private RunFile runOf(JobExecution jobExecution, LocalDate runDate) {
		List<InputFile> inputs = new ArrayList<>();
		List<StepRun> steps = new ArrayList<>();
		RecordCounts totals = RecordCounts.NONE;
		for (StepExecution step : latestStepExecutions(jobExecution)) {
			String input = step.getExecutionContext().getString(InputFilePartitioner.INPUT_FILE_KEY, null);
			if (input != null && RecordTally.isTallied(step.getExecutionContext())) {
				RecordCounts counts = RecordTally.read(step.getExecutionContext());
				totals = totals.plus(counts);
				inputs.add(new InputFile(nameOf(Path.of(input)), step.getStatus().toString(),
						counts.read(), counts.used(), counts.filtered(), counts.rejected(), reasons(step),
						RecordTally.filterReasons(step.getExecutionContext()), kinds(step),
						step.getExecutionContext().getLong(RejectFile.UNREAD_RECORDS_KEY, 0L),
						step.getExecutionContext().getString(RejectFile.UNREAD_FILE_KEY, null)));
			}
			else if (input == null) {
				steps.add(new StepRun(step.getStepName(), step.getStatus().toString(),
						step.getExitStatus().getExitDescription()));
			}
		}
		inputs.sort(Comparator.comparing(InputFile::file));
		LocalDateTime start = jobExecution.getStartTime();
		LocalDateTime end = jobExecution.getEndTime() != null ? jobExecution.getEndTime() : LocalDateTime.now();
		return new RunFile(jobExecution.getJobInstance().getJobName(), runDate, jobExecution.getStatus().toString(),
				jobExecution.getExitStatus().getExitDescription(), start, end,
				start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0, totals, steps, inputs,
				InputListing.skipped(jobExecution));
	}

	/** An input's path under its kind's folder: {@code all-orders.txt}, {@code generic/list.csv}. */
	private String nameOf(Path input) {
		Path inputs = workspace.home().resolve("input");
		if (!input.startsWith(inputs) || inputs.relativize(input).getNameCount() < 2) {
			return input.getFileName().toString();
		}
		Path relative = inputs.relativize(input);
		return relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
	}

	/** The newest execution of each step of this run, the current one or an earlier completed one. */
	private List<StepExecution> latestStepExecutions(JobExecution current) {
		Map<String, StepExecution> latest = new LinkedHashMap<>();
		List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(current.getJobInstance()));
		executions.removeIf(execution -> execution.getId() == current.getId());
		executions.add(0, current);
		for (JobExecution execution : executions) {
			for (StepExecution step : execution.getStepExecutions()) {
				latest.putIfAbsent(step.getStepName(), step);
			}
		}
		return List.copyOf(latest.values());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> reasons(StepExecution step) {
		Object reasons = step.getExecutionContext().get(RejectFile.REASONS_KEY);
		return reasons == null ? Map.of() : (Map<String, Long>) reasons;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> kinds(StepExecution step) {
		Object kinds = step.getExecutionContext().get(RecordTally.KINDS_KEY);
		return kinds == null ? Map.of() : (Map<String, Long>) kinds;
	}

	private void write(Path file, RunFile run) {
		try {
			Files.createDirectories(file.getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".partial");
			json.writeValue(partial.toFile(), run);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write " + file, e);
		}
	}

	/** The run file: one run of one job; {@code skipped}: what the job found under input/ and did not read, and why. */
	public record RunFile(String job, LocalDate runDate, String status, String exitDescription, LocalDateTime startedAt,
			LocalDateTime endedAt, double seconds, RecordCounts totals, List<StepRun> steps, List<InputFile> inputs,
			List<InputListing.Skipped> skipped) {
	}

	/** A step that reads no input file of its own (a partition manager, a job of the nightly run). */
	public record StepRun(String step, String status, String exitDescription) {
	}

	/**
	 * What became of the records of one input file: the reasons of the rejected and of the
	 * filtered ones counted; {@code kinds} counts them by kind when the step sorts them (see
	 * {@link RecordTally#KINDS_KEY}), else it is empty. {@code unreadRecords} counts the rejected
	 * records whose syntax could not be read; {@code unreadFile}, when set, says why none of the
	 * file could be read.
	 */
	public record InputFile(String file, String status, long read, long used, long filtered, long rejected,
			Map<String, Long> reasons, Map<String, Long> filterReasons, Map<String, Long> kinds, long unreadRecords,
			String unreadFile) {

		/** Whether part of this input, or all of it, could not be read. */
		public boolean notReadWhole() {
			return unreadFile != null || unreadRecords > 0;
		}

	}

}
