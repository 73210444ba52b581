package com.optoutbatch.messages;

import java.util.List;

/**
 * Trains the learned model on labelled messages, with the features the rules give them.
 */
final class ClassifierTraining {

	private ClassifierTraining() {
	}

	static LearnedModel train(List<PolicyRule> rules, List<LabelledCorpus.Message> messages) {
		MessageClassifier byRules = new MessageClassifier(rules);
		return LearnedModel.train(messages.stream()
			.map(message -> new LearnedModel.Example(MessageFeatures.of(message.subject(), message.body(),
					byRules.ruleNames(message.subject(), message.body())), message.category()))
			.toList());
	}

}
