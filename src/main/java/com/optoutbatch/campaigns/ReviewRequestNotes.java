package com.optoutbatch.campaigns;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first pass: reads every campaign list (several at once) and notes its review
 * requests, so that the second pass knows which request of each order is kept. It only
 * reads, and it runs whole again on a restart; the rows it cannot use are rejected by the
 * second pass.
 */
class ReviewRequestNotes implements Tasklet {

	private final List<Path> lists;

	private final Function<Path, CampaignList> opener;

	private final KeptReviewRequests reviewRequests;

	ReviewRequestNotes(List<Path> lists, Function<Path, CampaignList> opener, KeptReviewRequests reviewRequests) {
		this.lists = lists;
		this.opener = opener;
		this.reviewRequests = reviewRequests;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<CampaignList> usable = lists.stream().map(opener).filter(CampaignList::usable).toList();
		// parsed on all cores at once: nothing else runs meanwhile, and which request is
		// kept
		// does not depend on the order they are noted in
		usable.parallelStream().forEach(this::note);
		return RepeatStatus.FINISHED;
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
