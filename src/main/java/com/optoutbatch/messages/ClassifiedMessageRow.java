package com.optoutbatch.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One line of {@code classified.csv}: a stored message with its order's 30-day check
 * added to the flags.
 */
record ClassifiedMessageRow(String messageId, String orderId, String category, String reason, String flags,
		OffsetDateTime sentAt, String tool) {

	static final String[] HEADER = { "message_id", "order_id", "category", "reason", "flags", "sent_at", "tool" };

	static final String QUERY = """
			SELECT message_key, message_id, order_id, category, reason, flags, sent_late, sent_at, tool
			FROM classified_messages
			ORDER BY sent_at, message_key
			""";

	static ClassifiedMessageRow map(ResultSet row, int number) throws SQLException {
		String messageId = row.getString("message_id");
		String flags = row.getString("flags");
		if (row.getBoolean("sent_late")) {
			flags = flags.isEmpty() ? ContentFlag.SENT_LATE.code() : flags + ";" + ContentFlag.SENT_LATE.code();
		}
		return new ClassifiedMessageRow(messageId != null ? messageId : row.getString("message_key"),
				row.getString("order_id"), row.getString("category"), row.getString("reason"), flags,
				row.getObject("sent_at", OffsetDateTime.class), row.getString("tool"));
	}

	Object[] cells() {
		return new Object[] { messageId, orderId, category, reason, flags,
				sentAt == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(sentAt), tool };
	}

}
