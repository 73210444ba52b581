package com.optoutbatch.mailbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the messages of one mailbox input: an mbox file, a single message file or a
 * Maildir folder ({@code cur/} and {@code new/}), each file maybe gzip-compressed. An mbox
 * is streamed; a restart seeks to the byte offset after the last committed message (or,
 * compressed, skips that many messages). A message over the size cap is rejected with its
 * position and Message-ID; a file that cannot be read is rejected whole.
 */
class MailFileReader implements ItemStreamReader<RawMessage> {

	private static final Logger log = LoggerFactory.getLogger(MailFileReader.class);

	private static final String MESSAGES_KEY = "mailbox.messages";

	private static final String OFFSET_KEY = "mailbox.offset";

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[ \\t]*(<[^>\\r\\n]{1,250}>)");

	private final Path input;

	private final MailCaps caps;

	private final String name;

	private MboxSplitter mbox;

	private boolean compressed;

	private boolean single;

	private List<Path> maildirFiles;

	private long messages;

	private RejectedRecordException rejectedWhole;

	private boolean done;

	MailFileReader(Path input, MailCaps caps) {
		this.input = input;
		this.caps = caps;
		this.name = input.getFileName().toString();
	}

	@Override
	public void open(ExecutionContext context) {
		messages = context.getLong(MESSAGES_KEY, 0L);
		try {
			if (Files.isDirectory(input)) {
				maildirFiles = maildirFiles(input);
				log.info("{}: Maildir, {} messages", name, maildirFiles.size());
			}
			else {
				openFile(context.getLong(OFFSET_KEY, 0L));
			}
			if (messages > 0) {
				log.info("{}: resuming after message {}", name, messages);
			}
		}
		catch (IOException | UncheckedIOException e) {
			rejectedWhole = new RejectedRecordException("file", "unreadable file", String.valueOf(e.getMessage()), "");
		}
	}

	private void openFile(long resumeOffset) throws IOException {
		InputStream raw = Files.newInputStream(input);
		compressed = isGzip(input);
		single = !isMbox(input);
		long start = 0;
		InputStream in;
		if (compressed) {
			in = new GZIPInputStream(raw, 1 << 16);
		}
		else {
			start = messages > 0 ? resumeOffset : 0;
			raw.skipNBytes(start);
			in = raw;
		}
		mbox = new MboxSplitter(in, start, single, caps.maxMessageBytes());
		log.debug("{}: {}{}", name, single ? "one message" : "mbox", compressed ? ", gzip" : "");
		if (compressed) {
			for (long skipped = 0; skipped < messages && mbox.next() != null; skipped++) {
				// a compressed mbox cannot seek: the committed messages are read again and dropped
			}
		}
	}

	@Override
	public RawMessage read() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			done = true;
			throw whole;
		}
		if (done) {
			return null;
		}
		try {
			return maildirFiles != null ? readMaildir() : readMbox();
		}
		catch (IOException | UncheckedIOException e) {
			done = true;
			throw new RejectedRecordException("message " + (messages + 1), "unreadable rest of file",
					"cannot read from here on: " + e.getMessage(), "");
		}
	}

	private RawMessage readMbox() throws IOException {
		MboxSplitter.Entry entry = mbox.next();
		if (entry == null) {
			done = true;
			return null;
		}
		messages++;
		String position = "message " + messages + (compressed || single ? "" : " at byte " + entry.offset());
		if (entry.overCap()) {
			throw overSizeCap(position, entry.bytes(), entry.size());
		}
		return RawMessage.of(name, messages, position, entry.bytes());
	}

	private RawMessage readMaildir() throws IOException {
		if (messages >= maildirFiles.size()) {
			done = true;
			return null;
		}
		Path file = maildirFiles.get((int) messages);
		messages++;
		String position = input.relativize(file).toString();
		if (!isGzip(file) && Files.size(file) > caps.maxMessageBytes()) {
			try (InputStream in = Files.newInputStream(file)) {
				throw overSizeCap(position, in.readNBytes(MboxSplitter.HEAD_BYTES), Files.size(file));
			}
		}
		try (MboxSplitter one = new MboxSplitter(open(file), 0, true, caps.maxMessageBytes())) {
			MboxSplitter.Entry entry = one.next();
			if (entry == null) {
				return new RawMessage(name, messages, position, new byte[0]);
			}
			if (entry.overCap()) {
				throw overSizeCap(position, entry.bytes(), entry.size());
			}
			return RawMessage.of(name, messages, position, entry.bytes());
		}
	}

	private RejectedRecordException overSizeCap(String position, byte[] head, long size) {
		return new RejectedRecordException(where(position, messageId(head)), "message too large",
				size + " bytes, the cap is " + caps.maxMessageBytes(), "");
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(MESSAGES_KEY, messages);
		if (mbox != null && !compressed) {
			context.putLong(OFFSET_KEY, mbox.offset());
		}
	}

	@Override
	public void close() {
		if (mbox != null) {
			try {
				mbox.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			mbox = null;
		}
	}

	/** The reject's {@code where}: the position and, when it has one, the Message-ID. */
	static String where(String position, String messageId) {
		return messageId == null ? position : position + " " + messageId;
	}

	/** The Message-ID in the head of a message, found without parsing it. */
	static String messageId(byte[] head) {
		String text = new String(head, 0, Math.min(head.length, MboxSplitter.HEAD_BYTES), StandardCharsets.ISO_8859_1);
		int body = text.indexOf("\n\n");
		int crlfBody = text.indexOf("\r\n\r\n");
		int end = body < 0 ? crlfBody : crlfBody < 0 ? body : Math.min(body, crlfBody);
		Matcher matcher = MESSAGE_ID.matcher(end < 0 ? text : text.substring(0, end));
		return matcher.find() ? matcher.group(1) : null;
	}

	/** An mbox by name ({@code .mbox}, {@code .mbx}), or a file without extension that starts like one. */
	static boolean isMbox(Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
		if (name.endsWith(".mbox") || name.endsWith(".mbx")) {
			return true;
		}
		if (name.contains(".")) {
			return false;
		}
		try (InputStream in = open(file)) {
			return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("From ");
		}
	}

	/** The messages of a Maildir folder: {@code cur/} then {@code new/}, by name. */
	static List<Path> maildirFiles(Path maildir) throws IOException {
		List<Path> files = new ArrayList<>();
		for (String sub : List.of("cur", "new")) {
			Path dir = maildir.resolve(sub);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> listed = Files.list(dir)) {
					listed.filter(Files::isRegularFile)
						.filter(file -> !file.getFileName().toString().startsWith("."))
						.sorted()
						.forEach(files::add);
				}
			}
		}
		return files;
	}

	static boolean isMaildir(Path dir) {
		return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
	}

	private static InputStream open(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		return isGzip(file) ? new GZIPInputStream(in, 1 << 16) : in;
	}

	private static boolean isGzip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(2);
			return magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
		}
	}

}
