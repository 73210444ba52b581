package com.optoutbatch.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.optoutbatch.support.StoredData;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Whether {@code classified.csv} would come out as it is: the stored data as it was when
 * it was written ({@link StoredData}). Then it is not written again, and the step's exit
 * status is {@value #UNCHANGED}. What it was last written from is kept in
 * {@code .classified.csv.version} beside it.
 */
class UnchangedClassifiedMessages implements Tasklet {

	static final String UNCHANGED = "UNCHANGED";

	private static final String VERSION_KEY = "classified.version";

	private final StoredData storedData;

	private final Path file;

	private final Path version;

	UnchangedClassifiedMessages(StoredData storedData, Path file) {
		this.storedData = storedData;
		this.file = file;
		this.version = file.resolveSibling("." + file.getFileName() + ".version");
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws IOException {
		String now = storedData.version(List.of("orders", "messages"));
		chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putString(VERSION_KEY, now);
		if (Files.isRegularFile(file) && Files.isRegularFile(version)
				&& Files.readString(version, StandardCharsets.UTF_8).equals(now)) {
			contribution.setExitStatus(new ExitStatus(UNCHANGED, "classified.csv is as the messages are"));
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
