package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.optoutbatch.launch.ApplicationProcess.await;
import static com.optoutbatch.launch.ApplicationProcess.orderRows;
import static com.optoutbatch.launch.ApplicationProcess.run;
import static com.optoutbatch.launch.ApplicationProcess.start;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run left unattended: killed, stopped, launched twice, launched by the
 * scheduler.
 */
class NightlyOperationsIT {

	static final String RUN_DATE = "run.date=2026-11-26";

	static final String NEXT_RUN_DATE = "run.date=2026-11-27";

	static final int LARGE_REPORT_ORDERS = 60_000;

	@TempDir
	Path home;

	@TempDir
	Path reference;

	@BeforeEach
	void sampleWorkspaceWithALargeReport() throws IOException {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));
		StringBuilder lines = new StringBuilder("order-id\tpurchase-date\tbuyer-email\n");
		for (int i = 0; i < LARGE_REPORT_ORDERS; i++) {
			lines.append(String.format("171-%07d-%07d\t2026-11-03T10:00:00Z\tl%d@marketplace.amazon.com%n", i, i, i));
			if (i % 10_000 == 5_000) {
				lines.append("171-broken\t2026-11-03\t\n");
			}
		}
		Files.writeString(home.resolve("input/orders/zz-large.txt"), lines);
		TestWorkspace.copy(home.resolve("input"), reference.resolve("input"));
	}

	@Test
	void nightlyKilledAtSeveralPointsEndsWithTheOutputsOfAnUninterruptedRun() throws Exception {
		// the rejects file as its step writes it, before it is published
		Path rejects = home.resolve("output/rejects/importOrders/zz-large.txt.rejects.csv.partial");
		// while the application starts; a little into the large report; further into it
		killWhen(start(home, "killed", "nightly", RUN_DATE), () -> true, 1_500);
		killWhen(start(home, "killed", "nightly", RUN_DATE), () -> Files.exists(rejects), 0);
		killWhen(start(home, "killed", "nightly", RUN_DATE), () -> lineCount(rejects) >= 4, 0);
		assertThat(home.resolve("output/rejects/importOrders/zz-large.txt.rejects.csv")).doesNotExist();

		Result resumed = run(home, "nightly", RUN_DATE);
		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		assertThat(resumed.stdout()).contains("Resuming nightly");
		Result uninterrupted = run(reference, "nightly", RUN_DATE);
		assertThat(uninterrupted.exitCode()).isZero();

		assertThat(outputs(home)).isEqualTo(outputs(reference))
			.containsKey("rejects/importOrders/zz-large.txt.rejects.csv");
		assertThat(orderRows(home)).hasSize(LARGE_REPORT_ORDERS + 12).isEqualTo(orderRows(reference));
	}

	@Test
	void aSecondNightKilledWhileItReadsTheNewReportResumesSkippingWhatTheFirstRead() throws Exception {
		// the first night reads the sample; the large report arrives for the second
		Path largeReport = Files.move(home.resolve("input/orders/zz-large.txt"), home.resolve("zz-large.txt"));
		TestWorkspace.delete(reference.resolve("input/orders/zz-large.txt"));
		assertThat(run(home, "nightly", RUN_DATE).exitCode()).isZero();
		assertThat(run(reference, "nightly", RUN_DATE).exitCode()).isZero();
		Files.copy(largeReport, reference.resolve("input/orders/zz-large.txt"));
		Files.move(largeReport, home.resolve("input/orders/zz-large.txt"));

		Path rejects = home.resolve("output/rejects/importOrders/zz-large.txt.rejects.csv.partial");
		killWhen(start(home, "killed", "nightly", NEXT_RUN_DATE), () -> lineCount(rejects) >= 4, 0);
		Result resumed = run(home, "nightly", NEXT_RUN_DATE);
		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		assertThat(resumed.stdout()).contains("Resuming nightly");
		assertThat(run(reference, "nightly", NEXT_RUN_DATE).exitCode()).isZero();

		JsonNode importOrders = JsonMapper.builder()
			.build()
			.readTree(home.resolve("output/runs/2026-11-27/importOrders.json").toFile());
		assertThat(importOrders.get("inputs")).extracting(input -> input.get("file").asString())
			.containsExactly("zz-large.txt");
		assertThat(importOrders.get("unchanged")).isNotEmpty()
			.allSatisfy(input -> assertThat(input.get("readOn").asString()).isEqualTo("2026-11-26"));
		assertThat(outputs(home)).isEqualTo(outputs(reference));
		assertThat(orderRows(home)).hasSize(LARGE_REPORT_ORDERS + 12).isEqualTo(orderRows(reference));
	}

	@Test
	void sigtermStopsTheRunAtAChunkBoundaryAndTheNextLaunchResumesIt() throws Exception {
		Process running = start(home, "stopped", "nightly", RUN_DATE);
		waitFor(() -> Files.exists(home.resolve("output/rejects/importOrders/zz-large.txt.rejects.csv.partial")),
				running);
		running.destroy();
		Result stopped = await(running, home, "stopped");
		assertThat(stopped.exitCode()).isEqualTo(ExitCode.FAILED.code());
		assertThat(stopped.stderr()).contains("nightly STOPPED: stopped on request");
		Result needsAttention = run(home, "status", "--failed");
		assertThat(needsAttention.stdout()).contains("2026-11-26  nightly ").contains("STOPPED");

		Result resumed = run(home, "nightly", RUN_DATE);
		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		assertThat(resumed.stdout()).contains("Resuming nightly").doesNotContain("Recovering");
		assertThat(orderRows(home)).hasSize(LARGE_REPORT_ORDERS + 12);
		assertThat(run(home, "status", "--failed").stdout()).contains("no run needs attention");
	}

	@Test
	void aSecondNightlyLaunchWhileOneRunsRefusesWithItsOwnExitCode() throws Exception {
		Process first = start(home, "first", "nightly", RUN_DATE);
		waitFor(() -> Files.exists(home.resolve("output/logs")), first);

		Result second = run(home, "nightly", RUN_DATE);
		assertThat(second.exitCode()).isEqualTo(ExitCode.WORKSPACE_BUSY.code());
		assertThat(second.stderr()).contains("is in use by another run (pid " + first.pid() + ", nightly");
		assertThat(await(first, home, "first").exitCode()).isZero();
	}

	@Test
	void schedulerLaunchesTheNightlyRunOnItsCronAndRunsByHandStillWork() throws Exception {
		TestWorkspace.delete(home.resolve("input/orders/zz-large.txt"));
		Process scheduler = start(home, "scheduler", "schedule", "--optout.schedule.cron=*/4 * * * * *");
		try {
			Path log = home.resolve("output/logs/schedule.log");
			waitFor(() -> Files.exists(log) && read(log).contains("ended with exit code 0"), scheduler);
			assertThat(read(log)).contains("(JVM options: " + ApplicationProcess.JVM_OPTIONS);
			// a firing that started meanwhile holds the workspace for a moment: a run by
			// hand
			// is refused then, as any second run is, and works once it is free
			Result byHand = run(home, "status");
			for (int tries = 0; byHand.exitCode() == ExitCode.WORKSPACE_BUSY.code() && tries < 20; tries++) {
				TimeUnit.MILLISECONDS.sleep(500);
				byHand = run(home, "status");
			}
			assertThat(byHand.exitCode()).as(byHand.stderr()).isZero();
			assertThat(byHand.stdout()).contains("nightly ").contains("COMPLETED");
			// the next firing finds the date done and the scheduler carries on
			waitFor(() -> read(log).contains("ended with exit code 4 (already completed)"), scheduler);
			assertThat(scheduler.isAlive()).isTrue();
		}
		finally {
			scheduler.destroyForcibly().waitFor();
		}
	}

	private static void killWhen(Process process, BooleanSupplier condition, long delayMillis) throws Exception {
		waitFor(condition, process);
		TimeUnit.MILLISECONDS.sleep(delayMillis);
		assertThat(process.isAlive()).as("still running when killed").isTrue();
		process.destroyForcibly().waitFor();
	}

	private static void waitFor(BooleanSupplier condition, Process process) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (!condition.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	/** Every file a run writes that must not depend on how often it was interrupted. */
	private static Map<String, String> outputs(Path home) throws IOException {
		Path output = home.resolve("output");
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(output)) {
			for (Path file : paths.filter(Files::isRegularFile).toList()) {
				String name = output.relativize(file).toString();
				// hidden: the lock, and what a kept output was made from, which holds
				// when a
				// file was last read
				if (!name.startsWith("db/") && !name.startsWith("logs/") && !name.startsWith("runs/")
						&& !name.startsWith("reports/") && !file.getFileName().toString().startsWith(".")) {
					// byte for byte: some outputs keep a legacy charset
					files.put(name, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
				}
			}
		}
		return files;
	}

	private static long lineCount(Path file) {
		return Files.exists(file) ? read(file).lines().count() : 0;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			return "";
		}
	}

}
