package com.optoutbatch.launch;

import com.optoutbatch.fleet.Fleet;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.optoutbatch.orders.Marketplace;
import org.apache.commons.text.similarity.LevenshteinDistance;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameters of each job, declared once with the values each accepts. Their defaults
 * and what they do are in {@code jobs/<jobName>.properties}. The launch checks a command
 * against them before it writes anything, its log file included; each job checks the
 * parameters it is started with through the same declarations ({@link EveryJob}), so that
 * the nightly run's jobs, given their own parameters only, are held to them too.
 * <p>
 * A name ending in {@code <glob>} is a family: {@code charset.*-jp.txt} is a
 * {@code charset.<glob>}.
 */
final class DeclaredParameters implements JobParametersValidator {

	static final String GLOB = "<glob>";

	private static final Parameter RUN_DATE = new Parameter(JobCommand.RUN_DATE, Accepts.DATE);

	private static final Parameter MAX_REJECT_SHARE = new Parameter("rejects.max-share", Accepts.SHARE);

	private static final Parameter CHARSET = new Parameter("charset." + GLOB, Accepts.CHARSET);

	private static final Parameter REVIEW_RULES = new Parameter("campaigns.review-rules", Accepts.NAMES);

	private static final Parameter INPUTS = new Parameter(JobCommand.INPUTS, Accepts.INPUTS);

	private static final Parameter INPUTS_AFTER = new Parameter(JobCommand.INPUTS_AFTER, Accepts.INPUTS_AFTER);

	/** Kept by the launch, never given on the command line. */
	private static final List<Parameter> KEPT_BY_THE_LAUNCH = List.of(
			new Parameter(JobCommand.RUN_ATTEMPT, Accepts.COUNT),
			new Parameter(NightlyJobConfiguration.NIGHTLY_INSTANCE, Accepts.COUNT));

	private static final Map<String, DeclaredParameters> JOBS = Stream
		.of(new DeclaredParameters("importOrders", RUN_DATE, new Parameter("marketplace", Accepts.MARKETPLACE), CHARSET,
				MAX_REJECT_SHARE, INPUTS, INPUTS_AFTER),
				new DeclaredParameters("importMessages", RUN_DATE, new Parameter("messages.rules", Accepts.FILE),
						new Parameter("messages.profiles", Accepts.FILE),
						new Parameter("messages.profile." + GLOB, Accepts.NAME), CHARSET, MAX_REJECT_SHARE, INPUTS,
						INPUTS_AFTER),
				new DeclaredParameters("scanMailbox", RUN_DATE, new Parameter("rules", Accepts.FILE),
						new Parameter("trusted-forwarders", Accepts.ADDRESSES),
						new Parameter("max-message-bytes", Accepts.SIZE), new Parameter("max-headers", Accepts.COUNT),
						new Parameter("max-mime-depth", Accepts.COUNT), new Parameter("max-parts", Accepts.COUNT),
						MAX_REJECT_SHARE, INPUTS, INPUTS_AFTER),
				new DeclaredParameters("reconcileCampaigns", RUN_DATE,
						new Parameter("campaigns.profiles", Accepts.FILE), REVIEW_RULES, CHARSET, MAX_REJECT_SHARE),
				new DeclaredParameters("complianceReport", RUN_DATE, REVIEW_RULES),
				new DeclaredParameters("trainClassifier", RUN_DATE, new Parameter("messages.rules", Accepts.FILE),
						new Parameter("messages.profiles", Accepts.FILE),
						new Parameter("messages.profile." + GLOB, Accepts.NAME), CHARSET),
				new DeclaredParameters(Fleet.JOB_NAME, RUN_DATE, INPUTS, INPUTS_AFTER))
		.collect(Collectors.toMap(DeclaredParameters::jobName, job -> job, (a, b) -> a, LinkedHashMap::new));

	/**
	 * The commands that take parameters as a job does but run no job: {@code notify}
	 * ({@link NotifyCommand}).
	 */
	private static final Map<String, DeclaredParameters> COMMANDS = Stream
		.of(new DeclaredParameters(NotifyCommand.COMMAND, RUN_DATE, new Parameter("to", Accepts.MAIL_ADDRESSES),
				new Parameter(NotifyCommand.TEST, Accepts.BOOLEAN),
				new Parameter(NotifyCommand.PREVIEW, Accepts.BOOLEAN),
				new Parameter(NotifyCommand.ALERT, Accepts.ALERT)))
		.collect(Collectors.toMap(DeclaredParameters::jobName, command -> command));

	private static final DeclaredParameters NIGHTLY = new DeclaredParameters(NightlyJobConfiguration.JOB_NAME,
			NightlyJobConfiguration.CHAIN.stream()
				.flatMap(job -> JOBS.get(job).parameters.stream())
				.distinct()
				.toArray(Parameter[]::new));

