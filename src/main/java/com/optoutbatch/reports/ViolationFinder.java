package com.optoutbatch.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.optoutbatch.messages.ContentFlag;
import com.optoutbatch.messages.MessageCategory;
import com.optoutbatch.messages.ReviewWindow;
import com.optoutbatch.messages.ThirtyDayRule;
import com.optoutbatch.reports.ComplianceReport.UndecidedMessage;
import com.optoutbatch.reports.ComplianceReport.Violation;
import com.optoutbatch.messages.OrderHistory;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.StoredData;
import com.optoutbatch.support.Timestamps;
import com.optoutbatch.support.Workspace;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reviews the message log in one pass, the messages of each order together and in the
 * order they were sent, with the opt-out dates loaded first: the messages that broke a
 * rule, and those the classifier could not decide.
 */
class ViolationFinder {

	/** Content flags of the classifier that the guidelines forbid outright. */
	static final Set<String> FORBIDDEN_FLAGS = Stream
		.of(ContentFlag.LINK, ContentFlag.EMAIL_ADDRESS, ContentFlag.EMOJI, ContentFlag.REVIEW_INCENTIVE,
				ContentFlag.REVIEW_CHANGE, ContentFlag.MARKETING)
		.map(ContentFlag::code)
		.collect(Collectors.toUnmodifiableSet());

	private static final String ORDER_OPT_OUTS = """
			SELECT order_id, opted_out_at FROM opt_outs WHERE order_id IS NOT NULL AND opted_out_at IS NOT NULL""";

	private static final String BUYER_OPT_OUTS = """
			SELECT buyer_alias, opted_out_at FROM opt_outs WHERE buyer_alias IS NOT NULL AND opted_out_at IS NOT NULL
			UNION ALL
			SELECT o.buyer_alias, x.opted_out_at FROM opt_outs x JOIN orders o ON o.order_id = x.order_id
			WHERE o.buyer_alias IS NOT NULL AND x.opted_out_at IS NOT NULL""";

	private final JdbcTemplate jdbc;

	private final List<String> reviewRules;

	private final StoredData storedData;

	private final OrderHistory history;

	private final Workspace workspace;

	// where the last review is kept, for the next
	private final Path lastReview;

	private final JsonMapper json = JsonMapper.builder().build();

	ViolationFinder(JdbcTemplate jdbc, List<String> reviewRules, StoredData storedData, OrderHistory history,
			Workspace workspace) {
		this.jdbc = jdbc;
		this.reviewRules = reviewRules;
		this.storedData = storedData;
		this.history = history;
		this.workspace = workspace;
		this.lastReview = workspace.output("reports", ".last-review.json");
	}

	/**
	 * Reviews every message of the log, and hands the violations that {@code period} or a
	 * later one can show to {@code found} (each order's together, in the order sent).
	 * What it found is kept for the next report: a report of the same stored data and
	 * review rules, whose period starts no earlier, takes it again instead of reading
	 * every message.
	 */
	Reviewed review(ReportPeriod period, Consumer<Violation> found) {
		String from = storedData.version(StoredData.ALL, String.join(",", reviewRules));
		Reviewed last = lastReview();
		// a review kept by an earlier version of the file has no keptFrom
		if (last != null && last.from().equals(from) && last.keptFrom() != null
				&& !period.from().isBefore(last.keptFrom())) {
			last.violations().forEach(found);
			return last;
		}
		List<Violation> violations = new ArrayList<>();
		Map<LocalDate, Long> perWeek = new TreeMap<>();
		Pass pass = new Pass(earliest(ORDER_OPT_OUTS), earliest(BUYER_OPT_OUTS), violation -> {
			perWeek.merge(WeeklyChart.weekOf(violation.sentAt()), 1L, Long::sum);
			if (period.notBefore(violation.sentAt())) {
				violations.add(violation);
				found.accept(violation);
			}
		});
		Map<String, Long> orders = new TreeMap<>();
		String[] lastOrder = new String[1];
		// an order's lines share its purchase date: read once per order
		OffsetDateTime[] purchased = new OffsetDateTime[1];
		history.forEach(line -> {
			if (line.orderId() == null || !line.orderId().equals(lastOrder[0])) {
				purchased[0] = line.purchased();
				if (line.orderKnown()) {
					orders.merge(ComplianceReportBuilder.name(line.marketplace()), 1L, Long::sum);
				}
			}
			if (line.isMessage()) {
				pass.check(Message.of(line, purchased[0]));
			}
			lastOrder[0] = line.orderId();
		});
		List<UndecidedMessage> undecided = pass.undecided.stream()
			.filter(message -> period.notBefore(message.sentAt()))
			.sorted(Comparator.comparing(UndecidedMessage::sentAt))
			.toList();
		Reviewed reviewed = new Reviewed(from, period.from(), violations, undecided, perWeek, orders);
		PublishedFile.write(workspace, lastReview, StandardCharsets.UTF_8,
				writer -> writer.write(json.writeValueAsString(reviewed)));
		return reviewed;
	}

