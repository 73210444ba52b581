package com.optoutbatch.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per input file, so that each file gets its own step execution: its own
 * counts in the run file, its own restart point, its own rejects file.
 * <p>
 * With the {@link InputLedger}, only what is new is read: a file the run pinned as
 * unchanged gets no partition (the job's context names it,
 * {@link InputLedger#UNCHANGED_KEY}), and one that grew gets the records and bytes read
 * before, for its reader to read on after them. Once the partitions ran, the records each
 * reader reached ({@link #RECORDS_READ_KEY}) go to the ledger, for the next night.
 */
public class InputFilePartitioner implements Partitioner, StepExecutionListener {

	public static final String INPUT_FILE_KEY = "input.file";

	/** Of a file that grew: the records earlier runs read of it, to read on after. */
	public static final String RECORDS_BEFORE_KEY = "input.records-before";

	/** Of a file that grew: the bytes those records took. */
	public static final String BYTES_BEFORE_KEY = "input.bytes-before";

	/**
	 * Kept by the readers: the records of the file read so far, counted from its start
	 * (those read before included).
	 */
	public static final String RECORDS_READ_KEY = "input.records-read";

	private final Supplier<List<Path>> files;

	private final InputLedger ledger;

	private final String workerName;

	private JobExecution job;

	/** Every file, read whole. */
	public InputFilePartitioner(Supplier<List<Path>> files) {
		this(files, null, null);
	}

	/** What is new of the files, as the run's ledger says. */
	public InputFilePartitioner(Supplier<List<Path>> files, InputLedger ledger, String workerName) {
		this.files = files;
		this.ledger = ledger;
		this.workerName = workerName;
	}

	@Override
	public void beforeStep(StepExecution manager) {
		job = manager.getJobExecution();
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, InputLedger.Reading> readings = ledger == null || job == null ? Map.of() : ledger.readings(job);
		Map<String, String> unchanged = job == null ? Map.of() : InputLedger.unchangedOf(job);
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		List<Path> inputs = files.get();
		for (int i = 0; i < inputs.size(); i++) {
			InputLedger.Reading reading = readings.isEmpty() ? null : readings.get(ledger.pathOf(inputs.get(i)));
			if (reading != null && reading.unchangedSince() != null) {
				unchanged.put(ledger.pathOf(inputs.get(i)), reading.unchangedSince().toString());
				continue;
			}
			ExecutionContext context = new ExecutionContext();
			context.putString(INPUT_FILE_KEY, inputs.get(i).toString());
			if (reading != null && reading.fromBytes() != null) {
				context.putLong(RECORDS_BEFORE_KEY, reading.fromRecords());
				context.putLong(BYTES_BEFORE_KEY, reading.fromBytes());
			}
			partitions.put("file" + i, context);
		}
		if (!unchanged.isEmpty()) {
			job.getExecutionContext().put(InputLedger.UNCHANGED_KEY, unchanged);
		}
		return partitions;
	}

	@Override
	public ExitStatus afterStep(StepExecution manager) {
		if (ledger != null) {
			for (StepExecution partition : manager.getJobExecution().getStepExecutions()) {
				ExecutionContext context = partition.getExecutionContext();
				if (partition.getStepName().startsWith(workerName + ":")
						&& partition.getStatus() == BatchStatus.COMPLETED && context.containsKey(RECORDS_READ_KEY)) {
					ledger.noteRecordsRead(manager.getJobExecution(), Path.of(context.getString(INPUT_FILE_KEY)),
							context.getLong(RECORDS_READ_KEY));
				}
			}
		}
		return null;
	}

}
