package com.optoutbatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML files that configure this feature: the default that ships inside the jar, then
 * the user's file named by a job parameter, whose entries extend or replace the
 * default's.
 */
public final class ConfigurationFiles {

	private ConfigurationFiles() {
	}

	/** The default resource's document, then the user's file's, when one is named. */
	public static List<Map<String, Object>> read(String resource, Path userFile) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (InputStream in = ConfigurationFiles.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			documents.add(parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (userFile != null) {
			try (Reader in = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
				documents.add(parse(in, userFile.toString()));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + userFile, e);
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(Reader in, String name) {
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		if (document == null) {
			return Map.of();
		}
		if (!(document instanceof Map)) {
			throw new IllegalArgumentException(name + " is not a YAML mapping");
		}
		return (Map<String, Object>) document;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value, String where) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException(where + " must be a mapping");
		}
		return (Map<String, Object>) value;
	}

	public static List<String> strings(Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		if (value instanceof String text) {
			return List.of(text);
		}
		throw new IllegalArgumentException(where + " must be a list of strings");
	}

}
