package com.optoutbatch.support;

import java.nio.file.Path;
import java.time.Duration;

import com.optoutbatch.support.RecordTally.RecordCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The progress line every long step logs: records done, rate and elapsed time, at most
 * once per interval, and once more when the step ends.
 */
public class ProgressLogger implements StepExecutionListener, ChunkListener<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(ProgressLogger.class);

	private final long intervalNanos;

	private StepExecution step;

	private String label;

	private long startNanos;

	private long lastLogNanos;

	public ProgressLogger(Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		step = stepExecution;
		String input = stepExecution.getExecutionContext().getString(InputFilePartitioner.INPUT_FILE_KEY, null);
		label = stepExecution.getStepName() + (input == null ? "" : " [" + Path.of(input).getFileName() + "]");
		startNanos = System.nanoTime();
		lastLogNanos = startNanos;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		long now = System.nanoTime();
		if (now - lastLogNanos >= intervalNanos) {
			lastLogNanos = now;
			log.info("{}: {}", label, progress(now));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		ExecutionContext context = stepExecution.getExecutionContext();
		// a tallied step's counts are those of the run file: held-back rows filtered,
		// earlier attempts included
		RecordCounts counts = RecordTally.isTallied(context) ? RecordTally.read(context)
				: new RecordCounts(stepExecution.getReadCount(), stepExecution.getWriteCount(),
						stepExecution.getFilterCount(), stepExecution.getSkipCount());
		log.info("{}: {} {}, {} used, {} filtered, {} rejected", label, stepExecution.getStatus(),
				progress(System.nanoTime()), counts.used(), counts.filtered(), counts.rejected());
		return null;
	}

	private String progress(long now) {
		long records = step.getReadCount() + step.getReadSkipCount();
		double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
		return String.format("%d records, %.0f/s, elapsed %.1fs", records, records / seconds, seconds);
	}

}
