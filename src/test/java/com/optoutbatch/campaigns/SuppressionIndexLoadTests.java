package com.optoutbatch.campaigns;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionIndexLoadTests {

	@Test
	void loadsOnAThreadOfItsOwnAndHandsTheIndexOver() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SuppressionIndex loaded = new SuppressionIndex(Set.of("112-3456789-0123456"), Set.of(), Set.of(), Set.of(),
				new KeptReviewRequests());
		String[] loadingThread = new String[1];
		SuppressionIndexLoad load = new SuppressionIndexLoad(() -> {
			loadingThread[0] = Thread.currentThread().getName();
			started.countDown();
			await(release);
			return loaded;
		});

		// the load runs before anyone asks for the index, and the caller is not held up meanwhile
		started.await();
		release.countDown();

		assertThat(load.index()).isSameAs(loaded);
		assertThat(loadingThread[0]).isEqualTo("suppression-index");
		assertThat(load.index().isOptedOutOrder("112-3456789-0123456")).isTrue();
	}

	@Test
	void whatFailedTheLoadFailsTheStepThatAsks() {
		DataAccessResourceFailureException failure = new DataAccessResourceFailureException("database gone");
		SuppressionIndexLoad load = new SuppressionIndexLoad(() -> {
			throw failure;
		});

		assertThatThrownBy(load::index).isSameAs(failure);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
