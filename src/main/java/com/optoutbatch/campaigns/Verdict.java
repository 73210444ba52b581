package com.optoutbatch.campaigns;

import java.util.Arrays;

/**
 * What became of a campaign row: held back for {@code reason}, or clean ({@code reason}
 * {@code null}); a clean row of a critical campaign to an opted-out buyer is flagged.
 */
record Verdict(SuppressionReason reason, boolean criticalToOptedOutBuyer) {

	static final String CRITICAL_TO_OPTED_OUT_NAME = "CRITICAL_TO_OPTED_OUT";

	static final Verdict CLEAN = new Verdict(null, false);

	static final Verdict CRITICAL_TO_OPTED_OUT = new Verdict(null, true);

	private static final Verdict[] HELD = Arrays.stream(SuppressionReason.values())
		.map(reason -> new Verdict(reason, false))
		.toArray(Verdict[]::new);

	static Verdict held(SuppressionReason reason) {
		return HELD[reason.ordinal()];
	}

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
			return CRITICAL_TO_OPTED_OUT_NAME;
		}
		return reason != null && reason.isOptOut() ? reason.name() : null;
	}

}
