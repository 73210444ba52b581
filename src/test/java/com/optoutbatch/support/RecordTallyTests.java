package com.optoutbatch.support;

import java.util.Map;

import com.optoutbatch.support.RecordTally.RecordCounts;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTallyTests {

	final JobExecution job = new JobExecution(1L, new JobInstance(1L, "reconcileCampaigns"), new JobParameters());

	@Test
	void heldBackRowsCountAsFilteredOnceAcrossARestart() {
		ExecutionContext context = new ExecutionContext();
		// the first attempt committed 100 rows: 90 written, 30 of them held back, 10
		// rejected
		attempt(context, 100, 90, 10, Map.of("OPTED_OUT_ORDER", 30L));
		assertThat(RecordTally.read(context)).isEqualTo(new RecordCounts(100, 60, 30, 10));

		// the restart reads 50 more: 45 written, 5 more held back, 5 rejected
		attempt(context, 50, 45, 5, Map.of("OPTED_OUT_ORDER", 35L));

		assertThat(RecordTally.read(context)).isEqualTo(new RecordCounts(150, 100, 35, 15));
	}

	private void attempt(ExecutionContext context, long read, long written, long rejected, Map<String, Long> heldBack) {
		StepExecution step = new StepExecution(1L, "reconcileCampaignListWorker:file0", job);
		RecordTally tally = new RecordTally();
		tally.beforeStep(step);
		tally.open(context);
		step.setReadCount(read - rejected);
		step.setReadSkipCount(rejected);
		step.setWriteCount(written);
		step.setProcessSkipCount(0);
		context.put(RecordTally.FILTER_REASONS_KEY, heldBack);
		tally.update(context);
	}

}
