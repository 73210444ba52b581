package com.optoutbatch.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The rejects of one input file: {@code output/rejects/<job>/<file>.rejects.csv} with
 * {@code line,reason,record}, and the reasons counted in the step's execution context.
 * <p>
 * Skip listeners are called when the skip happens, before the chunk commits, so the file
 * is written outside the transaction; its committed length is kept in the execution
 * context, and a restart cuts off whatever a failed chunk wrote after it. The file is
 * written as a partial file and published when its step completes.
 */
public class RejectFile implements SkipListener<Object, Object>, ItemStream, StepExecutionListener {

	public static final String HEADER_LINE = "line";

	public static final String REASONS_KEY = "rejects.reasons";

	/**
	 * Records rejected because their syntax could not be read (see
	 * {@link RejectedRecordException.Unread}).
	 */
	public static final String UNREAD_RECORDS_KEY = "rejects.unread-records";

	/** Why the whole file could not be read, when it could not. */
	public static final String UNREAD_FILE_KEY = "rejects.unread-file";

	private static final String LENGTH_KEY = "rejects.length";

	private final PublishedFile file;

	private Map<String, Long> reasons = new LinkedHashMap<>();

	private SafeCsv.Printer printer;

	private long committedLength;

	private long unreadRecords;

	private String unreadFile;

	public RejectFile(PublishedFile file) {
		this.file = file;
	}

	/**
	 * The rejects file of an input, named after the input's path under its folder (see
	 * {@link Workspace#outputFor}).
	 */
	public static RejectFile of(Workspace workspace, String jobName, Path inputFile) {
		return new RejectFile(
				PublishedFile.of(workspace, workspace.outputFor(inputFile, ".rejects.csv", "rejects", jobName)));
	}

	/**
	 * Whether a committed chunk of the step already rejected its whole file: a resumed
	 * reader then reads nothing and rejects nothing again.
	 */
	public static boolean rejectedWhole(ExecutionContext context) {
		return context.containsKey(UNREAD_FILE_KEY);
	}

	public Path file() {
		return file.file();
	}

	/** The committed rejects of a step, counted by reason, from its execution context. */
	@SuppressWarnings("unchecked")
	public static Map<String, Long> reasons(ExecutionContext context) {
		Object reasons = context.get(REASONS_KEY);
		return reasons == null ? Map.of() : (Map<String, Long>) reasons;
	}

	@Override
	public void open(ExecutionContext context) {
		committedLength = context.getLong(LENGTH_KEY, 0L);
		unreadRecords = context.getLong(UNREAD_RECORDS_KEY, 0L);
		unreadFile = context.getString(UNREAD_FILE_KEY, null);
		if (context.containsKey(REASONS_KEY)) {
			reasons = new LinkedHashMap<>(reasons(context));
		}
		if (committedLength == 0) {
			// an earlier run's rejects of this input are not this run's
			file.withdraw();
		}
		else {
			printer = SafeCsv.wrap(file.open(committedLength, StandardCharsets.UTF_8));
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (printer != null) {
			printer.flush();
			committedLength = file.flush();
			file.noteCommitted(context, committedLength);
		}
		context.putLong(LENGTH_KEY, committedLength);
		context.put(REASONS_KEY, new LinkedHashMap<>(reasons));
		context.putLong(UNREAD_RECORDS_KEY, unreadRecords);
		if (unreadFile != null) {
			context.putString(UNREAD_FILE_KEY, unreadFile);
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		printer = null;
		return file.afterStep(stepExecution);
	}

	@Override
	public void close() {
		if (printer != null) {
			printer = null;
			file.close();
		}
	}

	@Override
	public void onSkipInRead(Throwable t) {
		reject(t, null);
	}

	@Override
	public void onSkipInProcess(Object item, Throwable t) {
		reject(t, item);
	}

	@Override
	public void onSkipInWrite(Object item, Throwable t) {
		reject(t, item);
	}

	public void reject(Throwable t, Object item) {
		if (t instanceof RejectedRecordException rejected) {
			switch (rejected.unread()) {
				case FILE -> unreadFile = rejected.getMessage();
				case RECORD -> unreadRecords++;
				case NOTHING -> {
				}
			}
			write(rejected.where(), rejected.reason(), rejected.getMessage(), rejected.record());
		}
		else {
			write("", t.getClass().getSimpleName(), String.valueOf(t.getMessage()),
					item == null ? "" : item.toString());
		}
	}

	private void write(String where, String reason, String message, String record) {
		reasons.merge(reason, 1L, Long::sum);
		printer().printRecord(where, message, record);
	}

	private SafeCsv.Printer printer() {
		if (printer == null) {
			printer = SafeCsv.wrap(file.create(StandardCharsets.UTF_8));
			printer.printRecord(HEADER_LINE, "reason", "record");
		}
		return printer;
	}

}
