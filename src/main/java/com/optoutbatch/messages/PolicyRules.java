package com.optoutbatch.messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.optoutbatch.support.ConfigurationFiles;

/**
 * The rules of the classifier: {@code messages/policy-rules.yml} in the jar, extended by
 * the user's file (a rule of the same name replaces the default one, a new name adds a
 * rule).
 */
final class PolicyRules {

	static final String RESOURCE = "/messages/policy-rules.yml";

	private PolicyRules() {
	}

	static List<PolicyRule> load(Path userFile) {
		Map<String, PolicyRule> rules = new LinkedHashMap<>();
		for (Map<String, Object> document : ConfigurationFiles.read(RESOURCE, userFile)) {
			ConfigurationFiles.map(document.get("rules"), "rules")
				.forEach((name, rule) -> rules.put(name, rule(name, ConfigurationFiles.map(rule, "rule " + name))));
		}
		return List.copyOf(rules.values());
	}

	private static PolicyRule rule(String name, Map<String, Object> rule) {
		Object category = rule.get("category");
		Object flag = rule.get("flag");
		if (category == null && flag == null) {
			throw new IllegalArgumentException("rule " + name + " needs a category, a flag or both");
		}
		List<Phrase> phrases = new ArrayList<>();
		ConfigurationFiles.map(rule.get("phrases"), "rule " + name + ": phrases").forEach((language, list) -> {
			for (String text : ConfigurationFiles.strings(list, "rule " + name + ": phrases." + language)) {
				phrases.add(Phrase.of(language, text));
			}
		});
		if (phrases.isEmpty()) {
			throw new IllegalArgumentException("rule " + name + " has no phrases");
		}
		Object weight = rule.getOrDefault("weight", 1);
		return new PolicyRule(name,
				category == null ? null : MessageCategory.valueOf(category.toString().toUpperCase(Locale.ROOT)),
				Integer.parseInt(weight.toString()), flag == null ? null : ContentFlag.ofCode(flag.toString()),
				"subject".equals(rule.get("in")), phrases);
	}

}
