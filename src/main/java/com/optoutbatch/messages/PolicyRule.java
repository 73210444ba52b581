package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;

/**
 * A rule of the rules file: phrases in several languages that speak for a category, with
 * a weight; or, without a category, a marker that only raises its flag.
 * {@code subjectOnly} rules look at the subject alone (the critical subject and its
 * tags).
 */
record PolicyRule(String name, MessageCategory category, int weight, ContentFlag flag, boolean subjectOnly,
		List<Phrase> phrases) {

	/**
	 * A rule counts this many of its phrases at most, so that one long message cannot
	 * outvote the rest.
	 */
	static final int MAX_COUNTED = 3;

	PolicyRule {
		phrases = List.copyOf(phrases);
	}

	boolean votes() {
		return category != null;
	}

	/**
	 * What of this rule a text holds, trying those of its phrases that may occur in it
	 * ({@link PhraseIndex}); {@code null} when nothing. Phrases that overlap ("review"
	 * inside "leave a review") count once, for the longest.
	 */
	RuleMatch match(PolicyText text, String part, List<Phrase> candidates) {
		List<Found> found = new ArrayList<>();
		for (Phrase phrase : candidates) {
			MatchResult result = phrase.find(text);
			if (result != null && result.end() > result.start()) {
				found.add(new Found(phrase, result));
			}
		}
		if (found.isEmpty()) {
			return null;
		}
		found.sort(Comparator.comparingInt((Found f) -> f.result().start() - f.result().end()));
		List<Found> counted = new ArrayList<>();
		for (Found candidate : found) {
			if (counted.stream().noneMatch(kept -> kept.overlaps(candidate))) {
				counted.add(candidate);
			}
		}
		counted.sort(Comparator.comparingInt(f -> f.result().start()));
		Set<String> words = new LinkedHashSet<>();
		Set<String> languages = new LinkedHashSet<>();
		for (Found kept : counted) {
			words.add(text.shown().substring(kept.result().start(), kept.result().end()));
			languages.add(kept.phrase().language());
		}
		return new RuleMatch(this, part, List.copyOf(words), List.copyOf(languages));
	}

	private record Found(Phrase phrase, MatchResult result) {

		boolean overlaps(Found other) {
			return result.start() < other.result.end() && other.result.start() < result.end();
		}

	}

	/** The words of a message that one rule matched, in its subject or its body. */
	record RuleMatch(PolicyRule rule, String part, List<String> words, List<String> languages) {

		int score() {
			return rule.weight() * Math.min(words.size(), MAX_COUNTED);
		}

		/** {@code delivery-scheduling (body, en): "time slot", "delivery appointment"} */
		String describe() {
			StringBuilder text = new StringBuilder(rule.name()).append(" (").append(part);
			if (!languages.isEmpty()) {
				text.append(", ").append(String.join("/", languages));
			}
			text.append("): ");
			for (int i = 0; i < words.size(); i++) {
				text.append(i == 0 ? "" : ", ").append('"').append(words.get(i)).append('"');
			}
			return text.toString();
		}

	}

}
