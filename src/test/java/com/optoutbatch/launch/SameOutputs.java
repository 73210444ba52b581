package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.optoutbatch.messages.OrderHistory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether two workspaces' nights wrote the same outputs, byte for byte. Left out of the
 * comparison, as they differ from one run to the next of the same inputs:
 * <ul>
 * <li>{@code output/db/}: the embedded database's own files; PostgreSQL keeps its data on
 * the server;
 * <li>{@code output/logs/}: every line carries the time, and the log names the database;
 * <li>{@code output/.lock}: the process id and start time of the last run;
 * <li>{@code messages/.orders-and-messages.csv} and {@code .index}, and
 * {@code reports/.last-review.json}: the order history and its index, which carry a
 * version new each time they are written, and what the report's review was made from,
 * which holds when a file was last read into the database;
 * <li>in the run files, {@code startedAt}, {@code endedAt} and {@code seconds}: when each
 * job ran and for how long.
 * </ul>
 */
final class SameOutputs {

	private static final Set<String> RUN_TIMES = Set.of("startedAt", "endedAt", "seconds");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SameOutputs() {
	}

	/**
	 * How the outputs of two workspaces differ, one line per file; empty when they do
	 * not. Both must hold the same files.
	 */
	static List<String> differences(Path one, Path other) throws IOException {
		Set<String> files = compared(one.resolve("output"));
		assertThat(compared(other.resolve("output"))).as("the output files of " + other)
			.containsExactlyElementsOf(files);
		List<String> differences = new ArrayList<>();
		for (String file : files) {
			String difference = difference(file, one.resolve("output").resolve(file),
					other.resolve("output").resolve(file));
			if (difference != null) {
				differences.add(difference);
			}
		}
		return differences;
	}

	/**
	 * The files of an output folder that the comparison covers, by path relative to it.
	 */
	static Set<String> compared(Path output) throws IOException {
		try (Stream<Path> files = Files.walk(output)) {
			return files.filter(Files::isRegularFile)
				.map(file -> output.relativize(file).toString().replace('\\', '/'))
				.filter(file -> !file.startsWith("db/") && !file.startsWith("logs/") && !file.equals(".lock")
						&& !file.equals("messages/" + OrderHistory.FILE)
						&& !file.equals("messages/" + OrderHistory.INDEX) && !file.equals("reports/.last-review.json"))
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	/** How the two versions of a file differ, or {@code null} when they do not. */
	private static String difference(String file, Path one, Path other) throws IOException {
		if (file.startsWith("runs/")) {
			JsonNode oneRun = withoutRunTimes(JSON.readTree(one.toFile()));
			JsonNode otherRun = withoutRunTimes(JSON.readTree(other.toFile()));
			return oneRun.equals(otherRun) ? null : file + ": first " + oneRun + " but second " + otherRun;
		}
		byte[] oneBytes = Files.readAllBytes(one);
		byte[] otherBytes = Files.readAllBytes(other);
		if (Arrays.equals(oneBytes, otherBytes)) {
			return null;
		}
		String[] oneLines = new String(oneBytes, StandardCharsets.UTF_8).split("\n", -1);
		String[] otherLines = new String(otherBytes, StandardCharsets.UTF_8).split("\n", -1);
		int line = 0;
		while (line < oneLines.length && line < otherLines.length && oneLines[line].equals(otherLines[line])) {
			line++;
		}
		return file + " line " + (line + 1) + ": first «" + lineOf(oneLines, line) + "» but second «"
				+ lineOf(otherLines, line) + "»";
	}

	private static String lineOf(String[] lines, int line) {
		return line < lines.length ? lines[line].strip() : "(end of file)";
	}

	private static JsonNode withoutRunTimes(JsonNode run) {
		((ObjectNode) run).remove(RUN_TIMES);
		return run;
	}

}
