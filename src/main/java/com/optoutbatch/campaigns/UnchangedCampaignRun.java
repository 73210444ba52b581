package com.optoutbatch.campaigns;

import java.time.LocalDate;

import com.optoutbatch.support.InputLedger;
import com.optoutbatch.support.StoredData;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Whether the lists would be decided as the last run decided them: the same lists, the
 * same rules, and the registry, the sent messages and the seller's labels as they were
 * ({@link InputLedger#decidedAlike}, {@link StoredData}). Then the run keeps that run's
 * outputs in place (the report takes that run's figures and held rows) and its exit
 * status is {@value #UNCHANGED}.
 */
class UnchangedCampaignRun implements Tasklet {

	static final String UNCHANGED = "UNCHANGED";

	private final InputLedger ledger;

	private final StoredData storedData;

	UnchangedCampaignRun(InputLedger ledger, StoredData storedData) {
		this.ledger = ledger;
		this.storedData = storedData;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
		StepExecution step = chunk.getStepContext().getStepExecution();
		LocalDate decidedOn = ledger.decidedAlike(step.getJobExecution(), "campaigns",
				storedData.version(StoredData.ALL));
		if (decidedOn != null) {
			contribution.setExitStatus(new ExitStatus(UNCHANGED, "the lists were decided alike on " + decidedOn));
		}
		return RepeatStatus.FINISHED;
	}

}
