package com.optoutbatch.notify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code output/runs/<run.date>/notify.json}, beside the night's run file: every notice
 * sent or not for that night, on which channel, and for one that was not delivered the
 * reason (no secret in it) and the outbox file that keeps it.
 */
final class NotifyRecord {

	static final String FILE = "notify.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Workspace workspace;

	NotifyRecord(Workspace workspace) {
		this.workspace = workspace;
	}

	Path file(LocalDate runDate) {
		return workspace.output("runs", runDate.toString(), FILE);
	}

	void add(LocalDate runDate, Delivery delivery) {
		List<Delivery> deliveries = new ArrayList<>(read(runDate));
		deliveries.add(delivery);
		Path file = file(runDate);
		String text = JSON.writeValueAsString(deliveries);
		PublishedFile.write(workspace, file, StandardCharsets.UTF_8, writer -> writer.write(text));
	}

	List<Delivery> read(LocalDate runDate) {
		Path file = file(runDate);
		return Files.exists(file) ? Arrays.asList(JSON.readValue(file.toFile(), Delivery[].class)) : List.of();
	}

	/**
	 * One notice on one channel: {@code outcome} is {@code sent}, {@code kept in outbox}
	 * or {@code not sent}; {@code outbox} the file that keeps it, when it is kept.
	 */
	record Delivery(OffsetDateTime at, String notice, String subject, String channel, String outcome, int attempts,
			String error, String outbox) {

		static Delivery of(Notice notice, String channel, String outcome, int attempts, String error, String outbox) {
			return new Delivery(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), notice.kind(), notice.subject(),
					channel, outcome, attempts, error, outbox);
		}

	}

}
