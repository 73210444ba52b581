package com.optoutbatch.messages;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The stored messages with their orders, a page at a time: each order's messages together
 * and in the order they were sent, orders by id, then the messages that name no order.
 * Pages follow the messages' (order_id, sent_at, message_key) index, and the join with
 * the orders walks in step. One query for all would be simpler, but HSQLDB builds a whole
 * result, on disk when it is large, before it returns its first row; a page at a time
 * keeps that result small however many messages there are.
 */
final class MessagesByOrder<T> {

	private static final int PAGE_SIZE = 10_000;

	private static final String FROM = " FROM messages m LEFT JOIN orders o ON o.order_id = m.order_id";

	private final JdbcTemplate jdbc;

	private final String select;

	private final RowMapper<T> mapper;

	private final RowMapper<Keyed<T>> keyed;

	private final int pageSize;

	// the last order whose messages were all read; null once the messages of every order
	// were
	private String readUpTo = "";

	// the last message without an order that was read
	private Keyed<T> lastWithoutOrder;

	private boolean done;

	/**
	 * @param columns the columns to read, of {@code m} (messages) and {@code o} (orders);
	 * they must hold {@code m.order_id}, {@code m.sent_at} and {@code m.message_key}
	 */
	MessagesByOrder(JdbcTemplate jdbc, String columns, RowMapper<T> mapper) {
		this(jdbc, columns, mapper, PAGE_SIZE);
	}

	MessagesByOrder(JdbcTemplate jdbc, String columns, RowMapper<T> mapper, int pageSize) {
		this.jdbc = jdbc;
		this.pageSize = pageSize;
		this.select = "SELECT " + columns + FROM;
		this.mapper = mapper;
		this.keyed = (row, number) -> new Keyed<>(row.getString("order_id"),
				row.getObject("sent_at", OffsetDateTime.class), row.getString("message_key"),
				mapper.mapRow(row, number));
	}

	/** The next page; empty once every message was read. */
	List<T> next() {
		while (!done) {
			List<T> page = readUpTo != null ? nextOrders() : nextWithoutOrder();
			if (!page.isEmpty()) {
				return page;
			}
		}
		return List.of();
	}

	private List<T> nextOrders() {
		// the bound on the orders too, redundant as it is: without it PostgreSQL merges
		// each page
		// with the orders' index from its start
		List<Keyed<T>> page = jdbc.query(select + " AND o.order_id > ? WHERE m.order_id > ? "
				+ "ORDER BY m.order_id, m.sent_at, m.message_key LIMIT " + pageSize, keyed, readUpTo, readUpTo);
		if (page.size() < pageSize) {
			readUpTo = null;
			return values(page);
		}
		// the page may end inside an order: its messages are read with the next page
		String lastOrder = page.get(page.size() - 1).orderId();
		int end = page.size();
		while (end > 0 && page.get(end - 1).orderId().equals(lastOrder)) {
			end--;
		}
		if (end == 0) {
			// one order with a page of messages or more
			readUpTo = lastOrder;
			return jdbc.query(select + " WHERE m.order_id = ? ORDER BY m.sent_at, m.message_key", mapper, lastOrder);
		}
		readUpTo = page.get(end - 1).orderId();
		return values(page.subList(0, end));
	}

	private List<T> nextWithoutOrder() {
		String order = " ORDER BY m.sent_at, m.message_key LIMIT " + pageSize;
		List<Keyed<T>> page = lastWithoutOrder == null ? jdbc.query(select + " WHERE m.order_id IS NULL" + order, keyed)
				: jdbc.query(select
						+ " WHERE m.order_id IS NULL AND (m.sent_at > ? OR (m.sent_at = ? AND m.message_key > ?))"
						+ order, keyed, lastWithoutOrder.sentAt(), lastWithoutOrder.sentAt(),
						lastWithoutOrder.messageKey());
		done = page.size() < pageSize;
		lastWithoutOrder = page.isEmpty() ? null : page.get(page.size() - 1);
		return values(page);
	}

	private static <T> List<T> values(List<Keyed<T>> page) {
		return page.stream().map(Keyed::value).toList();
	}

	private record Keyed<T>(String orderId, OffsetDateTime sentAt, String messageKey, T value) {
	}

}
