package com.optoutbatch.campaigns;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.campaigns.CampaignProfile.UnsubscribeLayout;
import com.optoutbatch.support.RulesFile;
import tools.jackson.core.type.TypeReference;

/**
 * The campaign list profiles: those that ship in {@code campaigns/profiles.yml}, extended
 * or replaced by the user's file named with the job parameter {@code campaigns.profiles}.
 */
class CampaignProfiles {

	static final String RESOURCE = "/campaigns/profiles.yml";

	static final String PARAMETER = "campaigns.profiles";

	private final Map<String, CampaignProfile> profiles;

	CampaignProfiles(Map<String, CampaignProfile> profiles) {
		this.profiles = profiles;
	}

	static CampaignProfiles load(Path userFile) {
		Map<String, Profile> entries = RulesFile.load(PARAMETER, RESOURCE, userFile, new TypeReference<>() {
		}, RulesFile::byName);
		Map<String, CampaignProfile> profiles = new LinkedHashMap<>();
		entries.forEach((name, entry) -> profiles.put(name, entry.toProfile(name)));
		return new CampaignProfiles(profiles);
	}

	/** The profile of that name, or {@code null}. */
	CampaignProfile named(String name) {
		return profiles.get(name);
	}

	/** A profile as the file writes it. */
	record Profile(String tool, Map<String, String> columns, Map<String, String> purposes,
			@JsonProperty("default_purpose") String defaultPurpose, Unsubscribe unsubscribe) {

		private static final String PURPOSES = Arrays.stream(CampaignPurpose.values())
			.map(purpose -> purpose.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));

		Profile {
			columns = columns == null ? Map.of() : columns;
			purposes = purposes == null ? Map.of() : purposes;
			unsubscribe = unsubscribe == null ? new Unsubscribe(null, null, null) : unsubscribe;
			for (String field : columns.keySet()) {
				if (CampaignField.of(field) == null) {
					throw new RulesFile.Invalid("columns." + field,
							"unknown field; expected one of " + Arrays.stream(CampaignField.values())
								.map(known -> known.name().toLowerCase(Locale.ROOT))
								.collect(Collectors.joining(", ")));
				}
			}
			if (header(columns, CampaignField.ORDER_ID) == null && header(columns, CampaignField.BUYER_ALIAS) == null) {
				throw new RulesFile.Invalid("columns", "expected an order_id or a buyer_alias column, or both");
			}
			purposes.forEach((value, purpose) -> {
				if (CampaignPurpose.of(purpose) == null) {
					throw new RulesFile.Invalid("purposes." + value,
							"expected one of " + PURPOSES + ", got '" + purpose + "'");
				}
			});
			if (defaultPurpose != null && CampaignPurpose.of(defaultPurpose) == null) {
				throw new RulesFile.Invalid("default_purpose",
						"expected one of " + PURPOSES + ", got '" + defaultPurpose + "'");
			}
		}

		CampaignProfile toProfile(String name) {
			Map<CampaignField, String> headers = new EnumMap<>(CampaignField.class);
			for (CampaignField field : CampaignField.values()) {
				String header = header(columns, field);
				if (header != null) {
					headers.put(field, header);
				}
			}
			Map<String, CampaignPurpose> mapped = new HashMap<>();
			purposes
				.forEach((value, purpose) -> mapped.put(value.toLowerCase(Locale.ROOT), CampaignPurpose.of(purpose)));
			return new CampaignProfile(name, tool == null ? name : tool, Map.copyOf(headers), Map.copyOf(mapped),
					CampaignPurpose.of(defaultPurpose), unsubscribe.toLayout());
		}

		/** The header of the field, {@code null} when the profile names none. */
		private static String header(Map<String, String> columns, CampaignField field) {
			return columns.entrySet()
				.stream()
				.filter(column -> CampaignField.of(column.getKey()) == field && column.getValue() != null
						&& !column.getValue().isBlank())
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * The unsubscribe import file as the profile writes it: the headers of its columns
	 * (empty: the tool takes only the other) and its delimiter ({@code ,} {@code ;} or
	 * {@code tab}).
	 */
	record Unsubscribe(@JsonProperty("order_id") String orderId, @JsonProperty("buyer_alias") String buyerAlias,
			String delimiter) {

		Unsubscribe {
			orderId = orderId == null ? "order_id" : orderId;
			buyerAlias = buyerAlias == null ? "buyer_alias" : buyerAlias;
			delimiter = delimiter == null ? "," : delimiter;
			if (!(delimiter.length() == 1 || delimiter.equals("tab") || delimiter.equals("\\t"))) {
				throw new RulesFile.Invalid("delimiter", "expected one character or tab, got '" + delimiter + "'");
			}
		}

		UnsubscribeLayout toLayout() {
			return new UnsubscribeLayout(orderId, buyerAlias, delimiter.length() == 1 ? delimiter.charAt(0) : '\t');
		}

	}

}
