package com.optoutbatch.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.optoutbatch.messages.ThirtyDayRule;
import com.optoutbatch.reports.ComplianceReport.Violation;
import com.optoutbatch.support.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the sent messages that broke a rule, one pass over the message log with the
 * opt-out dates and the repeated review requests loaded first.
 */
class ViolationFinder {

	/** Content flags of the classifier that the guidelines forbid outright. */
	static final Set<String> FORBIDDEN_FLAGS = Set.of("link", "email-address", "emoji", "review-incentive",
			"review-change", "marketing");

	private static final String MESSAGES = """
			SELECT m.message_key, m.order_id, COALESCE(m.recipient_alias, o.buyer_alias), m.tool, m.sent_at, m.category,
			       m.rule_name, m.flags, o.purchase_date, o.marketplace
			FROM messages m LEFT JOIN orders o ON o.order_id = m.order_id
			ORDER BY m.order_id""";

	private static final String BUYER_OPT_OUTS = """
			SELECT buyer_alias, opted_out_at FROM opt_outs WHERE buyer_alias IS NOT NULL AND opted_out_at IS NOT NULL
			UNION ALL
			SELECT o.buyer_alias, x.opted_out_at FROM opt_outs x JOIN orders o ON o.order_id = x.order_id
			WHERE o.buyer_alias IS NOT NULL AND x.opted_out_at IS NOT NULL""";

	private final JdbcTemplate jdbc;

	private final List<String> reviewRules;

	ViolationFinder(JdbcTemplate jdbc, List<String> reviewRules) {
		this.jdbc = jdbc;
		this.reviewRules = reviewRules;
	}

	/** Every violation in the message log, oldest first. */
	List<Violation> all() {
		Map<String, OffsetDateTime> orderOptOuts = earliest(
				"SELECT order_id, opted_out_at FROM opt_outs WHERE order_id IS NOT NULL AND opted_out_at IS NOT NULL");
		Map<String, OffsetDateTime> buyerOptOuts = earliest(BUYER_OPT_OUTS);
		Map<String, String> firstReviewRequests = firstReviewRequestOfOrdersAskedTwice();
		List<Violation> violations = new ArrayList<>();
		jdbc.query(MESSAGES, row -> {
			Message message = Message.of(row);
			boolean nonCritical = "NON_CRITICAL".equals(message.category());
			boolean reviewRequest = message.ruleName() != null && reviewRules.contains(message.ruleName());
			OffsetDateTime optedOut = earlier(orderOptOuts.get(message.orderId()), buyerOptOuts.get(message.alias()));
			if (nonCritical && optedOut != null && message.sentAt().isAfter(optedOut)) {
				violations.add(message.violation(ViolationKind.MESSAGE_AFTER_OPT_OUT,
						"sent after the buyer opted out on " + optedOut.toLocalDate()));
			}
			if (message.flags().contains("critical-subject")) {
				violations.add(message.violation(ViolationKind.CRITICAL_SUBJECT_MISUSE,
						"the critical subject or an [Important] tag on " + message.ruleName() + " content"));
			}
			String firstRequest = message.orderId() == null ? null : firstReviewRequests.get(message.orderId());
			if (reviewRequest && firstRequest != null && !firstRequest.equals(message.key())) {
				violations.add(message.violation(ViolationKind.REPEATED_REVIEW_REQUEST,
						"the order was already asked for a review"));
			}
			if (reviewRequest && message.purchasedAt() != null && message.sentAt().isBefore(message.purchasedAt().plusDays(5))) {
				violations.add(message.violation(ViolationKind.REVIEW_OUTSIDE_WINDOW,
						"asked within 5 days of the purchase, before delivery could be 5 days old"));
			}
			List<String> forbidden = message.flags().stream().filter(FORBIDDEN_FLAGS::contains).toList();
			if (!forbidden.isEmpty()) {
				violations.add(message.violation(ViolationKind.FORBIDDEN_CONTENT, String.join(", ", forbidden)));
			}
			if (message.flags().contains("no-order-id")) {
				violations.add(message.violation(ViolationKind.NO_ORDER_ID, "names no 17-digit order id"));
			}
			if (ThirtyDayRule.isLate(message.purchasedAt(), message.sentAt())) {
				violations.add(message.violation(ViolationKind.SENT_LATE,
						"purchased on " + message.purchasedAt().toLocalDate()));
			}
		});
		violations.sort((a, b) -> a.sentAt().compareTo(b.sentAt()));
		return violations;
	}

	/** For each order asked for a review more than once: the key of its first request. */
	private Map<String, String> firstReviewRequestOfOrdersAskedTwice() {
		Map<String, String> first = new HashMap<>();
		if (reviewRules.isEmpty()) {
			return first;
		}
		String rules = String.join(",", reviewRules.stream().map(rule -> "?").toList());
		jdbc.query("""
				SELECT m.order_id, m.message_key FROM messages m
				WHERE m.rule_name IN (%s) AND m.order_id IN (
				    SELECT order_id FROM messages WHERE rule_name IN (%s) GROUP BY order_id HAVING COUNT(*) > 1)
				ORDER BY m.order_id, m.sent_at, m.message_key""".formatted(rules, rules),
				row -> {
					first.putIfAbsent(row.getString(1), row.getString(2));
				}, concat(reviewRules.toArray(), reviewRules.toArray()));
		return first;
	}

	private Map<String, OffsetDateTime> earliest(String sql) {
		Map<String, OffsetDateTime> earliest = new HashMap<>();
		jdbc.query(sql, row -> {
			earliest.merge(row.getString(1), row.getObject(2, OffsetDateTime.class), ViolationFinder::earlier);
		});
		return earliest;
	}

	private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
		return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	/** One row of the message log, as the rules need it. */
	private record Message(String key, String orderId, String alias, String tool, OffsetDateTime sentAt,
			String category, String ruleName, List<String> flags, OffsetDateTime purchasedAt, String marketplace) {

		static Message of(ResultSet row) throws SQLException {
			String flags = row.getString(8);
			return new Message(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getObject(5, OffsetDateTime.class), row.getString(6), row.getString(7),
					flags == null || flags.isBlank() ? List.of() : List.of(flags.split(";")),
					row.getObject(9, OffsetDateTime.class), row.getString(10));
		}

		Violation violation(ViolationKind kind, String why) {
			return new Violation(kind, sentAt, orderId, PersonalData.maskAlias(alias), tool, marketplace, why);
		}

	}

}
