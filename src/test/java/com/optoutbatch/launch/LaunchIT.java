package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.optoutbatch.launch.ApplicationProcess.orderRows;
import static com.optoutbatch.launch.ApplicationProcess.run;
import static com.optoutbatch.launch.ApplicationProcess.start;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built application, launched as users and cron launch it, on workspaces of its own.
 */
class LaunchIT {

	static final String RUN_DATE = "run.date=2026-11-26";

	@TempDir
	Path home;

	@Test
	void nightlyOnTheSampleCompletesThenRefusesToRunTheSameDateTwice() throws Exception {
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));

		Result first = run(home, "nightly", RUN_DATE);
		assertThat(first.exitCode()).as(first.stderr()).isZero();
		assertThat(home.resolve("output/runs/2026-11-26/nightly.json")).exists();
		JsonNode orders = JsonMapper.builder()
			.build()
			.readTree(home.resolve("output/runs/2026-11-26/importOrders.json").toFile());
		assertThat(orders.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(orders.get("totals").get("read").asLong()).isEqualTo(22);
		assertThat(first.stdout().lines().reduce((before, last) -> last))
			.hasValueSatisfying(last -> assertThat(last).as("the launch ends with one summary line")
				.startsWith("optout-batch: nightly 2026-11-26 completed in ")
				.containsPattern("\\d+ new opt-outs?, \\d+ restriction notices?, \\d+ violations?, 5 lists cleaned")
				.endsWith("; report output/reports/2026-11-26/index.html"));
		try (Stream<Path> logs = Files.list(home.resolve("output/logs"))) {
			assertThat(logs).hasSize(1);
		}

		Result again = run(home, "nightly", RUN_DATE);
		assertThat(again.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
		assertThat(again.stderr()).contains("already completed for run.date 2026-11-26").contains("--rerun");

		Result rerun = run(home, "nightly", RUN_DATE, "--rerun");
		assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
		assertThat(rerun.stdout()).contains("Starting nightly for run.date 2026-11-26 (attempt 2)");
	}

	@Test
	void unknownJobOrBadParameterIsAUsageError() throws Exception {
		Result unknown = run(home, "importEverything");
		assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(unknown.stderr()).contains("no job named 'importEverything'").contains("importOrders");

		Result badDate = run(home, "importOrders", "run.date=tomorrow");
		assertThat(badDate.exitCode()).isEqualTo(ExitCode.USAGE.code());
		assertThat(badDate.stderr().lines()).hasSize(1);
	}

	@Test
	void secondRunOnABusyWorkspaceRefusesWithItsOwnExitCode() throws Exception {
		Files.createDirectories(home.resolve("output"));
		try (FileChannel channel = FileChannel.open(home.resolve("output/.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			Result busy = run(home, "importOrders", RUN_DATE);
			assertThat(busy.exitCode()).isEqualTo(ExitCode.WORKSPACE_BUSY.code());
			assertThat(busy.stderr()).contains("is in use by another run");
		}
	}

	@Test
	void runKilledMidFileResumesAndEndsWithTheRowsOfAnUninterruptedRun(@TempDir Path reference) throws Exception {
		Path report = Files.createDirectories(home.resolve("input/orders")).resolve("large.txt");
		writeLargeReport(report, 60_000);
		TestWorkspace.copy(home.resolve("input"), reference.resolve("input"));

		Process killed = start(home, "killed", "importOrders", RUN_DATE);
		Path rejects = Path.of("output/rejects/importOrders/large.txt.rejects.csv");
		// the first broken line is an eighth of the way in: kill the run a moment after
		// it
		// (until its step completes, the rejects file is written as a partial file)
		while (killed.isAlive() && !Files.exists(home.resolve(rejects + ".partial"))) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
		TimeUnit.MILLISECONDS.sleep(300);
		assertThat(killed.isAlive()).as("still running when killed").isTrue();
		killed.destroyForcibly().waitFor();
		assertThat(home.resolve(rejects)).as("not published by a killed run").doesNotExist();

		Result resumed = run(home, "importOrders", RUN_DATE);
		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		assertThat(resumed.stdout()).contains("Recovering importOrders")
			.contains("Resuming importOrders")
			.contains("large.txt: resuming after line");
		Result uninterrupted = run(reference, "importOrders", RUN_DATE);
		assertThat(uninterrupted.exitCode()).isZero();

		assertThat(orderRows(home)).hasSize(60_000).isEqualTo(orderRows(reference));
		assertThat(Files.readAllLines(home.resolve(rejects))).hasSize(5)
			.isEqualTo(Files.readAllLines(reference.resolve(rejects)));
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(home.resolve("output/runs/2026-11-26/importOrders.json").toFile());
		assertThat(run.get("totals").get("read").asLong()).isEqualTo(60_004);
		assertThat(run.get("totals").get("rejected").asLong()).isEqualTo(4);
	}

	private static void writeLargeReport(Path report, int orders) throws IOException {
		StringBuilder lines = new StringBuilder("order-id\tpurchase-date\tbuyer-email\tbuyer-name\tsales-channel\n");
		for (int i = 0; i < orders; i++) {
			lines.append(String.format(
					"112-%07d-%07d\t2026-11-02T10:%02d:00Z\tb%d@marketplace.amazon.com\tName %d\tAmazon.com%n", i, i,
					i % 60, i, i));
			if (i % 15_000 == 7_500) {
				lines.append("112-broken\t2026-11-02\t\t\t\n");
			}
		}
		Files.writeString(report, lines);
	}

}
