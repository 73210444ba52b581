package com.optoutbatch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * One file of the generated workspace, written as it is generated: a buffered writer in
 * the file's charset and line ending, and its own seeded {@link Random}, so that the
 * file's bytes depend on the seed and its name only.
 */
final class GeneratedFile implements AutoCloseable {

	private static final int BUFFER = 1 << 16;

	final Random random;

	private final Writer out;

	private final String lineEnd;

	private GeneratedFile(Writer out, String lineEnd, Random random) {
		this.out = out;
		this.lineEnd = lineEnd;
		this.random = random;
	}

	static GeneratedFile create(Path file, Charset charset, boolean crlf, boolean bom, long seed) throws IOException {
		Files.createDirectories(file.getParent());
		OutputStream bytes = Files.newOutputStream(file);
		if (bom) {
			bytes.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		Writer out = new BufferedWriter(new OutputStreamWriter(bytes, charset), BUFFER);
		return new GeneratedFile(out, crlf ? "\r\n" : "\n",
				new Random(seed * 31 + file.getFileName().toString().hashCode()));
	}

	/**
	 * Writes the cells joined by the delimiter, unquoted, as Amazon's tab-separated
	 * reports are.
	 */
	void row(char delimiter, String... cells) {
		StringBuilder line = new StringBuilder(256);
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(delimiter);
			}
			line.append(cells[i] == null ? "" : cells[i]);
		}
		line(line);
	}

	void line(CharSequence text) {
		write(text);
		write(lineEnd);
	}

	void write(CharSequence text) {
		try {
			out.append(text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Writer writer() {
		return out;
	}

	/** True with the given chance. */
	boolean chance(double share) {
		return random.nextDouble() < share;
	}

	<T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	@Override
	public void close() throws IOException {
		out.close();
	}

}
