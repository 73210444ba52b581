package com.optoutbatch.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import com.optoutbatch.support.Timestamps;

/**
 * One line of {@code classified.csv}: a stored message with its order's 30-day check
 * added to the flags.
 */
record ClassifiedMessageRow(String messageId, String orderId, String category, String reason, String flags,
		OffsetDateTime sentAt, String tool) {

	static final String[] HEADER = { "message_id", "order_id", "category", "reason", "flags", "sent_at", "tool" };

	/**
	 * What a line needs of a stored message and its order, read by
	 * {@link MessagesByOrder}.
	 */
	static final String COLUMNS = "m.message_key, m.message_id, m.order_id, m.category, m.reason, m.flags, m.sent_at, "
			+ "m.tool, o.purchase_date";

	static ClassifiedMessageRow map(ResultSet row, int number) throws SQLException {
		String messageId = row.getString("message_id");
		String flags = row.getString("flags");
		OffsetDateTime sentAt = Timestamps.read(row, "sent_at");
		if (ThirtyDayRule.isLate(Timestamps.read(row, "purchase_date"), sentAt)) {
			flags = flags.isEmpty() ? ContentFlag.SENT_LATE.code() : flags + ";" + ContentFlag.SENT_LATE.code();
		}
		return new ClassifiedMessageRow(messageId != null ? messageId : row.getString("message_key"),
				row.getString("order_id"), row.getString("category"), row.getString("reason"), flags, sentAt,
				row.getString("tool"));
	}

	Object[] cells() {
		return new Object[] { messageId, orderId, category, reason, flags, Timestamps.format(sentAt), tool };
	}

}
