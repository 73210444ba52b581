package com.optoutbatch.support;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.aop.framework.Advised;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and processes a step's records on a thread of its own, up to {@value #CAPACITY}
 * records ahead of the step, so that parsing and checking them (one core) overlaps the
 * step's database writes (the other). Everything else stays as it would be without it:
 * the step reads the records in input order; a record the reader rejects is thrown by
 * {@link #read()} in its place; what the processor made of a record (a result, nothing, a
 * reject) comes out of {@link #outcome()}, the step's processor; and a restart resumes
 * after the last record the step took, because the reader's state is taken after every
 * record it reads. The processor must keep no state of its own. One step execution at a
 * time.
 * <p>
 * Steps get it only through {@link InputSteps#readAheadStep}. It relies on two things of
 * Spring Batch that are not its API: a step-scoped bean is an {@link Advised} proxy whose
 * target stays the same for the step execution, and a thread registered with the
 * {@link StepSynchronizationManager} sees the step's scope. {@code ReadAheadOnAStepTests}
 * checks both on a real step, so that an upgrade that changes them fails the build.
 */
public final class ReadAhead<I, O> implements ItemStreamReader<ReadAhead.Ahead<I, O>> {

	static final int CAPACITY = 2_000;

	private final ItemStreamReader<I> stepReader;

	private final ItemProcessor<I, O> stepProcessor;

	private ItemStreamReader<I> reader;

	private ItemProcessor<I, O> processor;

	private BlockingQueue<Next<I, O>> queue;

	private Thread thread;

	private ExecutionContext consumedState;

	private boolean ended;

	private volatile boolean stopped;

	public ReadAhead(ItemStreamReader<I> reader, ItemProcessor<I, O> processor) {
		this.stepReader = reader;
		this.stepProcessor = processor;
	}

	/**
	 * The step's processor: gives back what the processor made of the record, or throws
	 * what it threw.
	 */
	public static <I, O> ItemProcessor<Ahead<I, O>, O> outcome() {
		return ahead -> {
			if (ahead.failure() != null) {
				throw ahead.failure();
			}
			return ahead.result();
		};
	}

	@Override
	public void open(ExecutionContext context) {
		if (thread != null) {
			throw new IllegalStateException("already reading ahead for another step execution");
		}
		reader = scopedTarget(stepReader);
		processor = scopedTarget(stepProcessor);
		reader.open(context);
		consumedState = stateOfReader();
		ended = false;
		stopped = false;
		queue = new ArrayBlockingQueue<>(CAPACITY);
		// the reader and processor may be step- or job-scoped: the thread works within
		// the step's scopes
		StepExecution step = StepSynchronizationManager.getContext() == null ? null
				: StepSynchronizationManager.getContext().getStepExecution();
		thread = new Thread(() -> readAll(step), "read-ahead");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public Ahead<I, O> read() throws Exception {
		if (ended) {
			return null;
		}
		Next<I, O> next = queue.take();
		if (next.state() != null) {
			consumedState = next.state();
		}
		if (next.readFailure() != null) {
			throw next.readFailure();
		}
		if (next.ahead() == null) {
			ended = true;
		}
		return next.ahead();
	}

	@Override
	public void update(ExecutionContext context) {
		for (Map.Entry<String, Object> entry : consumedState.entrySet()) {
			context.put(entry.getKey(), entry.getValue());
		}
	}

	@Override
	public void close() {
		if (thread != null) {
			// not an interrupt: it would close the channels the thread is reading, the
			// database's too
			stopped = true;
			queue.clear();
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			thread = null;
			queue = null;
		}
		if (reader != null) {
			reader.close();
			reader = null;
		}
	}

	/**
	 * The bean behind a step- or job-scoped proxy, which would otherwise look it up in
	 * its scope at every call, for every record; it stays the same for the step
	 * execution.
	 */
	@SuppressWarnings("unchecked")
	private static <T> T scopedTarget(T bean) {
		if (bean instanceof Advised proxy && !proxy.getTargetSource().isStatic()) {
			try {
				return (T) proxy.getTargetSource().getTarget();
			}
			catch (Exception e) {
				throw new IllegalStateException("cannot resolve the scoped bean " + bean, e);
			}
		}
		return bean;
	}

	private void readAll(StepExecution step) {
		if (step != null) {
			JobSynchronizationManager.register(step.getJobExecution());
			StepSynchronizationManager.register(step);
		}
		try {
			while (!stopped) {
				I record;
				try {
					record = reader.read();
				}
				catch (RejectedRecordException e) {
					queue.put(new Next<>(null, e, stateOfReader()));
					continue;
				}
				if (record == null) {
					queue.put(new Next<>(null, null, null));
					return;
				}
				O result = null;
				Exception failure = null;
				try {
					result = processor.process(record);
				}
				catch (Exception e) {
					failure = e;
				}
				queue.put(new Next<>(new Ahead<>(record, result, failure), null, stateOfReader()));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception | Error e) {
			// the step fails with it when it gets there
			putQuietly(new Next<>(null,
					e instanceof Exception exception ? exception : new IllegalStateException("reading ahead failed", e),
					null));
		}
		finally {
			if (step != null) {
				// not release(): that would close the scopes, and with them their beans,
				// under the step
				StepSynchronizationManager.close();
				JobSynchronizationManager.close();
			}
		}
	}

	private void putQuietly(Next<I, O> next) {
		try {
			queue.put(next);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private ExecutionContext stateOfReader() {
		ExecutionContext state = new ExecutionContext();
		reader.update(state);
		return state;
	}

	/**
	 * A record read ahead, with what the processor made of it: a result, none (filtered),
	 * or a failure.
	 */
	public record Ahead<I, O>(I record, O result, Exception failure) {

		@Override
		public String toString() {
			return String.valueOf(record);
		}

	}

	// the next record for the step, or a record the reader rejected, or (neither) the end
	private record Next<I, O>(Ahead<I, O> ahead, Exception readFailure, ExecutionContext state) {
	}

}
