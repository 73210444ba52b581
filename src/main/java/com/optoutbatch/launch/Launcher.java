package com.optoutbatch.launch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.optoutbatch.launch.WorkspaceLock.WorkspaceBusyException;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line: parses the command, takes the workspace, starts the application with
 * a log file of its own, and turns the outcome into an exit code with a one-line reason on
 * stderr.
 */
public final class Launcher {

	static final String HOME_PROPERTY = "optout.home";

	private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private Launcher() {
	}

	public static int launch(Class<?> application, String... args) {
		JobCommand command;
		try {
			command = JobCommand.parse(args);
		}
		catch (IllegalArgumentException e) {
			return fail(ExitCode.USAGE, e.getMessage());
		}
		Path home = home(command);
		WorkspaceLock lock;
		try {
			lock = WorkspaceLock.acquire(home, command.jobName());
		}
		catch (WorkspaceBusyException e) {
			return fail(ExitCode.WORKSPACE_BUSY, e.getMessage());
		}
		catch (Exception e) {
			return fail(ExitCode.FAILED, "cannot use workspace " + home + ": " + e.getMessage());
		}
		try {
			SpringApplication app = new SpringApplication(application);
			app.setDefaultProperties(Map.of(HOME_PROPERTY, home.toString(), JobRunner.JOB_PROPERTY, command.jobName(),
					"logging.file.name", logFile(home, command).toString()));
			try (ConfigurableApplicationContext context = app.run(args)) {
				return SpringApplication.exit(context);
			}
		}
		catch (Exception e) {
			Throwable cause = e;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			return fail(ExitCode.FAILED, "cannot run " + command.jobName() + ": " + cause.getMessage());
		}
		finally {
			try {
				lock.release();
			}
			catch (Exception ignored) {
				// the process is ending: the OS releases the lock anyway
			}
		}
	}

	/** The workspace: {@code --optout.home=}, the system property, {@code OPTOUT_HOME}, or the working folder. */
	static Path home(JobCommand command) {
		String home = command.springArgs()
			.stream()
			.filter(arg -> arg.startsWith("--" + HOME_PROPERTY + "="))
			.map(arg -> arg.substring(HOME_PROPERTY.length() + 3))
			.findFirst()
			.orElse(System.getProperty(HOME_PROPERTY, System.getenv().getOrDefault("OPTOUT_HOME", ".")));
		return Path.of(home).toAbsolutePath().normalize();
	}

	private static Path logFile(Path home, JobCommand command) {
		return home.resolve("output/logs")
			.resolve(command.jobName() + "-" + command.runDate() + "-" + LocalDateTime.now().format(LOG_STAMP) + ".log");
	}

	static int fail(ExitCode exitCode, String reason) {
		System.err.println("optout-batch: " + reason);
		return exitCode.code();
	}

}
