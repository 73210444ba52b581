package com.optoutbatch.messages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.optoutbatch.support.JobTestSupport;
import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesByOrderTests extends JobTestSupport {

	private static final String COLUMNS = "m.message_key, m.order_id, m.sent_at, o.purchase_date";

	@BeforeEach
	void emptyLog() {
		TestWorkspace.reset(workspace, jdbc, "messages", "orders");
	}

	@Test
	void pagesNeverSplitAnOrderAndEveryMessageComesOnceInOrderThenThoseWithoutOne() {
		message("c2", "171-0000000-0000003", "2026-11-05T10:00:00Z");
		message("a1", "171-0000000-0000001", "2026-11-02T10:00:00Z");
		message("b1", "171-0000000-0000002", "2026-11-03T10:00:00Z");
		message("a2", "171-0000000-0000001", "2026-11-04T10:00:00Z");
		message("b2", "171-0000000-0000002", "2026-11-01T10:00:00Z");
		message("c1", "171-0000000-0000003", "2026-11-01T10:00:00Z");
		message("b3", "171-0000000-0000002", "2026-11-06T10:00:00Z");
		for (int i = 1; i <= 5; i++) {
			message("none" + i, null, "2026-11-0" + i + "T10:00:00Z");
		}
		// the same time twice: the key decides, and paging must not skip the second
		message("none6", null, "2026-11-05T10:00:00Z");

		List<List<String>> pages = pagesOf(3);

		assertThat(pages.stream().flatMap(List::stream)).containsExactly("a1", "a2", "b2", "b1", "b3", "c1", "c2",
				"none1", "none2", "none3", "none4", "none5", "none6");
		assertThat(pages).first().isEqualTo(List.of("a1", "a2"));
	}

	@Test
	void anOrderWithMoreMessagesThanAPageIsReadWhole() {
		for (int i = 1; i <= 5; i++) {
			message("big" + i, "171-0000000-0000001", "2026-11-0" + i + "T10:00:00Z");
		}
		message("small", "171-0000000-0000002", "2026-11-01T10:00:00Z");

		assertThat(pagesOf(2)).containsExactly(List.of("big1", "big2", "big3", "big4", "big5"), List.of("small"));
	}

	@Test
	void anEmptyLogHasNoPage() {
		assertThat(pagesOf(2)).isEmpty();
	}

	private List<List<String>> pagesOf(int pageSize) {
		MessagesByOrder<String> messages = new MessagesByOrder<>(jdbc, COLUMNS,
				(row, number) -> row.getString("message_key"), pageSize);
		List<List<String>> pages = new ArrayList<>();
		for (List<String> page = messages.next(); !page.isEmpty(); page = messages.next()) {
			pages.add(page);
		}
		return pages;
	}

	private void message(String key, String orderId, String sentAt) {
		jdbc.update("""
				INSERT INTO messages (message_key, order_id, sent_at, category, reason, flags, source_file, source_line,
				                      imported_at)
				VALUES (?, ?, ?, 'CRITICAL', 'test', '', 'log.csv', 1, ?)""", key, orderId,
				OffsetDateTime.parse(sentAt), OffsetDateTime.parse(sentAt));
	}

}
