package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the product writes a delimited file: Commons CSV, with every cell that a
 * spreadsheet would run as a formula neutralised.
 */
public final class SafeCsv {

	public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)*");

	private SafeCsv() {
	}

	/** A cell a spreadsheet would evaluate gets a leading apostrophe; plain numbers such as -12.50 stay. */
	public static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		if (!risky || (first != '=' && first != '@' && PLAIN_NUMBER.matcher(cell).matches())) {
			return cell;
		}
		return "'" + cell;
	}

	public static Printer open(Path file, CSVFormat format, Charset charset, String... header) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Printer printer = new Printer(new CSVPrinter(Files.newBufferedWriter(file, charset), format));
			if (header.length > 0) {
				printer.printRecord((Object[]) header);
			}
			return printer;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write " + file, e);
		}
	}

	public static Printer open(Path file, String... header) {
		return open(file, FORMAT, StandardCharsets.UTF_8, header);
	}

	/** Wraps a writer the caller manages (for files appended to across restarts). */
	public static Printer wrap(Writer writer) {
		try {
			return new Printer(new CSVPrinter(writer, FORMAT));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A CSV printer that neutralises every cell it prints. */
	public static final class Printer implements AutoCloseable {

		private final CSVPrinter printer;

		private Printer(CSVPrinter printer) {
			this.printer = printer;
		}

		public void printRecord(Object... cells) {
			try {
				for (Object cell : cells) {
					printer.print(cell == null ? "" : neutralise(cell.toString()));
				}
				printer.println();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		public void flush() {
			try {
				printer.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() {
			try {
				printer.close(true);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

}
