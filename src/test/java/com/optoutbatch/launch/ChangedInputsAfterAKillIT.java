package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.optoutbatch.launch.ApplicationProcess.run;
import static com.optoutbatch.launch.ApplicationProcess.start;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built application killed while it cleans a large campaign list, the list edited and
 * another added before the next launch: that launch starts the run again and ends with
 * the outputs of an uninterrupted run on the lists as they are now.
 */
class ChangedInputsAfterAKillIT {

	static final String RUN_DATE = "run.date=2026-11-26";

	static final String HEADER = "order_id,buyer_alias,campaign,planned_send_date,purpose\n";

	@TempDir
	Path home;

	@TempDir
	Path reference;

	@Test
	void listEditedAndListAddedAfterAKillAreDecidedOnTheirCurrentRows() throws Exception {
		Path big = write(home, "campaigns/generic/big.csv", HEADER + rows(0, 300_000));
		Process killed = start(home, "killed", "reconcileCampaigns", RUN_DATE);
		Path partial = home.resolve("output/send-lists/generic/big.clean.csv.partial");
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (killed.isAlive() && size(partial) < 1_000_000 && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
		assertThat(killed.isAlive()).as("still running when killed").isTrue();
		killed.destroyForcibly().waitFor();
		assertThat(home.resolve("output/send-lists/generic/big.clean.csv")).as("not published by a killed run")
			.doesNotExist();

		write(home, "campaigns/generic/big.csv", HEADER + rows(10_000, 300_000));
		write(home, "campaigns/added.csv", HEADER + rows(400_000, 400_500));
		TestWorkspace.copy(home.resolve("input"), reference.resolve("input"));

		Result resumed = run(home, "reconcileCampaigns", RUN_DATE);
		assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
		assertThat(resumed.stderr()).contains("changed since attempt 1 stopped (changed: campaigns/generic/big.csv; "
				+ "added: campaigns/added.csv): starting it again from the beginning as attempt 2");
		assertThat(resumed.stdout()).contains("Starting reconcileCampaigns for run.date 2026-11-26 (attempt 2)");
		assertThat(home.resolve("output/send-lists/generic/big.clean.csv")).hasSameBinaryContentAs(big);
		JsonNode run = JsonMapper.builder()
			.build()
			.readTree(home.resolve("output/runs/2026-11-26/reconcileCampaigns.json").toFile());
		assertThat(run.get("totals").get("read").asLong()).isEqualTo(290_000 + 500);
		assertThat(run.get("startedOver").get("fromAttempt").asLong()).isEqualTo(1);

		Result uninterrupted = run(reference, "reconcileCampaigns", RUN_DATE);
		assertThat(uninterrupted.exitCode()).as(uninterrupted.stderr()).isZero();
		assertThat(outputs(home)).isEqualTo(outputs(reference))
			.containsKeys("send-lists/added.clean.csv", "send-lists/generic/big.clean.csv");
	}

	private static Path write(Path home, String path, String text) throws IOException {
		Path file = home.resolve("input").resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static String rows(int from, int to) {
		StringBuilder rows = new StringBuilder();
		for (int i = from; i < to; i++) {
			rows.append(String.format("112-%07d-%07d,,Thanks,2026-11-28,thank_you%n", i, i));
		}
		return rows.toString();
	}

	private static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException e) {
			return 0;
		}
	}

	/**
	 * The send lists and unsubscribe files, byte for byte, by path; no partial file among
	 * them.
	 */
	private static Map<String, String> outputs(Path home) throws IOException {
		Path output = home.resolve("output");
		Map<String, String> files = new TreeMap<>();
		for (String folder : new String[] { "send-lists", "unsubscribe" }) {
			if (!Files.isDirectory(output.resolve(folder))) {
				continue;
			}
			try (Stream<Path> paths = Files.walk(output.resolve(folder))) {
				for (Path file : paths.filter(Files::isRegularFile).toList()) {
					files.put(output.relativize(file).toString(),
							new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
				}
			}
		}
		return files;
	}

}
