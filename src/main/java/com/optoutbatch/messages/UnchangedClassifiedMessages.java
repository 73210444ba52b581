package com.optoutbatch.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether {@code classified.csv} would come out as it is: nothing read into the orders or
 * the messages since it was written (by the input ledger) and the seller's labels as they
 * were. Then it is not written again, and the step's exit status is {@value #UNCHANGED}.
 * As the listener of the step that writes it, notes what it was written from, in
 * {@code .classified.csv.version} beside it.
 */
class UnchangedClassifiedMessages implements Tasklet, StepExecutionListener {

	static final String UNCHANGED = "UNCHANGED";

	private static final String VERSION_KEY = "classified.version";

	private static final List<String> WRITTEN_FROM = List.of("""
			SELECT MAX(pinned_at) FROM input_ledger
			WHERE unchanged_since IS NULL AND (input_path LIKE 'orders/%' OR input_path LIKE 'messages/%')""",
			"SELECT COUNT(*) FROM messages", "SELECT COUNT(*) FROM orders",
			"SELECT message_id || ' ' || category FROM seller_labels ORDER BY message_id");

	private final JdbcTemplate jdbc;

	private final Path file;

	private final Path version;

	UnchangedClassifiedMessages(JdbcTemplate jdbc, Path file) {
		this.jdbc = jdbc;
		this.file = file;
		this.version = file.resolveSibling("." + file.getFileName() + ".version");
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws IOException {
		String now = writtenFrom();
		chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(VERSION_KEY, now);
		if (Files.isRegularFile(file) && Files.isRegularFile(version)
				&& Files.readString(version, StandardCharsets.UTF_8).equals(now)) {
			contribution.setExitStatus(new ExitStatus(UNCHANGED, "classified.csv is as the messages are"));
		}
		return RepeatStatus.FINISHED;
	}

	@Override
	public ExitStatus afterStep(StepExecution written) {
		String now = written.getJobExecution().getExecutionContext().getString(VERSION_KEY, null);
		try {
			if (written.getStatus() == BatchStatus.COMPLETED && now != null) {
				Files.writeString(version, now, StandardCharsets.UTF_8);
			}
			else {
				Files.deleteIfExists(version);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return null;
	}

	private String writtenFrom() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String query : WRITTEN_FROM) {
				jdbc.queryForList(query, String.class)
					.forEach(value -> digest.update((value + "\n").getBytes(StandardCharsets.UTF_8)));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

}
