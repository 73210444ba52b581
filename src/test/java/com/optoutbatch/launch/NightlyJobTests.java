package com.optoutbatch.launch;

import com.optoutbatch.fleet.Fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class NightlyJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@Autowired
	Job nightly;

	@Autowired
	Job reconcileCampaigns;

	@Autowired
	List<Job> everyJob;

	@Autowired
	JobRepository repository;

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders", "messages", "opt_outs", "restriction_notices");
		TestWorkspace.copySample(workspace, "orders");
		jobs.setJob(nightly);
	}

	@Test
	void nightlyRunsTheFiveJobsInOrderAndWritesTheirRunFiles() throws Exception {
		JobExecution execution = jobs.startJob(parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(stepNames(execution)).containsExactly("importOrders", "importMessages", "scanMailbox",
				"reconcileCampaigns", "complianceReport");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(12);
		assertThat(workspace.output("runs", RUN_DATE.toString(), "nightly.json")).exists();
		assertThat(workspace.output("runs", RUN_DATE.toString(), "importOrders.json")).exists();
	}

	@Test
	void aFailedJobStopsTheChainAndTheResumedRunRunsOnlyWhatDidNotComplete() throws Exception {
		TestWorkspace.copySample(workspace, "messages");
		TestWorkspace.copySample(workspace, "mailbox");
		// the classified-messages export cannot be written where a folder stands in its
		// way
		Path inTheWay = Files.createDirectories(workspace.output("messages", "classified.csv").resolve("in-the-way"));

		JobExecution failed = jobs.startJob(parameters());

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
			.containsExactly(tuple("importOrders", BatchStatus.COMPLETED), tuple("importMessages", BatchStatus.FAILED));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs", Long.class)).isZero();

		TestWorkspace.delete(inTheWay.getParent());
		JobExecution resumed = jobs.startJob(parameters());

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance()).isEqualTo(failed.getJobInstance());
		assertThat(stepNames(resumed)).containsExactly("importMessages", "scanMailbox", "reconcileCampaigns",
				"complianceReport");
		assertThat(workspace.output("messages", "classified.csv")).isRegularFile();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opt_outs", Long.class)).isPositive();
	}

	@Test
	void aFailedNightNamesTheJobThatFailedAndTheRootCauseNotTheWrappersAroundIt() throws Exception {
		TestWorkspace.copySample(workspace, "campaigns");
		// the list's rejects file cannot be prepared where a folder stands in its way
		Files.createDirectories(workspace.output("rejects", "reconcileCampaigns", "generic",
				"review-requests-nov.csv.rejects.csv", "in-the-way"));

		JobExecution failed = jobs.startJob(parameters());
		Outcome outcome = Outcome.of(failed, workspace, repository);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(outcome.reason()).isEqualTo("reconcileCampaigns FAILED: Directory not empty writing "
				+ "output/rejects/reconcileCampaigns/generic/review-requests-nov.csv.rejects.csv");
		assertThat(runFile("nightly").get("exitDescription").asString()).isEqualTo(outcome.reason());
		assertThat(runFile("reconcileCampaigns").get("exitDescription").asString())
			.isEqualTo("Directory not empty writing "
					+ "output/rejects/reconcileCampaigns/generic/review-requests-nov.csv.rejects.csv");
	}

	@Test
	void aFailedJobNamesTheRootCauseNotThePartitionedStepAroundIt() throws Exception {
		TestWorkspace.copySample(workspace, "campaigns");
		Files.createDirectories(workspace.output("rejects", "reconcileCampaigns", "generic",
				"review-requests-nov.csv.rejects.csv", "in-the-way"));
		jobs.setJob(reconcileCampaigns);

		JobExecution failed = jobs.startJob(parameters());

		assertThat(Outcome.of(failed, workspace, repository).reason()).isEqualTo("reconcileCampaigns FAILED: "
				+ "Directory not empty writing output/rejects/reconcileCampaigns/generic/review-requests-nov.csv.rejects.csv");
	}

	@Test
	void everyJobChecksTheParametersItIsStartedWith() {
		// the fleet run is a job of the fleet's profile only (FleetIT)
		assertThat(everyJob).extracting(Job::getName)
			.containsExactlyInAnyOrderElementsOf(
					DeclaredParameters.jobNames().stream().filter(name -> !name.equals(Fleet.JOB_NAME)).toList());
		JobParameters misspelt = new JobParametersBuilder(parameters()).addString("marketplce", "amazon.de", false)
			.toJobParameters();
		for (Job job : everyJob) {
			assertThatExceptionOfType(InvalidJobParametersException.class)
				.isThrownBy(() -> job.getJobParametersValidator().validate(misspelt))
				.withMessageStartingWith("unknown parameter 'marketplce' for " + job.getName());
		}
	}

	@Test
	void eachJobOfTheNightlyRunIsStartedWithItsOwnParameters() throws Exception {
		JobExecution execution = jobs
			.startJob(JobCommand.parse("nightly", "run.date=" + RUN_DATE, "marketplace=amazon.de", "max-headers=200")
				.jobParameters(1));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JobParameters orders = parametersOfTheLastRun("importOrders");
		JobParameters mailbox = parametersOfTheLastRun("scanMailbox");
		assertThat(orders.getString("marketplace")).isEqualTo("amazon.de");
		assertThat(orders.getString("max-headers")).isNull();
		assertThat(mailbox.getString("max-headers")).isEqualTo("200");
		assertThat(mailbox.getString("marketplace")).isNull();
		assertThat(mailbox.getLong(NightlyJobConfiguration.NIGHTLY_INSTANCE))
			.isEqualTo(execution.getJobInstance().getInstanceId());
	}

	private JobParameters parametersOfTheLastRun(String jobName) {
		return repository.getLastJobExecution(repository.getJobInstances(jobName, 0, 1).get(0)).getJobParameters();
	}

	private JsonNode runFile(String job) {
		return JsonMapper.builder()
			.build()
			.readTree(workspace.output("runs", RUN_DATE.toString(), job + ".json").toFile());
	}

	private static JobParameters parameters() {
		return new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters();
	}

	private static List<String> stepNames(JobExecution execution) {
		return execution.getStepExecutions().stream().map(StepExecution::getStepName).toList();
	}

}
