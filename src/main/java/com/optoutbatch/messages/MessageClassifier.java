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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.optoutbatch.messages.PolicyRule.RuleMatch;

/**
 * Decides whether a sent message was critical, by the weighted phrases of the policy
 * rules in subject and body: the body decides, the subject only when the body says
 * nothing or is split evenly; {@link MessageCategory#UNDECIDED} when that leaves no
 * winner. Also finds the content flags: those of the rules, those of the kind of message
 * the model found (a conditional review request is a review incentive), and links, e-mail
 * addresses, emojis and a missing order id, which need no phrase list.
 */
class MessageClassifier {

	private static final Pattern LINK = Pattern.compile("(?i)(?<![\\w@./])(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+");

	// Amazon's marketplaces and its own short links
	private static final Pattern AMAZON_HOST = Pattern
		.compile("(?:^|\\.)(?:amazon\\.(?:com|ca|com\\.mx|com\\.br|co\\.uk|"
				+ "de|fr|it|es|nl|se|pl|com\\.be|com\\.tr|ae|sa|sg|in|co\\.jp|com\\.au|eg)|amzn\\.(?:to|eu|asia|com)|a\\.co)$");

	// from the last character before the @: an address has at least one
	private static final Pattern EMAIL_ADDRESS = Pattern
		.compile("[\\p{L}\\p{N}._%+-]@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

	private static final Pattern EMOTICON = Pattern
		.compile("(?<![\\p{L}\\p{N}:/])[:;=]-?[)(DPp](?![\\p{L}\\p{N}])|\\^_?\\^|<3");

	private static final Pattern ORDER_ID = Pattern.compile("(?<!\\d)(?:\\d{3}|[A-Z]\\d{2})-\\d{7}-\\d{7}(?!\\d)");

	/** The name a decision of the model goes by when no rule of its category matched. */
	static final String MODEL = "model";

	// a rule decides alone when three of its phrases (weight 3) speak for its category
	// and none against
	private static final int SURE_SCORE = 9;

	// the kind of message the model found raises the kind's flags when it is more likely
	// than not
	private static final double SURE_KIND = 0.5;

	private final List<PolicyRule> rules;

	private final PhraseIndex index;

	private final LearnedModel model;

	private final double minConfidence;

	/** The rules alone: a message no rule fits is {@link MessageCategory#UNDECIDED}. */
	MessageClassifier(List<PolicyRule> rules) {
		this(rules, null, 1);
	}

	/**
	 * The rules where one is sure, the model otherwise; undecided when the model's
	 * probability is below {@code minConfidence}.
	 */
	MessageClassifier(List<PolicyRule> rules, LearnedModel model, double minConfidence) {
		this.rules = List.copyOf(rules);
		this.index = new PhraseIndex(this.rules);
		this.model = model;
		this.minConfidence = minConfidence;
	}

	Classification classify(String subject, String body) {
		PolicyText subjectText = PolicyText.of(subject);
		PolicyText bodyText = PolicyText.of(body);
		RuleDecision byRules = decide(subjectText, bodyText);
		MessageCategory category = byRules.category();
		String rule = byRules.rule();
		String reason = byRules.reason();
		LearnedModel.Verdict verdict = null;
		if (model != null && !byRules.sure()) {
			verdict = model.predict(subjectText, bodyText, byRules.ruleNames());
			String rulesSaid = byRules.votes().isEmpty() ? "" : "; rules: " + byRules.reason();
			if (verdict.probability() >= minConfidence) {
				category = verdict.category();
				rule = byRules.strongestOf(category).orElse(MODEL);
				reason = verdict.describe() + rulesSaid;
			}
			else {
				category = MessageCategory.UNDECIDED;
				rule = null;
				reason = "unsure, " + verdict.category() + " at most: " + verdict.describe() + rulesSaid;
			}
		}
		Set<ContentFlag> flags = flags(subject, body, category, byRules.bodyMatches(), byRules.subjectMatches());
		if (verdict != null && verdict.kindProbability() >= SURE_KIND) {
			flags.addAll(ContentFlag.ofKind(verdict.kind()));
		}
		return new Classification(category, rule, reason, List.copyOf(flags));
	}

	/**
	 * The rule names a message's features include: those that matched it, in body or
	 * subject.
	 */
	List<String> ruleNames(String subject, String body) {
		return decide(PolicyText.of(subject), PolicyText.of(body)).ruleNames();
	}

	private RuleDecision decide(PolicyText subject, PolicyText body) {
		List<RuleMatch> bodyMatches = matches(body, "body");
		List<RuleMatch> subjectMatches = matches(subject, "subject");
		Map<MessageCategory, Integer> scores = scores(bodyMatches);
		MessageCategory category = leader(scores);
		if (category == null) {
			scores(subjectMatches).forEach((key, score) -> scores.merge(key, score, Integer::sum));
			category = leader(scores);
		}
		List<RuleMatch> votes = new ArrayList<>(bodyMatches);
		votes.addAll(subjectMatches);
		votes.removeIf(match -> !match.rule().votes());
		if (category == null) {
			String reason = votes.isEmpty() ? "no rule fits"
					: "evenly split: " + votes.stream().map(RuleMatch::describe).collect(Collectors.joining("; "));
			return new RuleDecision(MessageCategory.UNDECIDED, null, reason, false, bodyMatches, subjectMatches, votes);
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
		boolean sure = losers.isEmpty() && scores.getOrDefault(decided, 0) >= SURE_SCORE;
		return new RuleDecision(decided, winners.get(0).rule().name(), reason, sure, bodyMatches, subjectMatches,
				votes);
	}

	/** What the rules alone make of a message. */
	private record RuleDecision(MessageCategory category, String rule, String reason, boolean sure,
			List<RuleMatch> bodyMatches, List<RuleMatch> subjectMatches, List<RuleMatch> votes) {

		List<String> ruleNames() {
			List<String> names = new ArrayList<>();
			bodyMatches.forEach(match -> names.add(match.rule().name()));
			subjectMatches.forEach(match -> names.add(match.rule().name() + ":subject"));
			return names;
		}

		Optional<String> strongestOf(MessageCategory category) {
			return votes.stream()
				.filter(match -> match.rule().category() == category)
				.max(Comparator.comparingInt(RuleMatch::score))
				.map(match -> match.rule().name());
		}

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

	// the category that scores most, alone
	private static MessageCategory leader(Map<MessageCategory, Integer> scores) {
		MessageCategory leader = null;
		int best = 0;
		boolean tied = false;
		for (Map.Entry<MessageCategory, Integer> score : scores.entrySet()) {
			if (score.getValue() > best) {
				leader = score.getKey();
				best = score.getValue();
				tied = false;
			}
			else if (score.getValue() == best) {
				tied = true;
			}
		}
		return tied ? null : leader;
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
		if (hasEmailAddress(text)) {
			flags.add(ContentFlag.EMAIL_ADDRESS);
		}
		if (hasEmoji(text)) {
			flags.add(ContentFlag.EMOJI);
		}
		// a log without bodies cannot tell whether the message named its order
		if (body != null && !body.isBlank() && !hasOrderId(text)) {
			flags.add(ContentFlag.NO_ORDER_ID);
		}
		return flags;
	}

	// Each pattern is tried only where a match must start, found by a plain search for
	// the
	// character it cannot match without: a search from every position is several times
	// slower.

	private static boolean hasEmailAddress(String text) {
		Matcher matcher = EMAIL_ADDRESS.matcher(text);
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			if (at > 0 && matchesFrom(matcher, at - Character.charCount(text.codePointBefore(at)), text)) {
				return true;
			}
		}
		return false;
	}

	// an order id has its first dash at its fourth character
	private static boolean hasOrderId(String text) {
		Matcher matcher = ORDER_ID.matcher(text);
		for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
			if (dash >= 3 && matchesFrom(matcher, dash - 3, text)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesFrom(Matcher matcher, int start, String text) {
		return matcher.useTransparentBounds(true).region(start, text.length()).lookingAt();
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
		Matcher emoticon = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (Character.isHighSurrogate(c) ? isPictograph(text.codePointAt(i)) : isPictograph(c)) {
					return true;
				}
			}
			else if (c == ':' || c == ';' || c == '=' || c == '^' || c == '<') {
				emoticon = emoticon == null ? EMOTICON.matcher(text) : emoticon;
				if (matchesFrom(emoticon, i, text)) {
					return true;
				}
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
