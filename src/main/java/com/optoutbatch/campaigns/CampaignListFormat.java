package com.optoutbatch.campaigns;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.QuoteMode;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.TextCharset;

/**
 * How a campaign list is written: charset and byte-order mark, delimiter, quoting and
 * line ends, so that its clean copy imports back into the tool that exported it.
 */
record CampaignListFormat(TextCharset charset, char delimiter, boolean quoteAll, String recordSeparator) {

	private static final int HEAD_BYTES = 1 << 16;

	static CampaignListFormat of(Path file, Charset charsetOverride) throws IOException {
		TextCharset charset = TextCharset.of(file, charsetOverride);
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD_BYTES);
		}
		String text = new String(head, charset.charset());
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		int end = text.indexOf('\n');
		String separator = end > 0 && text.charAt(end - 1) == '\r' ? "\r\n" : "\n";
		String headerLine = end < 0 ? text : text.substring(0, end - (separator.length() - 1));
		char delimiter = DelimitedFile.delimiterOf(headerLine);
		return new CampaignListFormat(charset, delimiter, allQuoted(headerLine, delimiter), separator);
	}

	/**
	 * The list opened for reading in this format, with the charset already detected (one
	 * scan of the file).
	 */
	DelimitedFile open(Path file) throws IOException {
		return DelimitedFile.open(file, charset.charset(), delimiter -> readFormat());
	}

	/** The format lists of this shape are read with. */
	CSVFormat readFormat() {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		// tab-separated exports do not quote: a cell may hold a lone "
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

	/** The format the clean and held-back copies are written with. */
	CSVFormat writeFormat() {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setRecordSeparator(recordSeparator)
			.setQuoteMode(quoteAll ? QuoteMode.ALL : QuoteMode.MINIMAL);
		return (delimiter == '\t' ? format.setQuote(null).setEscape('\\') : format).get();
	}

	private static boolean allQuoted(String headerLine, char delimiter) {
		if (delimiter == '\t' || !headerLine.startsWith("\"")) {
			return false;
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(headerLine),
				CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
			List<String> cells = parser.getRecords().get(0).toList();
			String quoted = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.setQuoteMode(QuoteMode.ALL)
				.get()
				.format(cells.toArray());
			return quoted.equals(headerLine);
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

}
