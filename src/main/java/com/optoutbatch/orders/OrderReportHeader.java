package com.optoutbatch.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.optoutbatch.support.PersonalData;

/**
 * The header of an order report, read by name: where the columns the job needs are, and
 * which columns hold personal data. Unknown columns are ignored.
 */
record OrderReportHeader(List<String> names, Shape shape, int orderId, int purchaseDate, int orderStatus,
		int buyerEmail, int salesChannel, int lastUpdated, boolean[] personal) {

	/** The report types of Amazon's order exports. */
	enum Shape {

		ALL_ORDERS, ORDER_REPORT, UNSHIPPED

	}

	static final int ABSENT = -1;

	private static final Set<String> ORDER_ID = Set.of("amazon-order-id", "order-id", "orderid", "amazon-order-number");

	private static final Set<String> UNSHIPPED_MARKERS = Set.of("promise-date", "days-past-promise",
			"quantity-to-ship");

	static OrderReportHeader of(List<String> cells) {
		List<String> names = new ArrayList<>(cells.size());
		for (String cell : cells) {
			names.add(normalise(cell));
		}
		int orderId = ABSENT;
		for (int i = 0; i < names.size() && orderId == ABSENT; i++) {
			if (ORDER_ID.contains(names.get(i))) {
				orderId = i;
			}
		}
		Shape shape = names.contains("amazon-order-id") ? Shape.ALL_ORDERS
				: names.stream().anyMatch(UNSHIPPED_MARKERS::contains) ? Shape.UNSHIPPED : Shape.ORDER_REPORT;
		boolean[] personal = new boolean[names.size()];
		for (int i = 0; i < names.size(); i++) {
			personal[i] = PersonalData.isPersonalColumn(names.get(i));
		}
		return new OrderReportHeader(List.copyOf(names), shape, orderId, names.indexOf("purchase-date"),
				names.indexOf("order-status"), names.indexOf("buyer-email"), names.indexOf("sales-channel"),
				names.indexOf("last-updated-date"), personal);
	}

	boolean hasOrderId() {
		return orderId != ABSENT;
	}

	String cell(String[] cells, int column) {
		if (column == ABSENT || column >= cells.length) {
			return null;
		}
		String value = cells[column].trim();
		return value.isEmpty() ? null : value;
	}

	/** The line as it may be shown in a rejects file: personal cells masked. */
	String maskedRecord(String[] cells, char delimiter) {
		return PersonalData.maskedRecord(cells, delimiter, column -> column >= personal.length || personal[column]);
	}

	static String normalise(String name) {
		return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
	}

}
