package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Writes {@code output/runs/<run.date>/<jobName>.json} when a job ends: its status, why
 * it failed, its times, and per input file what was read, used, filtered and rejected,
 * with the reasons counted. Counts cover every execution of the run, so a restarted run
 * reports the whole.
 * <p>
 * First things first: a small run file that says the job started is written before it
 * starts, so that even a killed job has one. When the whole run file cannot be written (a
 * full disk), a small one in its place still says how the job ended and why; when even
 * that fails, the job fails with that error.
 * <p>
 * A job whose rejects pass {@code rejects.max-share} of its input records fails: so many
 * unusable records mean wrong files rather than a few bad lines. A file rejected whole
 * (not text, not mail) does not count in that share: the run goes on without it.
 */
@Component
public class RunFileWriter implements JobExecutionListener {

	public static final String RUN_DATE = "run.date";

	public static final String MAX_REJECT_SHARE = "rejects.max-share";

	private static final String DEFAULT_MAX_REJECT_SHARE = "0.5";

	private static final Logger log = LoggerFactory.getLogger(RunFileWriter.class);

	private final Workspace workspace;

	private final JobRepository jobRepository;

	private final InputLedger inputLedger;

	private final JsonMapper json;

	public RunFileWriter(Workspace workspace, JobRepository jobRepository, InputLedger inputLedger) {
		this.workspace = workspace;
		this.jobRepository = jobRepository;
		this.inputLedger = inputLedger;
		this.json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RUN_DATE, LocalDate.now());
		write(fileOf(jobExecution, runDate), smallRunOf(jobExecution, runDate, null));
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RUN_DATE, LocalDate.now());
		Path file = fileOf(jobExecution, runDate);
		RunFile run = runOf(jobExecution, runDate);
		double maxShare = Double
			.parseDouble(jobExecution.getJobParameters().getString(MAX_REJECT_SHARE, DEFAULT_MAX_REJECT_SHARE));
		// a file rejected whole says so in its own line of the run file and the report;
		// the
		// share is that of the records of the files that were read
		List<InputFile> read = run.inputs().stream().filter(input -> input.unreadFile() == null).toList();
		long records = read.stream().mapToLong(InputFile::read).sum();
		long rejected = read.stream().mapToLong(InputFile::rejected).sum();
		run.inputs()
			.stream()
			.filter(input -> input.unreadFile() != null)
			.forEach(input -> log.warn("{} was rejected whole: {}", input.file(), input.unreadFile()));
		if (jobExecution.getStatus() == BatchStatus.COMPLETED && rejected > maxShare * records) {
			jobExecution.setStatus(BatchStatus.FAILED);
			jobExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(String.format(
					"%d of %d input records rejected, more than %s=%s allows; see output/rejects/ and rerun with --rerun",
					rejected, records, MAX_REJECT_SHARE, maxShare)));
			run = runOf(jobExecution, runDate);
		}
		try {
			write(file, run);
		}
		catch (UncheckedIOException whole) {
			writeSmall(jobExecution, runDate, file, whole);
		}
	}

	private Path fileOf(JobExecution jobExecution, LocalDate runDate) {
		return workspace.output("runs", runDate.toString(), jobExecution.getJobInstance().getJobName() + ".json");
	}

	/**
	 * The run file without its inputs, in place of the one that could not be written,
	 * which would not fit.
	 */
	private void writeSmall(JobExecution jobExecution, LocalDate runDate, Path file, UncheckedIOException whole) {
		try {
			Files.deleteIfExists(file);
			write(file, smallRunOf(jobExecution, runDate,
					"the whole run file could not be written: " + whole.getMessage()));
		}
		catch (IOException | UncheckedIOException small) {
			String message = "no run file: " + (small instanceof UncheckedIOException ? small.getMessage()
					: PublishedFile.named((IOException) small, workspace.home().relativize(file).toString())
						.getMessage());
			jobExecution.setStatus(BatchStatus.FAILED);
			jobExecution.addFailureException(new IllegalStateException(message, whole));
			jobExecution.setExitStatus(jobExecution.getExitStatus().and(ExitStatus.FAILED).addExitDescription(message));
		}
	}

	private RunFile smallRunOf(JobExecution jobExecution, LocalDate runDate, String runFileError) {
		LocalDateTime start = jobExecution.getStartTime() != null ? jobExecution.getStartTime() : LocalDateTime.now();
		LocalDateTime end = jobExecution.getEndTime();
		return new RunFile(jobExecution.getJobInstance().getJobName(), runDate, jobExecution.getStatus().toString(),
				failureOf(jobExecution), runFileError, startedOver(jobExecution, runDate),
				firstLine(jobExecution.getExitStatus().getExitDescription()), start, end,
				end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0, RecordCounts.NONE, List.of(),
				List.of(), unchanged(jobExecution), InputListing.skipped(jobExecution));
	}

	/**
	 * Why the job did not complete, in one line: the cause the launch's failure listener
	 * put in the exit description (the failing step's root cause and the file it
	 * concerns).
	 */
	static String failureOf(JobExecution jobExecution) {
		BatchStatus status = jobExecution.getStatus();
		if (status == BatchStatus.COMPLETED || status == BatchStatus.STARTING || status == BatchStatus.STARTED) {
			return null;
		}
		if (status == BatchStatus.STOPPED) {
			return "stopped on request";
		}
		String description = firstLine(jobExecution.getExitStatus().getExitDescription());
		return description == null ? status.toString() : description;
	}

	/**
	 * When this attempt started again from the beginning because the inputs of the one
	 * before changed.
	 */
	private InputLedger.StartedOver startedOver(JobExecution jobExecution, LocalDate runDate) {
		Long attempt = jobExecution.getJobParameters().getLong(InputLedger.RUN_ATTEMPT);
		return attempt == null ? null : inputLedger
			.startedOver(new InputLedger.Run(jobExecution.getJobInstance().getJobName(), runDate, attempt));
	}

	private static String firstLine(String text) {
		return text == null || text.isBlank() ? null : text.lines().findFirst().orElse(null);
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
				inputs.add(new InputFile(workspace.inputName(Path.of(input)), step.getStatus().toString(),
						counts.read(), counts.used(), counts.filtered(), counts.rejected(),
						RejectFile.reasons(step.getExecutionContext()),
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
				failureOf(jobExecution), null, startedOver(jobExecution, runDate),
				jobExecution.getExitStatus().getExitDescription(), start, end,
				start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0, totals, steps, inputs,
				unchanged(jobExecution), InputListing.skipped(jobExecution));
	}

	private static List<UnchangedInput> unchanged(JobExecution jobExecution) {
		return InputLedger.unchangedOf(jobExecution)
			.entrySet()
			.stream()
			.map(input -> new UnchangedInput(input.getKey(), LocalDate.parse(input.getValue())))
			.toList();
	}

	/**
	 * The newest execution of each step of this run, the current one or an earlier
	 * completed one.
	 */
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
	private static Map<String, Long> kinds(StepExecution step) {
		Object kinds = step.getExecutionContext().get(RecordTally.KINDS_KEY);
		return kinds == null ? Map.of() : (Map<String, Long>) kinds;
	}

	private void write(Path file, RunFile run) {
		String text = json.writeValueAsString(run);
		PublishedFile.write(workspace, file, StandardCharsets.UTF_8, writer -> writer.write(text));
	}

	/**
	 * The run file: one run of one job. {@code failure} says in one line why it did not
	 * complete; {@code runFileError}, when set, why this run file holds no inputs;
	 * {@code startedOver}, when set, that this attempt started from the beginning because
	 * the inputs of the one before it changed, and which; {@code unchanged}: the inputs
	 * it did not read again, since a completed run read them as they are;
	 * {@code skipped}: what the job found under input/ and did not read, and why.
	 */
	public record RunFile(String job, LocalDate runDate, String status, String failure, String runFileError,
			InputLedger.StartedOver startedOver, String exitDescription, LocalDateTime startedAt, LocalDateTime endedAt,
			double seconds, RecordCounts totals, List<StepRun> steps, List<InputFile> inputs,
			List<UnchangedInput> unchanged, List<InputListing.Skipped> skipped) {
	}

	/**
	 * An input not read again: its path under input/, and the date of the run that read
	 * it as it is.
	 */
	public record UnchangedInput(String file, LocalDate readOn) {
	}

	/**
	 * A step that reads no input file of its own (a partition manager, a job of the
	 * nightly run).
	 */
	public record StepRun(String step, String status, String exitDescription) {
	}

	/**
	 * What became of the records of one input file: the reasons of the rejected and of
	 * the filtered ones counted; {@code kinds} counts them by kind when the step sorts
	 * them (see {@link RecordTally#KINDS_KEY}), else it is empty. {@code unreadRecords}
	 * counts the rejected records whose syntax could not be read; {@code unreadFile},
	 * when set, says why none of the file could be read.
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
