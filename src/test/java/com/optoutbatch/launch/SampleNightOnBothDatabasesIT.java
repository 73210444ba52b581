package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample night on the embedded HSQLDB and on PostgreSQL writes the same bytes. Left
 * out of the comparison, as they differ from one run to the next on the same database
 * too:
 * <ul>
 * <li>{@code output/db/}: the embedded database's own files; PostgreSQL keeps its data on
 * the server;
 * <li>{@code output/logs/}: every line carries the time, and the log names the database;
 * <li>{@code output/.lock}: the process id and start time of the last run;
 * <li>{@code messages/.classified.csv.version} and {@code reports/.last-review.json}:
 * what the classified messages and the report's review were made from, which holds when a
 * file was last read into the database;
 * <li>in the run files, {@code startedAt}, {@code endedAt} and {@code seconds}: when each
 * job ran and for how long.
 * </ul>
 */
class SampleNightOnBothDatabasesIT {

	static final String RUN_DATE = "2026-11-27";

	static final Set<String> RUN_TIMES = Set.of("startedAt", "endedAt", "seconds");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void sampleNightWritesTheSameOutputsOnHsqldbAndPostgres(@TempDir Path hsqldb, @TempDir Path postgres)
			throws Exception {
		assumeTrue(TestWorkspace.postgresAvailable(),
				"PostgreSQL is not available (OPTOUT_TEST_POSTGRES_URL is not set; "
						+ "scripts/test.sh starts one): the sample night's outputs were not compared between the two databases");
		Result onHsqldb = nightly(hsqldb, Map.of());
		Result onPostgres = nightly(postgres,
				Map.of("SPRING_PROFILES_ACTIVE", "postgres", "OPTOUT_DB_URL", TestWorkspace.newPostgresDatabase(),
						"OPTOUT_DB_USER", TestWorkspace.postgresUser(), "OPTOUT_DB_PASSWORD",
						TestWorkspace.postgresPassword()));

		assertThat(onPostgres.exitCode()).as(onPostgres.stderr()).isEqualTo(onHsqldb.exitCode());
		assertThat(hsqldb.resolve("output/reports/" + RUN_DATE + "/index.html")).as(onHsqldb.stderr()).exists();
		assertThat(postgres.resolve("output/reports/" + RUN_DATE + "/index.html")).as(onPostgres.stderr()).exists();
		Set<String> files = compared(hsqldb.resolve("output"));
		assertThat(compared(postgres.resolve("output"))).containsExactlyElementsOf(files);
		assertThat(files).contains("messages/classified.csv", "optouts/opt-outs.csv",
				"reports/" + RUN_DATE + "/violations.csv", "runs/" + RUN_DATE + "/nightly.json");
		List<String> differences = new ArrayList<>();
		for (String file : files) {
			String difference = difference(file, hsqldb.resolve("output").resolve(file),
					postgres.resolve("output").resolve(file));
			if (difference != null) {
				differences.add(difference);
			}
		}
		assertThat(differences).as("outputs that differ between HSQLDB and PostgreSQL").isEmpty();
	}

	private static Result nightly(Path home, Map<String, String> database) throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));
		return ApplicationProcess.await(
				ApplicationProcess.start(home, "nightly", database, "nightly", "run.date=" + RUN_DATE), home,
				"nightly");
	}

	/**
	 * The files of an output folder that the comparison covers, by path relative to it.
	 */
	private static Set<String> compared(Path output) throws IOException {
		try (Stream<Path> files = Files.walk(output)) {
			return files.filter(Files::isRegularFile)
				.map(file -> output.relativize(file).toString().replace('\\', '/'))
				.filter(file -> !file.startsWith("db/") && !file.startsWith("logs/") && !file.equals(".lock")
						&& !file.equals("messages/.classified.csv.version")
						&& !file.equals("reports/.last-review.json"))
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	/** How the two versions of a file differ, or {@code null} when they do not. */
	private String difference(String file, Path onHsqldb, Path onPostgres) throws IOException {
		if (file.startsWith("runs/")) {
			JsonNode hsqldbRun = withoutRunTimes(json.readTree(onHsqldb.toFile()));
			JsonNode postgresRun = withoutRunTimes(json.readTree(onPostgres.toFile()));
			return hsqldbRun.equals(postgresRun) ? null
					: file + ": HSQLDB " + hsqldbRun + " but PostgreSQL " + postgresRun;
		}
		byte[] hsqldbBytes = Files.readAllBytes(onHsqldb);
		byte[] postgresBytes = Files.readAllBytes(onPostgres);
		if (Arrays.equals(hsqldbBytes, postgresBytes)) {
			return null;
		}
		String[] hsqldbLines = new String(hsqldbBytes, StandardCharsets.UTF_8).split("\n", -1);
		String[] postgresLines = new String(postgresBytes, StandardCharsets.UTF_8).split("\n", -1);
		int line = 0;
		while (line < hsqldbLines.length && line < postgresLines.length
				&& hsqldbLines[line].equals(postgresLines[line])) {
			line++;
		}
		return file + " line " + (line + 1) + ": HSQLDB «" + lineOf(hsqldbLines, line) + "» but PostgreSQL «"
				+ lineOf(postgresLines, line) + "»";
	}

	private static String lineOf(String[] lines, int line) {
		return line < lines.length ? lines[line].strip() : "(end of file)";
	}

	private static JsonNode withoutRunTimes(JsonNode run) {
		((ObjectNode) run).remove(RUN_TIMES);
		return run;
	}

}
