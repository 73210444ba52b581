package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The inputs found in a folder of {@code input/}, and what was found there but is not
 * read, with why. A listing never leaves {@code input/}: a symlink is followed only when
 * its target lies inside it and leads into no loop, and a file or folder reached twice is
 * listed once (the one reached without a symlink first). Folders deeper than a job reads
 * are named, not passed over in silence. Hidden files and READMEs are no inputs and are
 * not named.
 *
 * @param inputs the files (and input folders, such as a Maildir) to read, by path
 * @param skipped what was not read, paths relative to {@code input/}
 */
public record InputListing(List<Path> inputs, List<Skipped> skipped) {

	/**
	 * Where a job keeps what its listings skipped, a {@code Map<String, String>} of path
	 * to reason, for the run file.
	 */
	public static final String SKIPPED_KEY = "input.skipped";

	private static final Logger log = LoggerFactory.getLogger(InputListing.class);

	/** A path under {@code input/} that is not read, and why. */
	public record Skipped(String path, String reason) {
	}

	/**
	 * Lists {@code folder}, a folder under {@code inputRoot} (the workspace's
	 * {@code input/}).
	 * @param depth how many levels of folders hold inputs: 1 for the files of the folder
	 * only, 2 for those of its subfolders too
	 * @param inputFolder which folders are inputs themselves, read whole (a Maildir)
	 */
	public static InputListing of(Path inputRoot, Path folder, int depth, Predicate<Path> inputFolder) {
		if (!Files.isDirectory(folder)) {
			return new InputListing(List.of(), List.of());
		}
		return new Walk(inputRoot, depth, inputFolder).list(folder);
	}

	/**
	 * The inputs, after saying what was skipped: a warning in the log and, inside a step,
	 * the paths and reasons in the job's execution context, where the run file finds
	 * them.
	 */
	public List<Path> reported() {
		if (skipped.isEmpty()) {
			return inputs;
		}
		StepContext step = StepSynchronizationManager.getContext();
		JobExecution job = step == null ? null : step.getStepExecution().getJobExecution();
		Map<String, String> known = job == null ? new LinkedHashMap<>() : recorded(job);
		for (Skipped skip : skipped) {
			if (known.putIfAbsent(skip.path(), skip.reason()) == null) {
				log.warn("input/{} skipped: {}", skip.path(), skip.reason());
			}
		}
		if (job != null) {
			job.getExecutionContext().put(SKIPPED_KEY, new LinkedHashMap<>(known));
		}
		return inputs;
	}

