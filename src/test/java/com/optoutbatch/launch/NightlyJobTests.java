package com.optoutbatch.launch;

import java.time.LocalDate;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyJobTests extends JobTestSupport {

	static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

	@Autowired
	Job nightly;

	@BeforeEach
	void sampleWorkspace() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "orders");
		TestWorkspace.copySample(workspace, "orders");
		jobs.setJob(nightly);
	}

	@Test
	void nightlyRunsTheFiveJobsInOrderAndWritesTheirRunFiles() throws Exception {
		JobExecution execution = jobs.startJob(new JobParametersBuilder().addLocalDate("run.date", RUN_DATE)
			.addLong("run.attempt", 1L)
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly("importOrders", "importMessages", "scanMailbox", "reconcileCampaigns", "complianceReport");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(12);
		assertThat(workspace.output("runs", RUN_DATE.toString(), "nightly.json")).exists();
		assertThat(workspace.output("runs", RUN_DATE.toString(), "importOrders.json")).exists();
	}

}
