package com.optoutbatch.messages;

import java.nio.charset.StandardCharsets;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;

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

	private final PublishedFile file;

	private SafeCsv.Printer printer;

	ClassifiedMessagesFile(PublishedFile file) {
		this.file = file;
	}

	@Override
	public void open(ExecutionContext context) {
		printer = SafeCsv.wrap(file.create(StandardCharsets.UTF_8), SafeCsv.FORMAT, ClassifiedMessageRow.HEADER);
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
		printer = null;
		return file.afterStep(stepExecution);
	}

	@Override
	public void close() {
		printer = null;
		file.close();
	}

}
