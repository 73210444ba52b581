package com.optoutbatch.mailbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One message as it was read from its source, not yet parsed. A chunk holds its messages
 * until it processes them, so a large message waits in a temporary file instead of the
 * heap: memory stays bounded by the chunk size, not by chunk size times message size.
 *
 * @param source the mailbox file, Maildir folder or IMAP folder it came from
 * @param index its number in the source, from 1
 * @param position where it is in the source, for people: "message 3 at byte 1024",
 * "cur/1700000000.M1.host:2,S", "uid 42"
 * @param bytes the message as it was stored (RFC 5322, CRLF or LF line ends);
 * {@code null} while it is spilled
 * @param spilled the temporary file holding a large message, else {@code null}
 */
record RawMessage(String source, long index, String position, byte[] bytes, Path spilled) {

	static final int SPILL_BYTES = 1 << 20;

	RawMessage(String source, long index, String position, byte[] bytes) {
		this(source, index, position, bytes, null);
	}

	static RawMessage of(String source, long index, String position, byte[] bytes) {
		if (bytes.length <= SPILL_BYTES) {
			return new RawMessage(source, index, position, bytes);
		}
		try {
			Path file = Files.createTempFile("optout-message-", ".eml");
			file.toFile().deleteOnExit();
			Files.write(file, bytes);
			return new RawMessage(source, index, position, null, file);
		}
		catch (IOException e) {
			return new RawMessage(source, index, position, bytes);
		}
	}

	/**
	 * The message's bytes, read back (and its temporary file removed) when it was
	 * spilled.
	 */
	byte[] load() throws IOException {
		if (spilled == null) {
			return bytes;
		}
		try {
			return Files.readAllBytes(spilled);
		}
		finally {
			Files.deleteIfExists(spilled);
		}
	}

	@Override
	public String toString() {
		return source + " " + position;
	}

}
