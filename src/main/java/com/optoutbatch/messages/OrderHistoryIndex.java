package com.optoutbatch.messages;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Written beside the {@link OrderHistory} file: where each order's lines begin in it and
 * in {@code classified.csv}, so that a merge copies the lines of the orders that did not
 * change as they are, without reading them. An entry per order in the files' order, the
 * messages that name no order last under {@link #NO_ORDER}; then a trailer: the version
 * of the files, their lengths and CRC-32C, the entries and the lines.
 */
final class OrderHistoryIndex {

	/** The key of the messages that name no order, after every order's. */
	static final long NO_ORDER = Long.MAX_VALUE;

	private static final int ENTRY_BYTES = 3 * Long.BYTES + Integer.BYTES;

	// a version is a UUID, 36 characters
	private static final int VERSION_BYTES = 36;

	private static final int TRAILER_BYTES = VERSION_BYTES + 6 * Long.BYTES;

	private OrderHistoryIndex() {
	}

	/**
	 * The lines of one order: its key ({@link com.optoutbatch.support.OrderIds#key}),
	 * where they begin in the history and in {@code classified.csv}, how many they are.
	 */
	record Entry(long key, long history, long classified, int lines) {
	}

	/** What the index describes: the files of {@code version}, whole. */
	record Trailer(String version, long historyLength, long historyCrc, long classifiedLength, long classifiedCrc,
			long entries, long lines) {
	}

	/** Writes the entries as they come, then the trailer. */
	static final class Writer {

		private final DataOutputStream out;

		private long entries;

		Writer(OutputStream stream) {
			this.out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
		}

		void add(Entry entry) {
			try {
				out.writeLong(entry.key());
				out.writeLong(entry.history());
				out.writeLong(entry.classified());
				out.writeInt(entry.lines());
				entries++;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		void finish(String version, long historyLength, long historyCrc, long classifiedLength, long classifiedCrc,
				long lines) {
			try {
				out.writeBytes(version);
				for (long value : new long[] { historyLength, historyCrc, classifiedLength, classifiedCrc, entries,
						lines }) {
					out.writeLong(value);
				}
				out.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

	/**
	 * The trailer of an index whose length is that of its entries; {@code null} for a
	 * file missing, cut short or of another length.
	 */
	static Trailer trailer(Path index) {
		try (FileChannel channel = FileChannel.open(index)) {
			long size = channel.size();
			if (size < TRAILER_BYTES) {
				return null;
			}
			ByteBuffer bytes = ByteBuffer.allocate(TRAILER_BYTES);
			channel.read(bytes, size - TRAILER_BYTES);
			bytes.flip();
			byte[] version = new byte[VERSION_BYTES];
			bytes.get(version);
			Trailer trailer = new Trailer(new String(version, StandardCharsets.ISO_8859_1), bytes.getLong(),
					bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
			return trailer.entries() * ENTRY_BYTES + TRAILER_BYTES == size ? trailer : null;
		}
		catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	/** The entries of an index, read in order with {@link #next}. */
	static DataInputStream open(Path index) throws IOException {
		return new DataInputStream(new BufferedInputStream(Files.newInputStream(index), 1 << 16));
	}

	static Entry next(DataInputStream entries) throws IOException {
		return new Entry(entries.readLong(), entries.readLong(), entries.readLong(), entries.readInt());
	}

}
