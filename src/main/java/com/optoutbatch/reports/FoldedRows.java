package com.optoutbatch.reports;

import java.util.List;

/**
 * The rows of one of the report's tables as the page shows them, so that a long table
 * does not push what needs attention out of sight: the first {@link #OPEN} open, the next
 * up to {@link #ON_PAGE} in all folded under a {@code <details>}, every one of them in
 * {@code csv}, beside the page. {@code count} is how many rows the table has in all.
 */
public record FoldedRows<T>(List<T> onPage, long count, String csv) {

	/** Rows shown open; the page says "first 20 of 516". */
	static final int OPEN = 20;

	/** Rows a table puts on the page at most, open and folded; its CSV has them all. */
	static final int ON_PAGE = 200;

	public FoldedRows {
		onPage = List.copyOf(onPage.subList(0, Math.min(onPage.size(), ON_PAGE)));
	}

	/** All of {@code rows}, the first {@link #ON_PAGE} of them on the page. */
	static <T> FoldedRows<T> of(List<T> rows, String csv) {
		return new FoldedRows<>(rows, rows.size(), csv);
	}

	public List<T> open() {
		return onPage.subList(0, Math.min(onPage.size(), OPEN));
	}

	public List<T> folded() {
		return onPage.subList(open().size(), onPage.size());
	}

	public boolean isFolded() {
		return count > OPEN;
	}

	/** The rows only the CSV has. */
	public long notOnPage() {
		return count - onPage.size();
	}

	/**
	 * The open rows, then the folded ones when there are any: one table each, the
	 * template writing the rows of both alike; none for a table without rows.
	 */
	public List<Part<T>> parts() {
		if (onPage.isEmpty()) {
			return List.of();
		}
		return folded().isEmpty() ? List.of(new Part<>(open(), false))
				: List.of(new Part<>(open(), false), new Part<>(folded(), true));
	}

	/** Rows shown together: open, or folded under a {@code <details>}. */
	public record Part<T>(List<T> rows, boolean folded) {
	}

}
