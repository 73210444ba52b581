package com.optoutbatch.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.optoutbatch.OptOutBatchApplication;
import com.optoutbatch.launch.ExitCode;
import com.optoutbatch.launch.JobCommand;
import com.optoutbatch.launch.Launcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One seller's night on a worker: the seller's nightly run, as if launched by hand in the
 * seller's workspace, on the seller's schema, with the fleet run's {@code run.date} and
 * parameters. Its exit code is the partition's exit status; any but completed fails the
 * partition, and the fleet run with it, while the other sellers go on.
 * <p>
 * A night delivered again, after its worker was killed or the fleet run was launched
 * again, resumes the seller's nightly run where it stopped: only the first delivery of a
 * rerun asks for a new run of a completed date.
 */
class SellerNightTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(SellerNightTasklet.class);

	/** The partition's context: the seller's night was handed to a worker once. */
	static final String STARTED = "started";

	/** The fleet run's parameters that each seller's nightly run takes. */
	private static final List<String> SELLER_PARAMETERS = List.of("inputs", "inputs.after");

	/** How long a night waits between two tries at a workspace busy with another run. */
	private static final Duration BUSY_RETRY = Duration.ofSeconds(10);

	private final Path fleet;

	private final Duration busyWait;

	private final JobRepository jobRepository;

	/**
	 * @param busyWait how long a night waits for the seller's workspace when another run
	 * holds it: the seller's own run by hand, or the same night still running in a worker
	 * that a fleet run launched again has not heard of
	 */
	SellerNightTasklet(Path fleet, Duration busyWait, JobRepository jobRepository) {
		this.fleet = fleet;
		this.busyWait = busyWait;
		this.jobRepository = jobRepository;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
		StepExecution partition = contribution.getStepExecution();
		ExecutionContext context = partition.getExecutionContext();
		Seller seller = Seller.in(fleet, context.getString(FleetNightlyJobConfiguration.SELLER));
		boolean rerun = context.get(FleetNightlyJobConfiguration.RERUN, Boolean.class, false)
				&& !context.containsKey(STARTED);
		context.put(STARTED, true);
		jobRepository.updateExecutionContext(partition);

		List<String> args = nightlyCommand(partition.getJobParameters(), seller, rerun);
		Instant giveUp = Instant.now().plus(busyWait);
		int exitCode = runApart(seller, args);
		while (exitCode == ExitCode.WORKSPACE_BUSY.code() && Instant.now().isBefore(giveUp)) {
			log.info("Seller {}: the workspace is busy with another run; trying again in {} s", seller.name(),
					BUSY_RETRY.toSeconds());
			Thread.sleep(BUSY_RETRY.toMillis());
			exitCode = runApart(seller, args);
		}
		ExitCode outcome = ExitCode.of(exitCode);
		if (outcome == ExitCode.COMPLETED || outcome == ExitCode.ALREADY_COMPLETED) {
			contribution.setExitStatus(ExitStatus.COMPLETED);
			return RepeatStatus.FINISHED;
		}
		if (outcome == ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE) {
			contribution.setExitStatus(new ExitStatus(outcome.name(), "an opt-out source could not be read whole"));
			return RepeatStatus.FINISHED;
		}
		throw new SellerNightFailed(seller, exitCode);
	}

	/**
	 * Runs the seller's nightly run on a thread of its own: the step's transaction, bound
	 * to this thread, is not the seller's, whose job repository refuses to start inside
	 * one.
	 */
	private static int runApart(Seller seller, List<String> args) throws InterruptedException {
		AtomicInteger exitCode = new AtomicInteger(ExitCode.FAILED.code());
		Thread night = new Thread(() -> {
			MDC.put("seller", seller.name());
			log.info("Seller {}: nightly run {}", seller.name(), String.join(" ", args.subList(1, args.size())));
			exitCode.set(Launcher.sellerNight(OptOutBatchApplication.class, seller.home(),
					Map.of("spring.datasource.hikari.schema", seller.schema(),
							"spring.datasource.hikari.connection-init-sql", seller.schemaCreation()),
					args.toArray(String[]::new)));
			log.info("Seller {}: nightly run ended with exit code {}", seller.name(), exitCode.get());
		}, "night-" + seller.name());
		night.start();
		night.join();
		return exitCode.get();
	}

	private static List<String> nightlyCommand(JobParameters fleetRun, Seller seller, boolean rerun) {
		List<String> args = new ArrayList<>(
				List.of("nightly", JobCommand.RUN_DATE + "=" + fleetRun.getLocalDate(JobCommand.RUN_DATE)));
		for (String name : SELLER_PARAMETERS) {
			String value = fleetRun.getString(name);
			if (value != null) {
				args.add(name + "=" + value);
			}
		}
		if (rerun) {
			args.add("--rerun");
		}
		args.add("--optout.home=" + seller.home());
		return args;
	}

	/** A seller's nightly run that ended with any exit code but completed. */
	static final class SellerNightFailed extends RuntimeException {

		SellerNightFailed(Seller seller, int exitCode) {
			super("seller " + seller.name() + ": nightly run ended with exit code " + exitCode + " ("
					+ ExitCode.of(exitCode).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
					+ "); see its log and output/runs/");
		}

	}

}
