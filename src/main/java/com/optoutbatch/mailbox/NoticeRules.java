package com.optoutbatch.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MailDateFormat;

import org.jsoup.parser.Parser;

/**
 * The phrase table and the Amazon domains of {@code mailbox/notice-rules.properties},
 * extended by a user's file, with the one normalisation that every match goes through.
 */
final class NoticeRules {

	static final String DEFAULTS = "/mailbox/notice-rules.properties";

	private static final List<String> LISTS = List.of("amazon.domains", "forward.markers", "forward.prefixes",
			"forward.from", "forward.date");

	/**
	 * Characters that print as nothing: soft hyphen, zero-width spaces and joiners, BOM.
	 */
	private static final String INVISIBLE = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

	private final Set<String> amazonDomains;

	private final List<String> optOutBody;

	private final List<String> optOutSubject;

	private final List<String> restriction;

	private final List<String> forwardMarkers;

	private final Pattern forwardPrefix;

	private final Pattern forwardFrom;

	private final Pattern forwardDate;

	private final Map<String, String> marketplaceIds;

	private NoticeRules(Properties rules) {
		amazonDomains = new LinkedHashSet<>(list(rules, "amazon.domains"));
		optOutBody = normalisedValues(rules, "optout.body.");
		optOutSubject = normalisedValues(rules, "optout.subject.");
		restriction = normalisedValues(rules, "restriction.");
		forwardMarkers = list(rules, "forward.markers").stream().map(NoticeRules::normalise).toList();
		forwardPrefix = Pattern.compile(
				"^\\s*(?:\\[?(?:" + alternatives(list(rules, "forward.prefixes")) + ")\\s*[:：]\\]?\\s*)+",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		forwardFrom = Pattern.compile(
				"^[\\s*>]*(?:" + alternatives(list(rules, "forward.from")) + ")\\s*\\*?\\s*[:：]\\s*(.+)$",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		forwardDate = Pattern.compile(
				"^[\\s*>]*(?:" + alternatives(list(rules, "forward.date")) + ")\\s*\\*?\\s*[:：]\\s*(.+)$",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		marketplaceIds = new LinkedHashMap<>();
		rules.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith("marketplace-id."))
			.forEach(key -> marketplaceIds.put(key.substring("marketplace-id.".length()).toUpperCase(Locale.ROOT),
					rules.getProperty(key).trim().toLowerCase(Locale.ROOT)));
	}

	/** The built-in rules, extended by {@code extension} when it is given. */
	static NoticeRules load(Path extension) {
		Properties rules = new Properties();
		try (InputStream in = NoticeRules.class.getResourceAsStream(DEFAULTS)) {
			rules.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			if (extension != null) {
				Properties more = new Properties();
				try (Reader reader = Files.newBufferedReader(extension, StandardCharsets.UTF_8)) {
					more.load(reader);
				}
				for (String key : more.stringPropertyNames()) {
					String value = more.getProperty(key);
					rules.setProperty(key, LISTS.contains(key) ? rules.getProperty(key, "") + "," + value : value);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the notice rules " + (extension == null ? DEFAULTS : extension),
					e);
		}
		return new NoticeRules(rules);
	}

	static NoticeRules defaults() {
		return load(null);
	}

	/**
	 * The form every text and phrase is compared in: entities decoded, full-width forms
	 * folded, lowercase, typographic apostrophes plain, quote marks and all whitespace
	 * gone.
	 */
	static String normalise(String text) {
		String decoded = text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text;
		String folded = Normalizer.normalize(decoded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder normalised = new StringBuilder(folded.length());
		boolean lineStart = true;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c == '\n') {
				lineStart = true;
			}
			else if (lineStart && (c == '>' || c == ' ' || c == '\t')) {
				continue;
			}
			else {
				lineStart = false;
			}
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && INVISIBLE.indexOf(c) < 0) {
				normalised.append(switch (c) {
					case '\u2019', '\u2018', '\u00B4', '`' -> '\'';
					default -> c;
				});
			}
		}
		return normalised.toString();
	}

	boolean isAmazon(String domain) {
		if (domain == null) {
			return false;
		}
		for (String amazon : amazonDomains) {
			if (domain.equals(amazon) || domain.endsWith("." + amazon)) {
				return true;
			}
		}
		return false;
	}

	boolean hasOptOutSentence(String normalisedText) {
		return containsAny(normalisedText, optOutBody);
	}

	boolean hasOptOutSubject(String subject) {
		return containsAny(normalise(subject), optOutSubject);
	}

	boolean hasRestrictionWording(String normalisedText, String subject) {
		return containsAny(normalisedText, restriction) || containsAny(normalise(subject), restriction);
	}

	boolean isForwardSubject(String subject) {
		return forwardPrefix.matcher(subject).find();
	}

	boolean hasForwardMarker(String normalisedText) {
		return containsAny(normalisedText, forwardMarkers);
	}

	boolean isForwardMarker(String line) {
		String normalised = normalise(line);
		return !normalised.isEmpty() && normalised.length() < 120 && containsAny(normalised, forwardMarkers);
	}

	/**
	 * The address on a forwarded block's sender line
	 * ({@code From: Amazon <x@amazon.de>}), or {@code null}.
	 */
	String forwardedSender(String line) {
		Matcher matcher = forwardFrom.matcher(line);
		return matcher.find() ? MessageParser.address(matcher.group(1)) : null;
	}

	/**
	 * The date on a forwarded block's date line, when it is in RFC 5322 form;
	 * {@code null} otherwise.
	 */
	OffsetDateTime forwardedDate(String line) {
		Matcher matcher = forwardDate.matcher(line);
		if (!matcher.find()) {
			return null;
		}
		try {
			Date date = new MailDateFormat().parse(matcher.group(1).trim());
			return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
		}
		catch (ParseException | RuntimeException e) {
			return null;
		}
	}

	String marketplaceOfId(String marketplaceId) {
		return marketplaceId == null ? null : marketplaceIds.get(marketplaceId.trim().toUpperCase(Locale.ROOT));
	}

	private static boolean containsAny(String normalisedText, List<String> phrases) {
		for (String phrase : phrases) {
			if (normalisedText.contains(phrase)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> normalisedValues(Properties rules, String prefix) {
		return rules.stringPropertyNames()
			.stream()
			.filter(key -> key.startsWith(prefix))
			.sorted()
			.map(rules::getProperty)
			.filter(value -> !value.isBlank())
			.map(NoticeRules::normalise)
			.toList();
	}

	private static List<String> list(Properties rules, String key) {
		List<String> values = new ArrayList<>();
		Arrays.stream(rules.getProperty(key, "").split(","))
			.map(String::trim)
			.filter(value -> !value.isEmpty())
			.map(value -> key.equals("amazon.domains") ? value.toLowerCase(Locale.ROOT) : value)
			.forEach(values::add);
		return values;
	}

	private static String alternatives(List<String> values) {
		return String.join("|", values.stream().map(Pattern::quote).toList());
	}

}
