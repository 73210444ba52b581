package com.optoutbatch.messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.carrotsearch.hppc.LongIntHashMap;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A logistic regression over {@link MessageFeatures}, trained by LIBLINEAR on labelled
 * messages. It learns the kinds of message (a review request, a refund reply, an address
 * problem...), each of one category, since each kind is worded alike where a category
 * mixes many; a category's probability is the sum of its kinds'. It names the features
 * that spoke most for the kind it found. Its file holds the kinds with their categories,
 * the features it knows, one a line, then LIBLINEAR's own model.
 */
final class LearnedModel {

	private static final String FORMAT = "optout-batch message model 2";

	// a feature seen in fewer training messages says nothing that generalises
	private static final int MIN_MESSAGES = 3;

	private static final double COST = 64;

	private static final int STRONGEST = 3;

	private final Map<String, MessageCategory> kinds;

	private final String[] kindNames;

	private final String[] features;

	private final Map<String, Integer> indexes;

	// whether a reason may show the feature of an index
	private final boolean[] showable;

	// the same indexes by the features' hashes, for a message's features found without
	// building their strings
	private final LongIntHashMap hashes;

	private final Model model;

	// LIBLINEAR gives a copy of them at every call
	private final double[] weights;

	private final int[] labels;

	private LearnedModel(Map<String, MessageCategory> kinds, String[] features, Model model) {
		this.weights = model == null ? null : model.getFeatureWeights();
		this.labels = model == null ? null : model.getLabels();
		this.kinds = kinds;
		this.kindNames = kinds.keySet().toArray(String[]::new);
		this.features = features;
		this.model = model;
		this.indexes = new HashMap<>(features.length * 2);
		this.hashes = new LongIntHashMap(features.length * 2);
		this.showable = new boolean[features.length];
		for (int i = 0; i < features.length; i++) {
			showable[i] = MessageFeatures.showable(features[i]);
			indexes.put(features[i], i + 1);
			hashes.putIfAbsent(MessageFeatures.hash(features[i]), i + 1);
		}
	}

	/** A message for training: its features, its kind and the kind's category. */
	record Example(Set<String> features, String kind, MessageCategory category) {
	}

	/**
	 * The model's category for a message, how sure it is, the kind it found, and the
	 * features that spoke for that kind.
	 */
	record Verdict(MessageCategory category, double probability, String kind, double kindProbability,
			List<String> strongest) {

		/** {@code model 0.93 (customization): "engraving", "font"} */
		String describe() {
			// String.format would cost as much as the prediction
			long hundredths = Math.round(probability * 100);
			return "model " + hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100 + " ("
					+ kind + "): " + String.join(", ", strongest.stream().map(MessageFeatures::shown).toList());
		}

	}

	static LearnedModel train(Collection<Example> examples) {
		Map<String, Integer> counts = new TreeMap<>();
		Map<String, MessageCategory> kinds = new TreeMap<>();
		for (Example example : examples) {
			example.features().forEach(feature -> counts.merge(feature, 1, Integer::sum));
			MessageCategory known = kinds.putIfAbsent(example.kind(), example.category());
			if (known != null && known != example.category()) {
				throw new IllegalArgumentException(
						"kind " + example.kind() + " is labelled both " + known + " and " + example.category());
			}
		}
		String[] features = counts.entrySet()
			.stream()
			.filter(entry -> entry.getValue() >= MIN_MESSAGES)
			.map(Map.Entry::getKey)
			.toArray(String[]::new);
		LearnedModel vocabulary = new LearnedModel(new LinkedHashMap<>(kinds), features, null);
		List<String> kindOrder = List.of(vocabulary.kindNames);
		Problem problem = new Problem();
		problem.l = examples.size();
		problem.n = features.length;
		problem.x = new Feature[problem.l][];
		problem.y = new double[problem.l];
		int i = 0;
		for (Example example : examples) {
			problem.x[i] = vocabulary.vector(example.features());
			problem.y[i] = kindOrder.indexOf(example.kind());
			i++;
		}
		Linear.disableDebugOutput();
		Linear.resetRandom();
		return new LearnedModel(vocabulary.kinds, features,
				Linear.train(problem, new Parameter(SolverType.L2R_LR, COST, 0.001)));
	}

	Verdict predict(PolicyText subject, PolicyText body, List<String> rulesMatched) {
		Feature[] vector = vector(subject, body, rulesMatched);
		double[] probabilities = new double[model.getNrClass()];
		Linear.predictProbability(model, vector, probabilities);
		Map<MessageCategory, Double> byCategory = new EnumMap<>(MessageCategory.class);
		int best = 0;
		for (int column = 0; column < labels.length; column++) {
			byCategory.merge(kinds.get(kindNames[labels[column]]), probabilities[column], Double::sum);
		}
		MessageCategory category = byCategory.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow();
		for (int column = 0; column < labels.length; column++) {
			if (kinds.get(kindNames[labels[column]]) == category && probabilities[column] > probabilities[best]
					|| kinds.get(kindNames[labels[best]]) != category) {
				best = column;
			}
		}
		return new Verdict(category, byCategory.get(category), kindNames[labels[best]], probabilities[best],
				strongest(vector, best));
	}