	private final String jobName;

	private final List<Parameter> parameters;

	private DeclaredParameters(String jobName, Parameter... parameters) {
		this.jobName = jobName;
		this.parameters = List.of(parameters);
	}

	/** The names of the jobs a command can name. */
	static List<String> jobNames() {
		return Stream.concat(JOBS.keySet().stream(), Stream.of(NIGHTLY.jobName)).toList();
	}

	/** The names of the commands that take parameters but run no job. */
	static List<String> commandNames() {
		return List.copyOf(COMMANDS.keySet());
	}

	/** Whether the name is that of a command that runs no job ({@link #commandNames}). */
	static boolean isCommand(String name) {
		return COMMANDS.containsKey(name);
	}

	/**
	 * The declared parameters of a job or a command; empty when there is no such job.
	 */
	static Optional<DeclaredParameters> of(String jobName) {
		if (COMMANDS.containsKey(jobName)) {
			return Optional.of(COMMANDS.get(jobName));
		}
		return jobName.equals(NIGHTLY.jobName) ? Optional.of(NIGHTLY) : Optional.ofNullable(JOBS.get(jobName));
	}

	String jobName() {
		return jobName;
	}

	/**
	 * The parameters as written in {@code jobs/<jobName>.properties}:
	 * {@code marketplace}, {@code charset.<glob>}.
	 */
	List<String> names() {
		return parameters.stream().map(Parameter::name).toList();
	}

	/**
	 * Checks the parameters of a command, after its defaults.
	 * @throws IllegalArgumentException with a one-line reason that names the parameter
	 */
	void check(Map<String, String> values) {
		values.forEach((name, value) -> {
			if (KEPT_BY_THE_LAUNCH.stream().anyMatch(kept -> kept.name().equals(name))) {
				throw new IllegalArgumentException(
						name + " is kept by the launch; add --rerun to run a run.date again");
			}
			check(name, value);
		});
	}

	/**
	 * Checks the parameters a job is started with: its own and those the launch keeps.
	 */
	@Override
	public void validate(JobParameters jobParameters) throws InvalidJobParametersException {
		try {
			for (JobParameter<?> parameter : jobParameters) {
				if (KEPT_BY_THE_LAUNCH.stream().noneMatch(kept -> kept.name().equals(parameter.name()))) {
					check(parameter.name(), String.valueOf(parameter.value()));
				}
			}
		}
		catch (IllegalArgumentException e) {
			throw new InvalidJobParametersException(e.getMessage());
		}
	}

	/**
	 * The parameters of the nightly run that are this job's own, with those the launch
	 * keeps.
	 */
	JobParameters ownOf(JobParameters jobParameters) {
		JobParametersBuilder own = new JobParametersBuilder();
		for (JobParameter<?> parameter : jobParameters) {
			if (declared(parameter.name()).isPresent()
					|| KEPT_BY_THE_LAUNCH.stream().anyMatch(kept -> kept.name().equals(parameter.name()))) {
				own.addJobParameter(parameter);
			}
		}
		return own.toJobParameters();
	}

