package com.optoutbatch.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of an exported text file: a BOM when there is one, else UTF-8 when every
 * byte decodes strictly, else the detector's guess among the legacy charsets sellers'
 * exports use (windows-1252 for the US and EU, cp932 for Japan), windows-1252 when in
 * doubt.
 *
 * @param charset the charset to decode with
 * @param bomLength how many bytes of byte-order mark to skip
 * @param how why this charset was chosen, for the log
 */
public record TextCharset(Charset charset, int bomLength, String how) {

	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	public static final Charset CP932 = Charset.forName("windows-31j");

	private static final int SAMPLE_BYTES = 1 << 20;

	/** How much of a file is looked at to tell text from a binary file. */
	static final int TEXT_SAMPLE_BYTES = 1 << 16;

	private static final Set<String> JAPANESE = Set.of("SHIFT_JIS", "WINDOWS-31J", "EUC-JP", "ISO-2022-JP");

	public static TextCharset of(Path file, Charset override) throws IOException {
		if (override != null) {
			return configured(file, override);
		}
		return detected(head(file, 4), isStrictUtf8(file), guess(file));
	}

	/** The text of bytes that name no charset of their own, detected as a file's is. */
	public static String decode(byte[] bytes) {
		TextCharset charset = detected(bytes, isStrictUtf8(bytes), guess(new ByteArrayInputStream(bytes)));
		return new String(bytes, charset.bomLength, bytes.length - charset.bomLength, charset.charset);
	}

	private static TextCharset detected(byte[] head, boolean strictUtf8, String guess) {
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return new TextCharset(StandardCharsets.UTF_8, 3, "BOM");
		}
		if (startsWith(head, 0xFF, 0xFE)) {
			return new TextCharset(StandardCharsets.UTF_16LE, 2, "BOM");
		}
		if (startsWith(head, 0xFE, 0xFF)) {
			return new TextCharset(StandardCharsets.UTF_16BE, 2, "BOM");
		}
		if (strictUtf8) {
			return new TextCharset(StandardCharsets.UTF_8, 0, "valid UTF-8");
		}
		if (guess != null && JAPANESE.contains(guess.toUpperCase())) {
			return new TextCharset(guess.equalsIgnoreCase("SHIFT_JIS") ? CP932 : Charset.forName(guess), 0,
					"detected " + guess);
		}
		return new TextCharset(WINDOWS_1252, 0, guess == null ? "fallback" : "detected " + guess);
	}

	// a configured UTF-16 is read in the byte order its BOM gives, so that a copy is
	// written with one BOM
	private static TextCharset configured(Path file, Charset charset) throws IOException {
		byte[] head = head(file, 3);
		if (charset.equals(StandardCharsets.UTF_8) && startsWith(head, 0xEF, 0xBB, 0xBF)) {
			return new TextCharset(charset, 3, "configured");
		}
		boolean utf16 = charset.equals(StandardCharsets.UTF_16);
		if ((utf16 || charset.equals(StandardCharsets.UTF_16LE)) && startsWith(head, 0xFF, 0xFE)) {
			return new TextCharset(StandardCharsets.UTF_16LE, 2, "configured");
		}
		if ((utf16 || charset.equals(StandardCharsets.UTF_16BE)) && startsWith(head, 0xFE, 0xFF)) {
			return new TextCharset(StandardCharsets.UTF_16BE, 2, "configured");
		}
		return new TextCharset(charset, 0, "configured");
	}

	/**
	 * Why the file is not text in this charset, judged by its first
	 * {@value #TEXT_SAMPLE_BYTES} bytes: NULs more than a stray one or two, or more than
	 * a tenth of control characters and bytes the charset cannot decode; {@code null}
	 * when it reads as text (a stray control character is its record's problem, not the
	 * file's).
	 */
	public String notTextIn(Path file) throws IOException {
		byte[] sample = head(file, TEXT_SAMPLE_BYTES);
		String text = new String(sample, bomLength, sample.length - bomLength, charset);
		int nuls = 0;
		int unreadable = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				nuls++;
			}
			if ((c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == '\u007F' || c == '\uFFFD') {
				unreadable++;
			}
		}
		if (nuls > Math.max(4, text.length() / 1000)) {
			return String.format("%d NUL bytes in its first %,d bytes: a binary file, or UTF-16 without a byte-order"
					+ " mark (then name its charset with charset.<file name>=UTF-16LE)", nuls, sample.length);
		}
		// the last character may be cut in two by the end of the sample
		if (unreadable > 1 && unreadable * 10 > text.length()) {
			return String.format("%d of its first %,d characters are control characters or bytes %s cannot decode",
					unreadable, text.length(), charset.name());
		}
		return null;
	}

	private static boolean isStrictUtf8(byte[] bytes) {
		try {
			strictUtf8().decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	private static boolean isStrictUtf8(Path file) throws IOException {
		CharsetDecoder decoder = strictUtf8();
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		try (InputStream stream = Files.newInputStream(file)) {
			byte[] buffer = in.array();
			int read;
			while ((read = stream.read(buffer, in.position(), in.remaining())) >= 0) {
				in.position(in.position() + read);
				in.flip();
				if (!decodeChunk(decoder, in, out, false)) {
					return false;
				}
				in.compact();
			}
			in.flip();
			return decodeChunk(decoder, in, out, true) && decoder.flush(out).isUnderflow();
		}
	}

	private static boolean decodeChunk(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean end) {
		while (true) {
			out.clear();
			CoderResult result = decoder.decode(in, out, end);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return true;
			}
		}
	}

	private static String guess(Path file) throws IOException {
		try (InputStream stream = Files.newInputStream(file)) {
			return guess(stream);
		}
	}

	private static String guess(InputStream stream) {
		UniversalDetector detector = new UniversalDetector();
		try {
			byte[] buffer = new byte[8192];
			int total = 0;
			int read;
			while (total < SAMPLE_BYTES && !detector.isDone() && (read = stream.read(buffer)) > 0) {
				detector.handleData(buffer, 0, read);
				total += read;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		detector.dataEnd();
		return detector.getDetectedCharset();
	}

	private static byte[] head(Path file, int length) throws IOException {
		try (InputStream stream = Files.newInputStream(file)) {
			return stream.readNBytes(length);
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		int[] head = new int[prefix.length];
		for (int i = 0; i < prefix.length; i++) {
			head[i] = bytes[i] & 0xFF;
		}
		return Arrays.equals(head, prefix);
	}

}
