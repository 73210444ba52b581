package com.optoutbatch.campaigns;

import java.util.Locale;
import java.util.Map;

/**
 * How one tool's campaign lists are laid out: which header names hold the order id, the
 * buyer alias, the campaign, the planned send date, the delivery date and the purpose;
 * how the tool's purpose values map to {@link CampaignPurpose}; and the header and
 * delimiter of the file the tool imports into its unsubscribe list.
 */
record CampaignProfile(String name, String tool, Map<CampaignField, String> columns,
		Map<String, CampaignPurpose> purposes, CampaignPurpose defaultPurpose, UnsubscribeLayout unsubscribe) {

	/**
	 * The header and delimiter of a tool's unsubscribe import file; an empty header
	 * leaves that column out.
	 */
	record UnsubscribeLayout(String orderIdHeader, String buyerAliasHeader, char delimiter) {
	}

	/** The purpose of a row whose purpose cell says {@code value}. */
	CampaignPurpose purposeOf(String value) {
		if (value == null || value.isBlank()) {
			return defaultPurpose;
		}
		CampaignPurpose mapped = purposes.get(value.trim().toLowerCase(Locale.ROOT));
		if (mapped != null) {
			return mapped;
		}
		CampaignPurpose named = CampaignPurpose.of(value);
		return named != null ? named : defaultPurpose;
	}

	/** The fields of a campaign row that reconciling reads. */
	enum CampaignField {

		ORDER_ID, BUYER_ALIAS, CAMPAIGN, PLANNED_SEND_DATE, DELIVERY_DATE, PURPOSE;

		/** {@code order_id}, {@code Order_Id}; {@code null} when none matches. */
		static CampaignField of(String name) {
			for (CampaignField field : values()) {
				if (field.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
					return field;
				}
			}
			return null;
		}

	}

}
