package com.optoutbatch.fleet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.optoutbatch.launch.ExitCode;
import com.optoutbatch.launch.JobCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Ends every fleet run, whatever became of it, with the fleet report: each seller's night
 * as its partition and its own run file left it, over every attempt at the
 * {@code run.date}. The fleet run's exit says how many sellers did not complete.
 */
@Component
@Profile("fleet")
class FleetReportWriter implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(FleetReportWriter.class);

	private final FleetSettings settings;

	private final JobRepository jobRepository;

	private final FleetReport report;

	FleetReportWriter(FleetSettings settings, JobRepository jobRepository, FleetReport report) {
		this.settings = settings;
		this.jobRepository = jobRepository;
		this.report = report;
	}

	@Override
	public void afterJob(JobExecution fleetRun) {
		LocalDate runDate = fleetRun.getJobParameters().getLocalDate(JobCommand.RUN_DATE);
		List<SellerNight> nights = new ArrayList<>();
		for (Seller seller : Seller.of(settings.requireFolder())) {
			StepExecution partition = jobRepository.getLastStepExecution(fleetRun.getJobInstance(),
					FleetNightlyJobConfiguration.SELLER_NIGHT_STEP + ":" + seller.name());
			nights.add(SellerNight.read(seller.home(), runDate, failureOf(partition)));
		}
		FleetSummary summary = report.write(settings.requireFolder(), runDate, nights,
				Duration.between(fleetRun.getStartTime(), LocalDateTime.now()));
		log.info("Fleet {}: {} of {} sellers completed; report reports/{}/index.html", runDate,
				summary.headline().completed(), nights.size(), runDate);
		if (summary.completed()) {
			return;
		}
		List<SellerNight> notCompleted = summary.sellers()
			.stream()
			.filter(night -> night.outcome() != SellerNight.Outcome.COMPLETED)
			.toList();
		String line = notCompleted.size() + " of " + nights.size() + " sellers did not complete: "
				+ notCompleted.stream()
					.map(night -> night.seller() + " (" + night.outcome().label()
							+ (night.reason() == null ? "" : ": " + night.reason()) + ")")
					.collect(Collectors.joining(", "));
		if (fleetRun.getStatus() == BatchStatus.COMPLETED
				&& summary.exitCode() == ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE) {
			fleetRun.setExitStatus(new ExitStatus(ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE.name(), line));
		}
		else {
			fleetRun.setStatus(BatchStatus.FAILED);
			fleetRun.setExitStatus(new ExitStatus(Fleet.SELLERS_NOT_COMPLETED, line));
		}
	}

	/** Why a seller's partition failed, when it did; null when it did not. */
	private static String failureOf(StepExecution partition) {
		if (partition == null || partition.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		if (!partition.getFailureExceptions().isEmpty()) {
			return partition.getFailureExceptions().get(0).getMessage();
		}
		// the description starts with the stack trace's first line: the exception's
		// class,
		// then its message
		return partition.getExitStatus()
			.getExitDescription()
			.lines()
			.findFirst()
			.map(line -> line.replaceFirst("^[\\w.$]+(Exception|Failed|Error): ", ""))
			.orElse(null);
	}

}
