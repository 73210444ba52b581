package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One phrase of a rule, in one language, as the rules file writes it: words matched
 * whole, ignoring case and accents; {@code word*} matches any word starting so;
 * {@code ...} stands for up to four words in between (or a few characters in Japanese);
 * {@code re:} starts a regular expression, matched against the lower-cased text without
 * accents ({@link PolicyText#comparable()}).
 */
record Phrase(String language, String text, Pattern pattern, Anchor anchor, String start) {

	static final String REGEX_PREFIX = "re:";

	static final String GAP = "...";

	// a phrase in a spaced script ends where no letter or digit follows; kana and kanji
	// do not
	// count, and are left out by range because a script look-up at every position is slow
	private static final String WORD_CHAR = "[\\p{L}\\p{N}&&[^\\u3040-\\u30FF\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F]]";

	static Phrase of(String language, String text) {
		try {
			return new Phrase(language, text, Pattern.compile(regexOf(text)), anchorOf(text), startOf(text));
		}
		catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("phrase '" + text + "' (" + language + "): " + e.getDescription());
		}
	}

	/** Where the phrase first occurs in the text; {@code null} when it does not. */
	MatchResult find(PolicyText text) {
		// most phrases do not occur in a message: a plain search rules them out before
		// the pattern runs
		if (anchor != null && !anchor.isIn(text)) {
			return null;
		}
		String comparable = text.comparable();
		Matcher matcher = pattern.matcher(comparable);
		if (start == null) {
			return matcher.find() ? matcher.toMatchResult() : null;
		}
		// a match begins with the phrase's first word: the pattern is tried only where
		// that occurs
		// (a search from each position would test the word boundary before every
		// character)
		matcher.useTransparentBounds(true);
		for (int at = comparable.indexOf(start); at >= 0; at = comparable.indexOf(start, at + 1)) {
			if (matcher.region(at, comparable.length()).lookingAt()) {
				return matcher.toMatchResult();
			}
		}
		return null;
	}

	/**
	 * The longest whole word the phrase cannot match without, which the message's words
	 * are asked for; failing that, the longest of its other words (cut short by
	 * {@code *}, or holding an apostrophe or a hyphen, or Japanese), which the text is
	 * searched for. None for a regular expression.
	 */
	private static Anchor anchorOf(String text) {
		if (text.startsWith(REGEX_PREFIX)) {
			return null;
		}
		Anchor anchor = null;
		for (String word : words(text)) {
			boolean cut = word.endsWith("*");
			String literal = cut ? word.substring(0, word.length() - 1) : word;
			boolean whole = !cut && literal.codePoints().allMatch(c -> Character.isLetterOrDigit(c) && isSpaced(c));
			if (!word.equals(GAP) && (anchor == null || (whole && !anchor.wholeWord())
					|| (whole == anchor.wholeWord() && literal.length() > anchor.text().length()))) {
				anchor = new Anchor(literal, whole);
			}
		}
		return anchor;
	}

	/**
	 * Text a message must hold for the phrase to match: a whole word, or a run of
	 * characters.
	 */
	record Anchor(String text, boolean wholeWord) {

		boolean isIn(PolicyText policyText) {
			return wholeWord ? policyText.words().contains(text) : policyText.comparable().contains(text);
		}

	}

	/** The letters the phrase starts with; none for a regular expression. */
	private static String startOf(String text) {
		if (text.startsWith(REGEX_PREFIX)) {
			return null;
		}
		String first = words(text).get(0);
		return first.endsWith("*") ? first.substring(0, first.length() - 1) : first;
	}

	private static List<String> words(String text) {
		return List.of(PolicyText.comparableWords(text.replace(GAP, " " + GAP + " ")).split(" "));
	}

	private static String regexOf(String text) {
		if (text.startsWith(REGEX_PREFIX)) {
			return text.substring(REGEX_PREFIX.length()).strip();
		}
		List<String> words = words(text);
		if (words.get(0).isEmpty() || words.get(0).equals(GAP) || words.get(words.size() - 1).equals(GAP)) {
			throw new IllegalArgumentException("phrase '" + text + "' needs words at both ends");
		}
		boolean spaced = isSpaced(words.get(0).codePointAt(0));
		StringBuilder regex = new StringBuilder();
		if (spaced && isWordChar(words.get(0).codePointAt(0))) {
			regex.append("(?<!" + WORD_CHAR + ")");
		}
		List<String> parts = new ArrayList<>();
		for (String word : words) {
			if (word.equals(GAP)) {
				parts.add(null);
			}
			else if (word.length() > 1 && word.endsWith("*")) {
				parts.add(Pattern.quote(word.substring(0, word.length() - 1)) + WORD_CHAR + "*");
			}
			else {
				parts.add(Pattern.quote(word));
			}
		}
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			if (part == null) {
				regex.append(spaced ? "(?:\\S+\\s+){0,4}?" : ".{0,12}?");
				continue;
			}
			regex.append(part);
			if (i < parts.size() - 1) {
				regex.append(spaced ? "\\s+" : "\\s*");
			}
		}
		String last = words.get(words.size() - 1);
		if (spaced && !last.endsWith("*") && isWordChar(last.codePointBefore(last.length()))) {
			regex.append("(?!" + WORD_CHAR + ")");
		}
		return regex.toString();
	}

	// Japanese and Chinese run words together: no word boundaries there
	private static boolean isSpaced(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
				&& script != Character.UnicodeScript.KATAKANA;
	}

	private static boolean isWordChar(int codePoint) {
		return Character.isLetterOrDigit(codePoint) && isSpaced(codePoint);
	}

}
