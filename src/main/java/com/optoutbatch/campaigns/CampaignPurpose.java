package com.optoutbatch.campaigns;

import java.util.Locale;

/**
 * What a campaign is for, in the words of the generic layout's {@code purpose} column.
 */
enum CampaignPurpose {

	REVIEW_REQUEST, CUSTOMER_SERVICE, CRITICAL, MARKETING;

	/**
	 * {@code review_request}, {@code Review Request}, {@code review-request};
	 * {@code null} when none matches.
	 */
	static CampaignPurpose of(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (CampaignPurpose purpose : values()) {
			if (purpose.name().equals(name)) {
				return purpose;
			}
		}
		return null;
	}

}
