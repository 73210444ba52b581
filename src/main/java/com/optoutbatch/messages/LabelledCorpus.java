package com.optoutbatch.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled messages the model learns from and is measured on, shipped in the jar: one
 * CSV a language, {@code messages/corpus/<language>.csv}. How they are labelled:
 * docs/rules.md, "The labelled corpus". The test split is made of whole authors, so that
 * no author's habits are learnt and then tested.
 */
final class LabelledCorpus {

	static final List<String> LANGUAGES = List.of("en", "de", "fr", "it", "es", "ja");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

	private LabelledCorpus() {
	}

	/** A message of the corpus with its labels. */
	record Message(String id, String language, String split, String author, String kind, MessageCategory category,
			Set<ContentFlag> flags, String subject, String body) {

		boolean isTest() {
			return split.equals("test");
		}

	}

	static List<Message> all() {
		List<Message> messages = new ArrayList<>();
		for (String language : LANGUAGES) {
			String resource = "/messages/corpus/" + language + ".csv";
			try (InputStream in = LabelledCorpus.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("missing resource " + resource);
				}
				messages.addAll(read(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return messages;
	}

	private static List<Message> read(Reader in, String name) throws IOException {
		List<Message> messages = new ArrayList<>();
		for (CSVRecord record : FORMAT.parse(in)) {
			try {
				messages.add(new Message(record.get("id"), record.get("language"), record.get("split"),
						record.get("author"), record.get("kind"), MessageCategory.valueOf(record.get("category")),
						Arrays.stream(record.get("flags").split(";"))
							.filter(code -> !code.isEmpty())
							.map(ContentFlag::ofCode)
							.collect(Collectors.toSet()),
						record.get("subject"), record.get("body")));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException(name + " record " + record.getRecordNumber() + ": " + e.getMessage(),
						e);
			}
		}
		return messages;
	}

}
