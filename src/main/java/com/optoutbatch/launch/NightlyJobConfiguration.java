package com.optoutbatch.launch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.RunFileWriter;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly run: the jobs in {@link #CHAIN} order, each as a step, so that a failed job
 * stops the chain and a resumed nightly run skips the jobs that completed.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

	static final String JOB_NAME = "nightly";

	static final List<String> CHAIN = List.of("importOrders", "importMessages", "scanMailbox", "reconcileCampaigns",
			"complianceReport");

	static final String NIGHTLY_INSTANCE = InputLedger.NIGHTLY_INSTANCE;

	@Bean
	Job nightly(JobRepository jobRepository, JobOperator jobOperator, ObjectProvider<Job> jobs, RunFileWriter runFile) {
		Map<String, Job> byName = jobs.orderedStream()
			.filter(job -> CHAIN.contains(job.getName()))
			.collect(Collectors.toMap(Job::getName, Function.identity()));
		List<Step> steps = CHAIN.stream()
			.filter(byName::containsKey)
			.map(name -> jobStep(byName.get(name), jobRepository, jobOperator))
			.toList();
		SimpleJobBuilder nightly = new JobBuilder(JOB_NAME, jobRepository).start(steps.get(0));
		steps.stream().skip(1).forEach(nightly::next);
		return nightly.listener(runFile).build();
	}

	private static Step jobStep(Job job, JobRepository jobRepository, JobOperator jobOperator) {
		return new StepBuilder(job.getName(), jobRepository).job(job)
			.operator(jobOperator)
			.parametersExtractor((child, step) -> childParameters(child, step))
			.build();
	}

	// a job run by the nightly run is its own instance, apart from a run of that job by
	// hand;
	// it gets the parameters it declares, not those of the other jobs
	private static JobParameters childParameters(Job child, StepExecution step) {
		JobParameters own = DeclaredParameters.of(child.getName())
			.map(declared -> declared.ownOf(step.getJobParameters()))
			.orElse(step.getJobParameters());
		return new JobParametersBuilder(own)
			.addLong(NIGHTLY_INSTANCE, step.getJobExecution().getJobInstance().getInstanceId())
			.toJobParameters();
	}

}
