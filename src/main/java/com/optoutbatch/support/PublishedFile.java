package com.optoutbatch.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An output file that is written under a temporary name beside it,
 * {@code <name>.partial}, and moved into place whole ({@code ATOMIC_MOVE}) once it is
 * complete: a run that fails or is killed never leaves a file that looks finished.
 * <p>
 * A step that resumes opens its partial file again, cut to the length its last committed
 * chunk had reached, and appends. An error names the file relative to the workspace:
 * {@code No space left on device writing output/send-lists/list.clean.csv}.
 */
public final class PublishedFile implements AutoCloseable {

	public static final String PARTIAL_SUFFIX = ".partial";

	private static final String COMMITTED_KEY = "published.committed:";

	private final Path file;

	private final Path partial;

	private final String shownAs;

	private FileChannel channel;

	private OutputStream stream;

	private Writer writer;

	private PublishedFile(Path file, String shownAs) {
		this.file = file;
		this.partial = file.resolveSibling(file.getFileName() + PARTIAL_SUFFIX);
		this.shownAs = shownAs;
	}

	/** An output of the workspace; nothing is opened yet. */
	public static PublishedFile of(Workspace workspace, Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path shownAs = absolute.startsWith(workspace.home()) ? workspace.home().relativize(absolute) : absolute;
		return new PublishedFile(absolute, shownAs.toString().replace('\\', '/'));
	}

	/**
	 * Writes a whole file at once: into the partial file, then moved into place. The
	 * content writes to the writer it is given and leaves it open.
	 */
	public static void write(Workspace workspace, Path file, Charset charset, Content content) {
		publish(workspace, file, published -> content.writeTo(published.create(charset)));
	}

	/**
	 * Writes a whole file of bytes at once: into the partial file, then moved into place.
	 */
	public static void write(Workspace workspace, Path file, byte[] bytes) {
		publish(workspace, file, published -> {
			published.create(StandardCharsets.ISO_8859_1);
			published.stream.write(bytes);
		});
	}

	private static void publish(Workspace workspace, Path file, Filling filling) {
		PublishedFile published = of(workspace, file);
		try {
			filling.fill(published);
			published.publish();
		}
		catch (IOException e) {
			published.discard();
			throw published.failed(e);
		}
		catch (RuntimeException e) {
			published.discard();
			throw e;
		}
	}

	public Path file() {
		return file;
	}

	public Path partial() {
		return partial;
	}

	/** The file as messages name it: its path under the workspace. */
	public String shownAs() {
		return shownAs;
	}

	/** Starts the partial file anew, empty. */
	public Writer create(Charset charset) {
		return open(0, charset);
	}

