package com.optoutbatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inputs each attempt of a run read, pinned before it starts: for every file under
 * the input folders of its job, the path under {@code input/}, size, modification time
 * and SHA-256 (table {@code input_ledger}). A launch that would resume a failed or killed
 * run asks what changed since (files changed, added, removed) and starts the run again
 * from its beginning when anything did, so that no run mixes two versions of its inputs.
 * <p>
 * When an attempt completes, each of its files is noted as read to its end
 * ({@code read_bytes}): what a later run needs to skip what a completed run already took
 * in, or to read only what a file gained since.
 */
@Component
public class InputLedger {

	public static final String RUN_ATTEMPT = "run.attempt";

	/**
	 * The folders under {@code input/} each job reads; the nightly run reads them all.
	 */
	private static final Map<String, List<String>> INPUT_FOLDERS = Map.of("importOrders", List.of("orders"),
			"importMessages", List.of("messages"), "scanMailbox", List.of("optouts", "mailbox"), "reconcileCampaigns",
			List.of("campaigns"), "nightly", List.of("orders", "messages", "optouts", "mailbox", "campaigns"));

	/**
	 * A file whose modification time is this much older than its pinning cannot have
	 * changed since without changing that time (or its size), short of someone setting
	 * the time back: it is not read again to be compared. A newer one may have been
	 * written again within the same tick of a coarse file-system clock (two seconds on
	 * FAT), so its content is compared.
	 */
	private static final Duration SETTLED = Duration.ofSeconds(2);

	private static final String INSERT = """
			INSERT INTO input_ledger (job_name, run_date, run_attempt, input_path, size_bytes, modified_ns, sha256,
			                          pinned_at, outcome)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PINNED')""";

	private static final String SELECT = """
			SELECT input_path, size_bytes, modified_ns, sha256, pinned_at, outcome FROM input_ledger
			WHERE job_name = ? AND run_date = ? AND run_attempt = ? ORDER BY input_path""";

	private final Workspace workspace;

	private final JdbcTemplate jdbc;

	public InputLedger(Workspace workspace, JdbcTemplate jdbc) {
		this.workspace = workspace;
		this.jdbc = jdbc;
	}

	/**
	 * The folders under {@code input/} a job reads; none for a job that reads no input
	 * files.
	 */
	public static List<String> inputFolders(String job) {
		return INPUT_FOLDERS.getOrDefault(job, List.of());
	}

	/**
	 * Fingerprints every input of the run's job as it is now, and records them as the
	 * run's.
	 */
	public List<Fingerprint> pin(Run run) {
		OffsetDateTime pinnedAt = OffsetDateTime.now(ZoneOffset.UTC);
		List<Fingerprint> inputs = new ArrayList<>();
		current(run.job()).forEach((path, file) -> inputs.add(fingerprint(path, file, null)));
		jdbc.update("DELETE FROM input_ledger WHERE job_name = ? AND run_date = ? AND run_attempt = ?", run.job(),
				run.runDate(), run.attempt());
		jdbc.batchUpdate(INSERT, inputs, inputs.size(), (statement, input) -> {
			statement.setString(1, run.job());
			statement.setObject(2, run.runDate());
			statement.setLong(3, run.attempt());
			statement.setString(4, input.path());
			statement.setLong(5, input.size());
			statement.setLong(6, input.modifiedNanos());
			statement.setString(7, input.sha256());
			statement.setObject(8, pinnedAt);
		});
		return inputs;
	}

	/** The inputs a run pinned, by path under {@code input/}. */
	public Map<String, Fingerprint> pinned(Run run) {
		Map<String, Fingerprint> pinned = new LinkedHashMap<>();
		jdbc.query(SELECT, row -> {
			pinned.put(row.getString(1), new Fingerprint(row.getString(1), row.getLong(2), row.getLong(3),
					row.getString(4), row.getObject(5, OffsetDateTime.class).toInstant()));
		}, run.job(), run.runDate(), run.attempt());
		return pinned;
	}

	/** How the inputs of the run's job differ now from those the run pinned. */
	public Changes changesSince(Run run) {
		Map<String, Fingerprint> pinned = pinned(run);
		Map<String, Path> current = current(run.job());
		List<String> changed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		current.forEach((path, file) -> {
			Fingerprint before = pinned.get(path);
			if (before == null) {
				added.add(path);
			}
			else if (!before.sameContent(fingerprint(path, file, before))) {
				changed.add(path);
			}
		});
		List<String> removed = pinned.keySet().stream().filter(path -> !current.containsKey(path)).toList();
		return new Changes(changed, added, removed);
	}

	/** Notes that the run completed: it read each of its inputs to the end. */
	public void markRead(Run run) {
		jdbc.update("""
				UPDATE input_ledger SET outcome = 'READ', read_bytes = size_bytes
				WHERE job_name = ? AND run_date = ? AND run_attempt = ?""", run.job(), run.runDate(), run.attempt());
	}

	/**
	 * Notes that the run will not be resumed: its inputs changed, and a new attempt
	 * starts over.
	 */
	public void markStartedOver(Run run) {
		jdbc.update("""
				UPDATE input_ledger SET outcome = 'STARTED_OVER'
				WHERE job_name = ? AND run_date = ? AND run_attempt = ?""", run.job(), run.runDate(), run.attempt());
	}