	/**
	 * What a review found, from which stored data and review rules: the violations and
	 * undecided messages sent from {@code keptFrom} on (no later report shows older
	 * ones), every violation counted per week ({@link WeeklyChart#weekOf}), and the
	 * stored orders by marketplace, as the report names it.
	 */
	record Reviewed(String from, LocalDate keptFrom, List<Violation> violations, List<UndecidedMessage> undecided,
			Map<LocalDate, Long> violationsPerWeek, Map<String, Long> ordersByMarketplace) {
	}

	private Reviewed lastReview() {
		try {
			return Files.isRegularFile(lastReview) ? json.readValue(lastReview.toFile(), Reviewed.class) : null;
		}
		catch (JacksonException unreadable) {
			return null;
		}
	}

	private Map<String, OffsetDateTime> earliest(String sql) {
		Map<String, OffsetDateTime> earliest = new HashMap<>();
		jdbc.query(sql, row -> {
			earliest.merge(row.getString(1), Timestamps.read(row, 2), ViolationFinder::earlier);
		});
		return earliest;
	}

	private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
		return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
	}

	/**
	 * One pass over the messages: the opt-out dates, the order passing now, what was
	 * found.
	 */
	private final class Pass {

		private final Map<String, OffsetDateTime> orderOptOuts;

		private final Map<String, OffsetDateTime> buyerOptOuts;

		private final Consumer<Violation> found;

		private final List<UndecidedMessage> undecided = new ArrayList<>();

		private String orderId;

		private boolean orderAskedForReview;

		Pass(Map<String, OffsetDateTime> orderOptOuts, Map<String, OffsetDateTime> buyerOptOuts,
				Consumer<Violation> found) {
			this.orderOptOuts = orderOptOuts;
			this.buyerOptOuts = buyerOptOuts;
			this.found = found;
		}

		void check(Message message) {
			if (MessageCategory.UNDECIDED.name().equals(message.category())) {
				undecided.add(new UndecidedMessage(message.id(), message.orderId(), message.tool(), message.sentAt()));
			}
			OffsetDateTime optedOut = earlier(orderOptOuts.get(message.orderId()), buyerOptOuts.get(message.alias()));
			if (MessageCategory.NON_CRITICAL.name().equals(message.category()) && optedOut != null
					&& message.sentAt().isAfter(optedOut)) {
				report(message, ViolationKind.MESSAGE_AFTER_OPT_OUT,
						"sent after the buyer opted out on " + optedOut.toLocalDate());
			}
			if (message.flags().contains(ContentFlag.CRITICAL_SUBJECT.code())) {
				report(message, ViolationKind.CRITICAL_SUBJECT_MISUSE,
						"the critical subject or an [Important] tag on " + message.ruleName() + " content");
			}
			if (message.ruleName() != null && reviewRules.contains(message.ruleName())) {
				if (alreadyAskedForReview(message.orderId())) {
					report(message, ViolationKind.REPEATED_REVIEW_REQUEST, "the order was already asked for a review");
				}
				if (message.purchasedAt() != null
						&& message.sentAt().isBefore(message.purchasedAt().plusDays(ReviewWindow.FIRST_DAY))) {
					report(message, ViolationKind.REVIEW_OUTSIDE_WINDOW,
							"asked within " + ReviewWindow.FIRST_DAY
									+ " days of the purchase, before delivery could be " + ReviewWindow.FIRST_DAY
									+ " days old");
				}
			}
			List<String> forbidden = message.flags().stream().filter(FORBIDDEN_FLAGS::contains).toList();
			if (!forbidden.isEmpty()) {
				report(message, ViolationKind.FORBIDDEN_CONTENT, String.join(", ", forbidden));
			}
			if (message.flags().contains(ContentFlag.NO_ORDER_ID.code())) {
				report(message, ViolationKind.NO_ORDER_ID, "names no 17-digit order id");
			}
			if (ThirtyDayRule.isLate(message.purchasedAt(), message.sentAt())) {
				report(message, ViolationKind.SENT_LATE, "purchased on " + message.purchasedAt().toLocalDate());
			}
		}

		/**
		 * Notes a review request for the order; whether an earlier message of the order
		 * already asked.
		 */
		private boolean alreadyAskedForReview(String orderId) {
			if (orderId == null) {
				return false;
			}
			if (!orderId.equals(this.orderId)) {
				this.orderId = orderId;
				this.orderAskedForReview = false;
			}
			boolean asked = orderAskedForReview;
			orderAskedForReview = true;
			return asked;
		}

		private void report(Message message, ViolationKind kind, String why) {
			found.accept(new Violation(kind, message.sentAt(), message.orderId(),
					PersonalData.maskAlias(message.alias()), message.tool(), message.marketplace(), why));
		}

	}

	/** One message of the order history, as the rules need it. */
	private record Message(String key, String id, String orderId, String alias, String tool, OffsetDateTime sentAt,
			String category, String ruleName, List<String> flags, OffsetDateTime purchasedAt, String marketplace) {

		static Message of(OrderHistory.Line line, OffsetDateTime purchasedAt) {
			String flags = line.flags();
			return new Message(line.messageKey(), line.messageId() != null ? line.messageId() : line.messageKey(),
					line.orderId(), line.recipientAlias() != null ? line.recipientAlias() : line.buyerAlias(),
					line.tool(), line.sent(), line.category(), line.ruleName(),
					flags == null || flags.isBlank() ? List.of() : List.of(flags.split(";")), purchasedAt,
					line.marketplace());
		}

	}

}
