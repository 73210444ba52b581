package com.optoutbatch.support;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * When a job resumes, publishes the files its completed steps left partial
 * ({@link PublishedFile#publishCompleted}): those steps are not run again, and a kill
 * between a step's completion and its listeners would otherwise leave their outputs
 * unpublished for good.
 */
public class CompletedStepOutputs implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(CompletedStepOutputs.class);

	private final JobRepository jobRepository;

	public CompletedStepOutputs(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		for (JobExecution earlier : jobRepository.getJobExecutions(execution.getJobInstance())) {
			if (earlier.getId() == execution.getId()) {
				continue;
			}
			for (StepExecution step : earlier.getStepExecutions()) {
				for (Path file : PublishedFile.publishCompleted(step)) {
					log.warn("{}: published, as its completed step {} was stopped before it could", file.getFileName(),
							step.getStepName());
				}
			}
		}
	}

}
