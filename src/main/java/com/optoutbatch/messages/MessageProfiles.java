package com.optoutbatch.messages;

import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.ConfigurationFiles;

/**
 * The named column mappings of tools' sent-message exports: {@code messages/profiles.yml}
 * in the jar, extended (and, name for name, replaced) by the user's file.
 */
final class MessageProfiles {

	static final String RESOURCE = "/messages/profiles.yml";

	private final Map<String, MessageProfile> profiles;

	MessageProfiles(Collection<MessageProfile> profiles) {
		this.profiles = new LinkedHashMap<>();
		profiles.forEach(profile -> this.profiles.put(profile.name(), profile));
	}

	static MessageProfiles load(Path userFile) {
		Map<String, MessageProfile> profiles = new LinkedHashMap<>();
		for (Map<String, Object> document : ConfigurationFiles.read(RESOURCE, userFile)) {
			document.forEach((name, value) -> profiles.put(name, profile(name, value)));
		}
		return new MessageProfiles(profiles.values());
	}

	private static MessageProfile profile(String name, Object value) {
		Map<String, Object> profile = ConfigurationFiles.map(value, "profile " + name);
		Map<MessageField, String> columns = new EnumMap<>(MessageField.class);
		ConfigurationFiles.map(profile.get("columns"), "profile " + name + ": columns").forEach((field, column) -> {
			try {
				columns.put(MessageField.ofGenericName(field), String.valueOf(column));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("profile " + name + ": unknown field '" + field + "'; fields: "
						+ List.of(MessageField.values()));
			}
		});
		if (!columns.containsKey(MessageField.ORDER_ID) || !columns.containsKey(MessageField.SENT_AT)
				|| !(columns.containsKey(MessageField.SUBJECT) || columns.containsKey(MessageField.BODY))) {
			throw new IllegalArgumentException("profile " + name + " must map order_id, sent_at and subject or body");
		}
		Object tool = profile.get("tool");
		return new MessageProfile(name, tool == null ? null : tool.toString(), columns);
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