	/**
	 * When this attempt started over because the inputs of the one before it changed: how
	 * they changed between the two; else {@code null}.
	 */
	public StartedOver startedOver(Run run) {
		if (run.attempt() < 2) {
			return null;
		}
		Run before = new Run(run.job(), run.runDate(), run.attempt() - 1);
		Integer startedOver = jdbc.queryForObject("""
				SELECT COUNT(*) FROM input_ledger
				WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND outcome = 'STARTED_OVER'""", Integer.class,
				before.job(), before.runDate(), before.attempt());
		if (startedOver == null || startedOver == 0) {
			return null;
		}
		Map<String, Fingerprint> then = pinned(before);
		Map<String, Fingerprint> now = pinned(run);
		List<String> changed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		now.forEach((path, input) -> {
			Fingerprint old = then.get(path);
			if (old == null) {
				added.add(path);
			}
			else if (!old.sameContent(input)) {
				changed.add(path);
			}
		});
		List<String> removed = then.keySet().stream().filter(path -> !now.containsKey(path)).toList();
		return new StartedOver(before.attempt(), new Changes(changed, added, removed).describe(), changed, added,
				removed);
	}

	/**
	 * The visible files under the job's input folders, at any depth, by path under
	 * {@code input/}. Links are not walked: a link to a file inside {@code input/} is
	 * taken as that file, as the jobs read it; whatever a link leads to outside, the jobs
	 * do not read.
	 */
	private Map<String, Path> current(String job) {
		Path inputs = workspace.home().resolve("input");
		Map<String, Path> files = new TreeMap<>();
		for (String folder : inputFolders(job)) {
			Path root = inputs.resolve(folder);
			if (!Files.isDirectory(root)) {
				continue;
			}
			try {
				Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
						new SimpleFileVisitor<>() {

							@Override
							public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
								return dir.equals(root) || !hidden(dir) ? FileVisitResult.CONTINUE
										: FileVisitResult.SKIP_SUBTREE;
							}

							@Override
							public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
								if (!hidden(file) && !file.getFileName().toString().equalsIgnoreCase("README.md")
										&& (attributes.isRegularFile()
												|| attributes.isSymbolicLink() && isFileInside(file, inputs))) {
									files.put(nameOf(inputs, file), file);
								}
								return FileVisitResult.CONTINUE;
							}

							@Override
							public FileVisitResult visitFileFailed(Path file, IOException e) {
								// an unreadable file is fingerprinted as such
								if (!hidden(file)) {
									files.put(nameOf(inputs, file), file);
								}
								return FileVisitResult.CONTINUE;
							}

						});
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot list " + workspace.home().relativize(root), e);
			}
		}
		return files;
	}

	private static boolean isFileInside(Path link, Path inputs) {
		try {
			return Files.isRegularFile(link) && link.toRealPath().startsWith(inputs.toRealPath());
		}
		catch (IOException brokenOrLooping) {
			return false;
		}
	}

	/**
	 * A file's fingerprint now. Compared with an earlier one, a file of another size is
	 * not read, nor one of the same size and modification time, settled when it was
	 * pinned, which is taken to be the same.
	 */
	private static Fingerprint fingerprint(String path, Path file, Fingerprint earlier) {
		long size;
		long modified;
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			size = attributes.size();
			modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		}
		catch (IOException e) {
			return new Fingerprint(path, -1, 0, null, null);
		}
		if (earlier != null && earlier.size() != size) {
			return new Fingerprint(path, size, modified, null, null);
		}
		if (earlier != null && earlier.modifiedNanos() == modified && earlier.settled()) {
			return earlier;
		}
		return new Fingerprint(path, size, modified, sha256(file), null);
	}

	/** The SHA-256 of a file's content, streamed; {@code null} when it cannot be read. */
	private static String sha256(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			return null;
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static boolean hidden(Path path) {
		return path.getFileName() != null && path.getFileName().toString().startsWith(".");
	}

	private static String nameOf(Path inputs, Path file) {
		return inputs.relativize(file).toString().replace('\\', '/');
	}

	/** One attempt of a run of a job: the job instance of that run date and attempt. */
	public record Run(String job, LocalDate runDate, long attempt) {
	}

	/**
	 * An input file as it was: its path under {@code input/}, size, modification time in
	 * nanoseconds since the epoch and SHA-256 ({@code null} when it could not be read);
	 * when it was pinned, if it was.
	 */
	public record Fingerprint(String path, long size, long modifiedNanos, String sha256, Instant pinnedAt) {

		/** The same content: a file written again with the same bytes has not changed. */
		boolean sameContent(Fingerprint other) {
			return size == other.size && Objects.equals(sha256, other.sha256);
		}

		boolean settled() {
			return pinnedAt != null && Instant.EPOCH.plusNanos(modifiedNanos).isBefore(pinnedAt.minus(SETTLED));
		}

	}

	/**
	 * How the inputs of a job differ from those a run pinned, by path under
	 * {@code input/}.
	 */
	public record Changes(List<String> changed, List<String> added, List<String> removed) {

		public boolean none() {
			return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
		}

		/** In one line: {@code changed: campaigns/a.csv; added: campaigns/b.csv}. */
		public String describe() {
			List<String> parts = new ArrayList<>();
			if (!changed.isEmpty()) {
				parts.add("changed: " + String.join(", ", changed));
			}
			if (!added.isEmpty()) {
				parts.add("added: " + String.join(", ", added));
			}
			if (!removed.isEmpty()) {
				parts.add("removed: " + String.join(", ", removed));
			}
			return String.join("; ", parts);
		}

	}

	/**
	 * For the run file: the attempt this one replaced because its inputs changed, and how
	 * they did.
	 */
	public record StartedOver(long fromAttempt, String why, List<String> changed, List<String> added,
			List<String> removed) {
	}

}
