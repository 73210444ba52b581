package com.optoutbatch.messages;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Message classification: the policy rules over subject and body of every message of the
 * labelled corpus (600 messages in six languages), one message per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageClassificationBenchmark {

	private MessageClassifier classifier;

	private final List<String[]> messages = new ArrayList<>();

	private int next;

	@Setup
	public void load() throws IOException {
		classifier = new MessageClassifier(PolicyRules.load(null));
		try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/messages/labelled-messages.csv"),
				StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
				messages.add(new String[] { record.get("subject"), record.get("body") });
			}
		}
	}

	@Benchmark
	public void classifyMessage(Blackhole blackhole) {
		String[] message = messages.get(next++ % messages.size());
		blackhole.consume(classifier.classify(message[0], message[1]));
	}

}
