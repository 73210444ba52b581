package com.optoutbatch.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.optoutbatch.support.InvalidConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.support.CronExpression;

/**
 * {@code schedule}: a long-running process for hosts without cron. It launches the
 * nightly run on {@code optout.schedule.cron} (default 02:30 every night) in the zone
 * {@code optout.schedule.zone} (default the host's; {@link ScheduleSettings}), each run
 * in a process of its own, and goes on whatever a run's outcome. Between runs it holds
 * neither the workspace nor the database, so runs by hand work as usual; a run by hand
 * that overlaps a scheduled one is refused with exit code 3, and the other way round.
 * <p>
 * When it starts, and after each run, it looks for a night its schedule called for that
 * did not finish (the host or the scheduler was down, the run was refused or killed): for
 * such a night it launches {@code notify alert=missed-run}, the alert that says so.
 */
final class NightlySchedule {

	static final String COMMAND = "schedule";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final CronExpression cron;

	private final ZoneId zone;

	private final List<String> passOn;

	private final Path log;

	private final Path home;

	private final Set<LocalDate> alerted = new HashSet<>();

	private NightlySchedule(CronExpression cron, ZoneId zone, List<String> passOn, Path log) {
		this.cron = cron;
		this.zone = zone;
		this.passOn = passOn;
		this.log = log;
		this.home = log.getParent().getParent().getParent();
	}

	static int run(String... args) {
		NightlySchedule schedule;
		try {
			ScheduleSettings settings = ScheduleSettings.of(args);
			schedule = new NightlySchedule(settings.cronExpression(), settings.zoneId(),
					Arrays.stream(args)
						.filter(arg -> arg.startsWith("--") && !arg.startsWith("--optout.schedule."))
						.toList(),
					Launcher.home(args).resolve("output/logs/schedule.log"));
		}
		catch (RuntimeException e) {
			return Launcher.fail(ExitCode.USAGE,
					"cannot schedule: " + InvalidConfiguration.describe(e).orElse(e.getMessage()));
		}
		schedule.loop();
		return ExitCode.COMPLETED.code();
	}

	private void loop() {
		note("scheduling the nightly run on '" + cron + "' in " + zone);
		while (true) {
			try {
				alertMissedNight();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			ZonedDateTime next = cron.next(ZonedDateTime.now(zone));
			if (next == null) {
				note("the cron expression never fires again; stopping");
				return;
			}
			note("next nightly run at " + next.format(STAMP));
			try {
				Thread.sleep(Math.max(0, Duration.between(ZonedDateTime.now(zone), next).toMillis()));
				launch(next.toLocalDate());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void alertMissedNight() throws InterruptedException {
		Optional<LocalDate> missed = missedNight(cron, zone, ZonedDateTime.now(zone), home);
		if (missed.isEmpty() || !alerted.add(missed.get())) {
			return;
		}
		note("the nightly run for run.date " + missed.get() + " did not finish; sending the alert");
		try {
			int exitCode = new ProcessBuilder(command(NotifyCommand.COMMAND, "run.date=" + missed.get(),
					NotifyCommand.ALERT + "=" + NotifyCommand.MISSED_RUN))
				.inheritIO()
				.start()
				.waitFor();
			if (exitCode != ExitCode.COMPLETED.code()) {
				note("the alert could not be sent (exit code " + exitCode + "); output/notify/outbox/ keeps it");
			}
		}
		catch (IOException e) {
			note("cannot launch notify: " + e.getMessage());
		}
	}

	/**
	 * The night the schedule last called for before {@code now}, when it did not finish:
	 * it has no nightly run file, or one still marked STARTED (killed). Empty when it
	 * finished, completed or failed (a failed night sends its own alert), or when no
	 * nightly run ever ran in this workspace.
	 */
	static Optional<LocalDate> missedNight(CronExpression cron, ZoneId zone, ZonedDateTime now, Path home) {
		ZonedDateTime last = null;
		ZonedDateTime fire = cron.next(now.minusDays(35));
		for (int i = 0; fire != null && !fire.isAfter(now) && i < 100_000; i++) {
			last = fire;
			fire = cron.next(fire);
		}
		Path runs = home.resolve("output").resolve("runs");
		if (last == null || !Files.isDirectory(runs)) {
			return Optional.empty();
		}
		try (Stream<Path> dates = Files.list(runs)) {
			if (dates.noneMatch(date -> Files.exists(date.resolve(NightlyJobConfiguration.JOB_NAME + ".json")))) {
				return Optional.empty();
			}
		}
		catch (IOException e) {
			return Optional.empty();
		}
		LocalDate night = last.withZoneSameInstant(zone).toLocalDate();
		Path runFile = runs.resolve(night.toString()).resolve(NightlyJobConfiguration.JOB_NAME + ".json");
		if (!Files.exists(runFile)) {
			return Optional.of(night);
		}
		JsonNode status = JsonMapper.builder().build().readTree(runFile.toFile()).get("status");
		return status != null && status.asString().equals("STARTED") ? Optional.of(night) : Optional.empty();
	}

	/** A launch of the application in a process of its own, as the scheduler's. */
	private List<String> command(String... arguments) {
		// the run gets the scheduler's own JVM options: its heap and collector
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.addAll(List.of("-jar", System.getProperty("java.class.path")));
		command.addAll(List.of(arguments));
		command.addAll(passOn);
		return command;
	}

	private void launch(LocalDate runDate) throws InterruptedException {
		List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> command = command(NightlyJobConfiguration.JOB_NAME, "run.date=" + runDate);
		note("launching the nightly run for run.date " + runDate + " (JVM options: " + String.join(" ", jvmOptions)
				+ ")");
		long start = System.nanoTime();
		try {
			int exitCode = new ProcessBuilder(command).inheritIO().start().waitFor();
			note(String.format("the nightly run for run.date %s ended with exit code %d (%s) after %.1fs", runDate,
					exitCode, meaning(exitCode), (System.nanoTime() - start) / 1e9));
		}
		catch (IOException e) {
			note("cannot launch the nightly run: " + e.getMessage());
		}
	}

	private static String meaning(int exitCode) {
		return Arrays.stream(ExitCode.values())
			.filter(code -> code.code() == exitCode)
			.map(code -> code.name().toLowerCase().replace('_', ' '))
			.findFirst()
			.orElse("killed or crashed");
	}

	private void note(String line) {
		String stamped = ZonedDateTime.now(zone).format(STAMP) + " " + line;
		System.out.println(stamped);
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, stamped + System.lineSeparator(), StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			System.err.println("optout-batch: cannot write " + log + ": " + e.getMessage());
		}
	}

}
