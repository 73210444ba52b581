package com.optoutbatch.support;

import java.util.regex.Pattern;

/**
 * Amazon's order ids: {@code 123-1234567-1234567}, the first character maybe a capital
 * letter.
 */
public final class OrderIds {

	private static final Pattern ORDER_ID = Pattern.compile("(?:\\d{3}|[A-Z]\\d{2})-\\d{7}-\\d{7}");

	private static final long SIXTEEN_DIGITS = 10_000_000_000_000_000L;

	private OrderIds() {
	}

	public static boolean isOrderId(String text) {
		return ORDER_ID.matcher(text).matches();
	}

	/**
	 * An order id as a number, for primitive maps: the first character in base 36, then
	 * the sixteen digits.
	 * @throws IllegalArgumentException when it is not an order id
	 */
	public static long key(String orderId) {
		if (!isOrderId(orderId)) {
			throw new IllegalArgumentException("not an order id: " + orderId);
		}
		long key = Character.digit(orderId.charAt(0), 36);
		for (int i = 1; i < orderId.length(); i++) {
			char c = orderId.charAt(i);
			if (c != '-') {
				key = key * 10 + (c - '0');
			}
		}
		return key;
	}

	/** The order id a {@link #key} was made from. */
	public static String of(long key) {
		String digits = Long.toString(key % SIXTEEN_DIGITS + SIXTEEN_DIGITS).substring(1);
		char first = Character.toUpperCase(Character.forDigit((int) (key / SIXTEEN_DIGITS), 36));
		return first + digits.substring(0, 2) + "-" + digits.substring(2, 9) + "-" + digits.substring(9);
	}

}
