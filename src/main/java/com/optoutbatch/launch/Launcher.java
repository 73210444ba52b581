package com.optoutbatch.launch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import com.optoutbatch.fleet.Fleet;
import com.optoutbatch.launch.WorkspaceLock.WorkspaceBusyException;
import com.optoutbatch.notify.StartFailureAlert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line. {@code <jobName> [name=value ...] [--rerun]} runs a job,
 * {@code status [--failed]} lists recent runs, {@code schedule} launches the nightly run
 * on its cron expression, {@code notify [name=value ...]} sends a night's digest again or
 * a test message ({@link NotifyCommand}). The launcher takes the workspace, starts the
 * application with a log file of its own, turns the outcome into an exit code with a
 * one-line reason on stderr, and on SIGTERM stops the running job at a chunk boundary so
 * that it can be resumed ({@link StopOnSigterm}).
 */
public final class Launcher {

	static final String HOME_PROPERTY = "optout.home";

	static final String COMMAND_PROPERTY = "optout.launch.command";

	private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private Launcher() {
	}

	public static int launch(Class<?> application, String... args) {
		if (args.length > 0 && args[0].equals(NightlySchedule.COMMAND)) {
			return NightlySchedule.run(Arrays.copyOfRange(args, 1, args.length));
		}
		if (args.length > 0 && args[0].equals(Fleet.WORKER_COMMAND)) {
			return fleet(application, args, null);
		}
		if (args.length > 0 && args[0].equals(RunStatusCommand.COMMAND)) {
			return run(application, args, RunStatusCommand.COMMAND, home(args),
					Map.of("spring.main.log-startup-info", "false", "logging.level.com.optoutbatch", "WARN"));
		}
		JobCommand command;
		try {
			command = JobCommand.parse(args);
		}
		catch (IllegalArgumentException e) {
			return fail(ExitCode.USAGE, e.getMessage());
		}
		if (command.jobName().equals(Fleet.JOB_NAME)) {
			return fleet(application, args, command);
		}
		Path home = home(args);
		if (DeclaredParameters.isCommand(command.jobName())) {
			return run(application, args, command.jobName(), home,
					Map.of("logging.file.name", logFile(home, command).toString()));
		}
		return run(application, args, command.jobName(), home, Map.of(JobRunner.JOB_PROPERTY, command.jobName(),
				"logging.file.name", logFile(home, command).toString()));
	}

	/**
	 * A fleet's nightly run ({@code command}) or, without a command, a worker; both in
	 * the fleet folder, on the shared PostgreSQL ({@link Fleet}).
	 */
	private static int fleet(Class<?> application, String[] args, JobCommand command) {
		Path fleet;
		try {
			fleet = Fleet.folder(args);
		}
		catch (IllegalArgumentException e) {
			return fail(ExitCode.USAGE, e.getMessage());
		}
		Map<String, Object> properties = new HashMap<>(Fleet.properties(fleet));
		if (command == null) {
			return worker(application, Fleet.inFolder(args, fleet), fleet, properties);
		}
		properties.put(JobRunner.JOB_PROPERTY, command.jobName());
		properties.put("logging.file.name", logFile(fleet, command).toString());
		return run(application, Fleet.inFolder(args, fleet), command.jobName(), fleet, properties,
				app -> Fleet.setUp(app, Fleet.FLEET_PROFILES));
	}

