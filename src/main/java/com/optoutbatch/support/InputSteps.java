package com.optoutbatch.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one shape of every step that reads input records: chunked and transactional, a
 * {@link RejectedRecordException} skips the record into the rejects file and the run goes
 * on, the counts are tallied for the run file, and progress is logged.
 */
public final class InputSteps {

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private InputSteps() {
	}

	/**
	 * A step that runs {@code worker} once for each input file, as a partition of its
	 * own.
	 */
	public static Step perInputFile(String name, JobRepository jobRepository, Supplier<List<Path>> files, Step worker,
			StepExecutionListener... listeners) {
		return partitioned(name, jobRepository, new InputFilePartitioner(files), worker, listeners);
	}

	/**
	 * A step that runs {@code worker} once for each input file with something new: not
	 * for a file a completed run read as it is, and on from where it stopped in a file
	 * that grew since ({@link InputLedger}).
	 */
	public static Step perNewInputFile(String name, JobRepository jobRepository, InputLedger ledger,
			Supplier<List<Path>> files, Step worker, StepExecutionListener... listeners) {
		InputFilePartitioner partitioner = new InputFilePartitioner(files, ledger, worker.getName());
		StepExecutionListener[] all = Arrays.copyOf(listeners, listeners.length + 1);
		all[listeners.length] = partitioner;
		return partitioned(name, jobRepository, partitioner, worker, all);
	}

	private static Step partitioned(String name, JobRepository jobRepository, InputFilePartitioner partitioner,
			Step worker, StepExecutionListener... listeners) {
		PartitionStepBuilder step = new StepBuilder(name, jobRepository).partitioner(worker.getName(), partitioner)
			.step(worker);
		for (StepExecutionListener listener : listeners) {
			step.listener(listener);
		}
		return step.build();
	}

	/**
	 * A record step whose reader and processor run a little ahead on a thread of their
	 * own ({@link ReadAhead}), for a step whose writer sets the pace: parsing and
	 * checking the records then take the second core. The processor must keep no state of
	 * its own.
	 */
	public static <I, O> ChunkOrientedStepBuilder<ReadAhead.Ahead<I, O>, O> readAheadStep(String name, int chunkSize,
			RejectFile rejects, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemStreamReader<I> reader, ItemProcessor<I, O> processor) {
		return InputSteps.<ReadAhead.Ahead<I, O>, O>recordStep(name, chunkSize, rejects, jobRepository,
				transactionManager)
			.reader(new ReadAhead<>(reader, processor))
			.processor(ReadAhead.outcome());
	}

	public static <I, O> ChunkOrientedStepBuilder<I, O> recordStep(String name, int chunkSize, RejectFile rejects,
			JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		RecordTally tally = new RecordTally();
		return new StepBuilder(name, jobRepository).<I, O>chunk(chunkSize)
			.transactionManager(transactionManager)
			.faultTolerant()
			.skip(RejectedRecordException.class)
			.skipLimit(Long.MAX_VALUE)
			.skipListener(rejects)
			.stream(rejects)
			.listener((StepExecutionListener) rejects)
			.stream(tally)
			.listener(tally)
			.listener(new ProgressLogger(PROGRESS_INTERVAL));
	}

}
