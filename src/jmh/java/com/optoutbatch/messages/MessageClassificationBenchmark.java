package com.optoutbatch.messages;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Message classification as importMessages does it: the policy rules, then the learned
 * model (trained on the labelled corpus, as the jar's) for every message no rule is sure
 * of, over subject and body of every message of the labelled corpus in turn, one message
 * per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageClassificationBenchmark {

	private MessageClassifier classifier;

	private List<LabelledCorpus.Message> messages;

	private int next;

	@Setup
	public void load() {
		List<PolicyRule> rules = PolicyRules.load(null);
		messages = LabelledCorpus.all();
		classifier = new MessageClassifier(rules, ClassifierTraining.train(rules, messages),
				ClassifierEvaluation.DEFAULT_MIN_CONFIDENCE);
	}

	@Benchmark
	public void classifyMessage(Blackhole blackhole) {
		LabelledCorpus.Message message = messages.get(next++ % messages.size());
		blackhole.consume(classifier.classify(message.subject(), message.body()));
	}

}
