package com.optoutbatch.messages;

import java.util.Arrays;
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

	/**
	 * Receives the features of a message, each as its prefix and the characters after it.
	 */
	interface Sink {

		void feature(String prefix, char[] text, int start, int length);

	}

	/** The features of a message as text, for training and for reasons. */
	static Set<String> of(String subject, String body, List<String> rulesMatched) {
		Set<String> features = new HashSet<>();
		scan(PolicyText.of(subject), PolicyText.of(body), rulesMatched,
				(prefix, text, start, length) -> features.add(prefix + new String(text, start, length)));
		return features;
	}

	/**
	 * Gives the sink every feature of a message, as often as it occurs; without building
	 * a string for each, so that the model can look them up by their hash.
	 */
	static void scan(PolicyText subject, PolicyText body, List<String> rulesMatched, Sink sink) {
		Words words = new Words();
		words.scan(body.comparable(), WORD, sink);
		words.scan(subject.comparable(), SUBJECT_WORD, sink);
		for (String rule : rulesMatched) {
			sink.feature(RULE, rule.toCharArray(), 0, rule.length());
		}
	}

	/** The hash a feature is known by: FNV-1a over its characters, prefix included. */
	static long hash(String feature) {
		return hash(feature.substring(0, 2), feature.toCharArray(), 2, feature.length() - 2);
	}

	/** The hash of the feature a {@link Sink} receives. */
	static long hash(String prefix, char[] text, int start, int length) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < prefix.length(); i++) {
			hash = (hash ^ prefix.charAt(i)) * FNV_PRIME;
		}
		for (int i = start; i < start + length; i++) {
			hash = (hash ^ text[i]) * FNV_PRIME;
		}
		return hash;
	}

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	/** The feature as a reason shows it: the word or words, the rule. */
	static String shown(String feature) {
		String text = feature.substring(2);
		return feature.startsWith(RULE) ? "rule " + text : "\"" + text.strip() + "\"";
	}

	/** Whether a reason may show the feature: words and rules, not parts of words. */
	static boolean showable(String feature) {
		return !feature.startsWith(GRAMS) && !feature.startsWith(STEM_START) && !feature.startsWith(STEM_END);
	}

	/**
	 * The words of a text, one at a time in a buffer with a space before and after it:
	 * letters and digits, a run of digits one {@code #}.
	 */
	private static final class Words {

		private char[] buffer = new char[64];

		void scan(String text, String prefix, Sink sink) {
			int length = 0;
			boolean cjk = false;
			for (int i = 0; i <= text.length(); i++) {
				char c = i < text.length() ? text.charAt(i) : ' ';
				if (Character.isLetterOrDigit(c)) {
					if (length + 3 > buffer.length) {
						buffer = Arrays.copyOf(buffer, buffer.length * 2);
					}
					if (!Character.isDigit(c)) {
						buffer[1 + length++] = c;
						cjk |= c >= CJK;
					}
					else if (length == 0 || buffer[length] != '#') {
						buffer[1 + length++] = '#';
					}
				}
				else if (length > 0) {
					word(prefix, length, cjk, sink);
					length = 0;
					cjk = false;
				}
			}
		}

		private void word(String prefix, int length, boolean cjk, Sink sink) {
			sink.feature(prefix, buffer, 1, length);
			if (cjk) {
				buffer[0] = ' ';
				buffer[length + 1] = ' ';
				for (int n = 2; n <= 3; n++) {
					for (int i = 0; i + n <= length + 2; i++) {
						sink.feature(GRAMS, buffer, i, n);
					}
				}
			}
			else if (length > STEM) {
				// the start carries a word through its endings, the end a German compound
				sink.feature(STEM_START, buffer, 1, STEM);
				if (length > STEM + 3) {
					sink.feature(STEM_END, buffer, 1 + length - STEM, STEM);
				}
			}
		}

	}

}