	// the known features of the message that raised the kind's score most
	private List<String> strongest(Feature[] vector, int column) {
		int[] top = new int[STRONGEST];
		double[] topWeights = new double[STRONGEST];
		int found = 0;
		for (Feature node : vector) {
			int index = node.getIndex() - 1;
			double weight = weight(index, column);
			if (weight <= 0 || (found == STRONGEST && weight <= topWeights[STRONGEST - 1]) || !showable[index]) {
				continue;
			}
			int at = Math.min(found, STRONGEST - 1);
			while (at > 0 && topWeights[at - 1] < weight) {
				top[at] = top[at - 1];
				topWeights[at] = topWeights[at - 1];
				at--;
			}
			top[at] = index;
			topWeights[at] = weight;
			found = Math.min(found + 1, STRONGEST);
		}
		List<String> strongest = new ArrayList<>(found);
		for (int i = 0; i < found; i++) {
			strongest.add(features[top[i]]);
		}
		return strongest;
	}

	// LIBLINEAR keeps one weight a feature for two labels (for the first, against the
	// second), one a label for more
	private double weight(int feature, int column) {
		int labels = model.getNrClass();
		return labels == 2 ? (column == 0 ? 1 : -1) * weights[feature] : weights[feature * labels + column];
	}

	// the known features, each worth the same, as a vector of length one
	private Feature[] vector(Set<String> messageFeatures) {
		return vector(
				messageFeatures.stream().map(indexes::get).filter(index -> index != null).mapToInt(i -> i).toArray());
	}

	private Feature[] vector(PolicyText subject, PolicyText body, List<String> rulesMatched) {
		int[][] known = { new int[256] };
		int[] count = { 0 };
		MessageFeatures.scan(subject, body, rulesMatched, (prefix, text, start, length) -> {
			int index = hashes.getOrDefault(MessageFeatures.hash(prefix, text, start, length), 0);
			if (index > 0) {
				if (count[0] == known[0].length) {
					known[0] = Arrays.copyOf(known[0], count[0] * 2);
				}
				known[0][count[0]++] = index;
			}
		});
		return vector(Arrays.copyOf(known[0], count[0]));
	}

	// the features by their indexes, each once
	private static Feature[] vector(int[] known) {
		Arrays.sort(known);
		int count = 0;
		for (int i = 0; i < known.length; i++) {
			if (i == 0 || known[i] != known[i - 1]) {
				known[count++] = known[i];
			}
		}
		double value = count == 0 ? 0 : 1 / Math.sqrt(count);
		Feature[] vector = new Feature[count];
		for (int i = 0; i < count; i++) {
			vector[i] = new FeatureNode(known[i], value);
		}
		return vector;
	}

	void save(Writer out) throws IOException {
		out.write(FORMAT + "\n" + kinds.size() + "\n");
		for (Map.Entry<String, MessageCategory> kind : kinds.entrySet()) {
			out.write(kind.getKey() + " " + kind.getValue() + "\n");
		}
		out.write(features.length + "\n");
		for (String feature : features) {
			out.write(feature + "\n");
		}
		// LIBLINEAR writes each weight with 17 digits: four are plenty, and the file is a
		// third the size
		StringWriter weights = new StringWriter();
		model.save(weights);
		boolean inWeights = false;
		for (String line : weights.toString().split("\n")) {
			if (inWeights) {
				StringBuilder rounded = new StringBuilder();
				for (String weight : line.strip().split(" ")) {
					double value = Double.parseDouble(weight);
					rounded.append(value == 0 ? "0" : String.format(Locale.ROOT, "%.4g", value)).append(' ');
				}
				line = rounded.toString();
			}
			out.write(line + "\n");
			inWeights |= line.equals("w");
		}
	}

	static LearnedModel load(BufferedReader in) throws IOException {
		if (!FORMAT.equals(in.readLine())) {
			throw new IOException("not a message model of this version (its first line is not '" + FORMAT + "')");
		}
		Map<String, MessageCategory> kinds = new LinkedHashMap<>();
		for (int i = Integer.parseInt(in.readLine().strip()); i > 0; i--) {
			String[] kind = in.readLine().split(" ");
			kinds.put(kind[0], MessageCategory.valueOf(kind[1]));
		}
		int count = Integer.parseInt(in.readLine().strip());
		List<String> known = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			known.add(in.readLine());
		}
		return new LearnedModel(kinds, known.toArray(String[]::new), Model.load(in));
	}

}
