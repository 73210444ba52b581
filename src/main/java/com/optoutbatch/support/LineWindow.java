package com.optoutbatch.support;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The decoded text of a delimited file as its parser reads it. The characters from the
 * start of the record being parsed are kept, so that after a broken record the parsing
 * can start again, with a new parser, at the line after the one the record starts on. A
 * parser may read at most {@code maxRecordChars} characters of one record: past them, its
 * read fails with {@link RecordTooLong}, so that an unterminated quote never holds the
 * rest of a large file. Lines end as Commons CSV counts them: at CR, LF or CRLF.
 */
final class LineWindow {

	private static final char CR = '\r';

	private static final char LF = '\n';

	private static final int BLOCK = 1 << 13;

	private final Reader source;

	private final int maxRecordChars;

	// kept[begin] is the first character of line firstLine, kept[length] the next one the
	// file gives; the parser has read up to kept[delivered]
	private char[] kept = new char[4 * BLOCK];

	private int begin;

	private int length;

	private int delivered;

	private long firstLine = 1;

	private boolean sourceEnded;

	LineWindow(Reader source, int maxRecordChars) {
		this.source = source;
		this.maxRecordChars = maxRecordChars;
	}

	/** What a new parser reads from: the text from the window's first line on. */
	Reader parserInput() {
		delivered = begin;
		return new Reader() {

			@Override
			public int read(char[] buffer, int offset, int count) throws IOException {
				return LineWindow.this.read(buffer, offset, count);
			}

			@Override
			public void close() {
				// the window outlives its parsers: the file is closed with it
			}

		};
	}

	private int read(char[] buffer, int offset, int count) throws IOException {
		if (count == 0) {
			return 0;
		}
		int readOfRecord = delivered - begin;
		if (readOfRecord >= maxRecordChars) {
			throw new RecordTooLong();
		}
		if (delivered == length && !fill()) {
			return -1;
		}
		int n = Math.min(count, Math.min(length - delivered, maxRecordChars - readOfRecord));
		System.arraycopy(kept, delivered, buffer, offset, n);
		delivered += n;
		return n;
	}

	/**
	 * Drops a leading byte-order mark, which the charset's decoder may have left as
	 * U+FEFF.
	 */
	void skipByteOrderMark() throws IOException {
		if ((length > begin || fill()) && kept[begin] == '\uFEFF') {
			begin++;
			delivered = Math.max(delivered, begin);
		}
	}

	/**
	 * The window's first line, without reading it: at most {@code maxRecordChars}
	 * characters of it; {@code null} at the end of the file.
	 */
	String peekLine() throws IOException {
		int scanned = 0;
		while (true) {
			for (; begin + scanned < length; scanned++) {
				if (kept[begin + scanned] == CR || kept[begin + scanned] == LF) {
					return new String(kept, begin, scanned);
				}
			}
			if (scanned >= maxRecordChars || !fill()) {
				return scanned == 0 ? null : new String(kept, begin, Math.min(scanned, maxRecordChars));
			}
		}
	}

	/**
	 * Forgets the text before line {@code line}: the records before it have been read.
	 */
	void forgetBefore(long line) {
		int start = begin;
		long at = firstLine;
		while (at < line) {
			int next = nextLineStart(start);
			if (next < 0 || next > delivered) {
				break;
			}
			start = next;
			at++;
		}
		begin = start;
		firstLine = at;
	}

	/**
	 * Moves the window to the start of the line after {@code line}, where a new parser
	 * then starts: the record starting on {@code line} could not be parsed.
	 * @return the text of {@code line}, at most {@code shownChars} characters of it
	 */
	String restartAfter(long line, int shownChars) throws IOException {
		String text = passOver(line, shownChars);
		firstLine = line + 1;
		delivered = begin;
		return text;
	}

	private String passOver(long line, int shownChars) throws IOException {
		// the parser that failed is given up: all that is kept may be passed over
		delivered = length;
		forgetBefore(line);
		while (firstLine < line) {
			// a CR at the end of what was kept: whether an LF follows it was not known
			// yet
			if (!fill()) {
				begin = length;
				return "";
			}
			delivered = length;
			forgetBefore(line);
		}
		int scanned = 0;
		while (true) {
			for (; begin + scanned < length; scanned++) {
				if (kept[begin + scanned] == CR || kept[begin + scanned] == LF) {
					String text = new String(kept, begin, Math.min(scanned, shownChars));
					begin = afterLineEnd(begin + scanned);
					return text;
				}
			}
			if (scanned >= maxRecordChars) {
				// a line this long is not kept: the rest of it is passed over
				String text = new String(kept, begin, Math.min(scanned, shownChars));
				begin = length;
				skipRestOfLine();
				return text;
			}
			if (!fill()) {
				String text = new String(kept, begin, Math.min(scanned, shownChars));
				begin = length;
				return text;
			}
		}
	}

	/** Whether the parser has read a line end since the start of the record it is on. */
	boolean recordSpansLines() {
		for (int i = begin; i < delivered; i++) {
			if (kept[i] == CR || kept[i] == LF) {
				return true;
			}
		}
		return false;
	}

	void close() throws IOException {
		source.close();
	}

	// the index after the line end found from start on; -1 when none is known yet
	private int nextLineStart(int start) {
		for (int i = start; i < length; i++) {
			if (kept[i] == LF) {
				return i + 1;
			}
			if (kept[i] == CR) {
				if (i + 1 < length) {
					return kept[i + 1] == LF ? i + 2 : i + 1;
				}
				return sourceEnded ? i + 1 : -1;
			}
		}
		return -1;
	}

	// the index after the line end at kept[end], reading on when it is a CR at the end of
	// what is kept
	private int afterLineEnd(int end) throws IOException {
		int shift = begin;
		if (kept[end] == CR && end + 1 == length) {
			fill();
		}
		end -= shift - begin;
		return end + 1 < length && kept[end] == CR && kept[end + 1] == LF ? end + 2 : end + 1;
	}

	private void skipRestOfLine() throws IOException {
		while (begin < length || fill()) {
			for (int i = begin; i < length; i++) {
				if (kept[i] == CR || kept[i] == LF) {
					begin = afterLineEnd(i);
					return;
				}
			}
			begin = length;
		}
	}

	// reads the next block of the file after what is kept, moving what is kept to the
	// front
	// of the buffer when it needs the room; false at the end of the file
	private boolean fill() throws IOException {
		if (sourceEnded) {
			return false;
		}
		if (kept.length - length < BLOCK) {
			int keep = length - begin;
			char[] target = keep + BLOCK > kept.length / 2 ? new char[Math.max(kept.length * 2, keep + BLOCK)]
					: kept.length > 64 * BLOCK && keep + BLOCK <= kept.length / 8 ? new char[kept.length / 4] : kept;
			System.arraycopy(kept, begin, target, 0, keep);
			kept = target;
			delivered -= begin;
			length = keep;
			begin = 0;
		}
		int read = source.read(kept, length, kept.length - length);
		if (read < 0) {
			sourceEnded = true;
			return false;
		}
		length += read;
		return true;
	}

	/**
	 * A record the parser read {@code maxRecordChars} characters of without reaching its
	 * end.
	 */
	static final class RecordTooLong extends IOException {

		RecordTooLong() {
			super("record too long");
		}

	}

}
