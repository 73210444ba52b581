package com.optoutbatch.messages;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

import com.optoutbatch.support.ArrayColumn;
import com.optoutbatch.support.OrderIds;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Timestamps;
import com.optoutbatch.support.Workspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every stored order with its messages, in one file ordered as {@link MessagesByOrder}
 * reads them (each order's messages together, in the order they were sent, orders by id,
 * then the messages that name no order), an order without messages on a line of its own;
 * and {@code classified.csv}, its messages as the seller reads them, written in the same
 * pass. The night's passes over every order and message (the report's review, the orders
 * of opted-out buyers) read this file instead of the database, which on HSQLDB costs
 * several times more.
 * <p>
 * The first file is made from the whole database. From then on the writers of orders and
 * messages note the orders they change ({@link #noteChanged}), in the transaction of the
 * change, and {@link #update} reads only those again and merges them into the last files,
 * copying the other orders' lines as they are by the {@link OrderHistoryIndex}: a night
 * costs what it changed, not the history on file. The database keeps which file it
 * brought up to date (its version, also in the file's first line and in the index); a
 * file of another version or other columns, or none, is made again whole.
 */
@Component
public class OrderHistory {

	/** The file, beside {@code classified.csv}, under {@code output/messages/}. */
	public static final String FILE = ".orders-and-messages.csv";

	/** Beside the file: where each order's lines are ({@link OrderHistoryIndex}). */
	public static final String INDEX = ".orders-and-messages.index";

	private static final String CLASSIFIED = "classified.csv";

	private static final String[] HEADER = { "order_id", "order_known", "marketplace", "purchase_date", "buyer_alias",
			"message_key", "message_id", "tool", "recipient_alias", "sent_at", "category", "rule_name", "flags" };

	private static final CSVFormat FORMAT = SafeCsv.FORMAT.builder().setCommentMarker('#').get();

	private static final String VERSION_COMMENT = "version ";

	private static final String MESSAGE_COLUMNS = "m.order_id, o.order_id AS known_order, o.marketplace, "
			+ "o.purchase_date, o.buyer_alias, m.message_key, m.message_id, m.tool, m.recipient_alias, m.sent_at, "
			+ "m.category, m.rule_name, m.flags, m.reason";

	private static final String MESSAGES_FROM = " FROM messages m LEFT JOIN orders o ON o.order_id = m.order_id";

	private static final String ORDER_COLUMNS = "order_id, marketplace, purchase_date, buyer_alias";

	// order ids handed to a statement as one array
	private static final String IDS = "UNNEST(CAST(? AS VARCHAR(20) ARRAY)) AS c (id)";

	private static final int PAGE_SIZE = 10_000;

	// more changed orders than this share of the lines, and one pass over the database
	// costs less than reading them one batch at a time
	private static final int REBUILD_SHARE = 4;

	private static final Logger log = LoggerFactory.getLogger(OrderHistory.class);

	private final JdbcTemplate jdbc;

	private final Path file;

	private final Path classified;

	private final Path index;

	private final Workspace workspace;

	public OrderHistory(JdbcTemplate jdbc, Workspace workspace) {
		this.jdbc = jdbc;
		this.workspace = workspace;
		this.file = workspace.output("messages", FILE);
		this.classified = workspace.output("messages", CLASSIFIED);
		this.index = workspace.output("messages", INDEX);
	}

	/**
	 * Notes that the stored data of these orders changed ({@code null}: a message that
	 * names no order), while a history exists: in the transaction of the change.
	 */
	public static void noteChanged(JdbcTemplate jdbc, Collection<String> orderIds) {
		if (orderIds.isEmpty()) {
			return;
		}
		List<String> ids = new ArrayList<>(new HashSet<>(orderIds));
		jdbc.update("INSERT INTO changed_orders (order_id) SELECT c.id FROM " + IDS
				+ " WHERE EXISTS (SELECT 1 FROM order_history)", statement -> bind(statement, ids));
	}

	/**
	 * Brings the file and {@code classified.csv} up to date with the database: the lines
	 * of the orders changed since read again and merged in, or the whole file made again
	 * when there is none yet, or another.
	 */
	public synchronized void update() {
		Made made = made();
		long through = jdbc.queryForObject("SELECT COALESCE(MAX(change_id), 0) FROM changed_orders", Long.class);
		if (made != null && made.version().equals(versionOnFile())) {
			if (through <= made.through() && Files.isRegularFile(classified)) {
				return;
			}
			Changes changes = changes(made.through(), through);
			if (changes.orderIds().size() <= made.lineCount() / REBUILD_SHARE) {
				try {
					publish(through, publication -> merge(changes, made, publication),
							"merged the lines of " + changes.orderIds().size() + " changed orders"
									+ (changes.withoutOrder() ? " and of the messages that name none" : ""));
					return;
				}
				catch (CutShort e) {
					log.warn("{}; made again from the database", e.getMessage());
				}
			}
		}
		publish(through, this::rebuild, made == null ? "made from the database" : "made again from the database");
	}

	/**
	 * Brings the file up to date and hands every line of it to {@code line}, in order.
	 */
	public void forEach(Consumer<Line> line) {
		update();
		try (Lines lines = open()) {
			for (Line next = lines.next(); next != null; next = lines.next()) {
				line.accept(next);
			}
			lines.checkWhole(made().lineCount());
		}
		catch (CutShort e) {
			// the next run makes it again rather than reading the same lines short
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException notDeleted) {
				e.addSuppressed(notDeleted);
			}
			throw e;
		}
	}

	private Lines open() {
		try {
			BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			return new Lines(parser, workspace.home().relativize(file).toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + workspace.home().relativize(file), e);
		}
	}

	private void publish(long through, Consumer<Publication> filling, String how) {
		long started = System.nanoTime();
		Publication publication = new Publication();
		try {
			filling.accept(publication);
			publication.publish();
		}
		catch (RuntimeException e) {
			publication.discard();
			throw e;
		}
		jdbc.update("DELETE FROM order_history");
		jdbc.update("INSERT INTO order_history (version, made_through, line_count) VALUES (?, ?, ?)",
				publication.version, through, publication.lines);
		jdbc.update("DELETE FROM changed_orders WHERE change_id <= ?", through);
		log.info("{}: {} ({} lines, {} ms)", workspace.home().relativize(file), how, publication.lines,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The whole file from the database: the messages by order, with the orders that have
	 * none.
	 */
	private void rebuild(Publication out) {
		MessagesByOrder<Line> messages = new MessagesByOrder<>(jdbc, MESSAGE_COLUMNS, (row, i) -> messageLine(row));
		Iterator<Line> pages = new Pages<>(messages::next);
		Iterator<Line> orders = new Pages<>(new OrderPages());
		Line message = next(pages);
		Line order = next(orders);
		boolean orderHasMessages = false;
		while (message != null || order != null) {
			if (message != null && message.orderId() != null
					&& (order == null || message.orderId().compareTo(order.orderId()) <= 0)) {
				orderHasMessages |= order != null && order.orderId().equals(message.orderId());
				out.line(message);
				message = next(pages);
			}
			else if (order != null) {
				if (!orderHasMessages) {
					out.line(order);
				}
				orderHasMessages = false;
				order = next(orders);
			}
			else {
				out.line(message);
				message = next(pages);
			}
		}
	}

	/**
	 * The last files with the lines of the changed orders read again from the database,
	 * the others' copied as they are, by the index. Every byte of the last files is
	 * checked against the CRC-32C the index has of them: a file changed since is not
	 * merged.
	 */
	private void merge(Changes changes, Made made, Publication out) {
		OrderHistoryIndex.Trailer written = OrderHistoryIndex.trailer(index);
		if (written == null || !written.version().equals(made.version()) || written.lines() != made.lineCount()) {
			throw new CutShort(workspace.home().relativize(index) + " does not describe the last file");
		}
		TreeMap<Long, List<Line>> fresh = fresh(changes);
		Iterator<Long> changed = fresh.keySet().iterator();
		Long next = changed.hasNext() ? changed.next() : null;
		try (Written history = new Written(file, written.historyLength());
				Written classifiedRows = new Written(classified, written.classifiedLength());
				DataInputStream entries = OrderHistoryIndex.open(index)) {
			// the headers are written anew
			boolean keepingPrevious = false;
			for (long i = 0; i < written.entries(); i++) {
				OrderHistoryIndex.Entry entry = OrderHistoryIndex.next(entries);
				history.moveTo(entry.history(), keepingPrevious ? out.history : null);
				classifiedRows.moveTo(entry.classified(), keepingPrevious ? out.classified : null);
				while (next != null && next < entry.key()) {
					out.lines(fresh.get(next));
					next = changed.hasNext() ? changed.next() : null;
				}
				keepingPrevious = next == null || next != entry.key();
				if (keepingPrevious) {
					out.keep(entry);
				}
			}
			history.moveTo(written.historyLength(), keepingPrevious ? out.history : null);
			classifiedRows.moveTo(written.classifiedLength(), keepingPrevious ? out.classified : null);
			while (next != null) {
				out.lines(fresh.get(next));
				next = changed.hasNext() ? changed.next() : null;
			}
			if (history.crc() != written.historyCrc() || classifiedRows.crc() != written.classifiedCrc()) {
				throw new CutShort(workspace.home().relativize(file) + " or " + workspace.home().relativize(classified)
						+ " changed since written");
			}
		}
		catch (IOException e) {
			throw new CutShort("cannot read the last " + workspace.home().relativize(file) + ": " + e.getMessage());
		}
	}

	/**
	 * The lines of the changed orders as the database has them now, by key
	 * ({@link OrderHistoryIndex#NO_ORDER} for the messages that name no order): none for
	 * an order no longer stored.
	 */
	private TreeMap<Long, List<Line>> fresh(Changes changes) {
		TreeMap<Long, List<Line>> lines = new TreeMap<>();
		List<String> ids = new ArrayList<>(changes.orderIds());
		ids.forEach(id -> lines.put(OrderIds.key(id), new ArrayList<>()));
		for (int from = 0; from < ids.size(); from += PAGE_SIZE) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + PAGE_SIZE));
			// from the ids, so that both databases look each order up by its index
			jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM " + IDS + " JOIN messages m ON m.order_id = c.id"
					+ " LEFT JOIN orders o ON o.order_id = m.order_id ORDER BY m.order_id, m.sent_at, m.message_key",
					statement -> bind(statement, batch), row -> {
						Line line = messageLine(row);
						lines.get(OrderIds.key(line.orderId())).add(line);
					});
			jdbc.query("SELECT " + ORDER_COLUMNS + " FROM " + IDS + " JOIN orders ON order_id = c.id",
					statement -> bind(statement, batch), row -> {
						Line line = orderLine(row);
						List<Line> orderLines = lines.get(OrderIds.key(line.orderId()));
						if (orderLines.isEmpty()) {
							orderLines.add(line);
						}
					});
		}
		if (changes.withoutOrder()) {
			lines.put(OrderHistoryIndex.NO_ORDER,
					jdbc.query(
							"SELECT " + MESSAGE_COLUMNS + MESSAGES_FROM
									+ " WHERE m.order_id IS NULL ORDER BY m.sent_at, m.message_key",
							(row, i) -> messageLine(row)));
		}
		return lines;
	}

	private static void bind(PreparedStatement statement, List<String> ids) throws SQLException {
		ArrayColumn.set(statement, ids, List.of(ArrayColumn.<String>text(id -> id)));
	}

	private Changes changes(long after, long through) {
		Set<String> orderIds = new HashSet<>();
		boolean[] withoutOrder = new boolean[1];
		jdbc.query("SELECT order_id FROM changed_orders WHERE change_id > ? AND change_id <= ?", row -> {
			String orderId = row.getString(1);
			if (orderId == null) {
				withoutOrder[0] = true;
			}
			else {
				orderIds.add(orderId);
			}
		}, after, through);
		return new Changes(orderIds, withoutOrder[0]);
	}

	private Made made() {
		List<Made> made = jdbc.query("SELECT version, made_through, line_count FROM order_history",
				(row, i) -> new Made(row.getString(1).trim(), row.getLong(2), row.getLong(3)));
		return made.size() == 1 ? made.get(0) : null;
	}

	private String versionOnFile() {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (Lines lines = open()) {
			return lines.version();
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	private static Line messageLine(ResultSet row) throws SQLException {
		return new Line(row.getString(1), row.getString(2) != null, row.getString(3), instant(row, 4), row.getString(5),
				row.getString(6), row.getString(7), row.getString(8), row.getString(9), instant(row, 10),
				row.getString(11), row.getString(12), row.getString(13), row.getString(14));
	}

	private static Line orderLine(ResultSet row) throws SQLException {
		return new Line(row.getString(1), true, row.getString(2), instant(row, 3), row.getString(4), null, null, null,
				null, null, null, null, null, null);
	}

	private static String instant(ResultSet row, int column) throws SQLException {
		return Timestamps.format(Timestamps.read(row, column));
	}

	private static <T> T next(Iterator<T> lines) {
		return lines.hasNext() ? lines.next() : null;
	}

	/**
	 * One line: an order ({@code orderKnown}: the order reports know it) with one of its
	 * messages, or with none. Its times are kept as written ({@link Timestamps#format}),
	 * read only by those who need them. The classifier's reason is read from the database
	 * only, for {@code classified.csv}: the file does not keep it.
	 */
	public record Line(String orderId, boolean orderKnown, String marketplace, String purchaseDate, String buyerAlias,
			String messageKey, String messageId, String tool, String recipientAlias, String sentAt, String category,
			String ruleName, String flags, String reason) {

		/** Whether the line is a message's, not an order's without any. */
		public boolean isMessage() {
			return messageKey != null;
		}

		public OffsetDateTime purchased() {
			return time(purchaseDate);
		}

		public OffsetDateTime sent() {
			return time(sentAt);
		}

		private static OffsetDateTime time(String instant) {
			return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
		}

	}

	/** The lines of the file, read one at a time. */
	private static final class Lines implements AutoCloseable {

		private static final int BATCH = 1024;

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final String shownAs;

		// parsed on a thread of its own, a few batches ahead: the reader works on the
		// lines while the next are parsed
		private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(4);

		private Thread parsing;

		private Iterator<Line> batch = Collections.emptyIterator();

		private boolean ended;

		private long read;

		private Lines(CSVParser parser, String shownAs) {
			this.parser = parser;
			this.shownAs = shownAs;
			this.records = parser.iterator();
		}

		/** The next line; {@code null} at the end. */
		@SuppressWarnings("unchecked")
		Line next() {
			if (parsing == null) {
				parsing = new Thread(this::parse, "order-history");
				parsing.setDaemon(true);
				parsing.start();
			}
			while (!batch.hasNext()) {
				if (ended) {
					return null;
				}
				Object taken;
				try {
					taken = batches.take();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while reading " + shownAs, e);
				}
				if (taken instanceof RuntimeException failure) {
					throw failure;
				}
				List<Line> lines = (List<Line>) taken;
				ended = lines.isEmpty();
				batch = lines.iterator();
			}
			read++;
			return batch.next();
		}

		private void parse() {
			try {
				try {
					List<Line> lines = new ArrayList<>(BATCH);
					while (records.hasNext()) {
						lines.add(line(records.next()));
						if (lines.size() == BATCH) {
							batches.put(lines);
							lines = new ArrayList<>(BATCH);
						}
					}
					if (!lines.isEmpty()) {
						batches.put(lines);
					}
					batches.put(List.of());
				}
				catch (RuntimeException e) {
					batches.put(e);
				}
			}
			catch (InterruptedException closed) {
				// the reader stopped before the end: nothing waits for the rest
			}
		}

		private static Line line(CSVRecord record) {
			return new Line(text(record, 0), Boolean.parseBoolean(record.get(1)), text(record, 2), text(record, 3),
					text(record, 4), text(record, 5), text(record, 6), text(record, 7), text(record, 8),
					text(record, 9), text(record, 10), text(record, 11), record.get(12), null);
		}

		/** Fails when the file ended before the lines it was written with. */
		void checkWhole(long written) {
			if (read != written) {
				throw new CutShort(shownAs + " holds " + read + " lines, not the " + written + " it was written with");
			}
		}

		/** The version of the file; {@code null} for a file of other columns. */
		String version() {
			String comment = parser.getHeaderComment();
			return comment != null && comment.startsWith(VERSION_COMMENT)
					&& parser.getHeaderNames().equals(List.of(HEADER))
							? comment.substring(VERSION_COMMENT.length()).trim() : null;
		}

		@Override
		public void close() {
			try {
				if (parsing != null) {
					parsing.interrupt();
					parsing.join();
				}
				parser.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		private static String text(CSVRecord record, int column) {
			String value = record.get(column);
			return value.isEmpty() ? null : value;
		}

	}

	/** The orders of the database, by id, a page at a time; an empty page at the end. */
	private final class OrderPages implements Supplier<List<Line>> {

		private String after = "";

		@Override
		public List<Line> get() {
			if (after == null) {
				return List.of();
			}
			List<Line> page = jdbc.query("SELECT " + ORDER_COLUMNS + " FROM orders WHERE order_id > ? "
					+ "ORDER BY order_id LIMIT " + PAGE_SIZE, (row, i) -> orderLine(row), after);
			after = page.size() < PAGE_SIZE ? null : page.get(page.size() - 1).orderId();
			return page;
		}

	}

	/** The items of pages, an empty page ending them. */
	private static final class Pages<T> implements Iterator<T> {

		private final Supplier<List<T>> source;

		private Iterator<T> page = List.<T>of().iterator();

		private boolean done;

		Pages(Supplier<List<T>> source) {
			this.source = source;
		}

		@Override
		public boolean hasNext() {
			while (!page.hasNext() && !done) {
				List<T> next = source.get();
				done = next.isEmpty();
				page = next.iterator();
			}
			return page.hasNext();
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return page.next();
		}

	}

	/**
	 * The files one update writes, partial until all three are whole: the history,
	 * {@code classified.csv} and the index, each order's lines noted in the index as they
	 * are written.
	 */
	private final class Publication {

		private final String version = UUID.randomUUID().toString();

		private final Output history = new Output(PublishedFile.of(workspace, file));

		private final Output classified = new Output(PublishedFile.of(workspace, OrderHistory.this.classified));

		private final PublishedFile indexFile = PublishedFile.of(workspace, index);

		private final OrderHistoryIndex.Writer entries;

		private final StringBuilder historyLine = new StringBuilder();

		private final CSVPrinter historyPrinter;

		private final StringWriter classifiedRow = new StringWriter();

		private final SafeCsv.Printer classifiedPrinter;

		private long lines;

		// the order whose lines are being written: where they began, and how many so far
		private OrderHistoryIndex.Entry order;

		private int orderLines;

		Publication() {
			try {
				indexFile.create(StandardCharsets.ISO_8859_1);
				entries = new OrderHistoryIndex.Writer(indexFile.stream());
				historyPrinter = FORMAT.builder()
					.setHeaderComments(VERSION_COMMENT + version)
					.setHeader(HEADER)
					.get()
					.print(historyLine);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			classifiedPrinter = SafeCsv.wrap(classifiedRow, SafeCsv.FORMAT, ClassifiedMessageRow.HEADER);
			writeHistoryLine();
			writeClassifiedRow();
		}

		void line(Line line) {
			long key = line.orderId() == null ? OrderHistoryIndex.NO_ORDER : OrderIds.key(line.orderId());
			if (order == null || order.key() != key) {
				endOrder();
				order = new OrderHistoryIndex.Entry(key, history.length, classified.length, 0);
			}
			try {
				historyPrinter.printRecord(line.orderId(), line.orderKnown(), line.marketplace(), line.purchaseDate(),
						line.buyerAlias(), line.messageKey(), line.messageId(), line.tool(), line.recipientAlias(),
						line.sentAt(), line.category(), line.ruleName(), line.flags());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			writeHistoryLine();
			if (line.isMessage()) {
				classifiedPrinter.printRecord(ClassifiedMessageRow.of(line).cells());
				writeClassifiedRow();
			}
			orderLines++;
			lines++;
		}

		private void writeHistoryLine() {
			history.write(historyLine);
			historyLine.setLength(0);
		}

		private void writeClassifiedRow() {
			classified.write(classifiedRow.getBuffer());
			classifiedRow.getBuffer().setLength(0);
		}

		void lines(List<Line> orderLines) {
			orderLines.forEach(this::line);
			endOrder();
		}

		/** An order of the last files whose lines are copied next, as they are. */
		void keep(OrderHistoryIndex.Entry last) {
			endOrder();
			entries.add(new OrderHistoryIndex.Entry(last.key(), history.length, classified.length, last.lines()));
			lines += last.lines();
		}

		private void endOrder() {
			if (order != null) {
				entries.add(new OrderHistoryIndex.Entry(order.key(), order.history(), order.classified(), orderLines));
				order = null;
				orderLines = 0;
			}
		}

		/** Moves the files into place, the index last. */
		void publish() {
			endOrder();
			history.flush();
			classified.flush();
			entries.finish(version, history.length, history.crc.getValue(), classified.length,
					classified.crc.getValue(), lines);
			classified.file.publish();
			history.file.publish();
			indexFile.publish();
		}

		void discard() {
			history.file.discard();
			classified.file.discard();
			indexFile.discard();
		}

	}

	/** A file being written: its bytes counted and checked as they go. */
	private static final class Output {

		private final PublishedFile file;

		private final OutputStream out;

		private final CRC32C crc = new CRC32C();

		private long length;

		Output(PublishedFile file) {
			this.file = file;
			file.create(StandardCharsets.UTF_8);
			this.out = new BufferedOutputStream(file.stream(), 1 << 16);
		}

		void write(CharSequence text) {
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			write(bytes, bytes.length);
		}

		void write(byte[] bytes, int count) {
			try {
				out.write(bytes, 0, count);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write " + file.shownAs(), e);
			}
			crc.update(bytes, 0, count);
			length += count;
		}

		void flush() {
			try {
				out.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write " + file.shownAs(), e);
			}
		}

	}

	/**
	 * A file the last update wrote, read once from its start: each part copied or passed
	 * over, every byte counted into its CRC-32C.
	 */
	private static final class Written implements AutoCloseable {

		private final InputStream in;

		private final CRC32C crc = new CRC32C();

		private final byte[] chunk = new byte[1 << 16];

		private long position;

		Written(Path file, long length) throws IOException {
			if (Files.size(file) != length) {
				throw new CutShort(file.getFileName() + " is not as long as when written");
			}
			this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		}

		/**
		 * Reads on to {@code to}, copying what it reads to {@code out} ({@code null}:
		 * passed over).
		 */
		void moveTo(long to, Output out) throws IOException {
			while (position < to) {
				int read = in.read(chunk, 0, (int) Math.min(chunk.length, to - position));
				if (read < 0) {
					throw new CutShort("the file ended before its index");
				}
				crc.update(chunk, 0, read);
				if (out != null) {
					out.write(chunk, read);
				}
				position += read;
			}
		}

		long crc() {
			return crc.getValue();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

	private record Made(String version, long through, long lineCount) {
	}

	private record Changes(Set<String> orderIds, boolean withoutOrder) {
	}

	/** The file is not whole: cut short, or written over. */
	private static final class CutShort extends IllegalStateException {

		CutShort(String message) {
			super(message);
		}

	}

}
