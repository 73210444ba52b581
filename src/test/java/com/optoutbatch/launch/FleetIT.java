package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.optoutbatch.bench.Scale;
import com.optoutbatch.bench.SellerDataGenerator;
import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fleet on real servers: the RabbitMQ broker and the PostgreSQL server that
 * {@code scripts/test.sh} starts, the packaged application as the fleet run and as two
 * worker processes. Each seller's outputs are compared, byte for byte but for what
 * differs between any two runs ({@link SameOutputs}), with those of the same workspace's
 * nightly run launched by hand on the embedded database.
 */
class FleetIT {

	private static final String RUN_DATE = "2026-11-26";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path fleet;

	@TempDir
	Path alone;

	private final Map<String, String> environment = new HashMap<>();

	private final List<Process> workers = new ArrayList<>();

	private String database;

	@BeforeEach
	void servers() {
		boolean servers = TestWorkspace.postgresAvailable() && System.getenv("OPTOUT_TEST_RABBITMQ_PORT") != null;
		String missing = "RabbitMQ or PostgreSQL is not available (scripts/test.sh starts both)";
		// on CI, the fleet must have been tried
		assertThat(servers || !"true".equals(System.getenv("CI"))).as(missing).isTrue();
		assumeTrue(servers, missing + ": the fleet was not tried");
		database = TestWorkspace.newPostgresDatabase();
		environment.putAll(Map.of("OPTOUT_FLEET", fleet.toString(), "OPTOUT_DB_URL", database, "OPTOUT_DB_USER",
				TestWorkspace.postgresUser(), "OPTOUT_DB_PASSWORD", TestWorkspace.postgresPassword(),
				"SPRING_RABBITMQ_HOST", System.getenv("OPTOUT_TEST_RABBITMQ_HOST"), "SPRING_RABBITMQ_PORT",
				System.getenv("OPTOUT_TEST_RABBITMQ_PORT"), "SPRING_RABBITMQ_USERNAME",
				System.getenv("OPTOUT_TEST_RABBITMQ_USER"), "SPRING_RABBITMQ_PASSWORD",
				System.getenv("OPTOUT_TEST_RABBITMQ_PASSWORD"),
				// a queue of its own: what one test leaves in it is not the next one's
				"OPTOUT_FLEET_QUEUE", "optout.fleet.test-" + UUID.randomUUID(),
				// the JVM options of a fleet's processes (scripts/java-options.sh)
				"JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"));
	}

