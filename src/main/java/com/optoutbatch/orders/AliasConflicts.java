package com.optoutbatch.orders;

import com.carrotsearch.hppc.LongIntHashMap;

import com.optoutbatch.support.OrderIds;

/**
 * The orders of one report whose lines name different buyer aliases. The import keeps one
 * alias per order (the newest line's); these are counted, so that the run file and the
 * report show that the report disagreed with itself. Each order with an alias takes one
 * entry of a long and an int: the order id as a number and its first alias's hash.
 */
public final class AliasConflicts {

	/** How the run file names the count, under the input's {@code kinds}. */
	public static final String KIND = "orders with conflicting buyer aliases";

	private static final int CONFLICTING = -1;

	private final LongIntHashMap aliasByOrder = new LongIntHashMap();

	private long orders;

	/**
	 * Notes the alias a line gives its order; a line without an alias, or with an
	 * unusable one, says nothing.
	 */
	void note(String orderId, String buyerEmail) {
		if (orderId == null || buyerEmail == null || !OrderIds.isOrderId(orderId)) {
			return;
		}
		String alias;
		try {
			alias = BuyerAlias.normalise(buyerEmail);
		}
		catch (IllegalArgumentException e) {
			return;
		}
		if (alias == null) {
			return;
		}
		long order = OrderIds.key(orderId);
		int hash = alias.hashCode() & Integer.MAX_VALUE;
		int slot = aliasByOrder.indexOf(order);
		if (!aliasByOrder.indexExists(slot)) {
			aliasByOrder.indexInsert(slot, order, hash);
		}
		else if (aliasByOrder.indexGet(slot) != hash && aliasByOrder.indexGet(slot) != CONFLICTING) {
			aliasByOrder.indexReplace(slot, CONFLICTING);
			orders++;
		}
	}

	/** How many orders have lines with different aliases. */
	long orders() {
		return orders;
	}

}
