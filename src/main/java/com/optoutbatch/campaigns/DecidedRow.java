package com.optoutbatch.campaigns;

/**
 * A campaign row with its verdict: held back for {@code reason}, or clean ({@code reason}
 * {@code null}); a clean row of a critical campaign to an opted-out buyer is flagged.
 */
record DecidedRow(CampaignRow row, String orderId, String buyerAlias, SuppressionReason reason,
		boolean criticalToOptedOutBuyer) {

	static final String CRITICAL_TO_OPTED_OUT = "CRITICAL_TO_OPTED_OUT";

	boolean held() {
		return reason != null;
	}

	/** What the report and the unsubscribe files remember of the row; {@code null} for an unremarkable clean row. */
	String remembered() {
		return held() ? reason.name() : criticalToOptedOutBuyer ? CRITICAL_TO_OPTED_OUT : null;
	}

}
