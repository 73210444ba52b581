package com.optoutbatch.orders;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts one row per order: the lines of a chunk are merged first, then each order is
 * merged with its stored row, the newer report's values winning and nothing known being
 * forgotten. Running it again on the same lines changes nothing, and writes nothing: a
 * stored order is only updated when the update would change it (an update rewrites the
 * row and its index entries, which is most of the cost of a nightly re-reading last
 * month's reports).
 */
class OrderWriter implements ItemWriter<OrderLine> {

	private static final String MERGE = """
			MERGE INTO orders o
			USING (VALUES (CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(32)), CAST(? AS TIMESTAMP WITH TIME ZONE),
			               CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(512)),
			               CAST(? AS TIMESTAMP WITH TIME ZONE)))
			      AS s (order_id, marketplace, purchase_date, status, buyer_alias, source_file, reported_at)
			ON o.order_id = s.order_id
			WHEN MATCHED AND (s.reported_at > o.reported_at
			    OR (o.marketplace IS NULL AND s.marketplace IS NOT NULL)
			    OR (o.purchase_date IS NULL AND s.purchase_date IS NOT NULL)
			    OR (o.status IS NULL AND s.status IS NOT NULL)
			    OR (o.buyer_alias IS NULL AND s.buyer_alias IS NOT NULL)
			    OR (s.reported_at = o.reported_at AND (s.marketplace <> o.marketplace OR s.status <> o.status
			        OR s.buyer_alias <> o.buyer_alias OR s.source_file <> o.source_file))) THEN UPDATE SET
			    marketplace = CASE WHEN s.reported_at >= o.reported_at THEN COALESCE(s.marketplace, o.marketplace)
			                       ELSE COALESCE(o.marketplace, s.marketplace) END,
			    purchase_date = COALESCE(o.purchase_date, s.purchase_date),
			    status = CASE WHEN s.reported_at >= o.reported_at THEN COALESCE(s.status, o.status)
			                  ELSE COALESCE(o.status, s.status) END,
			    buyer_alias = CASE WHEN s.reported_at >= o.reported_at THEN COALESCE(s.buyer_alias, o.buyer_alias)
			                       ELSE COALESCE(o.buyer_alias, s.buyer_alias) END,
			    source_file = CASE WHEN s.reported_at >= o.reported_at THEN s.source_file ELSE o.source_file END,
			    reported_at = GREATEST(s.reported_at, o.reported_at)
			WHEN NOT MATCHED THEN
			    INSERT (order_id, marketplace, purchase_date, status, buyer_alias, source_file, reported_at)
			    VALUES (s.order_id, s.marketplace, s.purchase_date, s.status, s.buyer_alias, s.source_file, s.reported_at)
			""";

	private final JdbcTemplate jdbc;

	OrderWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void write(Chunk<? extends OrderLine> lines) {
		Map<String, OrderLine> orders = new LinkedHashMap<>();
		for (OrderLine line : lines) {
			orders.merge(line.orderId(), line, OrderLine::mergedWith);
		}
		jdbc.batchUpdate(MERGE, orders.values(), orders.size(), (statement, order) -> {
			statement.setString(1, order.orderId());
			statement.setString(2, order.marketplace());
			statement.setObject(3, order.purchaseDate());
			statement.setString(4, order.status());
			statement.setString(5, order.buyerAlias());
			statement.setString(6, order.sourceFile());
			statement.setObject(7, order.reportedAt());
		});
	}

}
