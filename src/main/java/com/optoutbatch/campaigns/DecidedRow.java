package com.optoutbatch.campaigns;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;

/** A campaign row as read, with what was checked of it and its verdict. */
record DecidedRow(CampaignRow row, CheckedRow checked, Verdict verdict) {

	SuppressionReason reason() {
		return verdict.reason();
	}

	boolean held() {
		return verdict.held();
	}

}
