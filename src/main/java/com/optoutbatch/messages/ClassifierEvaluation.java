package com.optoutbatch.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The classifier measured on the corpus's test split, by a model trained on its train
 * split with the default rules: accuracy and the share left undecided, overall, per
 * language and per kind of message; how critical and non-critical messages were confused
 * per language; and the precision and recall of each content flag.
 * {@code scripts/evaluate-classifier.sh} prints it.
 */
public final class ClassifierEvaluation {

	// the flags the corpus labels: sent-late depends on the order, not the text
	private static final Set<ContentFlag> LABELLED_FLAGS = EnumSet.complementOf(EnumSet.of(ContentFlag.SENT_LATE));

	/** The default of {@code optout.messages.min-confidence}. */
	static final double DEFAULT_MIN_CONFIDENCE = 0.4;

	// what was measured, the report's first words
	private final String measured;

	private final List<Outcome> outcomes = new ArrayList<>();

	ClassifierEvaluation(String measured) {
		this.measured = measured;
	}

	/** A test message, what it is and what the classifier made of it. */
	record Outcome(LabelledCorpus.Message message, Classification classification) {

		boolean right() {
			return classification.category() == message.category();
		}

	}

	static ClassifierEvaluation run(List<PolicyRule> rules, double minConfidence) {
		List<LabelledCorpus.Message> corpus = LabelledCorpus.all();
		MessageClassifier classifier = new MessageClassifier(rules,
				ClassifierTraining.train(rules, corpus.stream().filter(message -> !message.isTest()).toList()),
				minConfidence);
		ClassifierEvaluation evaluation = new ClassifierEvaluation("test split");
		evaluation.classify(classifier, corpus.stream().filter(LabelledCorpus.Message::isTest).toList());
		return evaluation;
	}

	/** Classifies the messages and adds what the classifier made of them. */
	void classify(MessageClassifier classifier, List<LabelledCorpus.Message> messages) {
		for (LabelledCorpus.Message message : messages) {
			outcomes.add(new Outcome(message, classifier.classify(message.subject(), message.body())));
		}
	}

	List<Outcome> outcomes() {
		return outcomes;
	}

	double accuracy() {
		return share(outcomes, Outcome::right);
	}

	double undecided() {
		return share(outcomes, outcome -> outcome.classification().category() == MessageCategory.UNDECIDED);
	}

	Map<String, Double> accuracyBy(Function<LabelledCorpus.Message, String> key) {
		Map<String, List<Outcome>> groups = new TreeMap<>();
		outcomes.forEach(
				outcome -> groups.computeIfAbsent(key.apply(outcome.message()), k -> new ArrayList<>()).add(outcome));
		Map<String, Double> accuracy = new LinkedHashMap<>();
		groups.forEach((group, members) -> accuracy.put(group, share(members, Outcome::right)));
		return accuracy;
	}

	/**
	 * Of the messages that carry the flag, the share found; of those found, the share
	 * right.
	 */
	record FlagScore(ContentFlag flag, int labelled, int found, int right) {

		double recall() {
			return labelled == 0 ? 1 : (double) right / labelled;
		}

		double precision() {
			return found == 0 ? 1 : (double) right / found;
		}

	}

	List<FlagScore> flags() {
		List<FlagScore> scores = new ArrayList<>();
		for (ContentFlag flag : LABELLED_FLAGS) {
			int labelled = 0;
			int found = 0;
			int right = 0;
			for (Outcome outcome : outcomes) {
				boolean isLabelled = outcome.message().flags().contains(flag);
				boolean isFound = outcome.classification().flags().contains(flag);
				labelled += isLabelled ? 1 : 0;
				found += isFound ? 1 : 0;
				right += isLabelled && isFound ? 1 : 0;
			}
			scores.add(new FlagScore(flag, labelled, found, right));
		}
		return scores;
	}

	/** All flags together: micro-averaged. */
	FlagScore allFlags() {
		int labelled = 0;
		int found = 0;
		int right = 0;
		for (FlagScore score : flags()) {
			labelled += score.labelled();
			found += score.found();
			right += score.right();
		}
		return new FlagScore(null, labelled, found, right);
	}

