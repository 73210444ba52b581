package com.optoutbatch.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.optoutbatch.launch.ApplicationProcess.Result;
import com.optoutbatch.orders.BuyerAlias;
import com.optoutbatch.support.RunFileWriter.InputFile;
import com.optoutbatch.support.RunFileWriter.RunFile;
import com.optoutbatch.support.TextCharset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a nightly run left in a workspace, read back as a seller would, and what must hold
 * of it whatever the input: every record of every input accounted for, no opted-out order
 * or buyer on a clean send list, no personal data written. A missing file is a failure of
 * the test's soft assertions, not an exception, so that one run shows every broken
 * promise.
 */
final class NightOutputs {

	private static final Pattern ORDER_ID = Pattern.compile("(?:\\d{3}|[A-Z]\\d{2})-\\d{7}-\\d{7}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path home;

	private final Path output;

	private final String runDate;

	private final Result process;

	private final SoftAssertions softly;

	NightOutputs(Path home, String runDate, Result process, SoftAssertions softly) {
		this.home = home;
		this.output = home.resolve("output");
		this.runDate = runDate;
		this.process = process;
		this.softly = softly;
	}

	Path output(String path) {
		return output.resolve(path);
	}

	Result process() {
		return process;
	}

	/**
	 * {@code output/runs/<run.date>/<job>.json}, or {@code null} (a failure) when there
	 * is none.
	 */
	RunFile runFile(String job) {
		Path file = output.resolve("runs").resolve(runDate).resolve(job + ".json");
		softly.assertThat(file).as("run file of %s", job).exists();
		return Files.exists(file) ? JSON.readValue(file.toFile(), RunFile.class) : null;
	}

	/**
	 * The run file's line of one input, by its path under its folder; {@code null} (a
	 * failure) when it is not there once.
	 */
	InputFile input(String job, String file) {
		RunFile run = runFile(job);
		if (run == null) {
			return null;
		}
		List<InputFile> named = run.inputs().stream().filter(input -> input.file().equals(file)).toList();
		softly.assertThat(named).as("inputs named %s in the run file of %s: %s", file, job, run.inputs()).hasSize(1);
		return named.size() == 1 ? named.get(0) : null;
	}

	/**
	 * The rejected records of one input, {@code line,reason,record}, in the order of the
	 * rejects file.
	 */
	List<CSVRecord> rejects(String job, String file) {
		Path rejects = output.resolve("rejects").resolve(job).resolve(file + ".rejects.csv");
		softly.assertThat(rejects).as("rejects file of %s", file).exists();
		return Files.exists(rejects) ? csv(text(rejects), ',') : List.of();
	}

	/**
	 * The rows of a send list of the list at {@code list} under {@code input/campaigns/}
	 * ({@code generic/review.csv}); {@code which} is {@code clean} or {@code suppressed}.
	 */
	List<CSVRecord> sendList(String list, String which) {
		Path file = output.resolve("send-lists").resolve(withKind(list, which));
		softly.assertThat(file).as("%s send list of %s", which, list).exists();
		return Files.exists(file) ? sendListRows(file) : List.of();
	}

	/** {@code generic/review.csv} and {@code clean}: {@code generic/review.clean.csv}. */
	static String withKind(String list, String which) {
		int dot = list.lastIndexOf('.');
		return dot > list.lastIndexOf('/') ? list.substring(0, dot) + "." + which + list.substring(dot)
				: list + "." + which;
	}

	/**
	 * Every send list the night wrote of that kind, by path under
	 * {@code output/send-lists/}.
	 */
	List<String> sendLists(String which) {
		Path folder = output.resolve("send-lists");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.map(file -> folder.relativize(file).toString().replace('\\', '/'))
				.filter(file -> file.matches(".*\\." + which + "(\\.[^./]+)?"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code output/optouts/opt-outs.csv}: the order ids and the aliases of the registry.
	 */
	OptOuts optOuts() {
		Path file = output.resolve("optouts/opt-outs.csv");
		softly.assertThat(file).as("the registry's export").exists();
		Set<String> orders = new HashSet<>();
		Set<String> aliases = new HashSet<>();
		if (Files.exists(file)) {
			for (CSVRecord row : csv(text(file), ',')) {
				if (!row.get("order_id").isEmpty()) {
					orders.add(row.get("order_id"));
				}
				if (!row.get("buyer_alias").isEmpty()) {
					aliases.add(row.get("buyer_alias"));
				}
			}
		}
		return new OptOuts(orders, aliases);
	}

	/** What must hold of every night, whatever it was given. */
	void assertInvariants(Collection<String> plantedPersonalData) {
		assertEveryRecordAccountedFor();
		assertNoCleanListHoldsAnOptOut();
		assertNowhere(plantedPersonalData);
	}

	/**
	 * In every run file, each input and the totals: read = used + filtered + rejected.
	 */
	void assertEveryRecordAccountedFor() {
		Path runs = output.resolve("runs").resolve(runDate);
		softly.assertThat(runs).as("the night's run files").isDirectory();
		for (Path file : files(runs)) {
			RunFile run = JSON.readValue(file.toFile(), RunFile.class);
			softly.assertThat(run.totals().read())
				.as("%s totals: read = used + filtered + rejected (%s)", run.job(), run.totals())
				.isEqualTo(run.totals().used() + run.totals().filtered() + run.totals().rejected());
			for (InputFile input : run.inputs()) {
				softly.assertThat(input.read())
					.as("%s %s: read = used + filtered + rejected (%s)", run.job(), input.file(), input)
					.isEqualTo(input.used() + input.filtered() + input.rejected());
			}
		}
	}

	/**
	 * No clean send list holds a row with an order id or a buyer alias of the registry,
	 * but for the rows of a critical campaign, which keep opted-out buyers by design:
	 * those the report must count (campaigns.csv, {@code critical_to_opted_out}).
	 */
	void assertNoCleanListHoldsAnOptOut() {
		OptOuts optOuts = optOuts();
		long criticalKept = 0;
		for (String list : sendLists("clean")) {
			Path file = output.resolve("send-lists").resolve(list);
			CampaignPurposes purposes = CampaignPurposes.ofSendList(list);
			for (CSVRecord row : sendListRows(file)) {
				List<String> optedOut = row.stream().filter(optOuts::holds).toList();
				if (optedOut.isEmpty()) {
					continue;
				}
				if (purposes.critical(row)) {
					criticalKept++;
				}
				else {
					softly.fail("clean list %s row %d holds opted-out %s", list, row.getRecordNumber(), optedOut);
				}
			}
		}
		Path campaigns = output.resolve("reports").resolve(runDate).resolve("campaigns.csv");
		if (Files.exists(campaigns)) {
			long reported = csv(text(campaigns), ',').stream()
				.mapToLong(row -> Long.parseLong(row.get("critical_to_opted_out")))
				.sum();
			softly.assertThat(reported)
				.as("critical rows to opted-out buyers the report counts")
				.isGreaterThanOrEqualTo(criticalKept);
		}
	}

	/**
	 * None of the strings is in any file under output/ (the database aside) nor in what
	 * the process printed.
	 */
	void assertNowhere(Collection<String> planted) {
		for (Path file : files(output)) {
			if (output.relativize(file).startsWith("db")) {
				continue;
			}
			byte[] bytes = bytes(file);
			for (String value : planted) {
				softly.assertThat(contains(bytes, value))
					.as("personal data '%s' in %s", value, home.relativize(file))
					.isFalse();
			}
		}
		for (String value : planted) {
			softly.assertThat(process.stdout()).as("personal data on stdout").doesNotContain(value);
			softly.assertThat(process.stderr()).as("personal data on stderr").doesNotContain(value);
		}
	}

	/**
	 * The data lines of an input file: every line after the header, if it has one, that
	 * is not blank.
	 */
	static long dataLines(Path file, boolean header) throws IOException {
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.skip(header ? 1 : 0).filter(line -> !line.isBlank()).count();
		}
	}

	// a send list keeps its input's charset and delimiter: both are found as a reader of
	// it would
	private static List<CSVRecord> sendListRows(Path file) {
		String text = text(file);
		String header = text.lines().findFirst().orElse("");
		char delimiter = ',';
		long most = header.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { '\t', ';' }) {
			long count = header.chars().filter(c -> c == candidate).count();
			if (count > most) {
				delimiter = candidate;
				most = count;
			}
		}
		return csv(text, delimiter);
	}

	private static List<CSVRecord> csv(String text, char delimiter) {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.get();
		try {
			return format.parse(new StringReader(text)).getRecords();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A file's text without its byte-order mark: UTF-8 or UTF-16 by the mark, else UTF-8,
	 * else windows-1252.
	 */
	static String text(Path file) {
		byte[] bytes = bytes(file);
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(bytes, TextCharset.WINDOWS_1252);
		}
	}

	static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	// in any of the charsets a send list or a copied mail may be written in
	private static boolean contains(byte[] bytes, String value) {
		for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			if (indexOf(bytes, value.getBytes(charset)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static int indexOf(byte[] bytes, byte[] pattern) {
		outer: for (int i = 0; i <= bytes.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (bytes[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static List<Path> files(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The registry as {@code opt-outs.csv} has it. */
	record OptOuts(Set<String> orders, Set<String> aliases) {

		/** Whether a cell names an opted-out order or buyer. */
		boolean holds(String cell) {
			String value = cell.strip();
			if (ORDER_ID.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
				return orders.contains(value.toUpperCase(Locale.ROOT));
			}
			if (value.contains("@")) {
				try {
					String alias = BuyerAlias.normalise(value);
					return alias != null && aliases.contains(alias);
				}
				catch (IllegalArgumentException e) {
					return false;
				}
			}
			return false;
		}

	}

	/**
	 * Which rows of a send list are of a critical campaign, as the list's profile (the
	 * folder it sits in under {@code input/campaigns/}) says in
	 * {@code campaigns/profiles.yml}: by the value of its purpose column, or its default
	 * purpose. A loose list has no purposes.
	 */
	record CampaignPurposes(String column, Map<String, Object> values, String defaultPurpose) {

		private static final CampaignPurposes NONE = new CampaignPurposes(null, Map.of(), null);

		static CampaignPurposes ofSendList(String list) {
			int slash = list.indexOf('/');
			if (slash < 0) {
				return NONE;
			}
			JsonNode entry;
			try (InputStream in = NightOutputs.class.getResourceAsStream("/campaigns/profiles.yml")) {
				entry = YAMLMapper.shared().readTree(in).path(list.substring(0, slash));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (!entry.isObject()) {
				return NONE;
			}
			Map<String, Object> values = new HashMap<>();
			entry.path("purposes")
				.properties()
				.forEach(purpose -> values.put(purpose.getKey().toLowerCase(Locale.ROOT),
						purpose.getValue().asString()));
			return new CampaignPurposes(entry.path("columns").path("purpose").asString(null), values,
					entry.path("default_purpose").asString(null));
		}

		boolean critical(CSVRecord row) {
			String value = column == null || !row.isMapped(column) ? "" : row.get(column).strip();
			Object purpose;
			if (value.isEmpty()) {
				purpose = defaultPurpose;
			}
			else if (values.containsKey(value.toLowerCase(Locale.ROOT))) {
				purpose = values.get(value.toLowerCase(Locale.ROOT));
			}
			else {
				purpose = value.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			}
			return "critical".equals(purpose);
		}

	}

}
