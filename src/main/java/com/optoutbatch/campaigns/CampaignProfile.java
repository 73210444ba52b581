package com.optoutbatch.campaigns;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.optoutbatch.support.ConfigurationFiles;

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

	static CampaignProfile of(String name, Map<String, Object> entry) {
		String where = "campaign profile " + name;
		Map<CampaignField, String> columns = new HashMap<>();
		ConfigurationFiles.map(entry.get("columns"), where + " columns").forEach((field, header) -> {
			if (header != null && !header.toString().isBlank()) {
				columns.put(CampaignField.of(field, where), header.toString());
			}
		});
		if (!columns.containsKey(CampaignField.ORDER_ID) && !columns.containsKey(CampaignField.BUYER_ALIAS)) {
			throw new IllegalArgumentException(where + " names neither an order_id nor a buyer_alias column");
		}
		Map<String, CampaignPurpose> purposes = new HashMap<>();
		ConfigurationFiles.map(entry.get("purposes"), where + " purposes").forEach((value, purpose) -> {
			CampaignPurpose mapped = CampaignPurpose.of(String.valueOf(purpose));
			if (mapped == null) {
				throw new IllegalArgumentException(
						where + ": '" + purpose + "' is not a purpose " + List.of(CampaignPurpose.values()));
			}
			purposes.put(value.toLowerCase(Locale.ROOT), mapped);
		});
		Map<String, Object> unsubscribe = ConfigurationFiles.map(entry.get("unsubscribe"), where + " unsubscribe");
		String delimiter = String.valueOf(unsubscribe.getOrDefault("delimiter", ","));
		return new CampaignProfile(name, String.valueOf(entry.getOrDefault("tool", name)), Map.copyOf(columns),
				Map.copyOf(purposes), CampaignPurpose.of((String) entry.get("default_purpose")),
				new UnsubscribeLayout(String.valueOf(unsubscribe.getOrDefault("order_id", "order_id")),
						String.valueOf(unsubscribe.getOrDefault("buyer_alias", "buyer_alias")),
						delimiter.equals("\\t") || delimiter.equals("tab") ? '\t' : delimiter.charAt(0)));
	}

	/** The fields of a campaign row that reconciling reads. */
	enum CampaignField {

		ORDER_ID, BUYER_ALIAS, CAMPAIGN, PLANNED_SEND_DATE, DELIVERY_DATE, PURPOSE;

		static CampaignField of(String name, String where) {
			try {
				return valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(where + ": unknown column field '" + name + "'");
			}
		}

	}

}
