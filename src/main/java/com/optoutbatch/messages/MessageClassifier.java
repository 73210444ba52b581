package com.optoutbatch.messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.optoutbatch.messages.PolicyRule.RuleMatch;

/**
 * Decides whether a sent message was critical, by the weighted phrases of the policy rules
 * in subject and body: the body decides, the subject only when the body says nothing or
 * is split evenly; {@link MessageCategory#UNDECIDED} when that leaves no winner. Also finds
 * the content flags: those of the rules, and links, e-mail addresses, emojis and a missing
 * order id, which need no phrase list.
 */
class MessageClassifier {

	private static final Pattern LINK = Pattern.compile("(?i)(?<![\\w@./])(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");

	// Amazon's marketplaces and its own short links
	private static final Pattern AMAZON_HOST = Pattern.compile("(?:^|\\.)(?:amazon\\.(?:com|ca|com\\.mx|com\\.br|co\\.uk|"
			+ "de|fr|it|es|nl|se|pl|com\\.be|com\\.tr|ae|sa|sg|in|co\\.jp|com\\.au|eg)|amzn\\.(?:to|eu|asia|com)|a\\.co)$");

	private static final Pattern EMAIL_ADDRESS = Pattern
		.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

	private static final Pattern EMOTICON = Pattern
		.compile("(?<![\\p{L}\\p{N}:/])[:;=]-?[)(DPp](?![\\p{L}\\p{N}])|\\^_?\\^|<3");

	private static final Pattern ORDER_ID = Pattern.compile("(?<!\\d)(?:\\d{3}|[A-Z]\\d{2})-\\d{7}-\\d{7}(?!\\d)");

	private final List<PolicyRule> rules;

	private final PhraseIndex index;

	MessageClassifier(List<PolicyRule> rules) {
		this.rules = List.copyOf(rules);
		this.index = new PhraseIndex(this.rules);
	}

	Classification classify(String subject, String body) {
		List<RuleMatch> bodyMatches = matches(PolicyText.of(body), "body");
		List<RuleMatch> subjectMatches = matches(PolicyText.of(subject), "subject");
		MessageCategory category = leader(scores(bodyMatches));
		if (category == null) {
			Map<MessageCategory, Integer> both = scores(bodyMatches);
			scores(subjectMatches).forEach((key, score) -> both.merge(key, score, Integer::sum));
			category = leader(both);
		}
		List<RuleMatch> votes = new ArrayList<>(bodyMatches);
		votes.addAll(subjectMatches);
		votes.removeIf(match -> !match.rule().votes());
		Set<ContentFlag> flags = flags(subject, body, category, bodyMatches, subjectMatches);
		if (category == null) {
			String reason = votes.isEmpty() ? "no rule fits"
					: "evenly split: " + votes.stream().map(RuleMatch::describe).collect(Collectors.joining("; "));
			return new Classification(MessageCategory.UNDECIDED, null, reason, List.copyOf(flags));
		}
		MessageCategory decided = category;
		List<RuleMatch> winners = votes.stream()
			.filter(match -> match.rule().category() == decided)
			.sorted(Comparator.comparing((RuleMatch match) -> match.part().equals("body") ? 0 : 1)
				.thenComparing(RuleMatch::score, Comparator.reverseOrder()))
			.toList();
		List<RuleMatch> losers = votes.stream().filter(match -> match.rule().category() != decided).toList();
		String reason = winners.stream().map(RuleMatch::describe).collect(Collectors.joining("; "));
		if (!losers.isEmpty()) {
			reason += "; outweighs " + losers.stream().map(RuleMatch::describe).collect(Collectors.joining("; "));
		}
		return new Classification(decided, winners.get(0).rule().name(), reason, List.copyOf(flags));
	}

