package com.optoutbatch.messages;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A named column mapping for one tool's sent-message export: which header name holds
 * which field. A log whose header has every column the profile names is read with it.
 */
record MessageProfile(String name, String tool, Map<MessageField, String> columns) {

	MessageProfile {
		columns = Map.copyOf(columns);
	}

	/**
	 * This profile's layout of the header, or {@code null} when a column it names is
	 * missing.
	 */
	MessageLayout layoutOf(List<String> header) {
		List<String> names = header.stream().map(MessageField::normalise).toList();
		Map<MessageField, Integer> positions = new EnumMap<>(MessageField.class);
		for (Map.Entry<MessageField, String> column : columns.entrySet()) {
			int position = names.indexOf(MessageField.normalise(column.getValue()));
			if (position < 0) {
				return null;
			}
			positions.put(column.getKey(), position);
		}
		return new MessageLayout(name, tool, header, positions);
	}

}
