package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged application run as a process on a workspace, as users and cron run it. */
final class ApplicationProcess {

	static final Path JAR = Path.of("target/optout-batch.jar").toAbsolutePath();

	static final String JVM_OPTIONS = "-Xmx1g";

	private ApplicationProcess() {
	}

	/**
	 * Starts the application; its stdout and stderr go to {@code <name>.stdout.txt} and
	 * {@code <name>.stderr.txt} in the workspace.
	 */
	static Process start(Path home, String name, String... args) throws IOException {
		return start(home, name, Map.of(), args);
	}

	/**
	 * Starts the application with {@code environment} added to its environment (the
	 * database to use, say).
	 */
	static Process start(Path home, String name, Map<String, String> environment, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of("java", JVM_OPTIONS, "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(home.resolve(name + ".stdout.txt").toFile())
			.redirectError(home.resolve(name + ".stderr.txt").toFile());
		builder.environment().putAll(environment);
		builder.environment().put("OPTOUT_HOME", home.toString());
		return builder.start();
	}

	static Result run(Path home, String... args) throws Exception {
		return await(start(home, "run", args), home, "run");
	}

	static Result await(Process process, Path home, String name) throws Exception {
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("ended in time").isTrue();
		return new Result(process.exitValue(), Files.readString(home.resolve(name + ".stdout.txt")),
				Files.readString(home.resolve(name + ".stderr.txt")));
	}

	/** The orders table of a workspace's embedded database, one line per row. */
	static List<String> orderRows(Path home) throws Exception {
		List<String> rows = new ArrayList<>();
		String url = "jdbc:hsqldb:file:" + home.resolve("output/db/optout") + ";readonly=true;shutdown=true";
		try (Connection connection = DriverManager.getConnection(url, "SA", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT order_id, marketplace, purchase_date, status, buyer_alias, source_file FROM orders ORDER BY order_id")) {
			while (result.next()) {
				rows.add(String.join("|", result.getString(1), result.getString(2), result.getString(3),
						String.valueOf(result.getString(4)), result.getString(5), result.getString(6)));
			}
		}
		return rows;
	}

	record Result(int exitCode, String stdout, String stderr) {
	}

}
