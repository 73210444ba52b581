package com.optoutbatch.messages;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.optoutbatch.support.RulesFile;
import tools.jackson.core.type.TypeReference;

/**
 * The named column mappings of tools' sent-message exports: {@code messages/profiles.yml}
 * in the jar, extended (and, name for name, replaced) by the user's file named with
 * {@code messages.profiles}.
 */
final class MessageProfiles {

	static final String RESOURCE = "/messages/profiles.yml";

	private final Map<String, MessageProfile> profiles;

	MessageProfiles(Collection<MessageProfile> profiles) {
		this.profiles = new LinkedHashMap<>();
		profiles.forEach(profile -> this.profiles.put(profile.name(), profile));
	}

	static MessageProfiles load(Path userFile) {
		Map<String, Profile> profiles = RulesFile.load(ImportMessagesJobConfiguration.PROFILES_PARAMETER, RESOURCE,
				userFile, new TypeReference<>() {
				}, RulesFile::byName);
		return new MessageProfiles(profiles.entrySet()
			.stream()
			.map(entry -> new MessageProfile(entry.getKey(), entry.getValue().tool(), entry.getValue().fields()))
			.toList());
	}

	/** A profile as the file writes it: its columns by the name of their field. */
	record Profile(String tool, Map<String, String> columns) {

		Profile {
			Map<String, String> byField = new LinkedHashMap<>();
			if (columns != null) {
				columns.forEach((field, column) -> byField.put(field.trim().toLowerCase(Locale.ROOT), column));
			}
			columns = byField;
			for (String field : columns.keySet()) {
				if (Arrays.stream(MessageField.values()).noneMatch(known -> known.genericName().equals(field))) {
					throw new RulesFile.Invalid("columns." + field,
							"unknown field; expected one of " + Arrays.stream(MessageField.values())
								.map(MessageField::genericName)
								.collect(Collectors.joining(", ")));
				}
			}
			if (!columns.containsKey("order_id") || !columns.containsKey("sent_at")
					|| !(columns.containsKey("subject") || columns.containsKey("body"))) {
				throw new RulesFile.Invalid("columns",
						"expected order_id, sent_at and subject or body; got " + String.join(", ", columns.keySet()));
			}
		}

		Map<MessageField, String> fields() {
			Map<MessageField, String> fields = new EnumMap<>(MessageField.class);
			columns.forEach((field, column) -> fields.put(MessageField.ofGenericName(field), column));
			return fields;
		}

	}

	MessageProfile named(String name) {
		MessageProfile profile = profiles.get(name);
		if (profile == null) {
			throw new IllegalArgumentException(
					"no message profile named '" + name + "'; profiles: " + profiles.keySet());
		}
		return profile;
	}

	/**
	 * The layout of the profile that maps the most columns of this header; {@code null}
	 * when none fits.
	 */
	MessageLayout layoutOf(List<String> header) {
		MessageLayout best = null;
		for (MessageProfile profile : profiles.values()) {
			MessageLayout layout = profile.layoutOf(header);
			if (layout != null && (best == null || layout.columns().size() > best.columns().size())) {
				best = layout;
			}
		}
		return best;
	}

}
