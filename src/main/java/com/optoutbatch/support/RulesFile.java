package com.optoutbatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML files of rules and profiles. The one that ships inside the jar is read first,
 * then the user's file named by a job parameter or a setting, each into the typed shape
 * of its kind; the kind then lets the user's entries extend or replace the shipped ones
 * by name. A file that is not YAML, an unknown key or a wrong value fails the load with
 * one line that names the file, the key and what was expected:
 * {@code messages.rules my-rules.yml: rules.review-request.phrases.en: expected a list of strings, line 4}.
 */
public final class RulesFile {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
				DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.build();

	private RulesFile() {
	}

	/**
	 * The shipped resource's content, extended by the user's file when one is named.
	 * @param parameter the job parameter or setting that names the user's file, for the
	 * messages: {@code messages.rules}
	 * @param resource the shipped file, {@code /messages/policy-rules.yml}
	 * @param userFile the user's file, or {@code null}
	 * @param extend the shipped content and the user's, made one
	 * @throws InvalidConfiguration with a one-line reason when a file is wrong
	 */
	public static <T> T load(String parameter, String resource, Path userFile, TypeReference<T> shape,
			BinaryOperator<T> extend) {
		T shipped;
		try (InputStream in = RulesFile.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			shipped = read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					"the shipped " + resource.substring(1), shape);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + resource, e);
		}
		if (shipped == null) {
			throw new IllegalStateException("empty resource " + resource);
		}
		if (userFile == null) {
			return shipped;
		}
		String source = parameter + " " + userFile;
		String name = userFile.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".properties")) {
			throw new InvalidConfiguration(source + ": the format is YAML, not properties; src/main/resources"
					+ resource + " is the shipped example");
		}
		T user;
		try {
			user = read(Files.readString(userFile, StandardCharsets.UTF_8), source, shape);
		}
		catch (NoSuchFileException e) {
			throw new InvalidConfiguration(source + ": no such file");
		}
		catch (CharacterCodingException e) {
			throw new InvalidConfiguration(source + ": not UTF-8 text");
		}
		catch (IOException e) {
			throw new InvalidConfiguration(source + ": cannot read it: " + e.getMessage());
		}
		return user == null ? shipped : extend.apply(shipped, user);
	}

	/**
	 * The entries of both maps, in order: the first's, then the second's new names; the
	 * second's entry replaces the first's of the same name.
	 */
	public static <V> Map<String, V> byName(Map<String, V> shipped, Map<String, V> user) {
		Map<String, V> entries = new LinkedHashMap<>(shipped);
		entries.putAll(user);
		return entries;
	}

	/** The file's content; {@code null} when it holds nothing but comments. */
	private static <T> T read(String text, String source, TypeReference<T> shape) {
		JavaType type = YAML.constructType(shape);
		Map<String, Integer> lines = new HashMap<>();
		try (JsonParser parser = YAML.createParser(text)) {
			if (parser.nextToken() == null) {
				return null;
			}
			checkKeys(parser, type, "", lines, source);
		}
		catch (JacksonException e) {
			throw new InvalidConfiguration(source + ": not YAML: " + syntaxProblem(e));
		}
		try {
			return YAML.readValue(text, shape);
		}
		catch (JacksonException e) {
			throw new InvalidConfiguration(source + ": " + problem(e, type, lines));
		}
	}

	/**
	 * Fails on the first key that the shape does not know or that its mapping gives
	 * twice, or on a mapping or a list where the shape has something else, and notes the
	 * line of every key. Binding could not do it: a record is built before its unknown
	 * keys are reported, so a misspelt key would show only as the value it leaves
	 * missing.
	 */
	private static void checkKeys(JsonParser parser, JavaType type, String key, Map<String, Integer> lines,
			String source) {
		lines.put(key, parser.currentLocation().getLineNr());
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT && (type.isMapLikeType() || type.isRecordType())) {
			Set<String> seen = new HashSet<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				String at = key.isEmpty() ? name : key + "." + name;
				int line = parser.currentLocation().getLineNr();
				JavaType value = type.isMapLikeType() ? type.getContentType() : componentType(type, name);
				if (value == null) {
					throw new InvalidConfiguration(source + ": " + at + ": unknown key; expected one of "
							+ String.join(", ", keysOf(type.getRawClass())) + ", line " + line);
				}
				if (!seen.add(name)) {
					throw new InvalidConfiguration(source + ": " + at + ": given twice, line " + line);
				}
				parser.nextToken();
				checkKeys(parser, value, at, lines, source);
				lines.put(at, line);
			}
		}
		else if (token == JsonToken.START_ARRAY && type.isCollectionLikeType()) {
			for (int i = 1; parser.nextToken() != JsonToken.END_ARRAY; i++) {
				checkKeys(parser, type.getContentType(), key + "[" + i + "]", lines, source);
			}
		}
		else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			throw new InvalidConfiguration(source + ": " + (key.isEmpty() ? "the file" : key) + ": expected "
					+ expected(type) + ", line " + parser.currentLocation().getLineNr());
		}
	}

	/** {@code rules.x.weight: expected a whole number, got 'high', line 7} */
	private static String problem(JacksonException e, JavaType shape, Map<String, Integer> lines) {
		String key = key(e.getPath());
		if (e instanceof ValueInstantiationException && e.getCause() instanceof Invalid invalid) {
			String at = invalid.key.isEmpty() ? key : key.isEmpty() ? invalid.key : key + "." + invalid.key;
			return (at.isEmpty() ? "" : at + ": ") + invalid.getMessage() + lineOf(at, lines);
		}
		String line = e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? ""
				: ", line " + e.getLocation().getLineNr();
		String expected = expected(typeAt(shape, e.getPath()));
		String got = e instanceof InvalidFormatException format ? ", got '" + format.getValue() + "'" : "";
		return (key.isEmpty() ? "the file" : key) + ": expected " + expected + got + line;
	}

	/**
	 * The line of the key, or of the nearest key above it that the file has (the entry of
	 * a missing key).
	 */
	private static String lineOf(String key, Map<String, Integer> lines) {
		for (String at = key; !at.isEmpty(); at = at.substring(0, Math.max(0, at.lastIndexOf('.')))) {
			Integer line = lines.get(at);
			if (line != null) {
				return ", line " + line;
			}
		}
		return "";
	}

	/**
	 * {@code while parsing a flow sequence, expected ',' or ']', but got <stream end>,
	 * line 5}
	 */
	private static String syntaxProblem(JacksonException e) {
		String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
		String problem = message.lines()
			.filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
			.collect(Collectors.joining(", "));
		Matcher mark = Pattern.compile("line (\\d+), column").matcher(message);
		String line = null;
		while (mark.find()) {
			line = mark.group(1);
		}
		if (line == null && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
			line = Integer.toString(e.getLocation().getLineNr());
		}
		return problem + (line == null ? "" : ", line " + line);
	}

	/** {@code rules.review-request.phrases.en[2]} */
	private static String key(List<JacksonException.Reference> path) {
		StringBuilder key = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				key.append(key.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				key.append('[').append(reference.getIndex() + 1).append(']');
			}
		}
		return key.toString();
	}

	/** The type the shape holds at the end of the path. */
	private static JavaType typeAt(JavaType shape, List<JacksonException.Reference> path) {
		JavaType type = shape;
		for (JacksonException.Reference reference : path) {
			JavaType inner = type.isContainerType() ? type.getContentType()
					: type.isRecordType() && reference.getPropertyName() != null
							? componentType(type, reference.getPropertyName()) : null;
			if (inner == null) {
				return type;
			}
			type = inner;
		}
		return type;
	}

	/** The type of the record's component of that key, {@code null} when it has none. */
	private static JavaType componentType(JavaType record, String key) {
		return Arrays.stream(record.getRawClass().getRecordComponents())
			.filter(component -> keyOf(component).equals(key))
			.findFirst()
			.map(component -> YAML.getTypeFactory().constructType(component.getGenericType()))
			.orElse(null);
	}

	private static List<String> keysOf(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RulesFile::keyOf).toList();
	}

	/** The component's key: its name, or the one its {@code @JsonProperty} gives. */
	private static String keyOf(RecordComponent component) {
		// the annotation is not one of record components: Java puts it on the accessor
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		return property == null ? component.getName() : property.value();
	}

	/** What a value of this type is written as, in words. */
	private static String expected(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw == String.class) {
			return "a string";
		}
		if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
			return "a whole number";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "true or false";
		}
		if (raw.isEnum()) {
			return "one of " + Arrays.stream(raw.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (Collection.class.isAssignableFrom(raw)) {
			return "a list of " + plural(type.getContentType());
		}
		if (type.isRecordType()) {
			return "a mapping of " + String.join(", ", keysOf(raw));
		}
		return "a mapping of names to " + plural(type.getContentType());
	}

	/** Values of this type, in words: {@code strings}, {@code lists of strings}. */
	private static String plural(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw == String.class) {
			return "strings";
		}
		if (Collection.class.isAssignableFrom(raw)) {
			return "lists of " + plural(type.getContentType());
		}
		return type.isRecordType() || type.isMapLikeType() ? "mappings" : "values";
	}

	/**
	 * A value that has the right type but is not one the kind takes, thrown by a shape's
	 * record: the key under that record, and what was expected.
	 */
	public static final class Invalid extends IllegalArgumentException {

		private final String key;

		/**
		 * @param key the key under the record that throws, {@code flag}, or empty for the
		 * record itself
		 * @param problem what was expected, and what was there
		 */
		public Invalid(String key, String problem) {
			super(problem);
			this.key = key;
		}

	}

}
