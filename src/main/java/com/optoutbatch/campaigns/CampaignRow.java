package com.optoutbatch.campaigns;

/**
 * One row of a campaign list as read: its cells, kept for the output copies, and the
 * cells of the fields reconciling reads, still unchecked.
 */
record CampaignRow(CampaignList list, long line, String[] cells, String orderId, String buyerAlias, String campaign,
		String plannedSendDate, String deliveryDate, String purpose) {

	@Override
	public String toString() {
		return list.name() + ":" + line;
	}

}
