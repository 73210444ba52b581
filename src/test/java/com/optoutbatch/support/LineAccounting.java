package com.optoutbatch.support;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import static org.assertj.core.api.Assertions.fail;

/**
 * What a fuzz test of a delimited reader checks once it has read a file to the end: every
 * physical line of the file lies in exactly one record or reject, unless it holds nothing
 * (blank, or only quotes). Lines are counted as Commons CSV counts them (CR, LF and CRLF
 * each end one), in the text the reader decodes.
 * <p>
 * A record covers its first line and one more for each line break inside its cells. A
 * header, or a record the reader rejects, is known by its first line only: it may run on
 * over the following lines when a quote opens on its first line. A record whose syntax is
 * broken costs its own line only, as the reader starts again at the next one. A reject of
 * the whole file, or of the header after which nothing is read, accounts for every line.
 */
public final class LineAccounting {

	private static final int UNKNOWN = 0;

	private final List<String> lines;

	// the characters of each line with its line end
	private final int[] lengths;

	private final boolean header;

	private final List<Item> items = new ArrayList<>();

	private Item wholeFile;

	private LineAccounting(String text, boolean header) {
		this.lines = physicalLines(text);
		this.lengths = new int[lines.size()];
		int at = 0;
		for (int i = 0; i < lines.size(); i++) {
			int end = at + lines.get(i).length();
			end += end < text.length() && text.charAt(end) == '\r' ? 1 : 0;
			end += end < text.length() && text.charAt(end) == '\n' ? 1 : 0;
			lengths[i] = end - at;
			at = end;
		}
		this.header = header;
	}

	/**
	 * @param charsetOverride the charset the job gives the reader, {@code null} for the
	 * detected one
	 * @param header whether the first line is a header, which no record holds
	 */
	public static LineAccounting of(Path file, Charset charsetOverride, boolean header) throws IOException {
		TextCharset charset = TextCharset.of(file, charsetOverride);
		String text = new String(Files.readAllBytes(file), charset.charset());
		if (charset.bomLength() > 0 && !text.isEmpty()) {
			text = text.substring(1);
		}
		return new LineAccounting(text, header);
	}

	/**
	 * Reads as a record step does: opened with a new execution context, read until
	 * {@code null}, each {@link RejectedRecordException} counted and skipped, the context
	 * updated after each record, closed. Any other exception escapes to the caller.
	 */
	public <T> void readToTheEnd(ItemStreamReader<T> reader, Consumer<T> record) throws Exception {
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		try {
			for (int reads = 0;; reads++) {
				if (reads > lines.size() + 2) {
					fail("the reader does not end: %d reads of a file of %d lines", reads, lines.size());
				}
				T read;
				try {
					read = reader.read();
				}
				catch (RejectedRecordException rejected) {
					reject(rejected);
					continue;
				}
				if (read == null) {
					return;
				}
				record.accept(read);
				reader.update(context);
			}
		}
		finally {
			reader.close();
		}
	}

	public void record(long line, String[] cells) {
		record(line, List.of(cells));
	}

	public void record(long line, List<String> cells) {
		int span = 1;
		long chars = 0;
		for (String cell : cells) {
			span += lineBreaks(cell);
			chars += cell.length();
		}
		items.add(new Item(line, span, chars, "record", false));
	}

	public void reject(RejectedRecordException rejected) {
		String what = "reject (" + rejected.reason() + ")";
		// line 0 is how a reader names the whole file when it has no line to name
		if (rejected.unread() == RejectedRecordException.Unread.FILE
				|| RejectedRecordException.WHOLE_FILE.equals(rejected.where()) || "0".equals(rejected.where())) {
			if (wholeFile != null || !items.isEmpty()) {
				fail("a reject of the whole file beside other records or rejects: %s, then %s", items, what);
			}
			wholeFile = new Item(0, UNKNOWN, 0, what, false);
			return;
		}
		long line;
		try {
			line = Long.parseLong(rejected.where());
		}
		catch (NumberFormatException e) {
			throw new AssertionError("a reject names no line: '" + rejected.where() + "' " + what);
		}
		boolean brokenSyntax = rejected.unread() == RejectedRecordException.Unread.RECORD
				|| "unreadable rest of file".equals(rejected.reason());
		items.add(new Item(line, brokenSyntax ? 1 : UNKNOWN, 0, what, false));
	}

