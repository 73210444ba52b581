package com.optoutbatch.optouts;

import java.time.OffsetDateTime;

/**
 * One opt-out of the registry: of an order (and so of its buyer, when the alias is
 * known), or of a buyer known only by alias.
 *
 * @param marketplace the marketplace domain ({@code amazon.de}), {@code null} when
 * unknown
 * @param orderId the opted-out order, {@code null} for an opt-out known only by alias
 * @param buyerAlias the buyer's normalised alias, {@code null} when unknown
 * @param optedOutAt when the buyer had opted out at the latest: the earliest notice's
 * date
 * @param evidence the Message-ID and file of the notice, or the list file and line
 */
public record OptOut(String marketplace, String orderId, String buyerAlias, OffsetDateTime optedOutAt,
		OptOutSource source, String evidence) {

	public OptOut {
		if (orderId == null && buyerAlias == null) {
			throw new IllegalArgumentException("an opt-out names an order or a buyer");
		}
	}

	/** The registry's key: the order id, or the alias for an opt-out by buyer. */
	String key() {
		return orderId != null ? orderId : buyerAlias;
	}

}
