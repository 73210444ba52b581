package com.optoutbatch.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.optoutbatch.support.SafeCsv;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes {@code output/messages/classified.csv} whole: into a partial file first, which
 * replaces the last complete one only when the step completes.
 */
class ClassifiedMessagesFile implements ItemStreamWriter<ClassifiedMessageRow>, StepExecutionListener {

	private final Path file;

	private final Path partial;

	private SafeCsv.Printer printer;

	ClassifiedMessagesFile(Path file) {
		this.file = file;
		this.partial = file.resolveSibling(file.getFileName() + ".partial");
	}

	@Override
	public void open(ExecutionContext context) {
		printer = SafeCsv.open(partial, ClassifiedMessageRow.HEADER);
	}

	@Override
	public void write(Chunk<? extends ClassifiedMessageRow> rows) {
		for (ClassifiedMessageRow row : rows) {
			printer.printRecord(row.cells());
		}
		printer.flush();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		close();
		try {
			if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
				Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				Files.deleteIfExists(partial);
			}
			return null;
		}
		catch (IOException e) {
			// Batch only logs what a listener throws: the step fails here, so that a restart writes the file again
			UncheckedIOException failure = new UncheckedIOException("cannot write " + file, e);
			stepExecution.setStatus(BatchStatus.FAILED);
			stepExecution.addFailureException(failure);
			return ExitStatus.FAILED.addExitDescription(failure);
		}
	}

	@Override
	public void close() {
		if (printer != null) {
			printer.close();
			printer = null;
		}
	}

}
