package com.optoutbatch.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.apache.commons.csv.CSVFormat;
import org.eclipse.angus.mail.util.MailStreamProvider;

import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;

/**
 * The floor the nightly run is measured against: a plain program that reads a workspace's
 * inputs with the parsers the jobs use, and nothing else. Delimited files go through the
 * product's own {@link DelimitedFile} (charset detection, then Commons CSV); each mail of
 * an mbox becomes an Angus Mail {@link MimeMessage} whose parts are all decoded. What is
 * read is discarded. Prints one line per job: {@code <job> <records> <seconds>}.
 */
public final class ReferenceReader {

	/** Records read and time taken for the inputs of one job. */
	record Reading(long records, double seconds) {
	}

	private final Session session = Session.getInstance(new Properties());

	private long sink;

	public static void main(String[] args) throws Exception {
		// Angus Mail set up as the mailbox scan sets it up (see MessageParser), without a
		// class-path scan per part
		System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
		Path input = Path.of(args.length > 0 ? args[0] : ".").resolve("input");
		ReferenceReader reader = new ReferenceReader();
		Map<String, Reading> readings = new LinkedHashMap<>();
		readings.put("importOrders", reader.timed(() -> reader.delimited(files(input.resolve("orders")))));
		readings.put("importMessages", reader.timed(() -> reader.delimited(files(input.resolve("messages")))));
		readings.put("scanMailbox", reader.timed(() -> reader.delimited(files(input.resolve("optouts")))
				+ reader.mailboxes(files(input.resolve("mailbox")))));
		readings.put("reconcileCampaigns",
				reader.timed(() -> reader.delimited(campaignLists(input.resolve("campaigns")))));
		PrintStream out = System.out;
		readings.forEach((job, reading) -> out.printf("%s %d %.3f%n", job, reading.records(), reading.seconds()));
		// what was read is used once, so that no reading can be optimised away
		System.err.printf("reference: %d cells and characters read%n", reader.sink);
	}

	interface Read {

		long records() throws Exception;

	}

	private Reading timed(Read read) throws Exception {
		long started = System.nanoTime();
		long records = read.records();
		return new Reading(records, (System.nanoTime() - started) / 1e9);
	}

	private long delimited(List<Path> files) throws IOException {
		long records = 0;
		for (Path file : files) {
			try (DelimitedFile delimited = DelimitedFile.open(file, null, ReferenceReader::format)) {
				if (delimited == null) {
					continue;
				}
				for (NumberedRecord record = delimited.next(); record != null; record = delimited.next()) {
					sink += record.cells() == null ? 0 : record.cells().length;
					records++;
				}
			}
		}
		// the header rows are not records
		return records - files.size();
	}

	// the formats of the readers: tab-separated exports do not quote
	private static CSVFormat format(char delimiter) {
		CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false);
		return (delimiter == '\t' ? format.setQuote(null) : format).get();
	}

	private long mailboxes(List<Path> files) throws IOException {
		long mails = 0;
		for (Path file : files) {
			InputStream raw = Files.newInputStream(file);
			try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
				mails += mbox(in);
			}
		}
		return mails;
	}

	/** Splits at {@code From } lines and reads each mail whole. */
	private long mbox(InputStream in) throws IOException {
		long mails = 0;
		ByteArrayOutputStream mail = new ByteArrayOutputStream(1 << 16);
		byte[] buffer = new byte[1 << 16];
		int length = 0;
		boolean midLine = false;
		while (true) {
			int read = in.read(buffer, length, buffer.length - length);
			if (read > 0) {
				length += read;
			}
			int line = 0;
			for (int end = indexOfNewline(buffer, line, length); end >= 0; end = indexOfNewline(buffer, line, length)) {
				if (!midLine && isSeparator(buffer, line, end + 1)) {
					mails += read(mail);
				}
				else {
					mail.write(buffer, line, end + 1 - line);
				}
				midLine = false;
				line = end + 1;
			}
			if (read < 0 || line == 0 && length == buffer.length) {
				// the end, or a line longer than the buffer: pass on what there is
				mail.write(buffer, line, length - line);
				midLine = length > line;
				length = 0;
				if (read < 0) {
					return mails + read(mail);
				}
				continue;
			}
			System.arraycopy(buffer, line, buffer, 0, length - line);
			length -= line;
		}
	}

	private static int indexOfNewline(byte[] buffer, int from, int length) {
		for (int i = from; i < length; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static boolean isSeparator(byte[] buffer, int start, int end) {
		return end - start >= 5 && buffer[start] == 'F' && buffer[start + 1] == 'r' && buffer[start + 2] == 'o'
				&& buffer[start + 3] == 'm' && buffer[start + 4] == ' ';
	}

	private int read(ByteArrayOutputStream mail) throws IOException {
		if (mail.size() == 0) {
			return 0;
		}
		try {
			walk(new MimeMessage(session, new ByteArrayInputStream(mail.toByteArray())));
		}
		catch (MessagingException | IOException | RuntimeException e) {
			// a broken mail is read as far as it goes, as the scanner does
		}
		mail.reset();
		return 1;
	}

	private void walk(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i));
			}
		}
		else if (content instanceof Part message) {
			walk(message);
		}
		else if (content instanceof String text) {
			sink += text.length();
		}
		else if (content instanceof InputStream stream) {
			sink += stream.transferTo(OutputStreamSink.INSTANCE);
		}
	}

	private static List<Path> files(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static List<Path> campaignLists(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir, 2)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** Discards what is written to it. */
	private static final class OutputStreamSink extends java.io.OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
