package com.optoutbatch.messages;

import java.time.OffsetDateTime;

import com.optoutbatch.support.OrderHistory;
import com.optoutbatch.support.Timestamps;

/**
 * One line of {@code classified.csv}: a stored message with its order's 30-day check
 * added to the flags.
 */
record ClassifiedMessageRow(String messageId, String orderId, String category, String reason, String flags,
		OffsetDateTime sentAt, String tool) {

	static final String[] HEADER = { "message_id", "order_id", "category", "reason", "flags", "sent_at", "tool" };

	/** The line of a message of the order history, its order's 30-day check added. */
	static ClassifiedMessageRow of(OrderHistory.Line line) {
		String flags = line.flags();
		if (ThirtyDayRule.isLate(line.purchasedAt(), line.sentAt())) {
			flags = flags.isEmpty() ? ContentFlag.SENT_LATE.code() : flags + ";" + ContentFlag.SENT_LATE.code();
		}
		return new ClassifiedMessageRow(line.messageId() != null ? line.messageId() : line.messageKey(), line.orderId(),
				line.category(), line.reason(), flags, line.sentAt(), line.tool());
	}

	Object[] cells() {
		return new Object[] { messageId, orderId, category, reason, flags, Timestamps.format(sentAt), tool };
	}

}
