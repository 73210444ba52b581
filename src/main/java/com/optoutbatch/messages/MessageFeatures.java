package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the learned model sees of a message: the words of its body and subject (a subject
 * word apart from a body word), the first and last five letters of longer words (which
 * carry a word through its endings and a German compound through its parts), the
 * character two- and three-grams of Japanese (written without spaces), and the policy
 * rules that matched. Words are compared as the rules compare them ({@link PolicyText}):
 * lower case, without accents; runs of digits are one sign, so that order ids and dates
 * are alike.
 */
final class MessageFeatures {

	static final String WORD = "w:";

	static final String SUBJECT_WORD = "s:";

	static final String RULE = "r:";

	private static final String GRAMS = "c:";

	private static final String STEM_START = "t:";

	private static final String STEM_END = "e:";

	private static final int STEM = 5;

	// Japanese and Chinese are written without spaces: their words are found as grams
	private static final int CJK = 0x3000;

	private MessageFeatures() {
	}

	static Set<String> of(String subject, String body, List<String> rulesMatched) {
		Set<String> features = new HashSet<>();
		List<String> bodyWords = words(body);
		bodyWords.forEach(word -> features.add(WORD + word));
		List<String> subjectWords = words(subject);
		subjectWords.forEach(word -> features.add(SUBJECT_WORD + word));
		for (List<String> words : List.of(bodyWords, subjectWords)) {
			for (String word : words) {
				if (word.codePoints().anyMatch(c -> c >= CJK)) {
					grams(word, features);
				}
				else if (word.length() > STEM) {
					// the start carries a word through its endings, the end a German
					// compound
					features.add(STEM_START + word.substring(0, STEM));
					if (word.length() > STEM + 3) {
						features.add(STEM_END + word.substring(word.length() - STEM));
					}
				}
			}
		}
		rulesMatched.forEach(rule -> features.add(RULE + rule));
		return features;
	}

	/** The feature as a reason shows it: the word or words, the rule. */
	static String shown(String feature) {
		String text = feature.substring(2);
		return feature.startsWith(RULE) ? "rule " + text : "\"" + text.strip() + "\"";
	}

	/** Whether a reason may show the feature: words and rules, not parts of words. */
	static boolean showable(String feature) {
		return !feature.startsWith(GRAMS) && !feature.startsWith(STEM_START) && !feature.startsWith(STEM_END);
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		String comparable = PolicyText.of(text).comparable();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= comparable.length(); i++) {
			char c = i < comparable.length() ? comparable.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				if (Character.isDigit(c)) {
					if (word.isEmpty() || word.charAt(word.length() - 1) != '#') {
						word.append('#');
					}
				}
				else {
					word.append(c);
				}
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		return words;
	}

	private static void grams(String word, Set<String> features) {
		String padded = " " + word + " ";
		for (int n = 2; n <= 3; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				features.add(GRAMS + padded.substring(i, i + n));
			}
		}
	}

}
