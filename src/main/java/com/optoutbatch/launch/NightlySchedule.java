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
import java.util.List;

import com.optoutbatch.support.InvalidConfiguration;

import org.springframework.scheduling.support.CronExpression;

/**
 * {@code schedule}: a long-running process for hosts without cron. It launches the
 * nightly run on {@code optout.schedule.cron} (default 02:30 every night) in the zone
 * {@code optout.schedule.zone} (default the host's; {@link ScheduleSettings}), each run
 * in a process of its own, and goes on whatever a run's outcome. Between runs it holds
 * neither the workspace nor the database, so runs by hand work as usual; a run by hand
 * that overlaps a scheduled one is refused with exit code 3, and the other way round.
 */
final class NightlySchedule {

	static final String COMMAND = "schedule";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final CronExpression cron;

	private final ZoneId zone;

	private final List<String> passOn;

	private final Path log;

	private NightlySchedule(CronExpression cron, ZoneId zone, List<String> passOn, Path log) {
		this.cron = cron;
		this.zone = zone;
		this.passOn = passOn;
		this.log = log;
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

	private void launch(LocalDate runDate) throws InterruptedException {
		// the run gets the scheduler's own JVM options: its heap and collector
		List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", System.getProperty("java.class.path"), NightlyJobConfiguration.JOB_NAME,
				"run.date=" + runDate));
		command.addAll(passOn);
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
