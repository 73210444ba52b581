package com.optoutbatch.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

	// the registry drives the joins: it is small, the orders table is not
	private static final String OPTED_OUT_ALIASES = """
			SELECT buyer_alias FROM opt_outs WHERE buyer_alias IS NOT NULL
			UNION
			SELECT o.buyer_alias FROM opt_outs x JOIN orders o ON o.order_id = x.order_id
			WHERE o.buyer_alias IS NOT NULL""";

	/** The run's review requests in order-id order (its index), so that the requests of one order come together. */
	private static final String REVIEW_REQUESTS_BY_ORDER = """
			SELECT order_id, list_name, line, planned_send_date FROM campaign_review_requests
			WHERE run_date = ? ORDER BY order_id""";

	/** The request that is kept: the earliest planned send (unknown dates last), then by list name, then by line. */
	private static final Comparator<ReviewRequest> KEPT_FIRST = Comparator
		.comparing(ReviewRequest::plannedSendDate, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(ReviewRequest::listName)
		.thenComparingLong(ReviewRequest::line);

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
				set(jdbc.queryForList("SELECT o.order_id FROM (" + OPTED_OUT_ALIASES
						+ ") a JOIN orders o ON o.buyer_alias = a.buyer_alias", String.class)),
				set(reviewRules.isEmpty() ? List.of()
						: jdbc.queryForList("SELECT DISTINCT order_id FROM messages WHERE order_id IS NOT NULL AND rule_name IN ("
								+ String.join(",", reviewRules.stream().map(rule -> "?").toList()) + ")", String.class,
								reviewRules.toArray())),
				duplicateReviewRequests(jdbc, runDate));
	}

	/** Every review request but the one kept, for each order that several rows ask for a review; one order in memory at a time. */
	private static Set<String> duplicateReviewRequests(JdbcTemplate jdbc, LocalDate runDate) {
		Set<String> duplicates = new HashSet<>();
		List<ReviewRequest> sameOrder = new ArrayList<>();
		jdbc.query(REVIEW_REQUESTS_BY_ORDER, row -> {
			ReviewRequest request = new ReviewRequest(row.getString(2), row.getLong(3), row.getString(1),
					row.getObject(4, LocalDate.class));
			if (!sameOrder.isEmpty() && !sameOrder.get(0).orderId().equals(request.orderId())) {
				addAllButTheKept(sameOrder, duplicates);
			}
			sameOrder.add(request);
		}, runDate);
		addAllButTheKept(sameOrder, duplicates);
		return duplicates;
	}

	private static void addAllButTheKept(List<ReviewRequest> sameOrder, Set<String> duplicates) {
		if (sameOrder.size() < 2) {
			sameOrder.clear();
			return;
		}
		ReviewRequest kept = sameOrder.stream().min(KEPT_FIRST).orElseThrow();
		sameOrder.stream()
			.filter(request -> request != kept)
			.forEach(request -> duplicates.add(key(request.listName(), request.line())));
		sameOrder.clear();
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
