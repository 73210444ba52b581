package com.optoutbatch.optouts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Timestamps;
import com.optoutbatch.support.Workspace;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The opt-out registry: one opt-out per order (or per buyer known only by alias), the
 * earliest notice winning, and the account-restriction notices beside it. Recording the
 * same notice again changes nothing.
 */
@Component
public class OptOutRegistry {

	public static final String[] CSV_HEADER = { "marketplace", "order_id", "buyer_alias", "opted_out_at", "source",
			"evidence" };

	// an earlier dated notice replaces the row; an undated one only fills what is missing
	private static final String EARLIER = "s.opted_out_at IS NOT NULL AND (o.opted_out_at IS NULL OR s.opted_out_at < o.opted_out_at)";

	private static final String MERGE_OPT_OUT = """
			MERGE INTO opt_outs o
			USING (VALUES (CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(32)),
			               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(1024))))
			      AS s (opt_out_key, order_id, buyer_alias, marketplace, opted_out_at, source, evidence)
			ON o.opt_out_key = s.opt_out_key
			WHEN MATCHED THEN UPDATE SET
			    opted_out_at = CASE WHEN %1$s THEN s.opted_out_at ELSE o.opted_out_at END,
			    source = CASE WHEN %1$s THEN s.source ELSE o.source END,
			    evidence = CASE WHEN %1$s THEN s.evidence ELSE o.evidence END,
			    marketplace = CASE WHEN %1$s THEN COALESCE(s.marketplace, o.marketplace)
			                       ELSE COALESCE(o.marketplace, s.marketplace) END,
			    buyer_alias = COALESCE(o.buyer_alias, s.buyer_alias)
			WHEN NOT MATCHED THEN
			    INSERT (opt_out_key, order_id, buyer_alias, marketplace, opted_out_at, source, evidence)
			    VALUES (s.opt_out_key, s.order_id, s.buyer_alias, s.marketplace, s.opted_out_at, s.source, s.evidence)
			"""
		.formatted(EARLIER);

	private static final String MERGE_RESTRICTION = """
			MERGE INTO restriction_notices r
			USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(32)), CAST(? AS TIMESTAMP WITH TIME ZONE),
			               CAST(? AS VARCHAR(1024))))
			      AS s (notice_key, marketplace, noticed_at, evidence)
			ON r.notice_key = s.notice_key
			WHEN NOT MATCHED THEN
			    INSERT (notice_key, marketplace, noticed_at, evidence)
			    VALUES (s.notice_key, s.marketplace, s.noticed_at, s.evidence)
			""";

	// the alias and marketplace of an order come from the orders table when the source
	// did not give them
	private static final String SELECT_ALL = """
			SELECT o.order_id, COALESCE(o.buyer_alias, r.buyer_alias) AS buyer_alias,
			       COALESCE(o.marketplace, r.marketplace) AS marketplace, o.opted_out_at, o.source, o.evidence
			FROM opt_outs o LEFT JOIN orders r ON r.order_id = o.order_id
			""";

	private static final Comparator<OptOut> CSV_ORDER = Comparator
		.comparing(OptOut::marketplace, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(OptOut::orderId, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(OptOut::buyerAlias, Comparator.nullsLast(Comparator.naturalOrder()));

	private final JdbcTemplate jdbc;

	public OptOutRegistry(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Collection<OptOut> optOuts) {
		jdbc.batchUpdate(MERGE_OPT_OUT, optOuts, optOuts.size(), (statement, optOut) -> {
			statement.setString(1, optOut.key());
			statement.setString(2, optOut.orderId());
			statement.setString(3, optOut.buyerAlias());
			statement.setString(4, optOut.marketplace());
			statement.setObject(5, Timestamps.stored(optOut.optedOutAt()));
			statement.setString(6, optOut.source().name());
			statement.setString(7, truncate(optOut.evidence(), 1024));
		});
	}

	public void recordRestrictions(Collection<RestrictionNotice> notices) {
		jdbc.batchUpdate(MERGE_RESTRICTION, notices, notices.size(), (statement, notice) -> {
			statement.setString(1, truncate(notice.key(), 512));
			statement.setString(2, notice.marketplace());
			statement.setObject(3, Timestamps.stored(notice.noticedAt()));
			statement.setString(4, truncate(notice.evidence(), 1024));
		});
	}

	/**
	 * The whole registry, each opt-out completed from the orders table, in the order of
	 * the CSV.
	 */
	public List<OptOut> all() {
		return jdbc
			.query(SELECT_ALL,
					(row, i) -> new OptOut(row.getString("marketplace"), row.getString("order_id"),
							row.getString("buyer_alias"), Timestamps.read(row, "opted_out_at"),
							OptOutSource.valueOf(row.getString("source")), row.getString("evidence")))
			.stream()
			.sorted(CSV_ORDER)
			.toList();
	}

	public List<RestrictionNotice> restrictionNotices() {
		return jdbc.query(
				"SELECT notice_key, marketplace, noticed_at, evidence FROM restriction_notices ORDER BY notice_key",
				(row, i) -> new RestrictionNotice(row.getString("notice_key"), row.getString("marketplace"),
						Timestamps.read(row, "noticed_at"), row.getString("evidence")));
	}

	/** Writes the whole registry to {@code file}, replacing it at once. */
	public int export(Workspace workspace, Path file) {
		List<OptOut> optOuts = all();
		PublishedFile.write(workspace, file, StandardCharsets.UTF_8, writer -> {
			SafeCsv.Printer csv = SafeCsv.wrap(writer, SafeCsv.FORMAT, CSV_HEADER);
			for (OptOut optOut : optOuts) {
				csv.printRecord(optOut.marketplace(), optOut.orderId(), optOut.buyerAlias(),
						Timestamps.format(optOut.optedOutAt()), optOut.source().name(), optOut.evidence());
			}
		});
		return optOuts.size();
	}

	private static String truncate(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

}
