package com.optoutbatch.messages;

import java.time.OffsetDateTime;

/** Proactive messages may be sent up to 30 days after the purchase, not later. */
public final class ThirtyDayRule {

	public static final int DAYS = 30;

	private ThirtyDayRule() {
	}

	/**
	 * Whether a message sent at {@code sentAt} came too late for an order purchased at
	 * {@code purchasedAt}.
	 */
	public static boolean isLate(OffsetDateTime purchasedAt, OffsetDateTime sentAt) {
		return purchasedAt != null && sentAt != null && sentAt.isAfter(purchasedAt.plusDays(DAYS));
	}

}