	/**
	 * A worker of a fleet: runs the sellers' nights it is sent, one at a time, until it
	 * is stopped. It holds no workspace; each seller's night takes its own.
	 */
	private static int worker(Class<?> application, String[] args, Path fleet, Map<String, Object> properties) {
		properties.put(HOME_PROPERTY, fleet.toString());
		properties.put(COMMAND_PROPERTY, Fleet.WORKER_COMMAND);
		properties.put("logging.file.name", fleet.resolve("output/logs")
			.resolve("worker-" + ProcessHandle.current().pid() + "-" + LocalDateTime.now().format(LOG_STAMP) + ".log")
			.toString());
		SpringApplication app = new SpringApplication(application);
		app.setDefaultProperties(properties);
		Fleet.setUp(app, Fleet.WORKER_PROFILES);
		CountDownLatch closed = new CountDownLatch(1);
		app.addListeners((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
		try {
			app.run(args);
			closed.await();
			return ExitCode.COMPLETED.code();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return ExitCode.FAILED.code();
		}
		catch (Exception e) {
			return fail(ExitCode.FAILED, "cannot run the worker: " + FailureCauses.describe(e, fleet));
		}
	}

	/**
	 * One seller's nightly run in a fleet worker: as a nightly run launched by hand, in
	 * the worker's process, its log lines in the worker's log. The properties point it at
	 * the seller's schema.
	 * @return the exit code the nightly run would have ended with
	 */
	public static int sellerNight(Class<?> application, Path home, Map<String, Object> properties, String... args) {
		WorkspaceLock lock;
		try {
			lock = WorkspaceLock.acquire(home, NightlyJobConfiguration.JOB_NAME);
		}
		catch (WorkspaceBusyException e) {
			return fail(ExitCode.WORKSPACE_BUSY, e.getMessage());
		}
		catch (Exception e) {
			return fail(ExitCode.FAILED, "cannot use workspace " + home + ": " + FailureCauses.describe(e, home));
		}
		try {
			Map<String, Object> defaults = new HashMap<>(properties);
			defaults.put(JobRunner.JOB_PROPERTY, NightlyJobConfiguration.JOB_NAME);
			defaults.put(COMMAND_PROPERTY, NightlyJobConfiguration.JOB_NAME);
			SpringApplication app = new SpringApplication(application);
			app.setDefaultProperties(defaults);
			app.setAdditionalProfiles(Fleet.SELLER_PROFILES);
			app.setRegisterShutdownHook(false);
			// the worker's logging stays as it is: a seller's night logs where the worker
			// does
			app.setListeners(app.getListeners()
				.stream()
				.filter(listener -> !(listener instanceof LoggingApplicationListener))
				.toList());
			try (ConfigurableApplicationContext context = app.run(args)) {
				return SpringApplication.exit(context);
			}
			catch (Exception e) {
				return fail(ExitCode.FAILED,
						"cannot run the nightly run of " + home + ": " + FailureCauses.describe(e, home));
			}
		}
		finally {
			try {
				lock.release();
			}
			catch (Exception ignored) {
				// the lock's file is closed with the process at the latest
			}
		}
	}

	private static int run(Class<?> application, String[] args, String name, Path home,
			Map<String, Object> properties) {
		return run(application, args, name, home, properties, app -> {
		});
	}

	private static int run(Class<?> application, String[] args, String name, Path home, Map<String, Object> properties,
			Consumer<SpringApplication> setUp) {
		WorkspaceLock lock;
		try {
			lock = WorkspaceLock.acquire(home, name);
		}
		catch (WorkspaceBusyException e) {
			return fail(ExitCode.WORKSPACE_BUSY, e.getMessage());
		}
		catch (Exception e) {
			return fail(ExitCode.FAILED, "cannot use workspace " + home + ": " + FailureCauses.describe(e, home));
		}
		StopOnSigterm stop = StopOnSigterm.install();
		int exitCode = ExitCode.FAILED.code();
		try {
			exitCode = runApplication(application, args, name, home, properties, stop, setUp);
		}
		finally {
			try {
				lock.release();
			}
			catch (Exception ignored) {
				// the process is ending: the OS releases the lock anyway
			}
			stop.finished(exitCode);
		}
		return exitCode;
	}

	private static int runApplication(Class<?> application, String[] args, String name, Path home,
			Map<String, Object> properties, StopOnSigterm stop, Consumer<SpringApplication> setUp) {
		Map<String, Object> defaults = new HashMap<>(properties);
		defaults.put(HOME_PROPERTY, home.toString());
		defaults.put(COMMAND_PROPERTY, name);
		SpringApplication app = new SpringApplication(application);
		app.setDefaultProperties(defaults);
		setUp.accept(app);
		app.setRegisterShutdownHook(false);
		app.addListeners(stop);
		try (ConfigurableApplicationContext context = app.run(args)) {
			return SpringApplication.exit(context);
		}
		catch (Exception e) {
			String reason = "cannot run " + name + ": " + FailureCauses.describe(e, home);
			int exitCode = fail(ExitCode.FAILED, reason);
			if (name.equals(NightlyJobConfiguration.JOB_NAME)) {
				// the exit code is decided; the night's own notifications never started
				StartFailureAlert.send(args, defaults, JobCommand.parse(args).runDate(), reason);
			}
			return exitCode;
		}
	}

	/**
	 * The workspace: {@code --optout.home=}, the system property, {@code OPTOUT_HOME}, or
	 * the working folder.
	 */
	static Path home(String... args) {
		String home = Arrays.stream(args)
			.filter(arg -> arg.startsWith("--" + HOME_PROPERTY + "="))
			.map(arg -> arg.substring(HOME_PROPERTY.length() + 3))
			.findFirst()
			.orElse(System.getProperty(HOME_PROPERTY, System.getenv().getOrDefault("OPTOUT_HOME", ".")));
		return Path.of(home).toAbsolutePath().normalize();
	}

	private static Path logFile(Path home, JobCommand command) {
		return home.resolve("output/logs")
			.resolve(
					command.jobName() + "-" + command.runDate() + "-" + LocalDateTime.now().format(LOG_STAMP) + ".log");
	}

	static int fail(ExitCode exitCode, String reason) {
		System.err.println("optout-batch: " + reason);
		return exitCode.code();
	}

}
