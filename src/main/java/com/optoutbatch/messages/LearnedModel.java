package com.optoutbatch.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A logistic regression over {@link MessageFeatures}, trained by LIBLINEAR on labelled
 * messages: it gives each category a probability, and names the features that spoke most
 * for the one it chose. Its file holds the features it knows, one a line, then
 * LIBLINEAR's own model.
 */
final class LearnedModel {

	private static final String FORMAT = "optout-batch message model 1";

	// a feature seen in fewer training messages says nothing that generalises
	private static final int MIN_MESSAGES = 2;

	private static final double COST = 4;

	private static final int STRONGEST = 3;

	private final Map<String, Integer> indexes;

	private final String[] features;

	private final Model model;

	private LearnedModel(String[] features, Model model) {
		this.features = features;
		this.model = model;
		this.indexes = new HashMap<>(features.length * 2);
		for (int i = 0; i < features.length; i++) {
			indexes.put(features[i], i + 1);
		}
	}

	/** A message for training: its features and its category. */
	record Example(Set<String> features, MessageCategory category) {
	}

	/**
	 * The model's category for a message, how sure it is, and the features that spoke for
	 * it.
	 */
	record Verdict(MessageCategory category, double probability, List<String> strongest) {

		/** {@code model 0.93: "engraving", "font"} */
		String describe() {
			return String.format(Locale.ROOT, "model %.2f: %s", probability,
					String.join(", ", strongest.stream().map(MessageFeatures::shown).toList()));
		}

	}

	static LearnedModel train(Collection<Example> examples) {
		Map<String, Integer> counts = new TreeMap<>();
		examples.forEach(example -> example.features().forEach(feature -> counts.merge(feature, 1, Integer::sum)));
		String[] known = counts.entrySet()
			.stream()
			.filter(entry -> entry.getValue() >= MIN_MESSAGES)
			.map(Map.Entry::getKey)
			.toArray(String[]::new);
		LearnedModel vocabulary = new LearnedModel(known, null);
		Problem problem = new Problem();
		problem.l = examples.size();
		problem.n = known.length;
		problem.x = new Feature[problem.l][];
		problem.y = new double[problem.l];
		int i = 0;
		for (Example example : examples) {
			problem.x[i] = vocabulary.vector(example.features());
			problem.y[i] = example.category().ordinal();
			i++;
		}
		Linear.disableDebugOutput();
		Linear.resetRandom();
		return new LearnedModel(known, Linear.train(problem, new Parameter(SolverType.L2R_LR, COST, 0.001)));
	}

	Verdict predict(Set<String> messageFeatures) {
		Feature[] vector = vector(messageFeatures);
		double[] probabilities = new double[model.getNrClass()];
		int label = (int) Linear.predictProbability(model, vector, probabilities);
		int[] labels = model.getLabels();
		int column = 0;
		while (labels[column] != label) {
			column++;
		}
		return new Verdict(MessageCategory.values()[label], probabilities[column], strongest(vector, column));
	}

	// the known features of the message that raised the chosen category's score most
	private List<String> strongest(Feature[] vector, int column) {
		double[] weights = model.getFeatureWeights();
		int classes = model.getNrClass();
		return Arrays.stream(vector)
			.map(node -> node.getIndex() - 1)
			.filter(index -> MessageFeatures.showable(features[index]) && weights[index * classes + column] > 0)
			.sorted(Comparator.comparingDouble(index -> -weights[index * classes + column]))
			.limit(STRONGEST)
			.map(index -> features[index])
			.toList();
	}

	// the known features, each worth the same, as a vector of length one
	private Feature[] vector(Set<String> messageFeatures) {
		int[] known = messageFeatures.stream()
			.map(indexes::get)
			.filter(index -> index != null)
			.mapToInt(i -> i)
			.sorted()
			.toArray();
		double value = known.length == 0 ? 0 : 1 / Math.sqrt(known.length);
		Feature[] vector = new Feature[known.length];
		for (int i = 0; i < known.length; i++) {
			vector[i] = new FeatureNode(known[i], value);
		}
		return vector;
	}

	void save(Writer out) throws IOException {
		out.write(FORMAT + "\n" + features.length + "\n");
		for (String feature : features) {
			out.write(feature.replace('\n', ' ') + "\n");
		}
		model.save(out);
	}

	static LearnedModel load(BufferedReader in) throws IOException {
		if (!FORMAT.equals(in.readLine())) {
			throw new IOException("not a message model of this version (its first line is not '" + FORMAT + "')");
		}
		int count = Integer.parseInt(in.readLine().strip());
		List<String> known = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			known.add(in.readLine());
		}
		return new LearnedModel(known.toArray(String[]::new), Model.load(in));
	}

}
