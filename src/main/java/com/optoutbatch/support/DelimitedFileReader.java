package com.optoutbatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.optoutbatch.support.DelimitedFile.NumberedRecord;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the records of one delimited file ({@link DelimitedFile}) as items. A file that
 * cannot be opened or used is rejected whole by the first read, after which nothing is
 * read; a file a committed chunk already rejected whole is not read again. Blank lines
 * are passed over. The reader's position is the count of its reads, kept under its name:
 * a restart reads the committed records again through {@link #item}, so that what a
 * reader learns from its records is known again, and the rejects among them are not
 * thrown a second time.
 * <p>
 * A subclass says how its file is opened ({@link Opener}), what comes before the records
 * (a header, a sample of them) and what a record becomes.
 */
public abstract class DelimitedFileReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

	private static final Logger log = LoggerFactory.getLogger(DelimitedFileReader.class);

	private final Path file;

	private final Opener opener;

	// records read ahead, to be read again
	private final Deque<NumberedRecord> peeked = new ArrayDeque<>();

	private DelimitedFile records;

	private boolean rejectedBefore;

	private RejectedRecordException rejectedWhole;

	private long lastLine;

	private boolean atEnd;

	protected DelimitedFileReader(Path file, Opener opener) {
		this.file = file;
		this.opener = opener;
	}

	/**
	 * Reads what comes before the records, a header for one, with {@link #next()} and
	 * {@link #peek(int)}.
	 * @throws RejectedRecordException when the file cannot be used at all
	 */
	protected void start() {
	}

	/**
	 * The item a record becomes.
	 * @throws RejectedRecordException when the record cannot be used
	 */
	protected abstract T item(NumberedRecord record);

	/** Whether a blank line is passed over, or is a record like any other. */
	protected boolean skipsBlankLines() {
		return true;
	}

	protected Path file() {
		return file;
	}

	protected char delimiter() {
		return records.delimiter();
	}

	protected TextCharset charset() {
		return records.charset();
	}

	// for doOpen, which is not given the context; a file that grew since an earlier run
	// read it is read on as a restart would, its earlier records read again and dropped
	@Override
	public void open(ExecutionContext context) {
		rejectedBefore = RejectFile.rejectedWhole(context);
		String readCount = getExecutionContextKey("read.count");
		if (!context.containsKey(readCount) && context.containsKey(InputFilePartitioner.RECORDS_BEFORE_KEY)) {
			context.putInt(readCount, (int) context.getLong(InputFilePartitioner.RECORDS_BEFORE_KEY));
		}
		super.open(context);
	}

	@Override
	public void update(ExecutionContext context) {
		super.update(context);
		// the read that found the end is counted too
		context.putLong(InputFilePartitioner.RECORDS_READ_KEY, getCurrentItemCount() - (atEnd ? 1 : 0));
	}

	@Override
	protected void doOpen() {
		if (rejectedBefore) {
			return;
		}
		try {
			records = opener.open();
			start();
		}
		catch (RejectedRecordException e) {
			rejectWhole(e);
		}
		catch (IOException | UncheckedIOException e) {
			rejectWhole(RejectedRecordException.wholeFile("unreadable file", String.valueOf(e.getMessage())));
		}
	}

	private void rejectWhole(RejectedRecordException reject) {
		rejectedWhole = reject;
		doClose();
	}

	// doRead throws no checked exception, and neither does read
	@Override
	public T read() {
		try {
			return super.read();
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	protected T doRead() {
		if (rejectedWhole != null) {
			RejectedRecordException whole = rejectedWhole;
			rejectedWhole = null;
			throw whole;
		}
		for (NumberedRecord record = next(); record != null; record = next()) {
			if (!(record.isBlank() && skipsBlankLines())) {
				return item(record);
			}
		}
		atEnd = true;
		return null;
	}

	// each read taken again as it was taken
	@Override
	protected void jumpToItem(int reads) {
		for (int i = 0; i < reads; i++) {
			try {
				if (doRead() == null) {
					break;
				}
			}
			catch (RejectedRecordException e) {
				// rejected, and counted, before the restart
			}
		}
		if (records != null) {
			log.info("{}: resuming after line {}", file.getFileName(), lastLine);
		}
	}

	/**
	 * The next record, a peeked one first; {@code null} at the end of the file.
	 */
	protected NumberedRecord next() {
		NumberedRecord record = !peeked.isEmpty() ? peeked.poll() : records != null ? records.next() : null;
		if (record != null) {
			lastLine = record.line();
		}
		return record;
	}

	/**
	 * The next {@code count} records, or as many as the file has left, which are read
	 * again after.
	 */
	protected List<NumberedRecord> peek(int count) {
		while (peeked.size() < count && records != null) {
			NumberedRecord record = records.next();
			if (record == null) {
				break;
			}
			peeked.add(record);
		}
		return peeked.stream().limit(count).toList();
	}

	@Override
	protected void doClose() {
		peeked.clear();
		if (records != null) {
			records.close();
			records = null;
		}
	}

	/** How a reader opens its file. */
	@FunctionalInterface
	protected interface Opener {

		/**
		 * The file opened for reading; {@code null} when it has no line at all.
		 * @throws RejectedRecordException when the file cannot be used at all
		 */
		DelimitedFile open() throws IOException;

	}

}
