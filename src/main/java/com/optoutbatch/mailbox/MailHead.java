package com.optoutbatch.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What the first bytes of a file or message say it is: text or not, and mail or not. Mail
 * starts with a header block (after an mbox's {@code From } line), and that block names
 * at least one of the fields every mailer writes; a CSV file, an order report or notes do
 * not.
 */
final class MailHead {

	/** How much of a file is looked at. */
	static final int BYTES = MboxSplitter.HEAD_BYTES;

	private static final Set<String> MAIL_FIELDS = Set.of("from", "to", "cc", "subject", "date", "message-id",
			"received", "return-path", "mime-version", "content-type", "content-transfer-encoding", "sender",
			"reply-to", "delivered-to", "x-original-to", "envelope-to", "in-reply-to", "references", "dkim-signature",
			"authentication-results", "x-received", "x-mailer");

	private MailHead() {
	}

	/**
	 * Why these bytes are not text, or {@code null} when they are: a NUL byte, or more
	 * than one control byte in ten. Tabs, line ends, form feeds and the escapes of
	 * ISO-2022-JP are text.
	 */
	static String notText(byte[] head, int length) {
		int controls = 0;
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b == 0) {
				return "a NUL byte at byte " + (i + 1);
			}
			if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1B) || b == 0x7F) {
				controls++;
			}
		}
		if (controls * 10 > length) {
			return controls + " control bytes in the first " + length;
		}
		return null;
	}

	/** Whether these bytes hold nothing but white space. */
	static boolean isBlank(byte[] head, int length) {
		for (int i = 0; i < length; i++) {
			if (!Character.isWhitespace(head[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a file's first bytes are mail: after blank lines and an mbox {@code From }
	 * line, header fields ({@code Name: value}, folded lines) up to a field that mail
	 * has, before any line that is not a field.
	 */
	static boolean isMail(byte[] head, int length) {
		return headerBlock(head, length, true);
	}

	/**
	 * Whether a message starts with a header field, after blank lines and an mbox
	 * {@code From } line.
	 */
	static boolean startsWithHeader(byte[] head, int length) {
		return headerBlock(head, length, false);
	}

	private static boolean headerBlock(byte[] head, int length, boolean mailField) {
		int at = startsWithBom(head, length) ? 3 : 0;
		boolean first = true;
		boolean fields = false;
		while (at < length) {
			int end = lineEnd(head, at, length);
			String line = new String(head, at, end - at, StandardCharsets.ISO_8859_1);
			at = next(head, end, length);
			if (!fields && line.isBlank()) {
				continue;
			}
			if (first && (line.startsWith("From ") || line.startsWith(">From "))) {
				first = false;
				continue;
			}
			first = false;
			if (line.isEmpty()) {
				return false;
			}
			if (fields && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
				continue;
			}
			String name = fieldName(line);
			if (name == null) {
				return false;
			}
			if (!mailField || MAIL_FIELDS.contains(name)) {
				return true;
			}
			fields = true;
		}
		return false;
	}

	/**
	 * The lowercased name of a header field line, or {@code null} when the line is not
	 * one.
	 */
	private static String fieldName(String line) {
		int colon = line.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String name = line.substring(0, colon).stripTrailing();
		if (name.isEmpty()) {
			return null;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < 33 || c > 126) {
				return null;
			}
		}
		return name.toLowerCase(Locale.ROOT);
	}

	// a line ends at LF, CRLF or a lone CR (old Mac mail)
	private static int lineEnd(byte[] head, int from, int length) {
		for (int i = from; i < length; i++) {
			if (head[i] == '\n' || head[i] == '\r') {
				return i;
			}
		}
		return length;
	}

	private static int next(byte[] head, int end, int length) {
		if (end < length && head[end] == '\r') {
			end++;
		}
		if (end < length && head[end] == '\n') {
			end++;
		}
		return end;
	}

	private static boolean startsWithBom(byte[] head, int length) {
		return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
	}

}
