package com.optoutbatch.support;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates as sellers' exports write them (order reports, tools' logs): ISO-8601 with an
 * offset first, then the shapes older reports, other marketplaces and tools use. A date
 * without a zone is taken as UTC.
 */
public final class ExportDates {

	private static final List<DateTimeFormatter> ZONED = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			pattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX"), pattern("yyyy-MM-dd HH:mm:ss[.SSS] XXX"),
			pattern("yyyy-MM-dd HH:mm:ss z"), pattern("MMM d, yyyy h:mm:ss a z"), pattern("d MMM yyyy HH:mm:ss z"),
			pattern("dd.MM.yyyy HH:mm:ss z"), pattern("yyyy/MM/dd HH:mm:ss z"));

	private static final List<DateTimeFormatter> LOCAL = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
			pattern("yyyy-MM-dd HH:mm[:ss]"), pattern("dd.MM.yyyy HH:mm[:ss]"), pattern("yyyy/MM/dd HH:mm[:ss]"),
			pattern("MM/dd/yyyy HH:mm[:ss]"));

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			pattern("dd.MM.yyyy"), pattern("yyyy/MM/dd"), pattern("MM/dd/yyyy"));

	// 03/04/2020 is read month first (US); a first number above 12 can only be a day
	private static final Pattern DAY_FIRST = Pattern.compile("^(1[3-9]|2\\d|3[01])/.*");

	private static final List<DateTimeFormatter> LOCAL_DAY_FIRST = List.of(pattern("dd/MM/yyyy HH:mm[:ss]"));

	private static final List<DateTimeFormatter> DATES_DAY_FIRST = List.of(pattern("dd/MM/yyyy"));

	// a date and time with no zone, which none of the zoned shapes can read
	private static final Pattern ZONELESS_ISO_DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");

	private ExportDates() {
	}

	/**
	 * @throws DateTimeParseException when no known shape fits
	 */
	public static OffsetDateTime parse(String text) {
		String value = text.trim();
		if (value.length() == 10) {
			LocalDate isoDate = isoDate(value);
			if (isoDate != null) {
				return isoDate.atStartOfDay().atOffset(ZoneOffset.UTC);
			}
		}
		OffsetDateTime isoDateTime = isoOffsetDateTime(value);
		if (isoDateTime != null) {
			return isoDateTime;
		}
		if (!ZONELESS_ISO_DATE_TIME.matcher(value).matches()) {
			for (DateTimeFormatter format : ZONED) {
				TemporalAccessor parsed = tryParse(format, value);
				if (parsed != null) {
					return ZonedDateTime.from(parsed).toOffsetDateTime();
				}
			}
		}
		boolean dayFirst = DAY_FIRST.matcher(value).matches();
		for (DateTimeFormatter format : dayFirst ? LOCAL_DAY_FIRST : LOCAL) {
			TemporalAccessor parsed = tryParse(format, value);
			if (parsed != null) {
				return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
			}
		}
		for (DateTimeFormatter format : dayFirst ? DATES_DAY_FIRST : DATES) {
			TemporalAccessor parsed = tryParse(format, value);
			if (parsed != null) {
				return LocalDate.from(parsed).atStartOfDay().atOffset(ZoneOffset.UTC);
			}
		}
		throw new DateTimeParseException("not a date in any known shape", value, 0);
	}

	/*
	 * The two shapes of most dates, read straight from their digits: an ISO date
	 * (2026-11-27), in most campaign lists, and an ISO date and time with an offset
	 * (2026-11-27T10:15:30-08:00), in most order reports and message logs. A formatter
	 * took a fifth of a campaign row's time and two fifths of an order line's. null for
	 * any other shape, or a day or time that does not exist, which the formatters then
	 * try.
	 */

	// yyyy-MM-dd at the start of value
	private static LocalDate isoDate(String value) {
		if (value.charAt(4) != '-' || value.charAt(7) != '-') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	// yyyy-MM-ddTHH:mm:ss, a fraction of up to nine digits or none, then Z or +HH:MM
	private static OffsetDateTime isoOffsetDateTime(String value) {
		int length = value.length();
		if (length < 20 || value.charAt(10) != 'T' || value.charAt(13) != ':' || value.charAt(16) != ':') {
			return null;
		}
		LocalDate date = isoDate(value);
		int hour = digits(value, 11, 13);
		int minute = digits(value, 14, 16);
		int second = digits(value, 17, 19);
		if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int end = 19;
		int nanos = 0;
		if (value.charAt(end) == '.') {
			int start = ++end;
			while (end < length && Character.isDigit(value.charAt(end)) && end - start < 9) {
				end++;
			}
			nanos = digits(value, start, end);
			if (end == start || nanos < 0) {
				return null;
			}
			for (int i = end - start; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset offset = offset(value, end);
		return offset == null ? null : OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), offset);
	}

	// Z or +HH:MM, and nothing after it
	private static ZoneOffset offset(String value, int start) {
		int length = value.length() - start;
		if (length == 1 && value.charAt(start) == 'Z') {
			return ZoneOffset.UTC;
		}
		char sign = length == 6 ? value.charAt(start) : ' ';
		if ((sign != '+' && sign != '-') || value.charAt(start + 3) != ':') {
			return null;
		}
		int hours = digits(value, start + 1, start + 3);
		int minutes = digits(value, start + 4, start + 6);
		if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > 18 * 60) {
			return null;
		}
		int seconds = hours * 3600 + minutes * 60;
		return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
	}

	// the number the digits from start to end spell; -1 when one is not a digit
	private static int digits(String value, int start, int end) {
		int number = 0;
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	private static TemporalAccessor tryParse(DateTimeFormatter format, String value) {
		// most shapes tried do not fit: ruling them out without an exception makes a date
		// many times cheaper
		ParsePosition position = new ParsePosition(0);
		try {
			if (format.parseUnresolved(value, position) == null || position.getIndex() != value.length()) {
				return null;
			}
			return format.parse(value);
		}
		catch (DateTimeException e) {
			// an offset past 23 hours throws while it is parsed, not as a parse failure
			return null;
		}
	}

	private static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(Locale.ENGLISH)
			.withResolverStyle(ResolverStyle.SMART);
	}

}
