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

	/**
	 * What the unsubscribe files and the report remember of the row: a row held back for
	 * an opt-out, or a critical row to an opted-out buyer; {@code null} for any other
	 * row, which only its list's counts remember.
	 */
	String remembered() {
		if (criticalToOptedOutBuyer) {
			return CRITICAL_TO_OPTED_OUT;
		}
		return reason != null && reason.isOptOut() ? reason.name() : null;
	}

}
