package com.optoutbatch.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;
import com.optoutbatch.support.RejectedRecordException;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first pass: notes the review requests of every campaign list (several at once), so
 * that the second pass knows which request of each order is kept: from its decision file
 * for a list decided again from it, else by reading the list. It only reads, and it runs
 * whole again on a restart; the rows it cannot use are rejected by the second pass.
 */
class ReviewRequestNotes implements Tasklet {

	private final DecidedLists lists;

	private final Workspace workspace;

	private final KeptReviewRequests reviewRequests;

	ReviewRequestNotes(DecidedLists lists, Workspace workspace, KeptReviewRequests reviewRequests) {
		this.lists = lists;
		this.workspace = workspace;
		this.reviewRequests = reviewRequests;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		// on all cores at once: nothing else runs meanwhile, and which request is kept
		// does not depend on the order they are noted in
		lists.fromDecisions().parallelStream().forEach(this::noteDecided);
		lists.toRead().stream().filter(CampaignList::usable).toList().parallelStream().forEach(this::note);
		return RepeatStatus.FINISHED;
	}

	private void noteDecided(CampaignList list) {
		Path file = ListDecision.of(workspace, list.file());
		ListDecision.Trailer decided = ListDecision.trailer(file);
		if (decided == null) {
			return; // the list's own step says why it cannot be decided again
		}
		try {
			ByteBuffer rows = ListDecision.bytes(file);
			for (long i = 0; i < decided.rows(); i++) {
				ListDecision.Row row = ListDecision.read(rows);
				if (row.purpose() == CampaignPurpose.REVIEW_REQUEST && row.orderKey() >= 0) {
					reviewRequests.note(list.name(), row.line(), row.orderKey(), row.plannedSendDate());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + workspace.home().relativize(file) + ": " + e.getMessage(),
					e);
		}
	}

	private void note(CampaignList list) {
		CampaignListReader reader = new CampaignListReader(list);
		reader.open(new ExecutionContext());
		try {
			while (true) {
				try {
					CampaignRow row = reader.read();
					if (row == null) {
						return;
					}
					if (CampaignRowDecider.purposeOf(row) != CampaignPurpose.REVIEW_REQUEST) {
						continue;
					}
					CheckedRow checked = CampaignRowDecider.check(row);
					if (checked.orderId() != null) {
						reviewRequests.note(new ReviewRequest(list.name(), row.line(), checked.orderId(),
								checked.plannedSendDate()));
					}
				}
				catch (RejectedRecordException e) {
					// the second pass rejects it with the reason
				}
			}
		}
		finally {
			reader.close();
		}
	}

}
