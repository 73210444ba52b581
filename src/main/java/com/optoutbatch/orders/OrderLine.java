package com.optoutbatch.orders;

import java.time.OffsetDateTime;

/**
 * What one report line says about an order, checked and normalised. {@code reportedAt}
 * dates the information, so that a newer report wins over an older one.
 */
record OrderLine(String orderId, String marketplace, OffsetDateTime purchaseDate, String status, String buyerAlias,
		String sourceFile, OffsetDateTime reportedAt) {

	/** The two lines' information about one order, the newer line's values first. */
	OrderLine mergedWith(OrderLine other) {
		OrderLine newer = other.reportedAt.isBefore(reportedAt) ? this : other;
		OrderLine older = newer == this ? other : this;
		return new OrderLine(orderId, first(newer.marketplace, older.marketplace),
				first(older.purchaseDate, newer.purchaseDate), first(newer.status, older.status),
				first(newer.buyerAlias, older.buyerAlias), newer.sourceFile, newer.reportedAt);
	}

	private static <T> T first(T preferred, T fallback) {
		return preferred != null ? preferred : fallback;
	}

}
