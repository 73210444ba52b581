package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
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
 * ({@code read_bytes}). A later run does not read again a file whose bytes and reading
 * basis (what else the reading depended on: {@link ReadingBasis}) equal those of the last
 * completed run that read it: it is pinned as unchanged since that run's date, and the
 * partitions of the run leave it out; a file that only grew is read on from where that
 * run stopped ({@link InputFilePartitioner}).
 */
@Component
public class InputLedger {

	public static final String RUN_ATTEMPT = "run.attempt";

	/** Set on the jobs the nightly run starts: the nightly run's instance. */
	public static final String NIGHTLY_INSTANCE = "nightly.instance";

	private static final String NIGHTLY = "nightly";

	/**
	 * The folders under {@code input/} each job reads; the nightly run reads them all.
	 */
	private static final Map<String, List<String>> INPUT_FOLDERS = Map.of("importOrders", List.of("orders"),
			"importMessages", List.of("messages"), "scanMailbox", List.of("optouts", "mailbox"), "reconcileCampaigns",
			List.of("campaigns"), NIGHTLY, List.of("orders", "messages", "optouts", "mailbox", "campaigns"));

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
			                          pinned_at, outcome, basis, unchanged_since, read_from_bytes, read_from_records,
			                          read_records)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PINNED', ?, ?, ?, ?, ?)""";

	// the last completed reading of each file, by the time it was pinned
	private static final String LAST_READ = """
			SELECT input_path, size_bytes, modified_ns, sha256, pinned_at, basis, run_date, unchanged_since,
			       read_records
			FROM input_ledger l WHERE outcome = 'READ' AND pinned_at = (
			    SELECT MAX(pinned_at) FROM input_ledger m WHERE m.input_path = l.input_path AND m.outcome = 'READ')""";

	/** Where a job keeps the inputs it did not read again: path, and since what date. */
	public static final String UNCHANGED_KEY = "input.unchanged";

	private static final String PINNED_UNCHANGED_KEY = "input.pinned-unchanged";

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
	 * run's, read on the given basis. Unless {@code readAll}, each is compared with the
	 * last completed reading of it: the same bytes on the same basis are pinned as
	 * unchanged; bytes added at the end of the same bytes, after a line end, as read on
	 * from there.
	 */
	public List<Fingerprint> pin(Run run, String basis, boolean readAll) {
		OffsetDateTime pinnedAt = OffsetDateTime.now(ZoneOffset.UTC);
		Map<String, LastRead> lastRead = new LinkedHashMap<>();
		jdbc.query(LAST_READ, row -> {
			Fingerprint read = new Fingerprint(row.getString(1), row.getLong(2), row.getLong(3), row.getString(4),
					row.getObject(5, OffsetDateTime.class).toInstant());
			LocalDate since = row.getObject(8, LocalDate.class);
			lastRead.put(read.path(), new LastRead(read, row.getString(6),
					since != null ? since : row.getObject(7, LocalDate.class), row.getObject(9, Long.class)));
		});
		List<Fingerprint> inputs = new ArrayList<>();
		Map<String, Reading> readings = new LinkedHashMap<>();
		current(run.job()).forEach((path, file) -> {
			LastRead last = lastRead.get(path);
			Fingerprint now = fingerprint(path, file, last == null ? null : last.fingerprint());
			if (now.sha256() == null && now.size() >= 0) {
				// of another size than when last read: hashed all the same, for the runs
				// after
				now = fingerprint(path, file, null);
			}
			inputs.add(now);
			if (!readAll && last != null && now.sha256() != null && basis.equals(last.basis())) {
				readings.put(path, last.readingOf(now, file));
			}
		});
		jdbc.update("DELETE FROM input_ledger WHERE job_name = ? AND run_date = ? AND run_attempt = ?", run.job(),
				run.runDate(), run.attempt());
		jdbc.batchUpdate(INSERT, inputs, inputs.size(), (statement, input) -> {
			Reading reading = readings.getOrDefault(input.path(), Reading.WHOLE);
			statement.setString(1, run.job());
			statement.setObject(2, run.runDate());
			statement.setLong(3, run.attempt());
			statement.setString(4, input.path());
			statement.setLong(5, input.size());
			statement.setLong(6, input.modifiedNanos());
			statement.setString(7, input.sha256());
			statement.setObject(8, pinnedAt);
			statement.setString(9, basis);
			statement.setObject(10, reading.unchangedSince());
			statement.setObject(11, reading.fromBytes());
			statement.setObject(12, reading.fromRecords());
			statement.setObject(13, reading.unchangedSince() != null ? reading.fromRecords() : null);
		});
		return inputs;
	}

	/**
	 * What the last completed reading of a file read, on what basis, since when the file
	 * is as it read it, and how many records it held then ({@code null} when not known).
	 */
	private record LastRead(Fingerprint fingerprint, String basis, LocalDate readOn, Long records) {

		Reading readingOf(Fingerprint now, Path file) {
			if (fingerprint.sameContent(now)) {
				return new Reading(readOn, null, records);
			}
			if (records != null && now.size() > fingerprint.size() && !file.getFileName().toString().endsWith(".gz")
					&& startsWith(file, fingerprint)) {
				return new Reading(null, fingerprint.size(), records);
			}
			return Reading.WHOLE;
		}

	}

	/**
	 * How a run reads a file: not at all, unchanged since a date; on from a byte and a
	 * record it grew after; or whole (all {@code null}).
	 */
	record Reading(LocalDate unchangedSince, Long fromBytes, Long fromRecords) {

		static final Reading WHOLE = new Reading(null, null, null);

	}

	/**
	 * Whether a file begins with the bytes of an earlier version of it, and they end a
	 * line: whether it only grew by lines added at its end.
	 */
	private static boolean startsWith(Path file, Fingerprint earlier) {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			ByteBuffer last = ByteBuffer.allocate(1);
			if (earlier.size() == 0 || channel.position(earlier.size() - 1).read(last) != 1 || last.get(0) != '\n') {
				return false;
			}
		}
		catch (IOException e) {
			return false;
		}
		return Objects.equals(Sha256.of(file, earlier.size()), earlier.sha256());
	}

	/**
	 * How this run reads each of its inputs that it does not read whole, by path; empty
	 * outside a run the launch pinned (a job started directly, as in tests).
	 */
	Map<String, Reading> readings(JobExecution job) {
		Run run = pinnedBy(job);
		Map<String, Reading> readings = new LinkedHashMap<>();
		if (run != null) {
			jdbc.query("""
					SELECT input_path, unchanged_since, read_from_bytes, read_from_records FROM input_ledger
					WHERE job_name = ? AND run_date = ? AND run_attempt = ?
					  AND (unchanged_since IS NOT NULL OR read_from_bytes IS NOT NULL)""", row -> {
				readings.put(row.getString(1), new Reading(row.getObject(2, LocalDate.class),
						row.getObject(3, Long.class), row.getObject(4, Long.class)));
			}, run.job(), run.runDate(), run.attempt());
		}
		return readings;
	}

	/**
	 * For the inputs of a folder decided together against what the other inputs put in
	 * the database (the campaign lists): the date of the last completed run that decided
	 * them, when this run's decisions would come out the same: every file of the folder
	 * pinned as unchanged since that run, none removed, and {@code dependsOn} (the
	 * version of the stored data they are decided against, {@link StoredData}) as it was
	 * then. Else {@code null}, and the run's files of the folder are noted as read whole.
	 * Either way they note {@code dependsOn}, for the run after.
	 */
	public LocalDate decidedAlike(JobExecution job, String folder, String dependsOn) {
		Run run = pinnedBy(job);
		if (run == null) {
			return null;
		}
		String files = folder + "/%";
		job.getExecutionContext().put(PINNED_UNCHANGED_KEY, new ArrayList<>(jdbc.queryForList("""
				SELECT input_path FROM input_ledger
				WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path LIKE ?
				  AND unchanged_since IS NOT NULL""", String.class, run.job(), run.runDate(), run.attempt(), files)));
		List<LocalDate> since = jdbc.queryForList("""
				SELECT DISTINCT unchanged_since FROM input_ledger
				WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path LIKE ?""", LocalDate.class,
				run.job(), run.runDate(), run.attempt(), files);
		LocalDate decidedOn = since.size() == 1 ? since.get(0) : null;
		if (decidedOn != null) {
			// the last decision: the newest completed reading of the folder's files
			List<Map<String, Object>> last = jdbc.queryForList("""
					SELECT input_path, depends_on FROM input_ledger
					WHERE outcome = 'READ' AND input_path LIKE ? AND pinned_at = (
					    SELECT MAX(pinned_at) FROM input_ledger WHERE outcome = 'READ' AND input_path LIKE ?)""", files,
					files);
			Integer pinned = jdbc.queryForObject("""
					SELECT COUNT(*) FROM input_ledger
					WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path LIKE ?""", Integer.class,
					run.job(), run.runDate(), run.attempt(), files);
			boolean alike = pinned != null && pinned == last.size()
					&& last.stream().allMatch(file -> dependsOn.equals(file.get("depends_on")));
			decidedOn = alike ? decidedOn : null;
		}
		jdbc.update("""
				UPDATE input_ledger SET depends_on = ?, unchanged_since = ?, read_from_bytes = NULL,
				                        read_from_records = NULL
				WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path LIKE ?""", dependsOn, decidedOn,
				run.job(), run.runDate(), run.attempt(), files);
		if (decidedOn != null) {
			Map<String, String> unchanged = unchangedOf(job);
			jdbc.queryForList("""
					SELECT input_path FROM input_ledger
					WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path LIKE ?""", String.class,
					run.job(), run.runDate(), run.attempt(), files)
				.forEach(path -> unchanged.put(path, since.get(0).toString()));
			job.getExecutionContext().put(UNCHANGED_KEY, unchanged);
		}
		return decidedOn;
	}

	/**
	 * Moves each file the run read into the database (orders, messages, opt-out lists,
	 * mail: not the campaign lists, which are decided anew) to
	 * {@code input/.archive/<run.date>/} under the same path, once the run completed. A
	 * file that changed since the run pinned it stays: what it gained is not read yet.
	 * @return the paths moved, under {@code input/}
	 */
	public List<String> archive(Run run) {
		Path inputs = workspace.home().resolve("input");
		Path archive = inputs.resolve(".archive").resolve(run.runDate().toString());
		List<String> moved = new ArrayList<>();
		for (Fingerprint pinned : pinned(run).values()) {
			Path file = inputs.resolve(pinned.path());
			if (pinned.path().startsWith("campaigns/") || !sameSizeAndTime(file, pinned)) {
				continue;
			}
			try {
				Path target = archive.resolve(pinned.path());
				Files.createDirectories(target.getParent());
				Files.move(file, target);
				moved.add(pinned.path());
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot archive input/" + pinned.path(), e);
			}
		}
		return moved;
	}

	private static boolean sameSizeAndTime(Path file, Fingerprint pinned) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() && attributes.size() == pinned.size()
					&& attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) == pinned.modifiedNanos();
		}
		catch (IOException gone) {
			return false;
		}
	}

	/**
	 * The run that pinned the inputs of a job execution: its own, or that of the nightly
	 * run that started it; {@code null} outside a run the launch pinned.
	 */
	private static Run pinnedBy(JobExecution job) {
		Long attempt = job.getJobParameters().getLong(RUN_ATTEMPT);
		LocalDate runDate = job.getJobParameters().getLocalDate(RunFileWriter.RUN_DATE);
		if (attempt == null || runDate == null) {
			return null;
		}
		boolean nightly = job.getJobParameters().getLong(NIGHTLY_INSTANCE) != null;
		return new Run(nightly ? NIGHTLY : job.getJobInstance().getJobName(), runDate, attempt);
	}

	/**
	 * Notes how many records a file held up to where this run's reading of it ended, for
	 * the run that reads on from there.
	 */
	void noteRecordsRead(JobExecution job, Path file, long records) {
		Run run = pinnedBy(job);
		if (run != null) {
			jdbc.update("""
					UPDATE input_ledger SET read_records = ?
					WHERE job_name = ? AND run_date = ? AND run_attempt = ? AND input_path = ?""", records, run.job(),
					run.runDate(), run.attempt(), pathOf(file));
		}
	}

	/** The path of an input file under {@code input/}, as the ledger names it. */
	String pathOf(Path file) {
		return nameOf(workspace.home().resolve("input"), file);
	}

	/**
	 * The inputs a job did not read again, by path, with the date of the run that did.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, String> unchangedOf(JobExecution job) {
		Object noted = job.getExecutionContext().get(UNCHANGED_KEY);
		return noted == null ? new TreeMap<>() : new TreeMap<>((Map<String, String>) noted);
	}

	/**
	 * The fingerprint this run pinned for an input, by its path under {@code input/};
	 * {@code null} outside a run the launch pinned, or for a file it did not pin.
	 */
	public Fingerprint pinned(JobExecution job, String path) {
		Run run = pinnedBy(job);
		return run == null ? null : pinned(run).get(path);
	}

	/**
	 * The files of the folder {@link #decidedAlike} was asked of that the run pinned as
	 * unchanged since a completed run read them: not with {@code inputs=all} or
	 * {@code --rerun}.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> pinnedUnchanged(JobExecution job) {
		Object pinned = job.getExecutionContext().get(PINNED_UNCHANGED_KEY);
		return pinned == null ? List.of() : (List<String>) pinned;
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
		return new Fingerprint(path, size, modified, Sha256.of(file), null);
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
