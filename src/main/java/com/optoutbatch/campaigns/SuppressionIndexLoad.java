package com.optoutbatch.campaigns;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The suppression index of a run, loaded on a thread of its own from the moment this is
 * made: its queries then run while the first pass reads the lists, which does not need it.
 * The second pass takes it with {@link #index()}.
 */
final class SuppressionIndexLoad {

	private final CompletableFuture<SuppressionIndex> loading;

	SuppressionIndexLoad(Supplier<SuppressionIndex> load) {
		// not the common pool: the first pass parses the lists on it
		this.loading = CompletableFuture.supplyAsync(load, task -> {
			Thread thread = new Thread(task, "suppression-index");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** The index, once loaded; what failed the load fails the caller. */
	SuppressionIndex index() {
		try {
			return loading.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

}