	public void assertEveryLineIsInOneRecordOrReject() {
		if (wholeFile != null) {
			if (!items.isEmpty()) {
				fail("%s read after a reject of the whole file", items);
			}
			return;
		}
		List<Item> all = new ArrayList<>();
		int count = lines.size();
		if (header && count > 0 && (items.isEmpty() || items.get(0).line() != 1)) {
			all.add(new Item(1, UNKNOWN, 0, "header", true));
		}
		all.addAll(items);
		boolean[] covered = new boolean[count + 1];
		long previousLast = 0;
		for (int i = 0; i < all.size(); i++) {
			Item item = all.get(i);
			if (item.line() <= previousLast) {
				fail("line %d is read twice: %s starts there, after line %d was read (%s)", item.line(), item.what(),
						previousLast, all);
			}
			if (item.line() < 1 || item.line() > Math.max(count, 1)) {
				fail("%s at line %d of a file of %d lines (%s)", item.what(), item.line(), count, all);
			}
			long next = i + 1 < all.size() ? all.get(i + 1).line() : count + 1;
			long last = lastLine(item, i == all.size() - 1, next);
			if (last >= next) {
				fail("%s at line %d runs over lines %d-%d, and line %d is read again (%s)", item.what(), item.line(),
						item.line(), last, next, all);
			}
			long chars = 0;
			for (long line = item.line(); line <= Math.min(last, count); line++) {
				covered[(int) line] = true;
				chars += lengths[(int) line - 1];
			}
			if (item.chars() > chars) {
				fail("%s at line %d holds %d characters, more than its lines %d-%d hold (%d)", item.what(), item.line(),
						item.chars(), item.line(), last, chars);
			}
			previousLast = last;
		}
		List<Long> unaccounted = new ArrayList<>();
		for (int line = 1; line <= count; line++) {
			if (!covered[line] && !holdsNothing(lines.get(line - 1))) {
				unaccounted.add((long) line);
			}
		}
		if (!unaccounted.isEmpty()) {
			fail("%d of %d lines are in no record or reject: %s; read: %s", unaccounted.size(), count,
					ranges(unaccounted), all);
		}
	}

	private long lastLine(Item item, boolean lastItem, long next) {
		if (item.span() != UNKNOWN) {
			return item.line() + item.span() - 1;
		}
		if (lastItem && header && item.line() == 1 && !item.header()) {
			// a rejected header that ends the reading rejects the file
			return lines.size();
		}
		boolean quoteOpens = item.line() <= lines.size() && lines.get((int) item.line() - 1).indexOf('"') >= 0;
		return quoteOpens ? next - 1 : item.line();
	}

	private static boolean holdsNothing(String line) {
		return line.chars().allMatch(c -> c == '"' || Character.isWhitespace(c));
	}

	static List<String> physicalLines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r' || c == '\n') {
				lines.add(text.substring(start, i));
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		if (start < text.length()) {
			lines.add(text.substring(start));
		}
		return lines;
	}

	private static int lineBreaks(String cell) {
		int breaks = 0;
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
				breaks++;
			}
		}
		return breaks;
	}

	private static String ranges(List<Long> lines) {
		StringBuilder ranges = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			int j = i;
			while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
				j++;
			}
			ranges.append(ranges.isEmpty() ? "" : ", ").append(lines.get(i));
			if (j > i) {
				ranges.append('-').append(lines.get(j));
			}
			i = j;
		}
		return ranges.toString();
	}

	private record Item(long line, int span, long chars, String what, boolean header) {

		@Override
		public String toString() {
			return what + " at " + line;
		}

	}

}
