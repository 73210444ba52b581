package com.optoutbatch.support;

import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Counts what became of the records of one input, committed with each chunk so that the
 * totals stay exact across a restart (a failed execution's counts include the chunk that
 * was rolled back; these do not).
 */
public class RecordTally implements StepExecutionListener, ItemStream {

	private static final String PREFIX = "tally.";

	/**
	 * Records a writer receives but holds back (a campaign row written to its suppressed
	 * list) count as filtered: the writer keeps their reasons, counted, under this key.
	 */
	public static final String FILTER_REASONS_KEY = "filtered.reasons";

	/**
	 * Where a step that sorts its records into kinds (the verdicts of a mailbox scan)
	 * keeps their committed counts, a {@code Map<String, Long>}, for the run file.
	 */
	public static final String KINDS_KEY = PREFIX + "kinds";

	private StepExecution step;

	private RecordCounts base = RecordCounts.NONE;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		step = stepExecution;
	}

	@Override
	public void open(ExecutionContext context) {
		base = stored(context);
	}

	@Override
	public void update(ExecutionContext context) {
		put(context, base.plus(new RecordCounts(step.getReadCount() + step.getReadSkipCount(), step.getWriteCount(),
				step.getFilterCount(), step.getSkipCount())));
	}

	/**
	 * Puts the counts of a step that decides its records without a chunk of its own:
	 * {@code used} counts the rows held back under {@link #FILTER_REASONS_KEY} too.
	 */
	public static void put(ExecutionContext context, RecordCounts counts) {
		context.putLong(PREFIX + "read", counts.read());
		context.putLong(PREFIX + "used", counts.used());
		context.putLong(PREFIX + "filtered", counts.filtered());
		context.putLong(PREFIX + "rejected", counts.rejected());
	}

	/**
	 * The committed counts of a step, from its execution context: rows a writer held back
	 * with a reason ({@link #FILTER_REASONS_KEY}) count as filtered, not used.
	 */
	public static RecordCounts read(ExecutionContext context) {
		long heldBack = filterReasons(context).values().stream().mapToLong(Long::longValue).sum();
		RecordCounts stored = stored(context);
		return new RecordCounts(stored.read(), stored.used() - heldBack, stored.filtered() + heldBack,
				stored.rejected());
	}

	// the step's own counts as committed, held-back rows among the used
	private static RecordCounts stored(ExecutionContext context) {
		return new RecordCounts(context.getLong(PREFIX + "read", 0L), context.getLong(PREFIX + "used", 0L),
				context.getLong(PREFIX + "filtered", 0L), context.getLong(PREFIX + "rejected", 0L));
	}

	public static boolean isTallied(ExecutionContext context) {
		return context.containsKey(PREFIX + "read");
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Long> filterReasons(ExecutionContext context) {
		Object reasons = context.get(FILTER_REASONS_KEY);
		return reasons == null ? Map.of() : (Map<String, Long>) reasons;
	}

	/** What became of the records of an input: each one used, filtered or rejected. */
	public record RecordCounts(long read, long used, long filtered, long rejected) {

		public static final RecordCounts NONE = new RecordCounts(0, 0, 0, 0);

		public RecordCounts plus(RecordCounts other) {
			return new RecordCounts(read + other.read, used + other.used, filtered + other.filtered,
					rejected + other.rejected);
		}

	}

}
