package com.optoutbatch.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.optoutbatch.support.OrderHistory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Brings the order history up to date, which {@code classified.csv} is written from, and
 * tells whether the file would come out as it is: the history of the same version as when
 * it was written. Then it is not written again, and the step's exit status is
 * {@value #UNCHANGED}. The version it was last written from is kept in
 * {@code .classified.csv.version} beside it.
 */
class UnchangedClassifiedMessages implements Tasklet {

	static final String UNCHANGED = "UNCHANGED";

	private static final String VERSION_KEY = "classified.version";

	private final OrderHistory history;

	private final Path file;

	private final Path version;

	UnchangedClassifiedMessages(OrderHistory history, Path file) {
		this.history = history;
		this.file = file;
		this.version = file.resolveSibling("." + file.getFileName() + ".version");
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws IOException {
		String now = history.update();
		chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(VERSION_KEY, now);
		if (Files.isRegularFile(file) && Files.isRegularFile(version)
				&& Files.readString(version, StandardCharsets.UTF_8).equals(now)) {
			contribution.setExitStatus(new ExitStatus(UNCHANGED, "classified.csv is as the order history is"));
		}
		return RepeatStatus.FINISHED;
	}

	/** Once the file was written, notes what from; else that it is not known. */
	void noteWritten(StepExecution written) {
		String now = written.getJobExecution().getExecutionContext().getString(VERSION_KEY, null);
		try {
			if (written.getStatus() == BatchStatus.COMPLETED && now != null) {
				Files.createDirectories(version.getParent());
				Files.writeString(version, now, StandardCharsets.UTF_8);
			}
			else {
				Files.deleteIfExists(version);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
