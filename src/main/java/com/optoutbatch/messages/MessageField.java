package com.optoutbatch.messages;

import java.util.Locale;

/** What a sent-message log says about a message, whatever its columns are called. */
enum MessageField {

	MESSAGE_ID, ORDER_ID, RECIPIENT, SUBJECT, BODY, SENT_AT, TOOL;

	/**
	 * The column name of the generic layout: {@code message_id}, {@code order_id}, ...
	 */
	String genericName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MessageField ofGenericName(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

	/** A header name compared without case, spaces, dashes, underscores or a BOM. */
	static String normalise(String headerName) {
		return headerName.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
	}

}
