package com.optoutbatch.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bar chart of counts per ISO week, laid out for an inline SVG: the template draws what
 * this computes.
 */
public record WeeklyChart(String title, List<Bar> bars, long max, int width, int height) {

	static final int WEEKS = 26;

	private static final int BAR_WIDTH = 18;

	private static final int GAP = 4;

	private static final int PLOT_HEIGHT = 120;

	private static final int LABEL_SPACE = 34;

	/** One week: its label, count and bar geometry. */
	public record Bar(String week, long count, int x, int y, int height) {
	}

	/** The last {@link #WEEKS} weeks up to {@code end}, empty weeks included. */
	static WeeklyChart of(String title, Collection<OffsetDateTime> events, LocalDate end) {
		Map<LocalDate, Long> perWeek = new TreeMap<>();
		events.forEach(event -> perWeek.merge(weekOf(event), 1L, Long::sum));
		return of(title, perWeek, end);
	}

	/**
	 * The last {@link #WEEKS} weeks up to {@code end}, from counts per week
	 * ({@link #weekOf}).
	 */
	static WeeklyChart of(String title, Map<LocalDate, Long> perWeek, LocalDate end) {
		LocalDate lastWeek = end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Map<LocalDate, Long> counts = new TreeMap<>();
		for (int i = WEEKS - 1; i >= 0; i--) {
			LocalDate week = lastWeek.minusWeeks(i);
			counts.put(week, perWeek.getOrDefault(week, 0L));
		}
		long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
		List<Bar> bars = new ArrayList<>();
		int x = 0;
		for (Map.Entry<LocalDate, Long> week : counts.entrySet()) {
			int height = (int) Math.round(PLOT_HEIGHT * week.getValue() / (double) max);
			String label = "W" + week.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
			bars.add(new Bar(label, week.getValue(), x, PLOT_HEIGHT - height, height));
			x += BAR_WIDTH + GAP;
		}
		return new WeeklyChart(title, bars, max, x, PLOT_HEIGHT + LABEL_SPACE);
	}

	/** The week of an event: the Monday it starts on. */
	static LocalDate weekOf(OffsetDateTime event) {
		return event.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	public int barWidth() {
		return BAR_WIDTH;
	}

	public int plotHeight() {
		return PLOT_HEIGHT;
	}

	public long total() {
		return bars.stream().mapToLong(Bar::count).sum();
	}

}
