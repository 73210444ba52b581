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
 * The sample night on the embedded HSQLDB and on PostgreSQL writes the same bytes, but
 * for what differs from one run to the next on the same database too
 * ({@link SameOutputs}).
 */
class SampleNightOnBothDatabasesIT {

	static final String RUN_DATE = "2026-11-27";

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
		assertThat(SameOutputs.compared(hsqldb.resolve("output"))).contains("messages/classified.csv",
				"optouts/opt-outs.csv", "reports/" + RUN_DATE + "/violations.csv",
				"runs/" + RUN_DATE + "/nightly.json");
		assertThat(SameOutputs.differences(hsqldb, postgres)).as("outputs that differ between HSQLDB and PostgreSQL")
			.isEmpty();
	}

	private static Result nightly(Path home, Map<String, String> database) throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));
		return ApplicationProcess.await(
				ApplicationProcess.start(home, "nightly", database, "nightly", "run.date=" + RUN_DATE), home,
				"nightly");
	}

}
