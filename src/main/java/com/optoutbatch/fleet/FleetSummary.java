package com.optoutbatch.fleet;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.optoutbatch.fleet.SellerNight.Counts;
import com.optoutbatch.fleet.SellerNight.Outcome;
import com.optoutbatch.launch.ExitCode;

/**
 * The fleet report's {@code summary.json}: the night of every seller of the fleet, those
 * that need attention first (restriction notices, then failed, not run and incomplete
 * nights, then by violations, most first), and the headline. The fleet completed only
 * when every seller did.
 */
public record FleetSummary(LocalDate runDate, double seconds, boolean completed, Headline headline,
		List<SellerNight> sellers) {

	static final Comparator<SellerNight> ATTENTION_FIRST = Comparator
		.comparing((SellerNight night) -> night.restrictionNotices() == 0)
		.thenComparing(SellerNight::outcome)
		.thenComparing(Comparator.comparingLong(SellerNight::violations).reversed())
		.thenComparing(SellerNight::seller);

	public static FleetSummary of(LocalDate runDate, List<SellerNight> sellers, Duration took) {
		List<SellerNight> ordered = sellers.stream().sorted(ATTENTION_FIRST).toList();
		return new FleetSummary(runDate, took.toMillis() / 1000.0,
				ordered.stream().allMatch(night -> night.outcome() == Outcome.COMPLETED), Headline.of(ordered),
				ordered);
	}

	/**
	 * The fleet's exit code, as a seller's: completed when every seller completed;
	 * {@link ExitCode#OPT_OUT_SOURCES_NOT_READ_WHOLE} when the others completed but for
	 * an opt-out source; else failed.
	 */
	public ExitCode exitCode() {
		if (completed) {
			return ExitCode.COMPLETED;
		}
		return headline.failed() + headline.notRun() == 0 ? ExitCode.OPT_OUT_SOURCES_NOT_READ_WHOLE : ExitCode.FAILED;
	}

	/**
	 * How many sellers ended each way, and the counts of their reports summed;
	 * {@code withoutReport} sellers have no report of that night, so none of their
	 * counts.
	 */
	public record Headline(long sellers, long completed, long failed, long notRun, long incomplete, long withoutReport,
			Counts totals) {

		static Headline of(List<SellerNight> sellers) {
			return new Headline(sellers.size(), count(sellers, Outcome.COMPLETED), count(sellers, Outcome.FAILED),
					count(sellers, Outcome.NOT_RUN), count(sellers, Outcome.INCOMPLETE),
					sellers.stream().filter(night -> night.counts() == null).count(),
					sellers.stream()
						.map(SellerNight::counts)
						.filter(Objects::nonNull)
						.reduce(Counts.NONE, Counts::plus));
		}

		private static long count(List<SellerNight> sellers, Outcome outcome) {
			return sellers.stream().filter(night -> night.outcome() == outcome).count();
		}

		public long notCompleted() {
			return sellers - completed;
		}

	}

}