	private List<RuleMatch> matches(PolicyText text, String part) {
		List<RuleMatch> matches = new ArrayList<>();
		if (text.isEmpty()) {
			return matches;
		}
		Map<PolicyRule, List<Phrase>> candidates = index.candidates(text);
		for (PolicyRule rule : rules) {
			List<Phrase> phrases = candidates.get(rule);
			if (phrases == null || (rule.subjectOnly() && !part.equals("subject"))) {
				continue;
			}
			RuleMatch match = rule.match(text, part, phrases);
			if (match != null) {
				matches.add(match);
			}
		}
		return matches;
	}

	private static Map<MessageCategory, Integer> scores(List<RuleMatch> matches) {
		Map<MessageCategory, Integer> scores = new EnumMap<>(MessageCategory.class);
		for (RuleMatch match : matches) {
			if (match.rule().votes()) {
				scores.merge(match.rule().category(), match.score(), Integer::sum);
			}
		}
		return scores;
	}

	private static MessageCategory leader(Map<MessageCategory, Integer> scores) {
		int critical = scores.getOrDefault(MessageCategory.CRITICAL, 0);
		int nonCritical = scores.getOrDefault(MessageCategory.NON_CRITICAL, 0);
		if (critical == nonCritical) {
			return null;
		}
		return critical > nonCritical ? MessageCategory.CRITICAL : MessageCategory.NON_CRITICAL;
	}

	private static Set<ContentFlag> flags(String subject, String body, MessageCategory category,
			List<RuleMatch> bodyMatches, List<RuleMatch> subjectMatches) {
		Set<ContentFlag> flags = EnumSet.noneOf(ContentFlag.class);
		List<RuleMatch> all = new ArrayList<>(bodyMatches);
		all.addAll(subjectMatches);
		for (RuleMatch match : all) {
			ContentFlag flag = match.rule().flag();
			if (flag == ContentFlag.CRITICAL_SUBJECT) {
				if (category == MessageCategory.NON_CRITICAL) {
					flags.add(flag);
				}
			}
			else if (flag != null) {
				flags.add(flag);
			}
		}
		String text = Normalizer.normalize((subject == null ? "" : subject) + "\n" + (body == null ? "" : body),
				Normalizer.Form.NFKC);
		if (hasForbiddenLink(text)) {
			flags.add(ContentFlag.LINK);
		}
		// each pattern runs only on a text with the character it cannot match without
		if (text.indexOf('@') >= 0 && EMAIL_ADDRESS.matcher(text).find()) {
			flags.add(ContentFlag.EMAIL_ADDRESS);
		}
		if (hasEmoji(text)) {
			flags.add(ContentFlag.EMOJI);
		}
		// a log without bodies cannot tell whether the message named its order
		if (body != null && !body.isBlank() && (text.indexOf('-') < 0 || !ORDER_ID.matcher(text).find())) {
			flags.add(ContentFlag.NO_ORDER_ID);
		}
		return flags;
	}

	/** A link is allowed only when it is https and goes to Amazon. */
	static boolean hasForbiddenLink(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (!lower.contains("http") && !lower.contains("www.")) {
			return false;
		}
		Matcher links = LINK.matcher(text);
		while (links.find()) {
			String link = links.group().replaceAll("[.,;:!?]+$", "");
			if (!link.toLowerCase(Locale.ROOT).startsWith("https://")) {
				return true;
			}
			try {
				String host = new URI(link).getHost();
				if (host == null || !AMAZON_HOST.matcher(host.toLowerCase(Locale.ROOT)).find()) {
					return true;
				}
			}
			catch (URISyntaxException e) {
				return true;
			}
		}
		return false;
	}

	static boolean hasEmoji(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) ? isPictograph(text.codePointAt(i)) : isPictograph(c)) {
				return true;
			}
		}
		return containsAny(text, ":;=^<") && EMOTICON.matcher(text).find();
	}

	private static boolean containsAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPictograph(int codePoint) {
		return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
				|| (codePoint >= 0x2B00 && codePoint <= 0x2BFF) || codePoint == 0x3030 || codePoint == 0x303D
				|| codePoint == 0x3297 || codePoint == 0x3299;
	}

}
