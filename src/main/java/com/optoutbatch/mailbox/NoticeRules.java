package com.optoutbatch.mailbox;

import java.nio.file.Path;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MailDateFormat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.optoutbatch.support.RulesFile;
import org.jsoup.parser.Parser;
import tools.jackson.core.type.TypeReference;

/**
 * The phrase table and the Amazon domains of {@code mailbox/notice-rules.yml}, extended
 * by a user's file, with the one normalisation that every match goes through.
 */
final class NoticeRules {

	static final String DEFAULTS = "/mailbox/notice-rules.yml";

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

	private NoticeRules(RulesOfFile rules) {
		amazonDomains = new LinkedHashSet<>(
				trimmed(rules.amazonDomains()).stream().map(domain -> domain.toLowerCase(Locale.ROOT)).toList());
		optOutBody = normalised(rules.optOut().body());
		optOutSubject = normalised(rules.optOut().subject());
		restriction = normalised(rules.restriction());
		forwardMarkers = trimmed(rules.forward().markers()).stream().map(NoticeRules::normalise).toList();
		forwardPrefix = Pattern.compile(
				"^\\s*(?:\\[?(?:" + alternatives(rules.forward().prefixes()) + ")\\s*[:：]\\]?\\s*)+",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		forwardFrom = Pattern.compile(
				"^[\\s*>]*(?:" + alternatives(rules.forward().from()) + ")\\s*\\*?\\s*[:：]\\s*(.+)$",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		forwardDate = Pattern.compile(
				"^[\\s*>]*(?:" + alternatives(rules.forward().date()) + ")\\s*\\*?\\s*[:：]\\s*(.+)$",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		marketplaceIds = new LinkedHashMap<>();
		rules.marketplaceIds().forEach((id, marketplace) -> {
			if (marketplace != null) {
				marketplaceIds.put(id.trim().toUpperCase(Locale.ROOT), marketplace.trim().toLowerCase(Locale.ROOT));
			}
		});
	}

	/**
	 * The built-in rules, extended by {@code extension} when it is given.
	 * @param parameter the job parameter or setting that names {@code extension}
	 */
	static NoticeRules load(String parameter, Path extension) {
		return new NoticeRules(RulesFile.load(parameter, DEFAULTS, extension, new TypeReference<>() {
		}, RulesOfFile::extendedBy));
	}

	static NoticeRules defaults() {
		return load(null, null);
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

	private static List<String> normalised(Map<String, List<String>> byLanguage) {
		return byLanguage.values()
			.stream()
			.flatMap(phrases -> trimmed(phrases).stream())
			.map(NoticeRules::normalise)
			.toList();
	}

	private static List<String> trimmed(List<String> values) {
		return values == null ? List.of()
				: values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
	}

	private static String alternatives(List<String> values) {
		return String.join("|", trimmed(values).stream().map(Pattern::quote).toList());
	}

	/**
	 * The rules as the file writes them.
	 *
	 * @param optOut the sentences and subjects of the opt-out notice, by language
	 * @param restriction the wording of the restriction notice, by language
	 * @param marketplaceIds the marketplace of each X-Marketplace-ID value
	 */
	record RulesOfFile(@JsonProperty("amazon-domains") List<String> amazonDomains,
			@JsonProperty("opt-out") OptOut optOut, Map<String, List<String>> restriction, Forward forward,
			@JsonProperty("marketplace-ids") Map<String, String> marketplaceIds) {

		RulesOfFile {
			amazonDomains = orNone(amazonDomains);
			optOut = optOut == null ? new OptOut(null, null) : optOut;
			restriction = orNone(restriction);
			forward = forward == null ? new Forward(null, null, null, null) : forward;
			marketplaceIds = orNone(marketplaceIds);
		}

		/**
		 * The user's languages and marketplace ids replace these of the same name; the
		 * user's domains and forward labels are added.
		 */
		RulesOfFile extendedBy(RulesOfFile user) {
			return new RulesOfFile(both(amazonDomains, user.amazonDomains),
					new OptOut(RulesFile.byName(optOut.body, user.optOut.body),
							RulesFile.byName(optOut.subject, user.optOut.subject)),
					RulesFile.byName(restriction, user.restriction),
					new Forward(both(forward.markers, user.forward.markers),
							both(forward.prefixes, user.forward.prefixes), both(forward.from, user.forward.from),
							both(forward.date, user.forward.date)),
					RulesFile.byName(marketplaceIds, user.marketplaceIds));
		}

	}

	/** The key sentences and the subjects of the opt-out notice, by language. */
	record OptOut(Map<String, List<String>> body, Map<String, List<String>> subject) {

		OptOut {
			body = orNone(body);
			subject = orNone(subject);
		}

	}

	/**
	 * How a forward shows: the lines that open a forwarded message, the subject prefixes,
	 * the labels of the sender and date lines.
	 */
	record Forward(List<String> markers, List<String> prefixes, List<String> from, List<String> date) {

		Forward {
			markers = orNone(markers);
			prefixes = orNone(prefixes);
			from = orNone(from);
			date = orNone(date);
		}

	}

	private static <T> List<T> orNone(List<T> values) {
		return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
	}

	private static <V> Map<String, V> orNone(Map<String, V> values) {
		return values == null ? Map.of() : values;
	}

	private static <T> List<T> both(List<T> shipped, List<T> user) {
		return Stream.concat(shipped.stream(), user.stream()).toList();
	}

}
