package com.optoutbatch.launch;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives every job the check of its {@link DeclaredParameters}, wherever it is started from:
 * the launch, the nightly run, a test.
 */
@Component
class ParameterChecks implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			DeclaredParameters.of(job.getName()).ifPresent(job::setJobParametersValidator);
		}
		return bean;
	}

}
