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
 * accents ({@link PolicyText#comparable()}). {@code anchor} is the literal start that every
 * match holds, or {@code null} for a regular expression.
 */
record Phrase(String language, String text, Pattern pattern, String anchor) {

	static final String REGEX_PREFIX = "re:";

	static final String GAP = "...";

	// a phrase in a spaced script ends where a letter of such a script or a digit does not follow
	private static final String WORD_CHAR = "[\\p{IsLatin}\\p{IsGreek}\\p{IsCyrillic}\\p{N}]";

	static Phrase of(String language, String text) {
		try {
			return new Phrase(language, text, Pattern.compile(regexOf(text)), anchorOf(text));
		}
		catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("phrase '" + text + "' (" + language + "): " + e.getDescription());
		}
	}

	/** Where the phrase first occurs in the text; {@code null} when it does not. */
	MatchResult find(PolicyText text) {
		// hundreds of phrases per message: a plain search for the first word rules out most of them
		// at a fraction of what the pattern's look-behind at every position costs
		if (anchor != null && !text.comparable().contains(anchor)) {
			return null;
		}
		Matcher matcher = pattern.matcher(text.comparable());
		return matcher.find() ? matcher.toMatchResult() : null;
	}

	private static String anchorOf(String text) {
		if (text.startsWith(REGEX_PREFIX)) {
			return null;
		}
		String first = PolicyText.comparableWords(text.replace(GAP, " " + GAP + " ")).split(" ")[0];
		String literal = first.length() > 1 && first.endsWith("*") ? first.substring(0, first.length() - 1) : first;
		return literal.isEmpty() ? null : literal;
	}

	private static String regexOf(String text) {
		if (text.startsWith(REGEX_PREFIX)) {
			return text.substring(REGEX_PREFIX.length()).strip();
		}
		List<String> words = List.of(PolicyText.comparableWords(text.replace(GAP, " " + GAP + " ")).split(" "));
		if (words.get(0).isEmpty() || words.get(0).equals(GAP) || words.get(words.size() - 1).equals(GAP)) {
			throw new IllegalArgumentException("phrase '" + text + "' needs words at both ends");
		}
		boolean spaced = isSpaced(words.get(0).codePointAt(0));
		StringBuilder regex = new StringBuilder();
		List<String> parts = new ArrayList<>();
		for (String word : words) {
			boolean prefix = word.length() > 1 && word.endsWith("*");
			String literal = Pattern.quote(prefix ? word.substring(0, word.length() - 1) : word);
			if (word.equals(GAP)) {
				parts.add(null);
				continue;
			}
			if (parts.isEmpty() && spaced && isWordChar(word.codePointAt(0))) {
				// no word character before the phrase, checked behind its first word rather than
				// ahead of it: a pattern that starts with a literal is searched for quickly
				literal += "(?<!" + WORD_CHAR + literal + ")";
			}
			parts.add(prefix ? literal + WORD_CHAR + "*" : literal);
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