	private void check(String name, String value) {
		Parameter parameter = declared(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
		String problem = parameter.problemWith(name, value);
		if (problem != null) {
			throw new IllegalArgumentException(name + "=" + value + " " + problem);
		}
	}

	private Optional<Parameter> declared(String name) {
		return parameters.stream().filter(parameter -> parameter.names(name)).findFirst();
	}

	private String unknown(String name) {
		String reason = "unknown parameter '" + name + "' for " + jobName;
		return closestTo(name).map(known -> reason + "; did you mean '" + known + "'?")
			.orElse(reason + "; its parameters: " + String.join(", ", names()));
	}

	/**
	 * The declared name a misspelt one was most likely meant to be, when one is close
	 * enough.
	 */
	private Optional<String> closestTo(String name) {
		record Candidate(String name, int distance) {
		}
		LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, name.length() / 4));
		return parameters.stream().map(parameter -> {
			if (!parameter.isFamily()) {
				return new Candidate(parameter.name(), distance.apply(name, parameter.name()));
			}
			// a family's prefix against each dotted start of the name: charst.*.txt is
			// charset.*.txt
			String prefix = parameter.prefix();
			return dottedStarts(name).stream()
				.map(start -> new Candidate(prefix + name.substring(start.length()), distance.apply(start, prefix)))
				.filter(candidate -> candidate.distance() >= 0)
				.min(Comparator.comparingInt(Candidate::distance))
				.orElse(new Candidate(parameter.name(), -1));
		})
			.filter(candidate -> candidate.distance() >= 0)
			.min(Comparator.comparingInt(Candidate::distance))
			.map(Candidate::name);
	}

	private static List<String> dottedStarts(String name) {
		return Stream.iterate(name.indexOf('.'), dot -> dot >= 0, dot -> name.indexOf('.', dot + 1))
			.map(dot -> name.substring(0, dot + 1))
			.toList();
	}

	/**
	 * A parameter, or a family of them ({@code charset.<glob>}), and the values it
	 * accepts.
	 */
	record Parameter(String name, Accepts accepts) {

		boolean isFamily() {
			return name.endsWith(GLOB);
		}

		String prefix() {
			return name.substring(0, name.length() - GLOB.length());
		}

		boolean names(String given) {
			return isFamily() ? given.startsWith(prefix()) && given.length() > prefix().length() : given.equals(name);
		}

		/**
		 * What is wrong with a value, "is not a date (yyyy-mm-dd)"; {@code null} when it
		 * is fine.
		 */
		String problemWith(String given, String value) {
			if (isFamily()) {
				String glob = given.substring(prefix().length());
				try {
					FileSystems.getDefault().getPathMatcher("glob:" + glob);
				}
				catch (PatternSyntaxException e) {
					return "names no file pattern: '" + glob + "' " + e.getDescription();
				}
			}
			return accepts.test(value) ? null : "is not " + accepts.description;
		}

	}

	/** The values a parameter accepts, and how to say so. */
	enum Accepts {

		DATE("a date (yyyy-mm-dd)", value -> {
			try {
				LocalDate.parse(value);
				return true;
			}
			catch (DateTimeParseException e) {
				return false;
			}
		}),

		SHARE("a share from 0 to 1, such as 0.5", value -> {
			try {
				double share = Double.parseDouble(value);
				return share >= 0 && share <= 1;
			}
			catch (NumberFormatException e) {
				return false;
			}
		}),

		COUNT("a whole number from 1 to " + Integer.MAX_VALUE, value -> wholeNumber(value, Integer.MAX_VALUE)),

		SIZE("a number of bytes from 1 to " + Long.MAX_VALUE, value -> wholeNumber(value, Long.MAX_VALUE)),

		MARKETPLACE("an Amazon marketplace, such as amazon.de", value -> Marketplace.ofParameter(value) != null),

		CHARSET("a charset this Java knows, such as windows-1252", value -> {
			try {
				return Charset.isSupported(value);
			}
			catch (IllegalCharsetNameException e) {
				return false;
			}
		}),

		FILE("a file's path", value -> {
			try {
				Path.of(value);
				return !value.isBlank();
			}
			catch (InvalidPathException e) {
				return false;
			}
		}),

		NAME("a name", value -> !value.isBlank() && value.chars().noneMatch(Character::isWhitespace)),

		NAMES("a list of names separated by commas",
				value -> Arrays.stream(value.split(",", -1))
					.map(String::trim)
					.allMatch(name -> !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace))),

		INPUTS("new (skip the files a completed run read, unchanged) or all",
				value -> value.equals(JobCommand.NEW_INPUTS) || value.equals(JobCommand.ALL_INPUTS)),

		INPUTS_AFTER("keep, or archive (move the files a completed run read to input/.archive/<run.date>/)",
				value -> value.equals("keep") || value.equals(JobCommand.ARCHIVE)),

		MAIL_ADDRESSES("a list of e-mail addresses separated by commas, such as me@shop.com,ops@shop.com",
				value -> Arrays.stream(value.split(",", -1))
					.map(String::trim)
					.allMatch(address -> address.matches("[^@\\s,]+@[^@\\s,.]+(\\.[^@\\s,.]+)+"))),

		BOOLEAN("true or false", value -> value.equals("true") || value.equals("false")),

		ALERT("missed-run (the alert of a night the schedule should have run)",
				value -> value.equals(NotifyCommand.MISSED_RUN)),

		ADDRESSES("a list of e-mail addresses or domains separated by commas, such as me@shop.com,shop.com",
				value -> Arrays.stream(value.split(",", -1))
					.map(String::trim)
					.allMatch(address -> address.matches("([^@\\s,]+@)?[^@\\s,.]+(\\.[^@\\s,.]+)+")));

		private final String description;

		private final Predicate<String> valid;

		Accepts(String description, Predicate<String> valid) {
			this.description = description;
			this.valid = valid;
		}

		boolean test(String value) {
			return valid.test(value);
		}

		private static boolean wholeNumber(String value, long max) {
			try {
				long number = Long.parseLong(value);
				return number >= 1 && number <= max;
			}
			catch (NumberFormatException e) {
				return false;
			}
		}

	}

}
