package com.optoutbatch.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import com.optoutbatch.support.TextCharset;

/**
 * Turns the bytes of a message into a {@link ParsedMail} with Angus Mail, within the
 * {@link MailCaps}: transfer encodings and charsets decoded, RFC 2047 subjects decoded,
 * HTML turned into text with its line structure, attached messages parsed in turn.
 */
class MessageParser {

	private static final Pattern ADDRESS = Pattern
		.compile("[^\\s<>\"(),;:@]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

	private static final Pattern ANGLE_ADDRESS = Pattern.compile("<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>");

	private static final int MAX_TEXT_CHARS = 2_000_000;

	private static final int MAX_SUBJECT_CHARS = 4_000;

	private static final Pattern BOUNDARY = Pattern
		.compile("(?i)boundary\\s*=\\s*(?:\"([^\"\\r\\n]{1,200})\"|([^\\s;\"]{1,200}))");

	static {
		// Jakarta Mail 2.1 looks its stream provider up for every message, part and
		// header block
		// it parses, through the ServiceLoader unless this property names it; in the
		// packaged
		// application that class-path scan took more than half of a mailbox scan.
		System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
	}

	private final MailCaps caps;

	private final Session session;

	MessageParser(MailCaps caps) {
		this.caps = caps;
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.parameters.strict", "false");
		this.session = Session.getInstance(properties);
	}

	ParsedMail parse(byte[] bytes) throws MessagingException, IOException, MailCapExceededException {
		if (bytes.length > caps.maxMessageBytes()) {
			throw new MailCapExceededException("message too large",
					bytes.length + " bytes, the cap is " + caps.maxMessageBytes());
		}
		checkHeaderCount(bytes);
		checkPartCount(bytes);
		MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
		return parse(message, new Walk(), 0);
	}

	private ParsedMail parse(MimeMessage message, Walk walk, int depth)
			throws MessagingException, IOException, MailCapExceededException {
		checkHeaderCount(message);
		StringBuilder text = new StringBuilder();
		List<ParsedMail> attached = new ArrayList<>();
		Walk inner = walk.forMessage(text, attached);
		collect(message, inner, depth);
		String authentication = header(message, "Authentication-Results");
		return new ParsedMail(trimmed(header(message, "Message-ID")), sender(message), subject(message), date(message),
				trimmed(header(message, "X-Marketplace-ID")), text.toString(), inner.deliveryReport,
				authentication != null && authentication.toLowerCase(Locale.ROOT).contains("dmarc=fail"), attached);
	}

	private void collect(Part part, Walk walk, int depth)
			throws MessagingException, IOException, MailCapExceededException {
		if (depth > caps.maxMimeDepth()) {
			throw new MailCapExceededException("MIME nesting too deep",
					"deeper than " + caps.maxMimeDepth() + " levels");
		}
		if (++walk.parts[0] > caps.maxParts()) {
			throw new MailCapExceededException("too many MIME parts", "more than " + caps.maxParts() + " parts");
		}
		String type = contentType(part);
		try {
			collectContent(part, type, walk, depth);
		}
		catch (MessagingException | IOException | RuntimeException e) {
			// broken MIME (no start boundary, an unknown transfer encoding, bad base64)
			// is common
			// in the wild: the undecoded text of the part is still worth judging
			walk.append(rawText(part));
		}
	}

	private void collectContent(Part part, String type, Walk walk, int depth)
			throws MessagingException, IOException, MailCapExceededException {
		if (type.startsWith("multipart/")) {
			if (type.startsWith("multipart/report")) {
				walk.deliveryReport = true;
			}
			// built directly: getContent() looks the handler up through the activation
			// framework, slowly
			Multipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), walk, depth + 1);
			}
		}
		else if (type.equals("message/rfc822")) {
			try (InputStream in = part.getInputStream()) {
				walk.attached.add(parse(new MimeMessage(session, in), walk, depth + 1));
			}
		}
		else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
			walk.deliveryReport = true;
		}
		else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
			String body = text(part);
			walk.append(type.equals("text/html") ? htmlToText(body) : body);
		}
	}

	private static String rawText(Part part) {
		try (InputStream in = part instanceof MimeBodyPart body ? body.getRawInputStream()
				: ((MimeMessage) part).getRawInputStream()) {
			return TextCharset.decode(in.readNBytes(MAX_TEXT_CHARS));
		}
		catch (MessagingException | IOException | RuntimeException e) {
			return "";
		}
	}

	/**
	 * A message's headers are counted on the bytes before Angus reads them, so that a
	 * flood of them costs nothing.
	 */
	private void checkHeaderCount(byte[] bytes) throws MailCapExceededException {
		int headers = 0;
		boolean lineStart = true;
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (lineStart) {
				if (b == '\n' || (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
					return;
				}
				if (b != ' ' && b != '\t' && ++headers > caps.maxHeaders()) {
					throw new MailCapExceededException("too many headers",
							"more than " + caps.maxHeaders() + " header lines");
				}
			}
			lineStart = b == '\n';
		}
	}

	/**
	 * The parts are counted on the bytes too (the delimiter lines of every boundary the
	 * message declares): Angus takes seconds to split thousands of parts.
	 */
	private void checkPartCount(byte[] bytes) throws MailCapExceededException {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		Set<String> boundaries = new HashSet<>();
		for (String spelling : List.of("boundary", "Boundary", "BOUNDARY")) {
			for (int at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length())) {
				Matcher boundary = BOUNDARY.matcher(text).region(at, Math.min(text.length(), at + 300));
				if (boundary.lookingAt()) {
					boundaries.add(boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
				}
			}
		}
		if (boundaries.isEmpty()) {
			return;
		}
		int parts = 0;
		for (int at = text.startsWith("--") ? 0 : text.indexOf("\n--"); at >= 0; at = text.indexOf("\n--", at + 1)) {
			int start = text.charAt(at) == '\n' ? at + 3 : at + 2;
			int end = start;
			while (end < text.length() && end - start <= 200 && !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			if (boundaries.contains(text.substring(start, end)) && ++parts > caps.maxParts()) {
				throw new MailCapExceededException("too many MIME parts", "more than " + caps.maxParts() + " parts");
			}
		}
	}

	private void checkHeaderCount(MimeMessage message) throws MessagingException, MailCapExceededException {
		int headers = 0;
		for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); all.nextElement()) {
			if (++headers > caps.maxHeaders()) {
				throw new MailCapExceededException("too many headers",
						"more than " + caps.maxHeaders() + " header lines");
			}
		}
	}

	private static String contentType(Part part) {
		try {
			String raw = part.getContentType();
			return raw == null ? "text/plain" : new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException e) {
			return "application/octet-stream";
		}
	}

	private static boolean isAttachment(Part part) {
		try {
			return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null;
		}
		catch (MessagingException | RuntimeException e) {
			return false;
		}
	}

	/**
	 * The decoded text of a part; a missing or unknown charset is detected from the bytes
	 * as a file's is.
	 */
	private static String text(Part part) throws MessagingException, IOException {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readNBytes(MAX_TEXT_CHARS * 2);
		}
		String charset = charsetOf(part);
		if (charset != null) {
			try {
				return new String(bytes, Charset.forName(MimeUtility.javaCharset(charset)));
			}
			catch (IllegalArgumentException e) {
				// an unknown charset name: guess as below
			}
		}
		return TextCharset.decode(bytes);
	}

	private static String charsetOf(Part part) {
		try {
			String charset = new ContentType(part.getContentType()).getParameter("charset");
			return charset == null || charset.isBlank() ? null : charset;
		}
		catch (MessagingException | RuntimeException e) {
			return null;
		}
	}

	/**
	 * HTML to text, keeping a line break where a block or a {@code <br>
	 * } ends a line; entities decoded.
	 */
	static String htmlToText(String html) {
		StringBuilder text = new StringBuilder();
		Jsoup.parse(html).body().traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					text.append(textNode.text());
				}
				else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					text.append('\n');
				}
			}
		});
		return text.toString();
	}

	/**
	 * The decoded subject; only its start counts, and decoding thousands of encoded words
	 * takes Angus seconds.
	 */
	private static String subject(MimeMessage message) {
		String raw = header(message, "Subject");
		if (raw == null) {
			return "";
		}
		String head = raw.length() <= MAX_SUBJECT_CHARS ? raw
				: raw.substring(0, raw.lastIndexOf(' ', MAX_SUBJECT_CHARS) + 1);
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(head));
		}
		catch (UnsupportedEncodingException | RuntimeException e) {
			return MimeUtility.unfold(head);
		}
	}

	/**
	 * The sender's address from {@code From}, read leniently: malformed headers are
	 * common in the wild.
	 */
	static String sender(MimeMessage message) {
		String from = header(message, "From");
		if (from == null) {
			from = header(message, "Sender");
		}
		if (from == null) {
			return null;
		}
		try {
			from = MimeUtility.decodeText(MimeUtility.unfold(from));
		}
		catch (UnsupportedEncodingException | RuntimeException e) {
			// keep the raw header: the address itself is never encoded
		}
		return address(from);
	}

	/**
	 * The address in a From-like value: the one in angle brackets, else the first bare
	 * one.
	 */
	static String address(String value) {
		Matcher angle = ANGLE_ADDRESS.matcher(value);
		String address = null;
		while (angle.find()) {
			address = angle.group(1);
		}
		if (address == null) {
			Matcher bare = ADDRESS.matcher(value);
			address = bare.find() ? bare.group() : null;
		}
		if (address == null || address.indexOf('@') <= 0) {
			return null;
		}
		return address.toLowerCase(Locale.ROOT).replaceAll("[.>]+$", "");
	}

	private static OffsetDateTime date(MimeMessage message) {
		try {
			Date sent = message.getSentDate();
			return sent == null ? null : sent.toInstant().atOffset(ZoneOffset.UTC);
		}
		catch (MessagingException | RuntimeException e) {
			return null;
		}
	}

	private static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, ",");
		}
		catch (MessagingException | RuntimeException e) {
			return null;
		}
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.trim().replaceAll("\\s+", " ");
	}

	/**
	 * What a walk over one message collects; the part count is shared with the messages
	 * attached to it.
	 */
	private static final class Walk {

		final int[] parts;

		StringBuilder text;

		List<ParsedMail> attached;

		boolean deliveryReport;

		Walk() {
			this.parts = new int[1];
		}

		private Walk(int[] parts, StringBuilder text, List<ParsedMail> attached) {
			this.parts = parts;
			this.text = text;
			this.attached = attached;
		}

		Walk forMessage(StringBuilder text, List<ParsedMail> attached) {
			return new Walk(parts, text, attached);
		}

		void append(String more) {
			if (text.length() < MAX_TEXT_CHARS) {
				text.append(more, 0, Math.min(more.length(), MAX_TEXT_CHARS - text.length())).append('\n');
			}
		}

	}

}
