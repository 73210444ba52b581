package com.optoutbatch.messages;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A subject or body as the rules compare it, and as the reason quotes it. {@code shown}
 * is the text with full-width and half-width forms unified (NFKC) and in lower case;
 * {@code comparable} is the same text, character for character, with the accents of Latin
 * letters dropped ("rezension" matches "Rezénsion"), typographic apostrophes plain and
 * every white space a space. Both have the same length, so that a match in the one is
 * quoted from the other. {@code words} are the runs of letters and digits of
 * {@code comparable}.
 */
record PolicyText(String shown, String comparable, Set<String> words) {

	static final PolicyText EMPTY = new PolicyText("", "", Set.of());

	// the accented letters of Latin-1 and Latin Extended-A/B, and their letters without
	// accent
	private static final char LATIN_FIRST = '\u00C0';

	private static final char LATIN_LAST = '\u024F';

	private static final char[] UNACCENTED = unaccented();

	static PolicyText of(String text) {
		if (text == null || text.isBlank()) {
			return EMPTY;
		}
		String shown = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		char[] chars = shown.toCharArray();
		boolean changed = false;
		for (int i = 0; i < chars.length; i++) {
			char c = comparable(chars[i]);
			changed |= c != chars[i];
			chars[i] = c;
		}
		return new PolicyText(shown, changed ? new String(chars) : shown, wordsOf(chars));
	}

	// the words of the text, for a quick look-up before a phrase's pattern runs
	private static Set<String> wordsOf(char[] text) {
		Set<String> words = new HashSet<>();
		int start = -1;
		for (int i = 0; i <= text.length; i++) {
			boolean letter = i < text.length && isLetterOrDigit(text[i]);
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words.add(new String(text, start, i - start));
				start = -1;
			}
		}
		return words;
	}

	/**
	 * The comparable form of a phrase of the rules file: like a text's, with runs of
	 * spaces made one.
	 */
	static String comparableWords(String phrase) {
		return of(phrase).comparable().strip().replaceAll(" +", " ");
	}

	boolean isEmpty() {
		return shown.isEmpty();
	}

	private static char comparable(char c) {
		if (c < 0x80) {
			// most text is ASCII: only its control characters need a look-up
			return c < ' ' && Character.isWhitespace(c) ? ' ' : c;
		}
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return ' ';
		}
		if (c == '\u2019' || c == '\u00B4' || c == '\u2018') {
			return '\'';
		}
		return c >= LATIN_FIRST && c <= LATIN_LAST ? UNACCENTED[c - LATIN_FIRST] : c;
	}

	private static boolean isLetterOrDigit(char c) {
		if (c < 0x80) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		}
		return Character.isLetterOrDigit(c);
	}

	private static char[] unaccented() {
		char[] table = new char[LATIN_LAST - LATIN_FIRST + 1];
		for (char c = LATIN_FIRST; c <= LATIN_LAST; c++) {
			String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			boolean accented = decomposed.length() > 1
					&& decomposed.chars().skip(1).allMatch(mark -> mark >= 0x0300 && mark <= 0x036F);
			table[c - LATIN_FIRST] = accented ? decomposed.charAt(0) : c;
		}
		return table;
	}

}
