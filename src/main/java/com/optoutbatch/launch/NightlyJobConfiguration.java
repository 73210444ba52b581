package com.optoutbatch.launch;

import com.optoutbatch.support.RunFileWriter;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly run: every job in order, each as a step, so that a failed job stops the
 * chain and a resumed nightly run skips the jobs that completed.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	static final String NIGHTLY_INSTANCE = "nightly.instance";

	@Bean
	Job nightly(JobRepository jobRepository, JobOperator jobOperator, Job importOrders, RunFileWriter runFile) {
		return new JobBuilder("nightly", jobRepository).start(jobStep(importOrders, jobRepository, jobOperator))
			.listener(runFile)
			.build();
	}

	private static Step jobStep(Job job, JobRepository jobRepository, JobOperator jobOperator) {
		return new StepBuilder(job.getName(), jobRepository).job(job)
			.operator(jobOperator)
			.parametersExtractor((child, step) -> childParameters(step))
			.build();
	}

	// a job run by the nightly run is its own instance, apart from a run of that job by hand
	private static JobParameters childParameters(StepExecution step) {
		return new JobParametersBuilder(step.getJobParameters())
			.addLong(NIGHTLY_INSTANCE, step.getJobExecution().getJobInstance().getInstanceId())
			.toJobParameters();
	}

}
