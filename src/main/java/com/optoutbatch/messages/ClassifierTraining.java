package com.optoutbatch.messages;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the learned model on labelled messages, with the features the rules give them.
 * The build runs {@link #main} to train the model the jar ships, on the whole corpus.
 */
public final class ClassifierTraining {

	/** Where the jar holds the model it ships. */
	static final String SHIPPED_MODEL = "messages/model/message-model.txt";

	private ClassifierTraining() {
	}

	static LearnedModel train(List<PolicyRule> rules, List<LabelledCorpus.Message> messages) {
		MessageClassifier byRules = new MessageClassifier(rules);
		return LearnedModel.train(messages.stream()
			.map(message -> new LearnedModel.Example(MessageFeatures.of(message.subject(), message.body(),
					byRules.ruleNames(message.subject(), message.body())), message.kind(), message.category()))
			.toList());
	}

	/** {@code <classes folder>}: writes the shipped model under it. */
	public static void main(String[] args) throws IOException {
		Path model = Path.of(args[0]).resolve(SHIPPED_MODEL);
		Files.createDirectories(model.getParent());
		List<LabelledCorpus.Message> corpus = LabelledCorpus.all();
		try (Writer out = Files.newBufferedWriter(model, StandardCharsets.UTF_8)) {
			train(PolicyRules.load(null), corpus).save(out);
		}
		System.out.printf("message model: trained on %d labelled messages, written to %s%n", corpus.size(), model);
	}

}
