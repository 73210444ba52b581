package com.optoutbatch.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What the user asked for on the command line:
 * {@code <jobName> [name=value ...] [--rerun]}, plus Spring options
 * ({@code --optout.home=...}) that pass through untouched. Parameters default to
 * {@code jobs/<jobName>.properties}; {@code run.date} (default today) and
 * {@code run.attempt} identify a run, every other parameter only configures it.
 */
public record JobCommand(String jobName, Map<String, String> parameters, boolean rerun, List<String> springArgs) {

	public static final String RUN_DATE = "run.date";

	public static final String RUN_ATTEMPT = "run.attempt";

	/** Which inputs a run reads: {@value #NEW_INPUTS} or {@value #ALL_INPUTS}. */
	static final String INPUTS = "inputs";

	static final String NEW_INPUTS = "new";

	static final String ALL_INPUTS = "all";

	/** What becomes of the inputs a completed run read: kept, or archived. */
	static final String INPUTS_AFTER = "inputs.after";

	static final String ARCHIVE = "archive";

	static final String RERUN = "--rerun";

	static final String USAGE = "usage: run-job.sh <jobName> [name=value ...] [--rerun]";

	/**
	 * Reads the command line and checks it against the job's {@link DeclaredParameters}:
	 * a job that does not exist, a parameter it does not take or a value it does not
	 * accept is refused here, before the launch writes anything.
	 * @throws IllegalArgumentException with a one-line reason when the arguments are not
	 * usable
	 */
	public static JobCommand parse(String... args) {
		String jobName = null;
		Map<String, String> parameters = new LinkedHashMap<>();
		boolean rerun = false;
		List<String> springArgs = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals(RERUN)) {
				rerun = true;
			}
			else if (arg.startsWith("--")) {
				springArgs.add(arg);
			}
			else if (jobName == null && !arg.contains("=")) {
				jobName = arg;
			}
			else if (arg.indexOf('=') > 0) {
				parameters.put(arg.substring(0, arg.indexOf('=')).trim(), arg.substring(arg.indexOf('=') + 1).trim());
			}
			else {
				throw new IllegalArgumentException("'" + arg + "' is not name=value; " + USAGE);
			}
		}
		if (jobName == null) {
			throw new IllegalArgumentException("no job named; " + USAGE);
		}
		String named = jobName;
		DeclaredParameters declared = DeclaredParameters.of(jobName)
			.orElseThrow(() -> new IllegalArgumentException(
					"no job named '" + named + "'; jobs: " + String.join(", ", DeclaredParameters.jobNames())));
		Map<String, String> withDefaults = new LinkedHashMap<>(defaults(jobName));
		// an empty value leaves the parameter to its built-in default, as in
		// jobs/<jobName>.properties
		parameters.forEach((name, value) -> {
			if (value.isEmpty()) {
				withDefaults.remove(name);
			}
			else {
				withDefaults.put(name, value);
			}
		});
		withDefaults.putIfAbsent(RUN_DATE, LocalDate.now().toString());
		declared.check(withDefaults);
		return new JobCommand(jobName, withDefaults, rerun, springArgs);
	}

	/**
	 * Whether the run reads every input again, also those a completed run read unchanged:
	 * {@code inputs=all}, or {@code --rerun}.
	 */
	boolean readsAllInputs() {
		return rerun || ALL_INPUTS.equals(parameters.get(INPUTS));
	}

	/**
	 * Whether the files a completed run read are moved to {@code input/.archive/}:
	 * {@code inputs.after=archive}.
	 */
	boolean archivesInputs() {
		return ARCHIVE.equals(parameters.get(INPUTS_AFTER));
	}

	public LocalDate runDate() {
		return LocalDate.parse(parameters.get(RUN_DATE));
	}

	/** The job parameters of the given attempt at this command's run date. */
	public JobParameters jobParameters(long attempt) {
		JobParametersBuilder builder = new JobParametersBuilder().addLocalDate(RUN_DATE, runDate())
			.addLong(RUN_ATTEMPT, attempt);
		parameters.forEach((name, value) -> {
			if (!name.equals(RUN_DATE)) {
				builder.addString(name, value, false);
			}
		});
		return builder.toJobParameters();
	}

	/**
	 * The defaults of a job, from {@code jobs/<jobName>.properties} on the class path;
	 * for the nightly run, those of every job it chains, then its own.
	 */
	static Map<String, String> defaults(String jobName) {
		Properties properties = new Properties();
		if (jobName.equals(NightlyJobConfiguration.JOB_NAME)) {
			NightlyJobConfiguration.CHAIN.forEach(job -> load(job, properties));
		}
		load(jobName, properties);
		Map<String, String> defaults = new LinkedHashMap<>();
		properties.stringPropertyNames().stream().sorted().forEach(name -> {
			String value = properties.getProperty(name).trim();
			if (!value.isEmpty()) {
				defaults.put(name, value);
			}
		});
		return defaults;
	}

	private static void load(String jobName, Properties properties) {
		try (InputStream in = JobCommand.class.getResourceAsStream("/jobs/" + jobName + ".properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
