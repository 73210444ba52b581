package com.optoutbatch.mailbox;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an mbox stream into messages at its {@code From } separator lines, holding one
 * message in memory at a time and never more than the size cap of it. Body lines quoted
 * as {@code >From } (mboxo) or {@code >>From } (mboxrd) lose one {@code >}; the blank
 * line that mbox writers put before each separator is dropped. Content before the first
 * separator counts as a message, so a plain message file splits into itself.
 */
final class MboxSplitter implements Closeable {

	/** How much of a message over the size cap is kept, to find its Message-ID. */
	static final int HEAD_BYTES = 64 * 1024;

	private static final byte[] FROM = { 'F', 'r', 'o', 'm', ' ' };

	private static final int PEEK = 256;

	private final InputStream in;

	private final boolean singleMessage;

	private final long maxMessageBytes;

	private final byte[] buffer = new byte[1 << 16];

	private int pos;

	private int limit;

	private boolean eof;

	private long offset;

	private boolean firstLine = true;

	/**
	 * @param in the mbox bytes, positioned at {@code startOffset}
	 * @param startOffset the file offset {@code in} starts at, for the offsets reported
	 * @param singleMessage whether the stream is one message (an .eml): only a leading
	 * envelope line is dropped, nothing is split or unquoted
	 */
	MboxSplitter(InputStream in, long startOffset, boolean singleMessage, long maxMessageBytes) {
		this.in = in;
		this.offset = startOffset;
		this.singleMessage = singleMessage;
		this.maxMessageBytes = maxMessageBytes;
	}

	/** The offset where the next message starts: where a restart resumes. */
	long offset() {
		return offset;
	}

	/** The next message, or {@code null} after the last one. */
	Entry next() throws IOException {
		MessageBytes message = new MessageBytes(maxMessageBytes);
		long start = offset;
		boolean separated = false;
		while (ensure(1)) {
			ensure(PEEK);
			boolean fromLine = startsWithFrom(pos);
			if (fromLine && firstLine) {
				firstLine = false;
				skipLine();
				separated = true;
				continue;
			}
			firstLine = false;
			if (fromLine && !singleMessage) {
				if (separated || !message.isBlank()) {
					break;
				}
				// blank lines before the first separator: the message starts at the
				// separator
				message = new MessageBytes(maxMessageBytes);
				start = offset;
				skipLine();
				separated = true;
				continue;
			}
			copyLine(message, !singleMessage && isQuotedFrom());
		}
		if (!separated && message.isBlank()) {
			return null;
		}
		if (!singleMessage) {
			message.dropTrailingBlankLine();
		}
		return new Entry(start, message.bytes(), message.size(), message.overflowed());
	}

	private boolean startsWithFrom(int at) {
		if (limit - at < FROM.length) {
			return false;
		}
		return Arrays.equals(buffer, at, at + FROM.length, FROM, 0, FROM.length);
	}

	private boolean isQuotedFrom() {
		int at = pos;
		while (at < limit && buffer[at] == '>') {
			at++;
		}
		return at > pos && startsWithFrom(at);
	}

	private void copyLine(MessageBytes message, boolean unquote) throws IOException {
		if (unquote) {
			advance(1);
		}
		while (ensure(1)) {
			int end = endOfLine();
			message.write(buffer, pos, end - pos);
			boolean complete = buffer[end - 1] == '\n';
			advance(end - pos);
			if (complete) {
				return;
			}
		}
	}

	private void skipLine() throws IOException {
		while (ensure(1)) {
			int end = endOfLine();
			boolean complete = buffer[end - 1] == '\n';
			advance(end - pos);
			if (complete) {
				return;
			}
		}
	}

	private int endOfLine() {
		for (int i = pos; i < limit; i++) {
			if (buffer[i] == '\n') {
				return i + 1;
			}
		}
		return limit;
	}

	private void advance(int bytes) {
		pos += bytes;
		offset += bytes;
	}

	/** Makes at least {@code n} bytes available unless the stream ends first. */
	private boolean ensure(int n) throws IOException {
		if (limit - pos >= n) {
			return true;
		}
		if (pos > 0) {
			System.arraycopy(buffer, pos, buffer, 0, limit - pos);
			limit -= pos;
			pos = 0;
		}
		while (limit < n && !eof) {
			int read = in.read(buffer, limit, buffer.length - limit);
			if (read < 0) {
				eof = true;
			}
			else {
				limit += read;
			}
		}
		return limit > pos;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/**
	 * One message of the mbox.
	 *
	 * @param offset where its separator line (or its first line) starts
	 * @param bytes the message, or only its first {@link #HEAD_BYTES} when it is over the
	 * cap
	 * @param size its full size in bytes
	 * @param overCap whether it is larger than the size cap
	 */
	record Entry(long offset, byte[] bytes, long size, boolean overCap) {
	}

	/** The bytes of one message, growing up to the cap; past it only the head is kept. */
	private static final class MessageBytes {

		private final long cap;

		private byte[] data = new byte[8192];

		private int count;

		private long size;

		private boolean overflowed;

		MessageBytes(long cap) {
			this.cap = cap;
		}

		void write(byte[] bytes, int from, int length) {
			size += length;
			if (!overflowed && size > cap) {
				overflowed = true;
				count = Math.min(count, HEAD_BYTES);
				data = Arrays.copyOf(data, Math.min(data.length, HEAD_BYTES));
			}
			int keep = overflowed ? Math.min(HEAD_BYTES - count, length) : length;
			if (keep <= 0) {
				return;
			}
			if (count + keep > data.length) {
				data = Arrays.copyOf(data, Math.max(data.length * 2, count + keep));
			}
			System.arraycopy(bytes, from, data, count, keep);
			count += keep;
		}

		boolean isBlank() {
			for (int i = 0; i < count; i++) {
				if (!Character.isWhitespace(data[i])) {
					return false;
				}
			}
			return true;
		}

		void dropTrailingBlankLine() {
			if (overflowed) {
				return;
			}
			if (endsWith("\r\n\r\n")) {
				count -= 2;
				size -= 2;
			}
			else if (endsWith("\n\n")) {
				count -= 1;
				size -= 1;
			}
		}

		private boolean endsWith(String suffix) {
			if (count < suffix.length()) {
				return false;
			}
			for (int i = 0; i < suffix.length(); i++) {
				if (data[count - suffix.length() + i] != suffix.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		byte[] bytes() {
			return Arrays.copyOf(data, count);
		}

		long size() {
			return size;
		}

		boolean overflowed() {
			return overflowed;
		}

	}

}
