package com.optoutbatch.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import com.optoutbatch.support.InvalidConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * How the launch starts a fleet's processes: the fleet run ({@value #JOB_NAME}), its
 * workers ({@value #WORKER_COMMAND}), and each seller's night in a worker. All of them
 * work on the shared PostgreSQL: the fleet's job repository in its own schema
 * ({@value #SCHEMA}), each seller's tables and runs in the seller's ({@link Seller}).
 */
public final class Fleet {

	public static final String JOB_NAME = "fleetNightly";

	public static final String WORKER_COMMAND = "worker";

	/**
	 * The exit code of a fleet run whose sellers did not all complete; its description
	 * says which.
	 */
	public static final String SELLERS_NOT_COMPLETED = "SELLERS_NOT_COMPLETED";

	/**
	 * The schema of the fleet's job repository: the fleet runs and their sellers' nights.
	 */
	static final String SCHEMA = "optout_fleet";

	public static final String[] FLEET_PROFILES = { "postgres", "fleet" };

	public static final String[] WORKER_PROFILES = { "postgres", "fleet", "worker" };

	public static final String[] SELLER_PROFILES = { "postgres" };

	private static final String FOLDER_PROPERTY = "optout.fleet.folder";

	private Fleet() {
	}

	/**
	 * The fleet folder: {@code --optout.fleet.folder=}, or {@code OPTOUT_FLEET}.
	 * @throws IllegalArgumentException when neither names an existing folder
	 */
	public static Path folder(String... args) {
		String folder = Arrays.stream(args)
			.filter(arg -> arg.startsWith("--" + FOLDER_PROPERTY + "="))
			.map(arg -> arg.substring(FOLDER_PROPERTY.length() + 3))
			.findFirst()
			.orElse(System.getenv().getOrDefault("OPTOUT_FLEET", ""));
		if (folder.isBlank()) {
			throw new IllegalArgumentException(
					"a fleet needs its folder: set OPTOUT_FLEET (each subfolder holding input/ is a seller)");
		}
		Path path = Path.of(folder).toAbsolutePath().normalize();
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("the fleet folder " + path + " (OPTOUT_FLEET) is not a folder");
		}
		return path;
	}

	/**
	 * The command line with the fleet folder as the workspace, where the fleet run keeps
	 * its log, its lock and its report.
	 */
	public static String[] inFolder(String[] args, Path fleet) {
		return Stream.concat(Arrays.stream(args), Stream.of("--optout.home=" + fleet)).toArray(String[]::new);
	}

	/** The settings of a fleet run's or a worker's own application. */
	public static Map<String, Object> properties(Path fleet) {
		return Map.of(FOLDER_PROPERTY, fleet.toString(), "spring.datasource.hikari.schema", SCHEMA,
				"spring.datasource.hikari.connection-init-sql", Seller.schemaCreation(SCHEMA));
	}

	/**
	 * Sets up a fleet run's or a worker's application: its profiles, and a refusal of any
	 * database but PostgreSQL before anything is written.
	 */
	public static void setUp(SpringApplication app, String... profiles) {
		app.setAdditionalProfiles(profiles);
		app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
			String url = event.getEnvironment().getProperty("spring.datasource.url", "");
			if (!url.startsWith("jdbc:postgresql:")) {
				throw new InvalidConfiguration("a fleet runs on a shared PostgreSQL, not on the embedded HSQLDB: "
						+ "set OPTOUT_DB_URL to a jdbc:postgresql: URL (scripts/fleet.sh services up prints one), got "
						+ (url.isEmpty() ? "nothing" : url.substring(0, url.indexOf(':', 5) + 1) + "…"));
			}
		});
	}

}
