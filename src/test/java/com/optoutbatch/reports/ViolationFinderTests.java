package com.optoutbatch.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.optoutbatch.reports.ComplianceReport.Violation;
import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.messages.OrderHistory;
import com.optoutbatch.support.StoredData;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ViolationFinderTests extends JobTestSupport {

	@Autowired
	StoredData storedData;

	static final String ORDER = "171-1111111-2222222";

	static final String OTHER_ORDER = "171-1111111-3333333";

	static final ReportPeriod EVERY_DAY = new ReportPeriod(LocalDate.MIN, LocalDate.MAX);

	@BeforeEach
	void emptyLog() {
		TestWorkspace.reset(workspace, jdbc, "messages", "opt_outs", "orders");
		jdbc.update("""
				INSERT INTO orders (order_id, marketplace, purchase_date, buyer_alias, source_file, reported_at)
				VALUES (?, 'amazon.com', ?, 'k8v2bq9z4mx7whc@marketplace.amazon.com', 'report.txt', ?)""", ORDER,
				OffsetDateTime.parse("2026-11-01T10:00:00Z"), OffsetDateTime.parse("2026-11-02T10:00:00Z"));
	}

	@Test
	void everyReviewRequestAfterTheFirstOfAnOrderIsRepeatedWhateverTheOrderTheyWereStored() {
		message("c", ORDER, "2026-11-20T10:00:00Z", "NON_CRITICAL", "review-request");
		message("a", ORDER, "2026-11-10T10:00:00Z", "NON_CRITICAL", "review-request");
		message("b", ORDER, "2026-11-12T10:00:00Z", "CRITICAL", "delivery-scheduling");
		message("d", OTHER_ORDER, "2026-11-11T10:00:00Z", "NON_CRITICAL", "review-request");

		List<Violation> violations = new ArrayList<>();
		finder().review(EVERY_DAY, violations::add);
		List<Violation> repeated = violations.stream()
			.filter(violation -> violation.kind() == ViolationKind.REPEATED_REVIEW_REQUEST)
			.toList();

		assertThat(repeated).extracting(Violation::orderId, Violation::sentAt)
			.containsExactly(tuple(ORDER, OffsetDateTime.parse("2026-11-20T10:00:00Z")));
	}

	@Test
	void eachRuleOfTheGuidelinesFindsTheMessagesThatBrokeIt() {
		jdbc.update("""
				INSERT INTO opt_outs (opt_out_key, order_id, opted_out_at, source, evidence)
				VALUES ('notice-1', ?, ?, 'MAILBOX', 'notice')""", OTHER_ORDER,
				OffsetDateTime.parse("2026-11-05T10:00:00Z"));
		message("before-opt-out", OTHER_ORDER, "2026-11-04T10:00:00Z", "NON_CRITICAL", "courtesy");
		message("after-opt-out", OTHER_ORDER, "2026-11-06T10:00:00Z", "NON_CRITICAL", "courtesy");
		message("critical-after-opt-out", OTHER_ORDER, "2026-11-07T10:00:00Z", "CRITICAL", "delivery-scheduling");
		message("important-tag", ORDER, "2026-11-08T10:00:00Z", "NON_CRITICAL", "marketing", "critical-subject");
		message("early-review", ORDER, "2026-11-03T10:00:00Z", "NON_CRITICAL", "review-request");
		message("link-and-emoji", ORDER, "2026-11-09T10:00:00Z", "CRITICAL", "delivery-scheduling", "link;emoji");
		message("no-order-id", ORDER, "2026-11-10T10:00:00Z", "CRITICAL", "delivery-scheduling", "no-order-id");
		message("late", ORDER, "2026-12-05T10:00:00Z", "CRITICAL", "delivery-scheduling");

		List<Violation> violations = new ArrayList<>();
		finder().review(EVERY_DAY, violations::add);

		assertThat(violations).extracting(Violation::kind, Violation::why)
			.containsExactlyInAnyOrder(
					tuple(ViolationKind.MESSAGE_AFTER_OPT_OUT, "sent after the buyer opted out on 2026-11-05"),
					tuple(ViolationKind.CRITICAL_SUBJECT_MISUSE,
							"the critical subject or an [Important] tag on marketing content"),
					tuple(ViolationKind.REVIEW_OUTSIDE_WINDOW,
							"asked within 5 days of the purchase, before delivery could be 5 days old"),
					tuple(ViolationKind.FORBIDDEN_CONTENT, "link, emoji"),
					tuple(ViolationKind.NO_ORDER_ID, "names no 17-digit order id"),
					tuple(ViolationKind.SENT_LATE, "purchased on 2026-11-01"));
	}

	@Test
	void undecidedMessagesAreFoundInTheSamePassOldestFirst() {
		message("late", null, "2026-11-21T10:00:00Z", "UNDECIDED", null);
		message("early", ORDER, "2026-11-03T10:00:00Z", "UNDECIDED", null);
		message("plain", ORDER, "2026-11-04T10:00:00Z", "CRITICAL", "delivery-scheduling");

		assertThat(finder().review(EVERY_DAY, violation -> {
		}).undecided()).extracting(ComplianceReport.UndecidedMessage::messageId).containsExactly("early", "late");
	}

	@Test
	void aReviewOfTheSameStoredDataIsTheLastOneAndANewlyReadMessageIsReviewedWithTheRest() {
		message("a", ORDER, "2026-11-10T10:00:00Z", "NON_CRITICAL", "review-request");
		message("b", ORDER, "2026-11-12T10:00:00Z", "NON_CRITICAL", "review-request");
		List<Violation> first = new ArrayList<>();
		finder().review(EVERY_DAY, first::add);
		List<Violation> again = new ArrayList<>();
		finder().review(EVERY_DAY, again::add);
		assertThat(workspace.output("reports", ".last-review.json")).exists();
		assertThat(again).isEqualTo(first).isNotEmpty();

		// as a night reads it: the input ledger says a file was read into the database
		message("c", ORDER, "2026-11-14T10:00:00Z", "NON_CRITICAL", "review-request");
		jdbc.update(
				"""
						INSERT INTO input_ledger (job_name, run_date, run_attempt, input_path, size_bytes, modified_ns,
						                          pinned_at, outcome)
						VALUES ('importMessages', DATE '2026-11-27', 1, 'messages/log.csv', 1, 0, CURRENT_TIMESTAMP, 'READ')""");
		List<Violation> withTheNewOne = new ArrayList<>();
		finder().review(EVERY_DAY, withTheNewOne::add);

		assertThat(withTheNewOne).hasSize(first.size() + 1);
	}

	@Test
	void aReviewKeepsWhatItsPeriodOrALaterOneCanShowAndCountsEveryViolationPerWeek() throws Exception {
		message("early", OTHER_ORDER, "2026-11-03T10:00:00Z", "CRITICAL", "delivery-scheduling", "link");
		message("later", OTHER_ORDER, "2026-11-20T10:00:00Z", "CRITICAL", "delivery-scheduling", "link");
		ReportPeriod fromTheTenth = new ReportPeriod(LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-30"));

		List<Violation> found = new ArrayList<>();
		ViolationFinder.Reviewed reviewed = finder().review(fromTheTenth, found::add);

		assertThat(found).extracting(Violation::sentAt).containsExactly(OffsetDateTime.parse("2026-11-20T10:00:00Z"));
		assertThat(reviewed.violationsPerWeek()).containsExactly(Map.entry(LocalDate.parse("2026-11-02"), 1L),
				Map.entry(LocalDate.parse("2026-11-16"), 1L));
		ReportPeriod december = new ReportPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"));
		assertThat(finder().review(december, violation -> {
		})).as("taken again for a later period").isEqualTo(reviewed);
		ReportPeriod november = new ReportPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
		assertThat(finder().review(november, violation -> {
		}).violations()).as("reviewed again for an earlier one").hasSize(2);

		Path kept = workspace.output("reports", ".last-review.json");
		Files.writeString(kept, Files.readString(kept).replaceFirst("\"keptFrom\":\"[0-9-]+\",", ""));
		assertThat(finder().review(december, violation -> {
		}).keptFrom()).as("a review kept without its first day is made again").isEqualTo("2026-12-01");
	}

	private ViolationFinder finder() {
		return new ViolationFinder(jdbc, List.of("review-request"), storedData, new OrderHistory(jdbc, workspace),
				workspace);
	}

	private void message(String id, String orderId, String sentAt, String category, String rule) {
		message(id, orderId, sentAt, category, rule, "");
	}

	private void message(String id, String orderId, String sentAt, String category, String rule, String flags) {
		jdbc.update(
				"""
						INSERT INTO messages (message_key, message_id, tool, order_id, sent_at, category, rule_name, reason, flags,
						                      source_file, source_line, imported_at)
						VALUES (?, ?, 'ZonMaster', ?, ?, ?, ?, 'test', ?, 'log.csv', 1, ?)""",
				"id-" + id, id, orderId, OffsetDateTime.parse(sentAt), category, rule, flags,
				OffsetDateTime.parse(sentAt));
		// as the message writer does
		OrderHistory.noteChanged(jdbc, Collections.singletonList(orderId));
	}

}
