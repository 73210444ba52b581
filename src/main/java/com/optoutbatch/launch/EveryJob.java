package com.optoutbatch.launch;

import com.optoutbatch.support.CompletedStepOutputs;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * What the launch gives every job, wherever it is started from (the launch, the nightly
 * run, a test): the check of its {@link DeclaredParameters}, the one line that says why
 * it failed ({@link FailureCauses}), written before its other listeners see the failure,
 * and the outputs of its completed steps published when it resumes
 * ({@link CompletedStepOutputs}).
 */
@Component
class EveryJob implements BeanPostProcessor {

	private final ObjectProvider<JobRepository> jobRepository;

	private final ObjectProvider<Workspace> workspace;

	EveryJob(ObjectProvider<JobRepository> jobRepository, ObjectProvider<Workspace> workspace) {
		this.jobRepository = jobRepository;
		this.workspace = workspace;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			DeclaredParameters.of(job.getName()).ifPresent(job::setJobParametersValidator);
			// registered last, so called first when the job ends
			job.registerJobExecutionListener(
					new FailureCauses(jobRepository.getObject(), workspace.getObject().home()));
			job.registerJobExecutionListener(new CompletedStepOutputs(jobRepository.getObject()));
		}
		return bean;
	}

}
