package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of all rules by what a text must hold for them to match: the whole word
 * each cannot match without, or else the character it starts with (Japanese,
 * {@code word*}). A message is then tried only against the phrases that may occur in it;
 * regular expressions are tried on every message.
 */
final class PhraseIndex {

	private final Map<String, List<Entry>> byWord = new HashMap<>();

	private final Map<Character, List<Entry>> byFirstCharacter = new HashMap<>();

	private final List<Entry> everywhere = new ArrayList<>();

	PhraseIndex(List<PolicyRule> rules) {
		for (PolicyRule rule : rules) {
			for (Phrase phrase : rule.phrases()) {
				Entry entry = new Entry(rule, phrase);
				if (phrase.anchor() != null && phrase.anchor().wholeWord()) {
					byWord.computeIfAbsent(phrase.anchor().text(), word -> new ArrayList<>()).add(entry);
				}
				else if (phrase.start() != null && !phrase.start().isEmpty()) {
					byFirstCharacter.computeIfAbsent(phrase.start().charAt(0), first -> new ArrayList<>()).add(entry);
				}
				else {
					everywhere.add(entry);
				}
			}
		}
	}

	/** The phrases that may occur in the text, by rule. */
	Map<PolicyRule, List<Phrase>> candidates(PolicyText text) {
		Map<PolicyRule, List<Phrase>> candidates = new IdentityHashMap<>();
		everywhere.forEach(entry -> entry.addTo(candidates));
		for (String word : text.words()) {
			List<Entry> entries = byWord.get(word);
			if (entries != null) {
				entries.forEach(entry -> entry.addTo(candidates));
			}
		}
		// the few first characters, each looked for in the text, rather than each
		// character of the text looked up
		String comparable = text.comparable();
		byFirstCharacter.forEach((first, entries) -> {
			if (comparable.indexOf(first) >= 0) {
				entries.forEach(entry -> entry.addTo(candidates));
			}
		});
		return candidates;
	}

	private record Entry(PolicyRule rule, Phrase phrase) {

		void addTo(Map<PolicyRule, List<Phrase>> candidates) {
			candidates.computeIfAbsent(rule, key -> new ArrayList<>()).add(phrase);
		}

	}

}
