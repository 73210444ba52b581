package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

	/**
	 * A cell a spreadsheet would evaluate gets a leading apostrophe; plain numbers such
	 * as -12.50 stay.
	 */
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

	/** Prints to a writer the caller manages: a {@link PublishedFile}'s. */
	public static Printer wrap(Writer writer) {
		return wrap(writer, FORMAT);
	}

	/** Prints to a writer the caller manages, the header first when one is given. */
	public static Printer wrap(Writer writer, CSVFormat format, String... header) {
		try {
			Printer printer = new Printer(new CSVPrinter(writer, format));
			if (header.length > 0) {
				printer.printRecord((Object[]) header);
			}
			return printer;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
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
				throw new UncheckedIOException(e.getMessage(), e);
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
