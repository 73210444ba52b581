package com.optoutbatch.support;

import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * What counts as personal data in sellers' files, and how it is kept out of logs, rejects
 * and reports.
 */
public final class PersonalData {

	public static final String MASK = "***";

	// names, phone numbers and postal addresses, by header name (Amazon's and tools'
	// spellings)
	private static final Pattern PERSONAL_COLUMN = Pattern
		.compile("(buyer|recipient|ship|bill|customer|first|last|full)[-_ ]?name|^name$|phone|address|street|"
				+ "(ship|bill)[-_ ]?(city|state|postal|zip|country|county|district|region)|postal|zip|"
				+ "delivery[-_ ]?instructions|vat[-_ ]?number|tax[-_ ]?registration");

	private static final Pattern MARKETPLACE_ALIAS = Pattern
		.compile("[^@\\s]+@marketplace\\.amazon\\.[a-z]{2,3}(?:\\.[a-z]{2})?", Pattern.CASE_INSENSITIVE);

	// longer than any date shape an export writes
	private static final int LONGEST_DATE = 40;

	private PersonalData() {
	}

	public static boolean isPersonalColumn(String header) {
		String name = header.trim().toLowerCase(Locale.ROOT);
		return !name.equals("product-name") && PERSONAL_COLUMN.matcher(name).find();
	}

	/**
	 * A record as a rejects file may show it: the non-blank cells of personal columns
	 * replaced by {@link #MASK}.
	 */
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

	/**
	 * A record whose columns cannot be known (more or fewer cells than the header, no
	 * header, a list without a layout, a line that could not be parsed): only what looks
	 * like an order id, a date or a marketplace alias is kept, the alias masked; every
	 * other non-blank cell becomes {@link #MASK}.
	 */
	public static String maskedWithoutColumns(String[] cells, char delimiter) {
		StringBuilder record = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				record.append(delimiter);
			}
			record.append(maskedWithoutColumn(cells[i]));
		}
		return record.toString();
	}

	/**
	 * A line of text that could not be parsed into cells, as
	 * {@link #maskedWithoutColumns} shows it: cut at the delimiter, its quotes dropped.
	 */
	public static String maskedLine(String line, char delimiter) {
		return maskedWithoutColumns(line.replace("\"", "").split(Pattern.quote(String.valueOf(delimiter)), -1),
				delimiter);
	}

	/**
	 * One cell of a record whose columns cannot be known (see
	 * {@link #maskedWithoutColumns}).
	 */
	public static String maskedWithoutColumn(String cell) {
		String value = cell.strip();
		if (value.isEmpty() || isOrderId(value) || isDate(value)) {
			return value;
		}
		return isMarketplaceAlias(value) ? maskAlias(value) : MASK;
	}

	/** {@code 112-3456789-0123456}, the first character may be a capital letter. */
	public static boolean isOrderId(String value) {
		return OrderIds.isOrderId(value);
	}

	/**
	 * An address at {@code marketplace.amazon.<domain>}: the alias Amazon gives a buyer.
	 */
	public static boolean isMarketplaceAlias(String value) {
		return MARKETPLACE_ALIAS.matcher(value).matches();
	}

	/** A date in one of the shapes {@link ExportDates} reads. */
	public static boolean isDate(String value) {
		if (value.length() > LONGEST_DATE || value.chars().noneMatch(Character::isDigit)) {
			return false;
		}
		try {
			ExportDates.parse(value);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/**
	 * {@code abcdefgh12345678@marketplace.amazon.com} becomes
	 * {@code ab***78@marketplace.amazon.com}.
	 */
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
