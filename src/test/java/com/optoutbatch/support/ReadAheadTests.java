package com.optoutbatch.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.target.AbstractLazyCreationTargetSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ReadAheadTests {

	// "skip" is filtered, "bad" rejected by the processor
	static final ItemProcessor<String, String> UPPER_CASE = line -> switch (line) {
		case "skip" -> null;
		case "bad" -> throw new RejectedRecordException(0, "bad line", "", line);
		default -> line.toUpperCase();
	};

	@Test
	void recordsComeInInputOrderWithWhatTheProcessorMadeOfThem() throws Exception {
		ReadAhead<String, String> ahead = new ReadAhead<>(new ListReader("a", "skip", "bad", "b"), UPPER_CASE);
		ahead.open(new ExecutionContext());

		List<String> results = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		for (ReadAhead.Ahead<String, String> record = ahead.read(); record != null; record = ahead.read()) {
			try {
				results.add(ReadAhead.<String, String>outcome().process(record));
			}
			catch (RejectedRecordException e) {
				rejected.add(record.toString());
			}
		}
		ahead.close();

		assertThat(results).containsExactly("A", null, "B");
		assertThat(rejected).containsExactly("bad");
		assertThat(ahead.read()).as("still at the end").isNull();
	}

	@Test
	void aRecordTheReaderRejectsIsThrownInItsPlaceAndReadingGoesOn() throws Exception {
		ReadAhead<String, String> ahead = new ReadAhead<>(
				new ListReader("a", new RejectedRecordException(2, "broken", "", "?"), "b"), UPPER_CASE);
		ahead.open(new ExecutionContext());

		assertThat(ahead.read().result()).isEqualTo("A");
		assertThatExceptionOfType(RejectedRecordException.class).isThrownBy(ahead::read)
			.satisfies(e -> assertThat(e.reason()).isEqualTo("broken"));
		assertThat(ahead.read().result()).isEqualTo("B");
		assertThat(ahead.read()).isNull();
		ahead.close();
	}

	@Test
	void theStateSavedIsThatAfterTheLastRecordTheStepTookNotAfterWhatWasReadAhead() throws Exception {
		ListReader reader = new ListReader(IntStream.range(0, 100).mapToObj(Integer::toString).toArray());
		ReadAhead<String, String> ahead = new ReadAhead<>(reader, UPPER_CASE);
		ahead.open(new ExecutionContext());
		for (int i = 0; i < 3; i++) {
			ahead.read();
		}
		// by now the thread has read all of them
		Thread.sleep(100);

		ExecutionContext committed = new ExecutionContext();
		ahead.update(committed);
		ahead.close();
		assertThat(committed.getInt(ListReader.NEXT)).isEqualTo(3);

		ReadAhead<String, String> restarted = new ReadAhead<>(
				new ListReader(IntStream.range(0, 100).mapToObj(Integer::toString).toArray()), UPPER_CASE);
		restarted.open(committed);
		assertThat(restarted.read().record()).isEqualTo("3");
		restarted.close();
	}

	@Test
	void aFailureOtherThanARejectEndsTheReading() throws Exception {
		ReadAhead<String, String> ahead = new ReadAhead<>(
				new ListReader("a", new IllegalStateException("disk gone"), "b"), UPPER_CASE);
		ahead.open(new ExecutionContext());

		assertThat(ahead.read().record()).isEqualTo("a");
		assertThatIllegalStateException().isThrownBy(ahead::read).withMessage("disk gone");
		ahead.close();
	}

	@Test
	void closingStopsAThreadThatIsFarAheadAndClosesTheReader() throws Exception {
		ListReader reader = new ListReader(
				IntStream.range(0, 3 * ReadAhead.CAPACITY).mapToObj(Integer::toString).toArray());
		ReadAhead<String, String> ahead = new ReadAhead<>(reader, UPPER_CASE);
		ahead.open(new ExecutionContext());
		ahead.read();

		ahead.close();

		assertThat(reader.closed).isTrue();
		assertThat(reader.next).isLessThan(3 * ReadAhead.CAPACITY);
	}

	@Test
	void aReaderBehindAScopedProxyIsLookedUpOnceNotForEveryRecord() throws Exception {
		ListReader reader = new ListReader("a", "b", "c");
		AtomicInteger lookUps = new AtomicInteger();
		// what a step-scoped proxy does: it asks its scope for the bean at every call
		ProxyFactory proxy = new ProxyFactory();
		proxy.addInterface(ItemStreamReader.class);
		proxy.setTargetSource(new AbstractLazyCreationTargetSource() {

			@Override
			public synchronized Object getTarget() {
				lookUps.incrementAndGet();
				return reader;
			}

			@Override
			protected Object createObject() {
				return reader;
			}

			@Override
			public boolean isStatic() {
				return false;
			}

		});
		@SuppressWarnings("unchecked")
		ItemStreamReader<String> scoped = (ItemStreamReader<String>) proxy.getProxy();
		ReadAhead<String, String> ahead = new ReadAhead<>(scoped, UPPER_CASE);
		ahead.open(new ExecutionContext());
		while (ahead.read() != null) {
		}
		ahead.close();

		assertThat(lookUps).hasValue(1);
		assertThat(reader.closed).isTrue();
	}

	@Test
	void oneStepExecutionAtATime() {
		ReadAhead<String, String> ahead = new ReadAhead<>(new ListReader("a"), UPPER_CASE);
		ahead.open(new ExecutionContext());
		assertThatIllegalStateException().isThrownBy(() -> ahead.open(new ExecutionContext()));
		ahead.close();
	}

	/**
	 * Reads a list; an exception in it is thrown in its place. Keeps its position for a
	 * restart.
	 */
	static final class ListReader implements ItemStreamReader<String> {

		static final String NEXT = "next";

		final Object[] records;

		volatile int next;

		volatile boolean closed;

		ListReader(Object... records) {
			this.records = records;
		}

		@Override
		public void open(ExecutionContext context) {
			next = context.getInt(NEXT, 0);
		}

		@Override
		public String read() {
			if (next >= records.length) {
				return null;
			}
			Object record = records[next++];
			if (record instanceof RuntimeException e) {
				throw e;
			}
			return (String) record;
		}

		@Override
		public void update(ExecutionContext context) {
			context.putInt(NEXT, next);
		}

		@Override
		public void close() {
			closed = true;
		}

	}

}
