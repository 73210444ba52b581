package com.optoutbatch.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The fleet's nightly run, on Spring Batch's remote partitioning: its one step makes a
 * partition per seller ({@link Seller}) and sends each, as a
 * {@link StepExecutionRequest}, to the RabbitMQ queue the workers read
 * ({@link FleetWorkerConfiguration}). It then waits, polling the shared job repository,
 * until every seller's night has finished, and writes the fleet report. A seller whose
 * night failed fails its partition, not the others; the run completes only when every
 * seller's night did. Launched again for the same {@code run.date}, it sends again the
 * sellers whose night did not complete, and they resume where they stopped.
 */
@Configuration(proxyBeanMethods = false)
@Profile("fleet")
@EnableBatchIntegration
class FleetNightlyJobConfiguration {

	static final String SELLER_NIGHT_STEP = "sellerNight";

	/** The partition's context: the seller's folder name. */
	static final String SELLER = "seller";

	/** The partition's context: whether the fleet run is a rerun of a completed date. */
	static final String RERUN = "rerun";

	@Bean
	Job fleetNightly(JobRepository jobRepository, Step sellers, FleetReportWriter report) {
		return new JobBuilder(Fleet.JOB_NAME, jobRepository).start(sellers).listener(report).build();
	}

	@Bean
	Step sellers(RemotePartitioningManagerStepBuilderFactory steps, FleetSettings settings,
			DirectChannel sellerNightRequests, Partitioner sellerPartitioner) {
		return steps.get("sellers")
			.partitioner(SELLER_NIGHT_STEP, sellerPartitioner)
			.outputChannel(sellerNightRequests)
			.pollInterval(settings.pollInterval().toMillis())
			.timeout(settings.timeout().toMillis())
			.build();
	}

	/**
	 * One partition per seller of the fleet folder, named after it. A new attempt after
	 * the first is a rerun ({@code --rerun}): it asks every seller's night to run again.
	 * A resumed attempt keeps the partitions of the one it resumes.
	 */
	@Bean
	@StepScope
	Partitioner sellerPartitioner(FleetSettings settings, @Value("#{jobParameters['run.attempt']}") Long attempt) {
		return gridSize -> {
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (Seller seller : Seller.of(settings.requireFolder())) {
				ExecutionContext context = new ExecutionContext();
				context.putString(SELLER, seller.name());
				context.put(RERUN, attempt != null && attempt > 1);
				partitions.put(seller.name(), context);
			}
			if (partitions.isEmpty()) {
				throw new IllegalStateException("no seller in the fleet folder " + settings.folder()
						+ ": a seller is a subfolder that holds input/");
			}
			return partitions;
		};
	}

	@Bean
	DirectChannel sellerNightRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow sellerNightsToWorkers(DirectChannel sellerNightRequests, AmqpTemplate rabbitTemplate,
			FleetSettings settings) {
		return IntegrationFlow.from(sellerNightRequests)
			.handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(settings.queue()))
			.get();
	}

	/**
	 * The queue of the sellers' nights: durable, so that a night sent survives a broker
	 * restart until a worker has run it.
	 */
	@Bean
	Queue sellerNights(FleetSettings settings) {
		return QueueBuilder.durable(settings.queue()).build();
	}

	/**
	 * Requests travel as serialized Java objects; a worker reads back none but a
	 * {@link StepExecutionRequest}.
	 */
	@Bean
	SimpleMessageConverter stepExecutionRequestConverter() {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
		return converter;
	}

}
