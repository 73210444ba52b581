package com.optoutbatch.support;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTests {

	@Test
	void worksTheValueOutOnAThreadOfItsOwnWhileTheCallerGoesOn() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch callerWentOn = new CountDownLatch(1);
		String[] workingThread = new String[1];
		Background<String> value = new Background<>("look-ups", () -> {
			workingThread[0] = Thread.currentThread().getName();
			started.countDown();
			await(callerWentOn);
			return "loaded";
		});

		// the work starts before anyone asks for the value, and the caller is not held up meanwhile
		started.await();
		callerWentOn.countDown();

		assertThat(value.get()).isEqualTo("loaded");
		assertThat(value.get()).isEqualTo("loaded");
		assertThat(workingThread[0]).isEqualTo("look-ups");
	}

	@Test
	void whatFailedTheWorkFailsTheCaller() {
		DataAccessResourceFailureException failure = new DataAccessResourceFailureException("database gone");
		Background<String> value = new Background<>("look-ups", () -> {
			throw failure;
		});

		assertThatThrownBy(value::get).isSameAs(failure);
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