	/** What the listings of a job skipped, by path. */
	public static List<Skipped> skipped(JobExecution job) {
		return recorded(job).entrySet()
			.stream()
			.map(entry -> new Skipped(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Skipped::path))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> recorded(JobExecution job) {
		ExecutionContext context = job.getExecutionContext();
		Object recorded = context.get(SKIPPED_KEY);
		return recorded == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, String>) recorded);
	}

	private static final class Walk {

		private final Path root;

		private final Path realRoot;

		private final Path realHome;

		private final int depth;

		private final Predicate<Path> inputFolder;

		private final Set<Path> listed = new HashSet<>();

		private final Deque<Link> links = new ArrayDeque<>();

		private final List<Path> inputs = new ArrayList<>();

		private final List<Skipped> skipped = new ArrayList<>();

		Walk(Path root, int depth, Predicate<Path> inputFolder) {
			this.root = root.toAbsolutePath().normalize();
			this.depth = depth;
			this.inputFolder = inputFolder;
			try {
				this.realRoot = this.root.toRealPath();
				this.realHome = this.root.getParent() == null ? realRoot : this.root.getParent().toRealPath();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot list " + root, e);
			}
		}

		InputListing list(Path folder) {
			folder = folder.toAbsolutePath().normalize();
			Path real;
			try {
				real = folder.toRealPath();
			}
			catch (NoSuchFileException e) {
				return new InputListing(List.of(), List.of());
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot list " + folder, e);
			}
			if (!real.startsWith(realRoot)) {
				skip(folder, outside(real));
				return result();
			}
			if (!Files.isDirectory(real)) {
				return result();
			}
			listed.add(real);
			walk(folder, real, 1, true);
			// symlinks last, so that whatever is also reached without one is listed under
			// its own path
			while (!links.isEmpty()) {
				follow(links.poll());
			}
			return result();
		}

		private InputListing result() {
			inputs.sort(Comparator.naturalOrder());
			skipped.sort(Comparator.comparing(Skipped::path));
			return new InputListing(List.copyOf(inputs), List.copyOf(skipped));
		}

		private void walk(Path folder, Path real, int level, boolean top) {
			List<Path> entries;
			try (Stream<Path> listing = Files.list(folder)) {
				entries = listing.sorted().toList();
			}
			catch (IOException | UncheckedIOException e) {
				if (top) {
					throw new UncheckedIOException("cannot list " + folder,
							e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
				}
				skip(folder, "folder cannot be read: " + cause(e));
				return;
			}
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".") || name.equalsIgnoreCase("README.md")) {
					continue;
				}
				BasicFileAttributes attributes;
				try {
					attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
				}
				catch (IOException e) {
					skip(entry, "cannot be read: " + cause(e));
					continue;
				}
				if (attributes.isSymbolicLink()) {
					links.add(new Link(entry, real, level));
				}
				else if (attributes.isDirectory()) {
					folder(entry, real.resolve(name), level);
				}
				else if (attributes.isRegularFile()) {
					file(entry, real.resolve(name), false);
				}
				else {
					skip(entry, "not a regular file");
				}
			}
		}

		private void folder(Path entry, Path real, int level) {
			if (inputFolder.test(entry)) {
				if (listed.add(real)) {
					inputs.add(entry);
				}
				else {
					skip(entry, "symlink to a folder listed already");
				}
			}
			else if (level < depth) {
				if (listed.add(real)) {
					walk(entry, real, level + 1, false);
				}
				else {
					skip(entry, "symlink to a folder listed already");
				}
			}
			else {
				skip(entry, "folder inside input/" + relative(entry.getParent()) + "/ is not read");
			}
		}

		private void file(Path entry, Path real, boolean link) {
			if (listed.add(real)) {
				inputs.add(entry);
			}
			else if (link) {
				skip(entry, "symlink to a file listed already");
			}
		}

		private void follow(Link link) {
			Path target;
			try {
				target = link.path().toRealPath();
			}
			catch (NoSuchFileException e) {
				skip(link.path(), "broken symlink");
				return;
			}
			catch (AccessDeniedException e) {
				skip(link.path(), "symlink target cannot be read: permission denied");
				return;
			}
			catch (FileSystemException e) {
				// the system gives up on a chain of symlinks that comes back to itself
				skip(link.path(), "symlink loop");
				return;
			}
			catch (IOException e) {
				skip(link.path(), "symlink cannot be followed: " + cause(e));
				return;
			}
			if (!target.startsWith(realRoot)) {
				skip(link.path(), outside(target));
			}
			else if (Files.isDirectory(target)) {
				if (link.parent().startsWith(target)) {
					skip(link.path(), "symlink loop");
				}
				else {
					folder(link.path(), target, link.level());
				}
			}
			else if (Files.isRegularFile(target)) {
				file(link.path(), target, true);
			}
			else {
				skip(link.path(), "not a regular file");
			}
		}

		private String outside(Path real) {
			return real.startsWith(realHome) ? "symlink out of input/" : "symlink out of the workspace";
		}

		private void skip(Path path, String reason) {
			skipped.add(new Skipped(relative(path), reason));
		}

		private String relative(Path path) {
			Path absolute = path.toAbsolutePath().normalize();
			return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
		}

		private static String cause(Exception e) {
			Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
			if (cause instanceof AccessDeniedException) {
				return "permission denied";
			}
			if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
				return fileSystem.getReason();
			}
			return String.valueOf(cause.getMessage());
		}

	}

	/** A symlink met in a folder, followed once the folders themselves are walked. */
	private record Link(Path path, Path parent, int level) {
	}

}
