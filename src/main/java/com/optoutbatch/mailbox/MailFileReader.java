package com.optoutbatch.mailbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.InputFilePartitioner;
import com.optoutbatch.support.InputListing;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the messages of one mailbox input: an mbox file, a single message file or a
 * Maildir folder ({@code cur/} and {@code new/}), each file maybe gzip-compressed. An
 * mbox is streamed; a restart seeks to the byte offset after the last committed message
 * (or, compressed, skips that many messages). A message over the size cap is rejected
 * with its position and Message-ID. A file that cannot be opened, or is not mail (binary,
 * or text without a header block), is rejected whole; one that cannot be read to its end
 * is rejected from where it stopped, saying how much was left.
 */
class MailFileReader implements ItemStreamReader<RawMessage> {

	private static final Logger log = LoggerFactory.getLogger(MailFileReader.class);

	private static final String MESSAGES_KEY = "mailbox.messages";

	private static final String OFFSET_KEY = "mailbox.offset";

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[ \\t]*(<[^>\\r\\n]{1,250}>)");

	private static final String FROM = "From ";

	/** The folders of a Maildir that hold its messages, in the order they are read. */
	static final List<String> MAILDIR_MESSAGES = List.of("cur", "new");

	private final Path input;

	private final Path inputRoot;

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
		this(input, input.toAbsolutePath().getParent(), caps);
	}

	/**
	 * @param inputRoot the workspace's {@code input/}, which a Maildir's symlinks may not
	 * leave
	 */
	MailFileReader(Path input, Path inputRoot, MailCaps caps) {
		this.input = input;
		this.inputRoot = inputRoot;
		this.caps = caps;
		this.name = input.getFileName().toString();
	}

	@Override
	public void open(ExecutionContext context) {
		// an mbox that grew since an earlier run read it is read on after what that run
		// read
		messages = context.getLong(MESSAGES_KEY, context.getLong(InputFilePartitioner.RECORDS_BEFORE_KEY, 0L));
		try {
			if (Files.isDirectory(input)) {
				maildirFiles = maildirFiles(inputRoot, input);
				log.info("{}: Maildir, {} messages", name, maildirFiles.size());
			}
			else {
				if (messages == 0) {
					rejectedWhole = notMail(input);
				}
				if (rejectedWhole == null) {
					openFile(context.getLong(OFFSET_KEY, context.getLong(InputFilePartitioner.BYTES_BEFORE_KEY, 0L)));
				}
				else {
					log.warn("{}: {}", name, rejectedWhole.getMessage());
				}
			}
			if (messages > 0) {
				log.info("{}: resuming after message {}", name, messages);
			}
		}
		catch (IOException | UncheckedIOException e) {
			rejectedWhole = RejectedRecordException.wholeFile("unreadable file", cause(e));
			log.warn("{}: {}", name, rejectedWhole.getMessage());
		}
	}

	/**
	 * Why a mailbox file is no mail at all, or {@code null} when it may be: binary
	 * content, or text that starts with no header block (an order report, a CSV file,
	 * notes). An mbox that starts with other text is still read when a {@code From } line
	 * follows: that text is then one message, rejected by itself.
	 */
	static RejectedRecordException notMail(Path file) throws IOException {
		byte[] head = new byte[MailHead.BYTES];
		int length = readHead(file, head);
		String binary = MailHead.notText(head, length);
		if (binary != null) {
			return RejectedRecordException.wholeFile("not a text file", "binary content: " + binary);
		}
		if (MailHead.isBlank(head, length) || MailHead.isMail(head, length)) {
			return null;
		}
		if (!isMbox(file)) {
			return RejectedRecordException.wholeFile("not mail",
					"text without a mail header block (From:, Date:, Subject: ...) at its start");
		}
		if (!hasSeparatorLine(file)) {
			return RejectedRecordException.wholeFile("not an mbox",
					"no 'From ' separator line and no mail header block at its start");
		}
		return null;
	}

	// as much of the head as can be read: a file damaged further on fails where the
	// messages are read
	private static int readHead(Path file, byte[] head) throws IOException {
		try (InputStream in = open(file)) {
			int length = 0;
			while (length < head.length) {
				int read;
				try {
					read = in.read(head, length, head.length - length);
				}
				catch (IOException e) {
					if (length == 0) {
						throw e;
					}
					break;
				}
				if (read < 0) {
					break;
				}
				length += read;
			}
			return length;
		}
	}

	private static boolean hasSeparatorLine(Path file) throws IOException {
		try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
			// how much of "From " the current line starts with; -1 once it cannot
			int matched = 0;
			for (int b = in.read(); b >= 0; b = in.read()) {
				if (b == '\n') {
					matched = 0;
				}
				else if (matched >= 0 && b == FROM.charAt(matched)) {
					if (++matched == FROM.length()) {
						return true;
					}
				}
				else {
					matched = -1;
				}
			}
			return false;
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
				// a compressed mbox cannot seek: the committed messages are read again
				// and dropped
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
		if (maildirFiles != null) {
			return readMaildir();
		}
		try {
			return readMbox();
		}
		catch (IOException | UncheckedIOException e) {
			done = true;
			throw unreadableRest(e);
		}
	}

	/**
	 * The reject of what is left of an mbox once it cannot be read on: where it stopped
	 * and how much it leaves.
	 */
	private RejectedRecordException unreadableRest(Exception e) {
		long reached = mbox.offset();
		String where = "message " + (messages + 1) + (compressed || single ? "" : " at byte " + reached);
		String detail;
		if (compressed) {
			detail = "stopped at byte " + reached + " of the unpacked mail, the rest of the " + size(input)
					+ "-byte gzip file not read: " + cause(e)
					+ " (gzip data cannot be unpacked past a damaged or missing part)";
		}
		else {
			long size = size(input);
			detail = "stopped at byte " + reached + " of " + size + ", " + Math.max(0, size - reached)
					+ " bytes not read: " + cause(e);
		}
		log.warn("{}: {}", name, detail);
		return RejectedRecordException.unparseable(where, "unreadable rest of file", detail, "");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			return -1;
		}
	}

	/**
	 * An I/O failure in the words of the file system, without the path the run file names
	 * anyway.
	 */
	static String cause(Exception e) {
		Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
		if (cause instanceof NoSuchFileException) {
			return "no such file";
		}
		if (cause instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
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

	private RawMessage readMaildir() {
		if (messages >= maildirFiles.size()) {
			done = true;
			return null;
		}
		Path file = maildirFiles.get((int) messages);
		messages++;
		String position = input.relativize(file).toString();
		try {
			return readMaildirFile(file, position);
		}
		catch (IOException | UncheckedIOException e) {
			// one message file the scan could not read: the others still can be
			throw RejectedRecordException.unparseable(position, "unreadable message", cause(e), "");
		}
	}

	private RawMessage readMaildirFile(Path file, String position) throws IOException {
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
		context.putLong(InputFilePartitioner.RECORDS_READ_KEY, messages);
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

	/**
	 * An mbox by name ({@code .mbox}, {@code .mbx}), or a file without extension that
	 * starts like one.
	 */
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

	/**
	 * The messages of a Maildir folder: {@code cur/} then {@code new/}, by name; a
	 * symlink among them is followed only within {@code inputRoot}.
	 */
	static List<Path> maildirFiles(Path inputRoot, Path maildir) {
		List<Path> files = new ArrayList<>();
		for (String sub : MAILDIR_MESSAGES) {
			files.addAll(InputListing.of(inputRoot, maildir.resolve(sub), 1, dir -> false).inputs());
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
