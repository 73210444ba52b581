package com.optoutbatch.messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.RulesFile;
import tools.jackson.core.type.TypeReference;

/**
 * The rules of the classifier: {@code messages/policy-rules.yml} in the jar, extended by
 * the user's file named with {@code messages.rules} (a rule of the same name replaces the
 * default one, a new name adds a rule).
 */
final class PolicyRules {

	static final String RESOURCE = "/messages/policy-rules.yml";

	private PolicyRules() {
	}

	static List<PolicyRule> load(Path userFile) {
		RulesOfFile rules = RulesFile.load(ImportMessagesJobConfiguration.RULES_PARAMETER, RESOURCE, userFile,
				new TypeReference<>() {
				}, (shipped, user) -> new RulesOfFile(RulesFile.byName(shipped.rules(), user.rules())));
		List<PolicyRule> loaded = new ArrayList<>();
		rules.rules().forEach((name, rule) -> loaded.add(rule.toRule(name)));
		return List.copyOf(loaded);
	}

	/** A rules file: its rules by name. */
	record RulesOfFile(Map<String, Rule> rules) {

		RulesOfFile {
			rules = rules == null ? Map.of() : rules;
		}

	}

	/**
	 * A rule as the file writes it.
	 *
	 * @param in {@code subject}: the rule looks at the subject only
	 */
	record Rule(MessageCategory category, Integer weight, String flag, Part in, Map<String, List<String>> phrases) {

		Rule {
			if (category == null && flag == null) {
				throw new RulesFile.Invalid("", "expected a category, a flag or both");
			}
			if (category == MessageCategory.UNDECIDED) {
				throw new RulesFile.Invalid("category", "expected CRITICAL, NON_CRITICAL or REPLY, got UNDECIDED");
			}
			if (weight != null && weight < 1) {
				throw new RulesFile.Invalid("weight", "expected a whole number from 1 up, got " + weight);
			}
			if (flag != null && Arrays.stream(ContentFlag.values()).noneMatch(known -> known.code().equals(flag))) {
				throw new RulesFile.Invalid("flag", "unknown flag '" + flag + "'; expected one of "
						+ String.join(", ", Arrays.stream(ContentFlag.values()).map(ContentFlag::code).toList()));
			}
			phrases = phrases == null ? Map.of() : phrases;
			if (phrases.values().stream().allMatch(list -> list == null || list.isEmpty())) {
				throw new RulesFile.Invalid("phrases", "expected at least one phrase");
			}
			phrases.forEach((language, list) -> {
				for (int i = 0; list != null && i < list.size(); i++) {
					try {
						Phrase.of(language, list.get(i));
					}
					catch (IllegalArgumentException e) {
						throw new RulesFile.Invalid("phrases." + language + "[" + (i + 1) + "]", e.getMessage());
					}
				}
			});
		}

		PolicyRule toRule(String name) {
			List<Phrase> parsed = new ArrayList<>();
			phrases.forEach((language, list) -> {
				if (list != null) {
					list.forEach(text -> parsed.add(Phrase.of(language, text)));
				}
			});
			return new PolicyRule(name, category, weight == null ? 1 : weight,
					flag == null ? null : ContentFlag.ofCode(flag), in == Part.SUBJECT, parsed);
		}

	}

	/**
	 * Where a rule looks: the body, with the subject as a tie-breaker, or the subject
	 * only.
	 */
	enum Part {

		BODY, SUBJECT

	}

}
