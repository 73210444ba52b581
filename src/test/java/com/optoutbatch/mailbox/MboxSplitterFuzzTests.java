package com.optoutbatch.mailbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The mbox splitter on any bytes: the messages' byte ranges cover the file with no gap or
 * overlap (only blank bytes before the first separator belong to no message), each
 * message is its range less the separator line, the {@code >} that quotes a From line and
 * the blank line before the next separator, and none is larger than the size cap. The
 * mail file reader built on it, run as the job runs it, gives every one of these messages
 * or a reject. Replays the inputs saved in {@code MboxSplitterFuzzTestsInputs};
 * {@code scripts/fuzz.sh mboxSplitter <minutes>} fuzzes it.
 */
class MboxSplitterFuzzTests {

	// a size cap the fuzzer's inputs of a few kilobytes can cross
	private static final MailCaps CAPS = new MailCaps(1024, MailCaps.DEFAULTS.maxHeaders(),
			MailCaps.DEFAULTS.maxMimeDepth(), MailCaps.DEFAULTS.maxParts());

	private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void messagesCoverTheMboxWithNoGapOrOverlap(byte[] mbox) throws Exception {
		Path file = Files.write(dir.resolve("inbox.mbox"), mbox);
		List<MboxSplitter.Entry> entries = new ArrayList<>();
		List<Long> ends = new ArrayList<>();
		long end;
		try (MboxSplitter splitter = new MboxSplitter(Files.newInputStream(file), 0, false, CAPS.maxMessageBytes())) {
			for (MboxSplitter.Entry entry; (entry = splitter.next()) != null;) {
				entries.add(entry);
				ends.add(splitter.offset());
				if (entries.size() > mbox.length + 1) {
					fail("the splitter does not end: %d messages from %d bytes", entries.size(), mbox.length);
				}
			}
			end = splitter.offset();
		}
		assertThat(end).as("where the splitter ends").isEqualTo(mbox.length);
		int covered = 0;
		for (int i = 0; i < entries.size(); i++) {
			MboxSplitter.Entry entry = entries.get(i);
			int start = (int) entry.offset();
			int stop = ends.get(i).intValue();
			assertThat(start).as("start of message %d", i + 1).isGreaterThanOrEqualTo(covered);
			assertBlank(mbox, covered, start, "before message " + (i + 1));
			assertThat(stop).as("end of message %d", i + 1).isGreaterThan(start);
			byte[] expected = unmboxed(mbox, start, stop, entry.overCap());
			if (entry.overCap()) {
				assertThat(entry.size()).as("size of message %d", i + 1)
					.isEqualTo(expected.length)
					.isGreaterThan(CAPS.maxMessageBytes());
				assertThat(entry.bytes()).as("head of message %d", i + 1)
					.isEqualTo(Arrays.copyOf(expected, Math.min(expected.length, MboxSplitter.HEAD_BYTES)));
			}
			else {
				assertThat(entry.bytes()).as("message %d, bytes %d-%d", i + 1, start, stop).isEqualTo(expected);
				assertThat(entry.size()).as("size of message %d", i + 1)
					.isEqualTo(expected.length)
					.isLessThanOrEqualTo(CAPS.maxMessageBytes());
			}
			covered = stop;
		}
		assertBlank(mbox, covered, mbox.length, "after the last message");
		assertTheReaderGivesEveryMessageOrAReject(file, entries);
	}

	private static void assertTheReaderGivesEveryMessageOrAReject(Path file, List<MboxSplitter.Entry> entries)
			throws Exception {
		MailFileReader reader = new MailFileReader(file, CAPS);
		ExecutionContext context = new ExecutionContext();
		List<byte[]> messages = new ArrayList<>();
		List<RejectedRecordException> rejects = new ArrayList<>();
		reader.open(context);
		try {
			while (messages.size() + rejects.size() <= entries.size() + 1) {
				try {
					RawMessage message = reader.read();
					if (message == null) {
						break;
					}
					messages.add(message.load());
					reader.update(context);
				}
				catch (RejectedRecordException rejected) {
					rejects.add(rejected);
				}
			}
		}
		finally {
			reader.close();
		}
		if (rejects.size() == 1 && rejects.get(0).unread() == RejectedRecordException.Unread.FILE) {
			assertThat(messages).as("messages beside a reject of the whole file").isEmpty();
			return;
		}
		assertThat(messages.size() + rejects.size()).as("messages and rejects of %d messages", entries.size())
			.isEqualTo(entries.size());
		List<byte[]> underTheCap = entries.stream()
			.filter(entry -> !entry.overCap())
			.map(MboxSplitter.Entry::bytes)
			.toList();
		assertThat(messages).as("the messages under the size cap").containsExactlyElementsOf(underTheCap);
		assertThat(rejects).allSatisfy(rejected -> assertThat(rejected.reason()).isEqualTo("message too large"));
	}

	// the bytes from start to end less the separator line, the '>' quoting each From line
	// and
	// (when the whole message is kept) the blank line before the next separator
	private static byte[] unmboxed(byte[] mbox, int start, int end, boolean overCap) {
		int at = start;
		if (startsWith(mbox, at, end, FROM)) {
			at = lineEnd(mbox, at, end);
		}
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		while (at < end) {
			int lineEnd = lineEnd(mbox, at, end);
			int quotes = at;
			while (quotes < lineEnd && mbox[quotes] == '>') {
				quotes++;
			}
			int from = quotes > at && startsWith(mbox, quotes, lineEnd, FROM) ? at + 1 : at;
			message.write(mbox, from, lineEnd - from);
			at = lineEnd;
		}
		byte[] bytes = message.toByteArray();
		if (overCap) {
			return bytes;
		}
		if (endsWith(bytes, "\r\n\r\n")) {
			return Arrays.copyOf(bytes, bytes.length - 2);
		}
		return endsWith(bytes, "\n\n") ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
	}

	private static void assertBlank(byte[] mbox, int from, int to, String where) {
		for (int i = from; i < to; i++) {
			if (!Character.isWhitespace(mbox[i])) {
				fail("bytes %d-%d %s belong to no message, and byte %d is not blank", from, to, where, i);
			}
		}
	}

	private static int lineEnd(byte[] bytes, int from, int end) {
		for (int i = from; i < end; i++) {
			if (bytes[i] == '\n') {
				return i + 1;
			}
		}
		return end;
	}

	private static boolean startsWith(byte[] bytes, int at, int end, byte[] prefix) {
		return end - at >= prefix.length && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
	}

	private static boolean endsWith(byte[] bytes, String suffix) {
		byte[] tail = suffix.getBytes(StandardCharsets.US_ASCII);
		return bytes.length >= tail.length
				&& Arrays.equals(bytes, bytes.length - tail.length, bytes.length, tail, 0, tail.length);
	}

}
