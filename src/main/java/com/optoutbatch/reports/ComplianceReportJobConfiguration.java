package com.optoutbatch.reports;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;

import com.optoutbatch.messages.OrderHistory;
import com.optoutbatch.support.RunFileWriter;
import com.optoutbatch.support.StoredData;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code complianceReport}: the report of a run date, from the database and the run
 * files, written whole each time it runs. The last job of the nightly run.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceReportJobConfiguration {

	static final String JOB_NAME = "complianceReport";

	static final String REVIEW_RULES = "campaigns.review-rules";

	static final String DEFAULT_REVIEW_RULES = "review-request,review-incentive";

	private static final Logger log = LoggerFactory.getLogger(ComplianceReportJobConfiguration.class);

	@Bean
	Job complianceReport(JobRepository jobRepository, Step writeComplianceReport, RunFileWriter runFile) {
		return new JobBuilder(JOB_NAME, jobRepository).start(writeComplianceReport).listener(runFile).build();
	}

	@Bean
	Step writeComplianceReport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, StoredData storedData, OrderHistory orderHistory, Workspace workspace,
			ITemplateEngine templates) {
		return new StepBuilder("writeComplianceReport", jobRepository).tasklet((contribution, chunk) -> {
			JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
			LocalDate runDate = parameters.getLocalDate(RunFileWriter.RUN_DATE, LocalDate.now());
			List<String> reviewRules = Arrays
				.stream(parameters.getString(REVIEW_RULES, DEFAULT_REVIEW_RULES).split(","))
				.map(String::trim)
				.filter(rule -> !rule.isEmpty())
				.toList();
			ComplianceReport report = new ComplianceReportBuilder(jdbc, workspace,
					new ViolationFinder(jdbc, reviewRules, storedData, orderHistory, workspace))
				.build(runDate);
			log.info("Compliance report for {}: {}", runDate,
					new ComplianceReportWriter(templates, workspace).write(report));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