	/**
	 * Opens the partial file for a step: empty when the step committed nothing yet, else
	 * as a failed execution left it, cut to {@code committedLength}. A run killed after
	 * the file was moved into place, but before its step was recorded as complete, finds
	 * it there.
	 */
	public Writer open(long committedLength, Charset charset) {
		try {
			Files.createDirectories(file.getParent());
			if (committedLength == 0) {
				channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING);
			}
			else {
				if (!Files.exists(partial) && Files.exists(file)) {
					Files.move(file, partial, StandardCopyOption.ATOMIC_MOVE);
				}
				if (!Files.exists(partial) || Files.size(partial) < committedLength) {
					throw new IllegalStateException("cannot resume " + shownAs + ": " + partial.getFileName()
							+ " is missing or shorter than its last committed length " + committedLength
							+ "; launch again with --rerun");
				}
				channel = FileChannel.open(partial, StandardOpenOption.WRITE);
				channel.truncate(committedLength);
				channel.position(committedLength);
			}
			stream = new Named(Channels.newOutputStream(channel));
			writer = new OutputStreamWriter(stream, charset);
			return writer;
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	public boolean isOpen() {
		return writer != null;
	}

	public Writer writer() {
		if (writer == null) {
			throw new IllegalStateException(shownAs + " is not open");
		}
		return writer;
	}

	/**
	 * The partial file's bytes, under its writer: flush the writer before writing here.
	 */
	public OutputStream stream() {
		if (stream == null) {
			throw new IllegalStateException(shownAs + " is not open");
		}
		return stream;
	}

	/**
	 * Flushes what was written and returns the partial file's length: the length to
	 * commit.
	 */
	public long flush() {
		try {
			writer.flush();
			return channel.position();
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	/**
	 * Cuts the partial file back to a committed length, dropping what an uncommitted
	 * chunk wrote.
	 */
	public void truncate(long length) {
		try {
			writer.flush();
			if (channel.size() > length) {
				channel.truncate(length);
			}
			channel.position(length);
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	/**
	 * Notes in a step's context how long the partial file is as of the chunk being
	 * committed, so that {@link #publishCompleted} can publish it should the step be
	 * recorded complete without having published it.
	 */
	public void noteCommitted(ExecutionContext context, long length) {
		context.putLong(COMMITTED_KEY + file, length);
	}

	/**
	 * Publishes the partial files a completed step left behind, cut to the length its
	 * last chunk committed. Spring Batch records a step complete before its listeners
	 * run, and the listeners publish the files: a run killed in between leaves them
	 * partial, and a later attempt does not run that step again.
	 * @return the files published
	 */
	public static List<Path> publishCompleted(StepExecution step) {
		List<Path> published = new ArrayList<>();
		if (step.getStatus() != BatchStatus.COMPLETED) {
			return published;
		}
		for (Map.Entry<String, Object> entry : step.getExecutionContext().entrySet()) {
			if (entry.getKey().startsWith(COMMITTED_KEY) && entry.getValue() instanceof Long length) {
				Path file = Path.of(entry.getKey().substring(COMMITTED_KEY.length()));
				Path partial = file.resolveSibling(file.getFileName() + PARTIAL_SUFFIX);
				try {
					if (Files.exists(partial)) {
						try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
							channel.truncate(length);
							channel.force(true);
						}
						Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
						published.add(file);
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot publish " + partial + " of completed step "
							+ step.getStepName() + ": " + e.getMessage(), e);
				}
			}
		}
		return published;
	}

	/** Moves the complete file into place, replacing the one of an earlier run. */
	public void publish() {
		try {
			if (writer != null) {
				writer.flush();
				channel.force(true);
				closeQuietly();
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	/** Whether a partial file is waiting: opened now, or left by an earlier execution. */
	public boolean hasPartial() {
		return Files.exists(partial);
	}

	/**
	 * Removes the published file of an earlier run and any partial one, before a step
	 * starts its output anew.
	 */
	public void withdraw() {
		close();
		try {
			Files.deleteIfExists(partial);
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	/** Drops the partial file: nothing is published. */
	public void discard() {
		close();
		try {
			Files.deleteIfExists(partial);
		}
		catch (IOException e) {
			throw failed(e);
		}
	}

	/**
	 * When its step ends: a completed step publishes the file, a failed or stopped one
	 * leaves the partial file for the step that resumes it. Batch only logs what a step
	 * listener throws, so a file that cannot be published fails the step here.
	 */
	public ExitStatus afterStep(StepExecution step) {
		try {
			if (step.getStatus() == BatchStatus.COMPLETED && (isOpen() || hasPartial())) {
				publish();
			}
			else {
				close();
			}
			return null;
		}
		catch (RuntimeException e) {
			close();
			step.setStatus(BatchStatus.FAILED);
			step.addFailureException(e);
			return ExitStatus.FAILED.addExitDescription(e);
		}
	}

	/** Closes the partial file, keeping it. */
	@Override
	public void close() {
		if (writer != null) {
			try {
				writer.flush();
			}
			catch (IOException e) {
				closeQuietly();
				throw failed(e);
			}
			closeQuietly();
		}
	}

	private void closeQuietly() {
		try {
			channel.close();
		}
		catch (IOException ignored) {
			// nothing is lost: the content was flushed or the write already failed
		}
		writer = null;
		stream = null;
		channel = null;
	}

	private UncheckedIOException failed(IOException e) {
		IOException named = named(e, shownAs);
		return new UncheckedIOException(named.getMessage(), named);
	}

	/**
	 * An error that says what failed and where, as its own message; the error of the file
	 * system is kept as a suppressed exception rather than as a cause, so that whatever
	 * reports the deepest cause of a failure reports this one.
	 */
	static IOException named(IOException e, String shownAs) {
		String where = " writing " + shownAs;
		if (e.getMessage() != null && e.getMessage().endsWith(where)) {
			return e;
		}
		String reason = e instanceof FileSystemException system ? reasonOf(system) : e.getMessage();
		IOException named = new IOException(reason + where);
		named.addSuppressed(e);
		return named;
	}

	/**
	 * What the operating system says of a file error, which NIO names after it when it
	 * has no reason of its own.
	 */
	public static String reasonOf(FileSystemException e) {
		if (e.getReason() != null) {
			return e.getReason();
		}
		if (e instanceof AccessDeniedException) {
			return "Permission denied";
		}
		if (e instanceof NoSuchFileException) {
			return "No such file or directory";
		}
		if (e instanceof DirectoryNotEmptyException) {
			return "Directory not empty";
		}
		if (e instanceof NotDirectoryException) {
			return "Not a directory";
		}
		return e instanceof FileAlreadyExistsException ? "File exists" : e.getClass().getSimpleName();
	}

	private interface Filling {

		void fill(PublishedFile published) throws IOException;

	}

	/** What writes a whole file's content. */
	@FunctionalInterface
	public interface Content {

		void writeTo(Writer writer) throws IOException;

	}

	/** The partial file's stream, its errors named. */
	private final class Named extends FilterOutputStream {

		Named(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			}
			catch (IOException e) {
				throw named(e, shownAs);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				out.write(bytes, offset, length);
			}
			catch (IOException e) {
				throw named(e, shownAs);
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			}
			catch (IOException e) {
				throw named(e, shownAs);
			}
		}

	}

}
