package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives each test application context a fresh workspace in a temporary folder and, when
 * the suite runs against PostgreSQL, a fresh database; and helps tests fill and empty it.
 */
public class TestWorkspace implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final Path SAMPLE_INPUT = Path.of("input").toAbsolutePath();

	private static final String POSTGRES_URL = "OPTOUT_TEST_POSTGRES_URL";

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("optout.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		try {
			properties.put("optout.home", Files.createTempDirectory("optout-test-").toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (onPostgres()) {
			if (!postgresAvailable()) {
				throw new IllegalStateException(POSTGRES_URL + " is not set: start PostgreSQL with scripts/test.sh");
			}
			properties.put("spring.datasource.url", newPostgresDatabase());
			properties.put("spring.datasource.username", postgresUser());
			properties.put("spring.datasource.password", postgresPassword());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testWorkspace", properties));
	}

	/**
	 * Whether the build started a PostgreSQL server for the tests
	 * ({@code scripts/test.sh} does).
	 */
	public static boolean postgresAvailable() {
		return System.getenv(POSTGRES_URL) != null;
	}

	/** Creates an empty database on the test server and returns its JDBC URL. */
	public static String newPostgresDatabase() {
		String url = System.getenv(POSTGRES_URL);
		String database = "optout_test_" + System.nanoTime();
		try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create test database on " + url, e);
		}
		return url.replaceAll("/[^/?]*(\\?.*)?$", "/" + database + "$1");
	}

	public static String postgresUser() {
		return System.getenv().getOrDefault("OPTOUT_TEST_POSTGRES_USER", "optout");
	}

	public static String postgresPassword() {
		return System.getenv().getOrDefault("OPTOUT_TEST_POSTGRES_PASSWORD", "optout");
	}

	/**
	 * The bundled sample as the only input of an emptied workspace, with nothing stored
	 * of an earlier night.
	 */
	public static void sampleOnly(Workspace workspace, JdbcTemplate jdbc) {
		reset(workspace, jdbc, "reported_opt_outs", "campaign_held_rows", "restriction_notices", "opt_outs",
				"seller_labels", "messages", "orders");
		copy(SAMPLE_INPUT, workspace.home().resolve("input"));
	}

	/**
	 * Empties the workspace, its input ledger and the given product tables, so that each
	 * test starts from nothing.
	 */
	public static void reset(Workspace workspace, JdbcTemplate jdbc, String... tables) {
		delete(workspace.home().resolve("input"));
		try (Stream<Path> outputs = Files.list(Files.createDirectories(workspace.home().resolve("output")))) {
			outputs.filter(path -> !path.getFileName().toString().equals("db")).forEach(TestWorkspace::delete);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// what the ledger says of the inputs went with them
		jdbc.update("DELETE FROM input_ledger");
		for (String table : tables) {
			jdbc.update("DELETE FROM " + table);
		}
	}

	/**
	 * Copies a folder of the project's sample workspace, such as {@code orders}, into the
	 * test's workspace.
	 */
	public static void copySample(Workspace workspace, String kind) {
		copy(SAMPLE_INPUT.resolve(kind), workspace.input(kind));
	}

	public static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
