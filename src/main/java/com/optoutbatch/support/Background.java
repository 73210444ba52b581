package com.optoutbatch.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value worked out on a thread of its own from the moment this is made, while the caller
 * goes on with work that does not need it, such as look-up sets loaded from the database
 * while a step reads its input files. {@link #get()} waits for it. Beside other work on an
 * HSQLDB database it gained nothing when measured (README, Performance).
 */
public final class Background<T> {

	private final CompletableFuture<T> value;

	/** @param name the thread's name, for the logs and profilers */
	public Background(String name, Supplier<T> work) {
		// not the common pool: parallel streams work on it
		this.value = CompletableFuture.supplyAsync(work, task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** The value, once worked out; what failed the work fails the caller. */
	public T get() {
		try {
			return value.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

}
