package com.optoutbatch.campaigns;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What deciding a campaign row needs to know, loaded once per run with a few set-based
 * queries: the opted-out orders and buyers, the orders of opted-out buyers, the orders that
 * already had a review request, and the review requests that another list asks earlier.
 * Its size follows the opt-outs and reviews, not the campaign lists, which stream past it.
 */
class SuppressionIndex {

	private static final String OPTED_OUT_ALIASES = """
			SELECT buyer_alias FROM opt_outs WHERE buyer_alias IS NOT NULL
			UNION
			SELECT o.buyer_alias FROM orders o JOIN opt_outs x ON x.order_id = o.order_id
			WHERE o.buyer_alias IS NOT NULL""";

	private static final String DUPLICATE_REVIEW_REQUESTS = """
			SELECT r.list_name, r.line FROM campaign_review_requests r
			WHERE r.run_date = ? AND EXISTS (
			    SELECT 1 FROM campaign_review_requests w
			    WHERE w.run_date = r.run_date AND w.order_id = r.order_id
			      AND (COALESCE(w.planned_send_date, DATE '9999-12-31') < COALESCE(r.planned_send_date, DATE '9999-12-31')
			           OR (COALESCE(w.planned_send_date, DATE '9999-12-31') = COALESCE(r.planned_send_date, DATE '9999-12-31')
			               AND (w.list_name < r.list_name OR (w.list_name = r.list_name AND w.line < r.line)))))""";

	private final Set<String> optedOutOrders;

	private final Set<String> optedOutBuyers;

	private final Set<String> ordersOfOptedOutBuyers;

	private final Set<String> reviewedOrders;

	private final Set<String> duplicateReviewRequests;

	SuppressionIndex(Set<String> optedOutOrders, Set<String> optedOutBuyers, Set<String> ordersOfOptedOutBuyers,
			Set<String> reviewedOrders, Set<String> duplicateReviewRequests) {
		this.optedOutOrders = optedOutOrders;
		this.optedOutBuyers = optedOutBuyers;
		this.ordersOfOptedOutBuyers = ordersOfOptedOutBuyers;
		this.reviewedOrders = reviewedOrders;
		this.duplicateReviewRequests = duplicateReviewRequests;
	}

	/** @param reviewRules the message policy rules whose messages are review requests */
	static SuppressionIndex load(JdbcTemplate jdbc, LocalDate runDate, List<String> reviewRules) {
		return new SuppressionIndex(
				set(jdbc.queryForList("SELECT order_id FROM opt_outs WHERE order_id IS NOT NULL", String.class)),
				set(jdbc.queryForList(OPTED_OUT_ALIASES, String.class)),
				set(jdbc.queryForList("SELECT o.order_id FROM orders o WHERE o.buyer_alias IN (" + OPTED_OUT_ALIASES + ")",
						String.class)),
				set(reviewRules.isEmpty() ? List.of()
						: jdbc.queryForList("SELECT DISTINCT order_id FROM messages WHERE order_id IS NOT NULL AND rule_name IN ("
								+ String.join(",", reviewRules.stream().map(rule -> "?").toList()) + ")", String.class,
								reviewRules.toArray())),
				set(jdbc.query(DUPLICATE_REVIEW_REQUESTS, (row, i) -> key(row.getString(1), row.getLong(2)), runDate)));
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

	boolean isDuplicateReviewRequest(String listName, long line) {
		return duplicateReviewRequests.contains(key(listName, line));
	}

	static String key(String listName, long line) {
		return listName + '\n' + line;
	}

	private static Set<String> set(List<String> values) {
		return new HashSet<>(values);
	}

}
