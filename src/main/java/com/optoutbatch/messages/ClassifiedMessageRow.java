package com.optoutbatch.messages;

/**
 * One line of {@code classified.csv}: a stored message with its order's 30-day check
 * added to the flags.
 */
record ClassifiedMessageRow(String messageId, String orderId, String category, String reason, String flags,
		String sentAt, String tool) {

	static final String[] HEADER = { "message_id", "order_id", "category", "reason", "flags", "sent_at", "tool" };

	/** The line of a message of the order history. */
	static ClassifiedMessageRow of(OrderHistory.Line line) {
		String flags = line.flags();
		if (line.purchaseDate() != null && ThirtyDayRule.isLate(line.purchased(), line.sent())) {
			flags = flags.isEmpty() ? ContentFlag.SENT_LATE.code() : flags + ";" + ContentFlag.SENT_LATE.code();
		}
		return new ClassifiedMessageRow(line.messageId() != null ? line.messageId() : line.messageKey(), line.orderId(),
				line.category(), line.reason(), flags, line.sentAt(), line.tool());
	}

	Object[] cells() {
		return new Object[] { messageId, orderId, category, reason, flags, sentAt, tool };
	}

}
