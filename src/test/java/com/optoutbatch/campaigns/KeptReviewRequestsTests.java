package com.optoutbatch.campaigns;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeptReviewRequestsTests {

	static final String ORDER = "113-1234567-7654321";

	final KeptReviewRequests requests = new KeptReviewRequests();

	@Test
	void theEarliestPlannedSendIsKeptWhateverTheOrderTheyCameIn() {
		note("zonmaster.queue", 9, ORDER, "2026-11-30");
		note("generic.nov", 4, ORDER, "2026-11-27");
		note("bqool.eu", 2, ORDER, "2026-11-29");

		assertThat(requests.isDuplicate("generic.nov", 4, ORDER)).isFalse();
		assertThat(requests.isDuplicate("zonmaster.queue", 9, ORDER)).isTrue();
		assertThat(requests.isDuplicate("bqool.eu", 2, ORDER)).isTrue();
	}

	@Test
	void onTheSameDayTheListNameThenTheLineDecides() {
		note("zonmaster.queue", 1, ORDER, "2026-11-28");
		note("generic.nov", 8, ORDER, "2026-11-28");
		note("generic.nov", 5, ORDER, "2026-11-28");

		assertThat(requests.isDuplicate("generic.nov", 5, ORDER)).isFalse();
		assertThat(requests.isDuplicate("generic.nov", 8, ORDER)).isTrue();
		assertThat(requests.isDuplicate("zonmaster.queue", 1, ORDER)).isTrue();
	}

	@Test
	void anUnknownPlannedSendComesLast() {
		note("a.first", 1, ORDER, null);
		note("z.last", 1, ORDER, "1900-01-01");

		assertThat(requests.isDuplicate("z.last", 1, ORDER)).isFalse();
		assertThat(requests.isDuplicate("a.first", 1, ORDER)).isTrue();
	}

	@Test
	void aRequestAloneForItsOrderIsNoDuplicate() {
		note("generic.nov", 3, ORDER, "2026-11-28");
		note("generic.nov", 4, "D01-1234567-7654321", "2026-11-20");

		assertThat(requests.isDuplicate("generic.nov", 3, ORDER)).isFalse();
		assertThat(requests.isDuplicate("generic.nov", 4, "D01-1234567-7654321")).isFalse();
		assertThat(requests.isDuplicate("other.list", 3, "171-0000000-0000000")).isFalse();
		assertThat(requests.orders()).isEqualTo(2);
	}

	private void note(String list, long line, String orderId, String plannedSendDate) {
		requests.note(new ReviewRequest(list, line, orderId,
				plannedSendDate == null ? null : LocalDate.parse(plannedSendDate)));
	}

}
