package com.optoutbatch.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import com.optoutbatch.reports.ComplianceReport.Violation;
import com.optoutbatch.reports.ComplianceReport.ViolationGroup;
import com.optoutbatch.reports.ComplianceReport.Violations;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Timestamps;

/**
 * Takes the violations one at a time, as the finder meets them, so that the report's
 * memory does not grow with the message log: those of the report's period go to
 * {@code violations.csv} and are counted by kind and marketplace, and the oldest
 * {@link #SHOWN_PER_KIND} of each kind are kept for the page.
 */
final class ReportedViolations implements Consumer<Violation>, AutoCloseable {

	/** Rows of one kind of violation shown on the page; all are in violations.csv. */
	static final int SHOWN_PER_KIND = FoldedRows.ON_PAGE;

	private static final Comparator<Violation> OLDEST_FIRST = Comparator.comparing(Violation::sentAt);

	private final ReportPeriod period;

	private final PublishedFile file;

	private final SafeCsv.Printer csv;

	private final Map<ViolationKind, Long> byKind = new EnumMap<>(ViolationKind.class);

	private final Map<String, Long> byMarketplace = new HashMap<>();

	/** Per kind, the oldest met so far, the newest of them at the head to make room. */
	private final Map<ViolationKind, PriorityQueue<Violation>> oldest = new EnumMap<>(ViolationKind.class);

	/**
	 * Writes into {@code file}'s partial file; the report's writer publishes it with the
	 * page.
	 */
	ReportedViolations(ReportPeriod period, PublishedFile file) {
		this.period = period;
		this.file = file;
		this.csv = SafeCsv.wrap(file.create(StandardCharsets.UTF_8), SafeCsv.FORMAT, "kind", "sent_at", "order_id",
				"buyer_alias", "tool", "marketplace", "why");
	}

	@Override
	public void accept(Violation violation) {
		if (!period.contains(violation.sentAt())) {
			return;
		}
		csv.printRecord(violation.kind(), Timestamps.format(violation.sentAt()), violation.orderId(),
				violation.maskedAlias(), violation.tool(), violation.marketplace(), violation.why());
		byKind.merge(violation.kind(), 1L, Long::sum);
		byMarketplace.merge(violation.marketplace(), 1L, Long::sum);
		PriorityQueue<Violation> kept = oldest.computeIfAbsent(violation.kind(),
				kind -> new PriorityQueue<>(OLDEST_FIRST.reversed()));
		kept.add(violation);
		if (kept.size() > SHOWN_PER_KIND) {
			kept.poll();
		}
	}

	/** The violations of the period, by kind, each kind's oldest first. */
	Violations violations() {
		List<ViolationGroup> groups = new ArrayList<>();
		byKind.forEach((kind, count) -> {
			List<Violation> shown = new ArrayList<>(oldest.get(kind));
			shown.sort(OLDEST_FIRST);
			groups.add(new ViolationGroup(kind, count, shown));
		});
		return new Violations(groups);
	}

	/**
	 * The violations of the period per marketplace ({@code null} for those of unknown
	 * orders).
	 */
	Map<String, Long> byMarketplace() {
		return byMarketplace;
	}

	@Override
	public void close() {
		file.close();
	}

}
