package com.optoutbatch.campaigns;

/** Why a campaign row is held back, in the order the reasons are checked. */
enum SuppressionReason {

	/** Its order is in the opt-out registry. */
	OPTED_OUT_ORDER,

	/** Its buyer opted out, on this or another order. */
	OPTED_OUT_BUYER,

	/** The sent-message log already holds a review or feedback request for its order. */
	REVIEW_ALREADY_REQUESTED,

	/** Another list of this run asks the same order for a review, earlier. */
	DUPLICATE_REVIEW_REQUEST,

	/** A review request planned outside 5 to 30 days after delivery. */
	OUTSIDE_REVIEW_WINDOW;

	/** Whether the row's buyer is to be put on the tool's unsubscribe list. */
	boolean isOptOut() {
		return this == OPTED_OUT_ORDER || this == OPTED_OUT_BUYER;
	}

}
