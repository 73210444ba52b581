package com.optoutbatch.orders;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A buyer's address as sellers' files hold it: lowercased, a relay {@code +suffix}
 * stripped, and the alias that Amazon Business orders share never taken as a buyer.
 */
public final class BuyerAlias {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final String SHARED_BUSINESS_ALIAS = "no-reply-amazon-iba-buyer@";

	private BuyerAlias() {
	}

	/**
	 * @return the normalised alias, or {@code null} when there is none or it is the
	 * shared business alias
	 * @throws IllegalArgumentException when the value is not an e-mail address
	 */
	public static String normalise(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String address = raw.trim().toLowerCase(Locale.ROOT);
		if (!ADDRESS.matcher(address).matches()) {
			throw new IllegalArgumentException("not an e-mail address");
		}
		int at = address.indexOf('@');
		int plus = address.indexOf('+');
		if (plus > 0 && plus < at) {
			address = address.substring(0, plus) + address.substring(at);
		}
		return address.startsWith(SHARED_BUSINESS_ALIAS) ? null : address;
	}

}
