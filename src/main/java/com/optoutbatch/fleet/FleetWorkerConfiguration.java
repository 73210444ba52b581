package com.optoutbatch.fleet;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fleet's worker: takes the sellers' nights from the RabbitMQ queue one at a time and
 * runs each ({@link SellerNightTasklet}). The delivery is acknowledged only once the
 * night has finished, so that a worker killed in the middle of one leaves it to the
 * broker, which gives it to another worker; there the seller's night resumes from its
 * last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
class FleetWorkerConfiguration {

	@Bean
	DirectChannel sellerNightsReceived() {
		return new DirectChannel();
	}

	/**
	 * One delivery at a time, none fetched ahead, so that the other workers take the
	 * rest; a request that cannot be handled (its run no longer in the job repository) is
	 * dropped, not delivered again and again: the fleet run's next launch sends again
	 * what did not finish.
	 */
	@Bean
	IntegrationFlow sellerNightsFromTheManager(ConnectionFactory connectionFactory, FleetSettings settings,
			SimpleMessageConverter stepExecutionRequestConverter, DirectChannel sellerNightsReceived) {
		return IntegrationFlow
			.from(Amqp.inboundAdapter(connectionFactory, settings.queue())
				.messageConverter(stepExecutionRequestConverter)
				.configureContainer(
						container -> container.prefetchCount(1).concurrentConsumers(1).defaultRequeueRejected(false)))
			.channel(sellerNightsReceived)
			.get();
	}

	@Bean
	Step sellerNight(RemotePartitioningWorkerStepBuilderFactory steps, DirectChannel sellerNightsReceived,
			SellerNightTasklet tasklet, PlatformTransactionManager transactionManager) {
		return steps.get(FleetNightlyJobConfiguration.SELLER_NIGHT_STEP)
			.inputChannel(sellerNightsReceived)
			.tasklet(tasklet, transactionManager)
			.build();
	}

	@Bean
	SellerNightTasklet sellerNightTasklet(FleetSettings settings, JobRepository jobRepository) {
		return new SellerNightTasklet(settings.requireFolder(), settings.timeout(), jobRepository);
	}

}
