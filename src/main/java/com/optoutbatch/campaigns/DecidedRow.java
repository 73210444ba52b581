package com.optoutbatch.campaigns;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;

/**
 * A campaign row with what was checked of it and its verdict; its cells as read
 * ({@code row}), none for a row decided again from its list's decision file.
 */
record DecidedRow(CampaignRow row, CheckedRow checked, Verdict verdict) {

	SuppressionReason reason() {
		return verdict.reason();
	}

	boolean held() {
		return verdict.held();
	}

}