	String report() {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "%s: %d messages; accuracy %.1f%%, undecided %.1f%%%n", measured,
				outcomes.size(), 100 * accuracy(), 100 * undecided()));
		text.append("\nby language:\n");
		accuracyBy(LabelledCorpus.Message::language).forEach((language, accuracy) -> text
			.append(String.format(Locale.ROOT, "  %-4s %5.1f%%  %s%n", language, 100 * accuracy, confusion(language))));
		text.append("\nby kind:\n");
		accuracyBy(message -> message.category() + " " + message.kind()).forEach(
				(kind, accuracy) -> text.append(String.format(Locale.ROOT, "  %-40s %5.1f%%%n", kind, 100 * accuracy)));
		text.append("\nflags:            labelled  found  recall  precision\n");
		List<FlagScore> scores = new ArrayList<>(flags());
		scores.add(allFlags());
		for (FlagScore score : scores) {
			text.append(String.format(Locale.ROOT, "  %-18s %6d %6d  %5.1f%%  %5.1f%%%n",
					score.flag() == null ? "all" : score.flag().code(), score.labelled(), score.found(),
					100 * score.recall(), 100 * score.precision()));
		}
		return text.toString();
	}

	/**
	 * Per language, the kinds of message it gets wrong, the worst first: where more
	 * training messages would help most.
	 */
	String missedKindsByLanguage() {
		StringBuilder text = new StringBuilder("\nkinds missed, by language (right / measured):\n");
		Map<String, Map<String, int[]>> tally = new TreeMap<>();
		for (Outcome outcome : outcomes) {
			int[] counts = tally.computeIfAbsent(outcome.message().language(), language -> new TreeMap<>())
				.computeIfAbsent(outcome.message().kind(), kind -> new int[2]);
			counts[0] += outcome.right() ? 1 : 0;
			counts[1]++;
		}
		tally.forEach((language, kinds) -> {
			text.append("  ").append(language).append(':');
			kinds.entrySet()
				.stream()
				.filter(kind -> kind.getValue()[0] < kind.getValue()[1])
				.sorted(Comparator.comparingDouble(kind -> (double) kind.getValue()[0] / kind.getValue()[1]))
				.forEach(kind -> text.append(' ')
					.append(kind.getKey())
					.append(' ')
					.append(kind.getValue()[0])
					.append('/')
					.append(kind.getValue()[1]));
			text.append('\n');
		});
		return text.toString();
	}

	// critical taken for non-critical and the other way round, in one language
	private String confusion(String language) {
		int criticalAsNon = 0;
		int nonAsCritical = 0;
		int asUndecided = 0;
		for (Outcome outcome : outcomes) {
			if (!outcome.message().language().equals(language)) {
				continue;
			}
			MessageCategory truth = outcome.message().category();
			MessageCategory decided = outcome.classification().category();
			criticalAsNon += truth == MessageCategory.CRITICAL && decided == MessageCategory.NON_CRITICAL ? 1 : 0;
			nonAsCritical += truth == MessageCategory.NON_CRITICAL && decided == MessageCategory.CRITICAL ? 1 : 0;
			asUndecided += decided == MessageCategory.UNDECIDED ? 1 : 0;
		}
		return String.format(Locale.ROOT, "critical as non-critical %d, non-critical as critical %d, undecided %d",
				criticalAsNon, nonAsCritical, asUndecided);
	}

	/**
	 * {@code [--cross-validate] [min-confidence]}: prints the evaluation on the test
	 * split, or cross-validated over the train authors
	 * ({@link ClassifierCrossValidation}).
	 */
	public static void main(String[] args) {
		boolean crossValidate = args.length > 0 && args[0].equals("--cross-validate");
		int next = crossValidate ? 1 : 0;
		double minConfidence = args.length > next ? Double.parseDouble(args[next]) : DEFAULT_MIN_CONFIDENCE;
		List<PolicyRule> rules = PolicyRules.load(null);
		if (crossValidate) {
			ClassifierEvaluation evaluation = ClassifierCrossValidation.run(rules, minConfidence);
			System.out.print(evaluation.report() + evaluation.missedKindsByLanguage());
		}
		else {
			System.out.print(run(rules, minConfidence).report());
		}
	}

	private static double share(List<Outcome> outcomes, Predicate<Outcome> which) {
		return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(which).count() / outcomes.size();
	}

}
