package com.optoutbatch.campaigns;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.optoutbatch.messages.OrderHistory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What deciding a campaign row needs to know, loaded once per run: the opted-out orders
 * and buyers from the registry; the orders of opted-out buyers and the orders that
 * already had a review request from one pass over the order history; and the review
 * requests the first pass over the lists kept. Its size follows the opt-outs and reviews,
 * not the campaign lists, which stream past it.
 */
class SuppressionIndex {

	private static final String OPTED_OUT_ALIASES = """
			SELECT buyer_alias FROM opt_outs WHERE buyer_alias IS NOT NULL
			UNION
			SELECT o.buyer_alias FROM opt_outs x JOIN orders o ON o.order_id = x.order_id
			WHERE o.buyer_alias IS NOT NULL""";

	private final Set<String> optedOutOrders;

	private final Set<String> optedOutBuyers;

	private final Set<String> ordersOfOptedOutBuyers;

	private final Set<String> reviewedOrders;

	private final KeptReviewRequests reviewRequests;

	SuppressionIndex(Set<String> optedOutOrders, Set<String> optedOutBuyers, Set<String> ordersOfOptedOutBuyers,
			Set<String> reviewedOrders, KeptReviewRequests reviewRequests) {
		this.optedOutOrders = optedOutOrders;
		this.optedOutBuyers = optedOutBuyers;
		this.ordersOfOptedOutBuyers = ordersOfOptedOutBuyers;
		this.reviewedOrders = reviewedOrders;
		this.reviewRequests = reviewRequests;
	}

	/**
	 * @param reviewRules the message policy rules whose messages are review requests
	 */
	static SuppressionIndex load(JdbcTemplate jdbc, OrderHistory history, List<String> reviewRules,
			KeptReviewRequests reviewRequests) {
		Set<String> optedOutBuyers = set(jdbc.queryForList(OPTED_OUT_ALIASES, String.class));
		Set<String> ordersOfOptedOutBuyers = new HashSet<>();
		Set<String> reviewedOrders = new HashSet<>();
		// one pass over the orders and messages: the aliases are not indexed (V8)
		history.forEach(line -> {
			if (line.orderKnown() && line.buyerAlias() != null && optedOutBuyers.contains(line.buyerAlias())) {
				ordersOfOptedOutBuyers.add(line.orderId());
			}
			if (line.isMessage() && line.orderId() != null && reviewRules.contains(line.ruleName())) {
				reviewedOrders.add(line.orderId());
			}
		});
		return new SuppressionIndex(
				set(jdbc.queryForList("SELECT order_id FROM opt_outs WHERE order_id IS NOT NULL", String.class)),
				optedOutBuyers, ordersOfOptedOutBuyers, reviewedOrders, reviewRequests);
	}

	boolean isOptedOutOrder(String orderId) {
		return orderId != null && optedOutOrders.contains(orderId);
	}

	boolean isOptedOutBuyer(String alias, String orderId) {
		return (alias != null && optedOutBuyers.contains(alias))
				|| (orderId != null && ordersOfOptedOutBuyers.contains(orderId));
	}

	boolean reviewAlreadyRequested(String orderId) {
		return orderId != null && reviewedOrders.contains(orderId);
	}

	boolean isDuplicateReviewRequest(String listName, long line, String orderId) {
		return reviewRequests.isDuplicate(listName, line, orderId);
	}

	private static Set<String> set(List<String> values) {
		return new HashSet<>(values);
	}

}
