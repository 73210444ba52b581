package com.optoutbatch.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderHistoryTests extends JobTestSupport {

	private OrderHistory history;

	@BeforeEach
	void emptyHistory() {
		TestWorkspace.reset(workspace, jdbc, "messages", "orders", "order_history", "changed_orders");
		history = new OrderHistory(jdbc, workspace);
	}

	@Test
	void everyOrderComesWithItsMessagesInTheOrderSentThenTheMessagesThatNameNone() {
		order("171-0000000-0000002", "b@marketplace.amazon.com");
		order("171-0000000-0000001", "a@marketplace.amazon.com");
		message("a2", "171-0000000-0000001", "2026-11-04T10:00:00Z");
		message("a1", "171-0000000-0000001", "2026-11-02T10:00:00Z");
		message("unknown", "171-0000000-0000009", "2026-11-03T10:00:00Z");
		message("none", null, "2026-11-01T10:00:00Z");

		history.update();

		assertThat(lines()).containsExactly("171-0000000-0000001 a1 known a@marketplace.amazon.com",
				"171-0000000-0000001 a2 known a@marketplace.amazon.com",
				"171-0000000-0000002 - known b@marketplace.amazon.com", "171-0000000-0000009 unknown - -",
				"- none - -");
	}

	@Test
	void aChangedOrderIsReadAgainAndMergedInPlaceAndTheRestIsKept() throws Exception {
		for (int i = 1; i <= 9; i++) {
			order("171-0000000-000000" + i, "buyer" + i + "@marketplace.amazon.com");
			message("m" + i, "171-0000000-000000" + i, "2026-11-0" + i + "T10:00:00Z");
		}
		history.update();
		Path file = workspace.output("messages", OrderHistory.FILE);
		Path classified = workspace.output("messages", "classified.csv");

		jdbc.update(
				"UPDATE orders SET buyer_alias = 'other@marketplace.amazon.com', purchase_date = ? WHERE order_id = ?",
				OffsetDateTime.parse("2026-10-01T10:00:00Z"), "171-0000000-0000005");
		message("m5b", "171-0000000-0000005", "2026-11-20T10:00:00Z");
		message("new", "171-0000000-0000010", "2026-11-21T10:00:00Z");
		message("late", null, "2026-11-22T10:00:00Z");
		// as the writers do, in the transaction of the change
		OrderHistory.noteChanged(jdbc, Arrays.asList("171-0000000-0000005", "171-0000000-0000010", null));
		history.update();
		List<String> merged = lines();
		String classifiedAfterMerge = Files.readString(classified);
		FileTime written = Files.getLastModifiedTime(file);

		assertThat(merged).contains("171-0000000-0000005 m5 known other@marketplace.amazon.com",
				"171-0000000-0000005 m5b known other@marketplace.amazon.com", "171-0000000-0000010 new - -",
				"- late - -");
		assertThat(classifiedAfterMerge).contains("m5,171-0000000-0000005,CRITICAL,\"test, with a comma\",sent-late,")
			.contains("m4,171-0000000-0000004,CRITICAL,\"test, with a comma\",,2026-11-04T10:00:00Z")
			.contains("late,,CRITICAL");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM changed_orders", Long.class)).isZero();
		history.update();
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);

		Files.delete(file);
		history.update();
		assertThat(lines()).isEqualTo(merged);
		assertThat(classified).hasContent(classifiedAfterMerge);
	}

	@Test
	void aFileOfAnotherVersionIsMadeAgainWhole() throws Exception {
		order("171-0000000-0000001", "a@marketplace.amazon.com");
		history.update();
		Path file = workspace.output("messages", OrderHistory.FILE);
		String made = Files.readString(file);
		order("171-0000000-0000002", "b@marketplace.amazon.com");
		jdbc.update("DELETE FROM order_history");

		history.update();

		assertThat(Files.readString(file)).isNotEqualTo(made);
		assertThat(lines()).hasSize(2);
	}

	@Test
	void aFileCutShortIsNeitherReadShortNorMergedButMadeAgain() throws Exception {
		for (int i = 1; i <= 4; i++) {
			order("171-0000000-000000" + i, "buyer" + i + "@marketplace.amazon.com");
		}
		history.update();
		Path file = workspace.output("messages", OrderHistory.FILE);
		cutLastLine(file);

		assertThatIllegalStateException().isThrownBy(this::lines)
			.withMessage("output/messages/.orders-and-messages.csv holds 3 lines, not the 4 it was written with");
		assertThat(file).doesNotExist();
		assertThat(lines()).hasSize(4);

		cutLastLine(file);
		order("171-0000000-0000005", "buyer5@marketplace.amazon.com");
		OrderHistory.noteChanged(jdbc, List.of("171-0000000-0000005"));

		assertThat(lines()).hasSize(5);
	}

	@Test
	void aClassifiedFileEditedByHandOrAnIndexLostIsNotMergedButMadeAgain() throws Exception {
		for (int i = 1; i <= 9; i++) {
			message("m" + i, "171-0000000-000000" + i, "2026-11-0" + i + "T10:00:00Z");
		}
		history.update();
		Path classified = workspace.output("messages", "classified.csv");
		String made = Files.readString(classified);
		// the same length, one row changed
		Files.writeString(classified,
				made.replace("m4,171-0000000-0000004,CRITICAL", "m4,171-0000000-0000004,CRITICEL"));

		message("m5b", "171-0000000-0000005", "2026-11-20T10:00:00Z");
		OrderHistory.noteChanged(jdbc, List.of("171-0000000-0000005"));
		history.update();

		assertThat(classified).content().doesNotContain("CRITICEL").contains("m5b,");
		String merged = Files.readString(classified);
		Files.delete(workspace.output("messages", OrderHistory.INDEX));
		message("m6b", "171-0000000-0000006", "2026-11-21T10:00:00Z");
		OrderHistory.noteChanged(jdbc, List.of("171-0000000-0000006"));
		history.update();

		assertThat(classified).content().startsWith(merged.substring(0, merged.indexOf("m6,"))).contains("m6b,");
		assertThat(lines()).hasSize(11);
	}

	private static void cutLastLine(Path file) throws Exception {
		String whole = Files.readString(file);
		Files.writeString(file, whole.substring(0, whole.stripTrailing().lastIndexOf('\n') + 1));
	}

	private List<String> lines() {
		List<String> lines = new ArrayList<>();
		history.forEach(line -> lines.add(orDash(line.orderId()) + " " + orDash(line.messageKey()) + " "
				+ (line.orderKnown() ? "known" : "-") + " " + orDash(line.buyerAlias())));
		return lines;
	}

	private static String orDash(String value) {
		return value == null ? "-" : value;
	}

	private void order(String orderId, String alias) {
		jdbc.update("""
				INSERT INTO orders (order_id, marketplace, purchase_date, buyer_alias, source_file, reported_at)
				VALUES (?, 'Amazon.com', ?, ?, 'report.txt', ?)""", orderId,
				OffsetDateTime.parse("2026-11-01T10:00:00Z"), alias, OffsetDateTime.parse("2026-11-01T10:00:00Z"));
	}

	private void message(String key, String orderId, String sentAt) {
		jdbc.update("""
				INSERT INTO messages (message_key, order_id, sent_at, category, reason, flags, source_file, source_line,
				                      imported_at)
				VALUES (?, ?, ?, 'CRITICAL', 'test, with a comma', '', 'log.csv', 1, ?)""", key, orderId,
				OffsetDateTime.parse(sentAt), OffsetDateTime.parse(sentAt));
	}

}
