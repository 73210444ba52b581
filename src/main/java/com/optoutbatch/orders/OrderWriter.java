package com.optoutbatch.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.ArrayColumn;
import com.optoutbatch.messages.OrderHistory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts one row per order: the lines of a chunk are merged first, then the chunk's
 * orders are merged with their stored rows in one statement, the newer report's values
 * winning and nothing known being forgotten. Running it again on the same lines changes
 * nothing, and writes nothing: a stored order is only updated when the update would
 * change it (an update rewrites the row and its index entries, which is most of the cost
 * of a nightly re-reading last month's reports). The chunk's orders are noted for the
 * order history, to be read again from the database.
 */
class OrderWriter implements ItemWriter<OrderLine> {

	private static final String MERGE = """
			MERGE INTO orders o
			USING (SELECT * FROM UNNEST(CAST(? AS VARCHAR(20) ARRAY), CAST(? AS VARCHAR(32) ARRAY),
			               CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY), CAST(? AS VARCHAR(64) ARRAY),
			               CAST(? AS VARCHAR(320) ARRAY), CAST(? AS VARCHAR(512) ARRAY),
			               CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY))
			      AS s (order_id, marketplace, purchase_date, status, buyer_alias, source_file, reported_at)) s
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

	private static final List<ArrayColumn<OrderLine>> COLUMNS = List.of(ArrayColumn.text(OrderLine::orderId),
			ArrayColumn.text(OrderLine::marketplace), ArrayColumn.timestamp(OrderLine::purchaseDate),
			ArrayColumn.text(OrderLine::status), ArrayColumn.text(OrderLine::buyerAlias),
			ArrayColumn.text(OrderLine::sourceFile), ArrayColumn.timestamp(OrderLine::reportedAt));

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
		jdbc.update(MERGE, statement -> ArrayColumn.set(statement, orders.values(), COLUMNS));
		OrderHistory.noteChanged(jdbc, orders.keySet());
	}

}
