package com.optoutbatch.messages;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A subject or body as the rules compare it, and as the reason quotes it. {@code shown} is
 * the text with full-width and half-width forms unified (NFKC) and in lower case;
 * {@code comparable} is the same text, character for character, with the accents of Latin
 * letters dropped ("rezension" matches "Rezénsion"), typographic apostrophes plain and
 * every white space a space. Both have the same length, so that a match in the one is
 * quoted from the other.
 */
record PolicyText(String shown, String comparable) {

	static final PolicyText EMPTY = new PolicyText("", "");

	private static final Pattern COMBINING_MARKS = Pattern.compile("[\\u0300-\\u036F]");

	static PolicyText of(String text) {
		if (text == null || text.isBlank()) {
			return EMPTY;
		}
		String shown = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder comparable = new StringBuilder(shown.length());
		for (int i = 0; i < shown.length(); i++) {
			comparable.append(comparable(shown.charAt(i)));
		}
		return new PolicyText(shown, comparable.toString());
	}

	/** The comparable form of a phrase of the rules file: like a text's, with runs of spaces made one. */
	static String comparableWords(String phrase) {
		return of(phrase).comparable().strip().replaceAll(" +", " ");
	}

	boolean isEmpty() {
		return shown.isEmpty();
	}

	private static char comparable(char c) {
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return ' ';
		}
		if (c == '\u2019' || c == '\u00B4' || c == '\u2018') {
			return '\'';
		}
		if (c < 0x00C0 || Character.isSurrogate(c)) {
			return c;
		}
		String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
		return stripped.length() == 1 ? stripped.charAt(0) : c;
	}

}