	@AfterEach
	void stopWorkers() throws InterruptedException {
		for (Process worker : workers) {
			worker.destroy();
			if (!worker.waitFor(30, TimeUnit.SECONDS)) {
				worker.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void twoWorkersRunEverySellersNightAsTheSellerWouldAloneThoughOneIsKilledInTheMiddleOfOne() throws Exception {
		List<String> sellers = List.of("big", "shop-a", "shop-b");
		generate("big", Scale.S, 7);
		generate("shop-a", Scale.T, 100);
		generate("shop-b", Scale.T, 101);
		startWorkers(2);
		Process run = ApplicationProcess.start(fleet, "fleet", environment, "fleetNightly", "run.date=" + RUN_DATE);

		// the big seller's night has committed chunks: kill its worker
		while (committedChunks("seller_big") < 3) {
			assertThat(run.isAlive()).as("the fleet run is still waiting").isTrue();
			TimeUnit.MILLISECONDS.sleep(100);
		}
		Process killed = workerRunning("big");
		killed.destroyForcibly().waitFor();

		Result result = ApplicationProcess.await(run, fleet, "fleet");
		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(result.stdout()).contains("fleetNightly " + RUN_DATE + " completed");
		for (String seller : sellers) {
			assertSameOutputsAsAlone(seller);
		}
		String survivor = workerLogs().stream().filter(log -> log.contains("Seller big")).reduce("", String::concat);
		assertThat(survivor).as("the other worker recovered the night and resumed it")
			.contains("Recovering nightly")
			.contains("Resuming nightly");
		JsonNode summary = JSON.readTree(fleet.resolve("reports/" + RUN_DATE + "/summary.json").toFile());
		assertThat(summary.get("sellers"))
			.extracting(seller -> seller.get("seller").asString() + " " + seller.get("outcome").asString())
			.containsExactlyInAnyOrder("big COMPLETED", "shop-a COMPLETED", "shop-b COMPLETED");
		assertThat(fleet.resolve("reports/" + RUN_DATE + "/index.html")).exists();

		Result again = fleetNightly();
		assertThat(again.exitCode()).as(again.stderr()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
	}

	@Test
	void aSellerWhoseNightFailsLeavesTheOthersCompletedAndTheFleetRunFailed() throws Exception {
		generate("good", Scale.T, 9);
		Path orders = Files.createDirectories(fleet.resolve("broken/input/orders")).resolve("orders.txt");
		StringBuilder unreadable = new StringBuilder("order-id\tpurchase-date\tbuyer-email\tsales-channel\n");
		for (int i = 0; i < 20; i++) {
			unreadable.append("112-broken-").append(i).append("\tnot a date\t\t\n");
		}
		Files.writeString(orders, unreadable);
		startWorkers(1);

		Result run = fleetNightly();

		assertThat(run.exitCode()).as(run.stdout()).isEqualTo(ExitCode.FAILED.code());
		assertThat(run.stderr()).contains("fleetNightly FAILED: 1 of 2 sellers did not complete: broken (failed: "
				+ "importOrders FAILED: 20 of 20 input records rejected");
		JsonNode good = JSON.readTree(fleet.resolve("good/output/runs/" + RUN_DATE + "/nightly.json").toFile());
		assertThat(good.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(fleet.resolve("good/output/reports/" + RUN_DATE + "/index.html")).exists();
		JsonNode summary = JSON.readTree(fleet.resolve("reports/" + RUN_DATE + "/summary.json").toFile());
		assertThat(summary.get("sellers"))
			.extracting(seller -> seller.get("seller").asString() + " " + seller.get("outcome").asString())
			.containsExactlyInAnyOrder("broken FAILED", "good COMPLETED");
	}

	private void generate(String seller, Scale scale, long seed) throws IOException {
		new SellerDataGenerator(scale, seed).write(fleet.resolve(seller));
	}

	/** Starts the workers and waits until each takes the sellers' nights. */
	private void startWorkers(int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			workers.add(ApplicationProcess.start(fleet, "worker-" + i, environment, "worker"));
		}
		for (int i = 0; i < count; i++) {
			Path log = fleet.resolve("worker-" + (i + 1) + ".stdout.txt");
			while (!Files.readString(log).contains("Started OptOutBatchApplication")) {
				assertThat(workers.get(i).isAlive()).as(Files.readString(log)).isTrue();
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
	}

	private Result fleetNightly() throws Exception {
		return ApplicationProcess.await(
				ApplicationProcess.start(fleet, "fleet", environment, "fleetNightly", "run.date=" + RUN_DATE), fleet,
				"fleet");
	}

	/** The seller's nightly run launched by hand, alone, on a copy of its inputs. */
	private void assertSameOutputsAsAlone(String seller) throws Exception {
		Path home = alone.resolve(seller);
		TestWorkspace.copy(fleet.resolve(seller).resolve("input"), home.resolve("input"));
		Result run = ApplicationProcess
			.await(ApplicationProcess.start(home, "nightly", "nightly", "run.date=" + RUN_DATE), home, "nightly");
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		assertThat(SameOutputs.differences(home, fleet.resolve(seller)))
			.as("outputs of " + seller + " in the fleet that differ from its night alone")
			.isEmpty();
	}

	/** The chunks the seller's jobs committed so far. */
	private long committedChunks(String schema) throws Exception {
		try (Connection connection = DriverManager.getConnection(database, TestWorkspace.postgresUser(),
				TestWorkspace.postgresPassword());
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT COALESCE(SUM(commit_count), 0) FROM " + schema + ".batch_step_execution")) {
			result.next();
			return result.getLong(1);
		}
		catch (java.sql.SQLException notYetCreated) {
			return 0;
		}
	}

	private Process workerRunning(String seller) throws IOException {
		for (int i = 0; i < workers.size(); i++) {
			String log = Files.readString(fleet.resolve("worker-" + (i + 1) + ".stdout.txt"));
			if (log.contains("Seller " + seller + ": nightly run")
					&& !log.contains("Seller " + seller + ": nightly run ended")) {
				return workers.get(i);
			}
		}
		throw new AssertionError("no worker is running the night of " + seller);
	}

	private List<String> workerLogs() throws IOException {
		List<String> logs = new ArrayList<>();
		for (int i = 1; i <= workers.size(); i++) {
			logs.add(Files.readString(fleet.resolve("worker-" + i + ".stdout.txt")));
		}
		return logs;
	}

}
