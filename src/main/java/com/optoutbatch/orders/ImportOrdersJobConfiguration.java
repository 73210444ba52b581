package com.optoutbatch.orders;

import java.nio.file.Path;

import com.optoutbatch.support.FileParameters;
import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.InputSteps;
import com.optoutbatch.support.RejectFile;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.TableStatistics;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code importOrders}: every order report in {@code input/orders/}, one partition per
 * file, upserted into one row per order.
 */
@Configuration(proxyBeanMethods = false)
class ImportOrdersJobConfiguration {

	static final String JOB_NAME = "importOrders";

	@Bean
	Job importOrders(JobRepository jobRepository, Step importOrderReportsManager, RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importOrderReportsManager).listener(runFile).build();
	}

	@Bean
	Step importOrderReportsManager(JobRepository jobRepository, Workspace workspace, InputLedger inputLedger,
			Step importOrderReportWorker, TableStatistics tableStatistics) {
		return InputSteps.perNewInputFile("importOrderReportsManager", jobRepository, inputLedger,
				() -> workspace.inputFiles("orders"), importOrderReportWorker,
				tableStatistics.refreshAfterStep("orders"));
	}

	@Bean
	Step importOrderReportWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OrderReportReader orderReportReader, OrderLineParser orderLineParser, OrderWriter orderWriter,
			RejectFile orderRejects, OrderSettings settings) {
		return InputSteps
			.readAheadStep("importOrderReportWorker", settings.chunkSize(), orderRejects, jobRepository,
					transactionManager, orderReportReader, orderLineParser)
			.writer(orderWriter)
			.build();
	}

	@Bean
	@StepScope
	OrderReportReader orderReportReader(@Value("#{stepExecutionContext['input.file']}") String file,
			@Value("#{stepExecution}") StepExecution stepExecution) {
		OrderReportReader reader = new OrderReportReader(Path.of(file),
				FileParameters.charsetFor(stepExecution.getJobParameters(), Path.of(file)));
		reader.setName("orderReportReader");
		return reader;
	}

	@Bean
	@StepScope
	OrderLineParser orderLineParser(@Value("#{jobParameters['marketplace']}") String marketplace) {
		return new OrderLineParser(marketplace);
	}

	@Bean
	OrderWriter orderWriter(JdbcTemplate jdbcTemplate) {
		return new OrderWriter(jdbcTemplate);
	}

	@Bean
	@StepScope
	RejectFile orderRejects(Workspace workspace, @Value("#{stepExecutionContext['input.file']}") String file) {
		return RejectFile.of(workspace, JOB_NAME, Path.of(file));
	}

}
