package com.optoutbatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex, the fingerprint of the input ledger and of the versions a night
 * compares: of a file, of its first bytes, or of lines of text.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** Of a file's content, streamed; {@code null} when it cannot be read. */
	public static String of(Path file) {
		return of(file, Long.MAX_VALUE);
	}

	/**
	 * Of a file's first {@code length} bytes, or of all when it has fewer; {@code null}
	 * when it cannot be read.
	 */
	public static String of(Path file, long length) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = digest();
			byte[] buffer = new byte[1 << 16];
			long left = length;
			for (int read = in.read(buffer, 0, (int) Math.min(buffer.length, left)); read > 0; read = in.read(buffer, 0,
					(int) Math.min(buffer.length, left))) {
				digest.update(buffer, 0, read);
				left -= read;
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			return null;
		}
	}

	/** Of lines of text, each ended by a line feed. */
	public static String ofLines(Iterable<String> lines) {
		MessageDigest digest = digest();
		for (String line : lines) {
			digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

}
