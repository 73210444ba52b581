package com.optoutbatch.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.Advised;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ReadAhead} takes from Spring Batch, checked on a real step with step-scoped
 * beans: a step-scoped bean is a proxy whose target can be held for the step execution; a
 * step-scoped bean called from the read-ahead thread is the step's own; the step, not the
 * thread, closes the step's scope, once; and the state the step saves is the reader's.
 * When an upgrade of Spring Batch changes one of these, this test fails, not a night.
 */
@SpringJUnitConfig
class ReadAheadOnAStepTests {

	static final int RECORDS = 25;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	Job numbers;

	@Autowired
	ItemStreamReader<Integer> numberReader;

	@Autowired
	Steps steps;

	@Test
	void aStepReadsAheadThroughItsScopedBeans() throws Exception {
		assertThat(numberReader).as("a step-scoped bean is a proxy ReadAhead can resolve once")
			.isInstanceOfSatisfying(Advised.class, proxy -> assertThat(proxy.getTargetSource().isStatic()).isFalse());

		JobExecution execution = jobOperator.start(numbers,
				new JobParametersBuilder().addLong("records", (long) RECORDS).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(steps.written).hasSize(RECORDS).first().isEqualTo("numbers:1");
		assertThat(steps.written).last().isEqualTo("numbers:" + RECORDS);
		assertThat(steps.readers).as("one reader for the step execution, read on the read-ahead thread").hasSize(1);
		assertThat(steps.readers.get(0).threads).containsOnly("read-ahead");
		assertThat(steps.labelsClosed).as("the step's scope closed once, by the step").hasValue(1);
		StepExecution step = execution.getStepExecutions().iterator().next();
		assertThat(step.getExecutionContext().getInt(NumberReader.NEXT)).isEqualTo(RECORDS);
	}

	@Configuration
	@EnableBatchProcessing
	static class Steps {

		final List<String> written = new CopyOnWriteArrayList<>();

		final List<NumberReader> readers = new CopyOnWriteArrayList<>();

		final AtomicInteger labelsClosed = new AtomicInteger();

		@Bean
		PlatformTransactionManager transactionManager() {
			return new ResourcelessTransactionManager();
		}

		@Bean
		@StepScope
		NumberReader numberReader(@Value("#{jobParameters['records']}") long records) {
			NumberReader reader = new NumberReader(records);
			readers.add(reader);
			return reader;
		}

		@Bean
		@StepScope
		StepLabel stepLabel(@Value("#{stepExecution.stepName}") String stepName) {
			return new StepLabel(stepName, labelsClosed);
		}

		// the label it is given is the step-scoped proxy: called on the read-ahead thread
		@Bean
		@StepScope
		ItemProcessor<Integer, String> labelling(StepLabel stepLabel) {
			return number -> stepLabel.name() + ":" + number;
		}

		@Bean
		Job numbers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
				NumberReader numberReader, ItemProcessor<Integer, String> labelling) {
			return new JobBuilder("numbers", jobRepository)
				.start(new StepBuilder("numbers", jobRepository).<ReadAhead.Ahead<Integer, String>, String>chunk(10)
					.transactionManager(transactionManager)
					.reader(new ReadAhead<>(numberReader, labelling))
					.processor(ReadAhead.outcome())
					.writer(chunk -> chunk.forEach(written::add))
					.build())
				.build();
		}

	}

	static class NumberReader implements ItemStreamReader<Integer> {

		static final String NEXT = "numbers.next";

		final long records;

		final List<String> threads = new CopyOnWriteArrayList<>();

		int next;

		NumberReader(long records) {
			this.records = records;
		}

		@Override
		public void open(ExecutionContext context) {
			next = context.getInt(NEXT, 0);
		}

		@Override
		public Integer read() {
			threads.add(Thread.currentThread().getName());
			return next < records ? ++next : null;
		}

		@Override
		public void update(ExecutionContext context) {
			context.putInt(NEXT, next);
		}

	}

	static class StepLabel implements AutoCloseable {

		private final String name;

		private final AtomicInteger closed;

		StepLabel(String name, AtomicInteger closed) {
			this.name = name;
			this.closed = closed;
		}

		String name() {
			return name;
		}

		@Override
		public void close() {
			closed.incrementAndGet();
		}

	}

}
