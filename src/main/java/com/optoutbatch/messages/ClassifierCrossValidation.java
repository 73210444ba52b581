package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The classifier cross-validated over the corpus's train authors, the only measure a
 * setting or a change of design may be chosen by (the test split is measured once a
 * design is chosen, never tuned on). Each language's train authors are dealt into
 * {@link #FOLDS} folds, and each fold is classified by a model trained on the others, so
 * that no author is both learnt and measured. Which authors share a fold moves the
 * figures by a point in one language, so this is done {@link #ROUNDS} times (the authors
 * in the order of their numbers, then shuffled by fixed seeds) and the figures are those
 * of all rounds together. {@code scripts/evaluate-classifier.sh --cross-validate} prints
 * them.
 */
final class ClassifierCrossValidation {

	static final int FOLDS = 4;

	static final int ROUNDS = 3;

	private ClassifierCrossValidation() {
	}

	static ClassifierEvaluation run(List<PolicyRule> rules, double minConfidence) {
		List<LabelledCorpus.Message> train = LabelledCorpus.all()
			.stream()
			.filter(message -> !message.isTest())
			.toList();
		ClassifierEvaluation evaluation = new ClassifierEvaluation(String.format(Locale.ROOT,
				"cross-validated over the train authors (%d folds by author, %d rounds, each message once a round)",
				FOLDS, ROUNDS));
		for (int round = 0; round < ROUNDS; round++) {
			List<List<LabelledCorpus.Message>> folds = folds(train, round);
			for (int fold = 0; fold < FOLDS; fold++) {
				List<LabelledCorpus.Message> training = new ArrayList<>();
				for (int other = 0; other < FOLDS; other++) {
					if (other != fold) {
						training.addAll(folds.get(other));
					}
				}
				evaluation.classify(
						new MessageClassifier(rules, ClassifierTraining.train(rules, training), minConfidence),
						folds.get(fold));
			}
		}
		return evaluation;
	}

	/**
	 * The messages of each fold: each language's authors dealt in turn, in the order of
	 * their numbers in round 0, shuffled by the round's seed after.
	 */
	static List<List<LabelledCorpus.Message>> folds(List<LabelledCorpus.Message> messages, int round) {
		Map<String, Map<Integer, List<LabelledCorpus.Message>>> byLanguage = new TreeMap<>();
		for (LabelledCorpus.Message message : messages) {
			byLanguage.computeIfAbsent(message.language(), language -> new TreeMap<>())
				.computeIfAbsent(authorNumber(message.author()), author -> new ArrayList<>())
				.add(message);
		}
		List<List<LabelledCorpus.Message>> folds = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			folds.add(new ArrayList<>());
		}
		Random seeded = new Random(round);
		for (Map<Integer, List<LabelledCorpus.Message>> authors : byLanguage.values()) {
			List<List<LabelledCorpus.Message>> order = new ArrayList<>(authors.values());
			if (round > 0) {
				Collections.shuffle(order, seeded);
			}
			for (int dealt = 0; dealt < order.size(); dealt++) {
				folds.get(dealt % FOLDS).addAll(order.get(dealt));
			}
		}
		return folds;
	}

	// "it-a12" is author 12
	private static int authorNumber(String author) {
		return Integer.parseInt(author.substring(author.lastIndexOf('a') + 1));
	}

}
