package com.optoutbatch.orders;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Amazon marketplace of an order, written as its domain ({@code amazon.de},
 * {@code amazon.co.jp}). Unknown stays {@code null}: a guess would file an opt-out under
 * the wrong marketplace.
 */
public final class Marketplace {

	private static final Pattern AMAZON_DOMAIN = Pattern.compile("(?:^|[@.])(amazon\\.[a-z]{2,3}(?:\\.[a-z]{2})?)$");

	private Marketplace() {
	}

	/**
	 * From a {@code sales-channel} value such as {@code Amazon.co.uk}; {@code Non-Amazon}
	 * gives none.
	 */
	public static String ofSalesChannel(String salesChannel) {
		return salesChannel == null ? null : domain(salesChannel.trim().toLowerCase(Locale.ROOT));
	}

	/** From an alias such as {@code abc@marketplace.amazon.de}. */
	public static String ofAlias(String alias) {
		return alias == null ? null : domain(alias.toLowerCase(Locale.ROOT));
	}

	/**
	 * A marketplace given by the user: {@code amazon.de}, {@code Amazon.de} or
	 * {@code www.amazon.de}.
	 */
	public static String ofParameter(String value) {
		return value == null || value.isBlank() ? null : domain(value.trim().toLowerCase(Locale.ROOT));
	}

	private static String domain(String value) {
		Matcher matcher = AMAZON_DOMAIN.matcher(value);
		return matcher.find() ? matcher.group(1) : null;
	}

}
