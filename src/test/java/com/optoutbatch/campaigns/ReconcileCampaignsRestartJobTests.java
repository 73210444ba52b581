package com.optoutbatch.campaigns;

import java.util.concurrent.atomic.AtomicBoolean;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;

/**
 * A run that fails in the second pass over the campaign lists resumes there, and still
 * knows which review requests the first pass kept: it notes them again.
 */
class ReconcileCampaignsRestartJobTests extends JobTestSupport {

	@Autowired
	Job nightly;

	@MockitoSpyBean
	JdbcTemplate jdbcTemplate;

	final AtomicBoolean databaseDown = new AtomicBoolean();

	@BeforeEach
	void sampleWorkspaceAndAFlakyDatabase() {
		jobRepository.removeJobExecutions();
		TestWorkspace.reset(workspace, jdbc, "campaign_held_rows", "opt_outs", "messages", "orders");
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, workspace.home().resolve("input"));
		doAnswer(invocation -> {
			if (databaseDown.get()) {
				throw new IllegalStateException("database went away");
			}
			return invocation.callRealMethod();
		}).when(jdbcTemplate)
			.batchUpdate(startsWith("INSERT INTO campaign_held_rows"), anyCollection(), anyInt(), any());
		jobs.setJob(nightly);
	}

	@Test
	void failedRunResumesInTheSecondPassWithTheSameVerdicts() throws Exception {
		databaseDown.set(true);
		JobExecution failed = jobs.startJob(ReconcileCampaignsJobTests.parameters());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

		databaseDown.set(false);
		JobExecution resumed = jobs.startJob(ReconcileCampaignsJobTests.parameters());

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance()).isEqualTo(failed.getJobInstance());
		ReconcileCampaignsJobTests.assertExpectedListsAndUnsubscribeFiles(workspace);
	}

}
