package com.optoutbatch.support;

import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * What counts as personal data in sellers' files, and how it is kept out of logs,
 * rejects and reports.
 */
public final class PersonalData {

	public static final String MASK = "***";

	// names, phone numbers and postal addresses, by header name (Amazon's and tools' spellings)
	private static final Pattern PERSONAL_COLUMN = Pattern.compile(
			"(buyer|recipient|ship|bill|customer|first|last|full)[-_ ]?name|^name$|phone|address|street|"
					+ "(ship|bill)[-_ ]?(city|state|postal|zip|country|county|district|region)|postal|zip|"
					+ "delivery[-_ ]?instructions|vat[-_ ]?number|tax[-_ ]?registration");

	private PersonalData() {
	}

	public static boolean isPersonalColumn(String header) {
		String name = header.trim().toLowerCase(Locale.ROOT);
		return !name.equals("product-name") && PERSONAL_COLUMN.matcher(name).find();
	}

	/** A record as a rejects file may show it: the non-blank cells of personal columns replaced by {@link #MASK}. */
	public static String maskedRecord(String[] cells, char delimiter, IntPredicate personal) {
		StringBuilder record = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				record.append(delimiter);
			}
			record.append(personal.test(i) && !cells[i].isBlank() ? MASK : cells[i]);
		}
		return record.toString();
	}

	/** {@code abcdefgh12345678@marketplace.amazon.com} becomes {@code ab***78@marketplace.amazon.com}. */
	public static String maskAlias(String alias) {
		if (alias == null || alias.isEmpty()) {
			return alias;
		}
		int at = alias.indexOf('@');
		String local = at < 0 ? alias : alias.substring(0, at);
		String domain = at < 0 ? "" : alias.substring(at);
		if (local.length() <= 4) {
			return MASK + domain;
		}
		return local.substring(0, 2) + MASK + local.substring(local.length() - 2) + domain;
	}

}
