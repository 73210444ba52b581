package com.optoutbatch.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.RunFiles.UnreadInput;

/**
 * What one compliance report shows, section by section. Aliases in it are masked; it
 * holds no names, phone numbers or addresses. {@code optOutSourcesNotReadWhole} lists the
 * mailbox files, IMAP folder and opt-out lists of the run that could not be read whole:
 * when there are any, the report opens with a warning that the send lists may still hold
 * opted-out buyers.
 */
public record ComplianceReport(LocalDate runDate, LocalDate previousRunDate,
		List<UnreadInput> optOutSourcesNotReadWhole, Headline headline, Headline previous, List<NewOptOut> newOptOuts,
		Violations violations, List<RestrictionNotice> restrictionNotices, List<CampaignListResult> campaigns,
		WeeklyChart optOutsPerWeek, WeeklyChart violationsPerWeek, List<MarketplaceRow> marketplaces,
		List<InputQuality> inputs, List<String> quarantined, List<UndecidedMessage> undecided,
		List<LabelledMessage> labelled) {

	/** The numbers at the top, each compared with the previous report's. */
	public record Headline(long newOptOuts, long optedOutOrders, long optedOutBuyers, long rowsHeldBack,
			long violations, long restrictionNotices, long inputsRejected) {

		static final Headline NONE = new Headline(0, 0, 0, 0, 0, 0, 0);

	}

	public record NewOptOut(String marketplace, String orderId, String maskedAlias, OffsetDateTime optedOutAt,
			String source) {
	}

	/**
	 * A message that broke a rule: what, when, which order and tool, and why it breaks
	 * the rule.
	 */
	public record Violation(ViolationKind kind, OffsetDateTime sentAt, String orderId, String maskedAlias, String tool,
			String marketplace, String why) {
	}

	/**
	 * The violations of the report's period: how many, and per kind the oldest shown on
	 * the page.
	 */
	public record Violations(List<ViolationGroup> groups) {

		public long total() {
			return groups.stream().mapToLong(ViolationGroup::count).sum();
		}

	}

	/**
	 * The violations of one kind: how many, and the oldest of them, shown on the page.
	 */
	public record ViolationGroup(ViolationKind kind, long count, List<Violation> shown) {

		public long hidden() {
			return count - shown.size();
		}

		/** As the page shows them; {@code violations.csv} has all, of every kind. */
		public FoldedRows<Violation> rows() {
			return new FoldedRows<>(shown, count, ComplianceReportWriter.VIOLATIONS_FILE);
		}

	}

	public record RestrictionNotice(OffsetDateTime noticedAt, String marketplace, String evidence) {
	}

	/** One campaign list of the run: rows in, clean, held back by reason, rejected. */
	public record CampaignListResult(String list, long rowsIn, long clean, Map<String, Long> heldBack, long rejected,
			long criticalToOptedOut) {

		public long heldBackTotal() {
			return heldBack.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public record MarketplaceRow(String marketplace, long orders, long optedOutOrders, long newOptOuts,
			long violations) {
	}

	/**
	 * One input file of the run and what could not be used of it; for an order report,
	 * how many orders its lines gave different buyer aliases. {@code readOn}: for a file
	 * this run did not read again, unchanged, the date of the run that read it (its
	 * figures are that run's); else {@code null}.
	 */
	public record InputQuality(String job, String file, LocalDate readOn, long read, long rejected,
			List<String> topReasons, long ordersWithConflictingAliases) {
	}

	public record UndecidedMessage(String messageId, String orderId, String tool, OffsetDateTime sentAt) {
	}

	/**
	 * A message whose category the seller's label overrides: what the classifier said,
	 * what the label says, and where the label is.
	 */
	public record LabelledMessage(String messageId, String orderId, OffsetDateTime sentAt, String classifiedAs,
			String labelledAs, String label) {
	}

}
