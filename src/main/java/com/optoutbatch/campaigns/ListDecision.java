package com.optoutbatch.campaigns;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import com.optoutbatch.campaigns.CampaignRowDecider.CheckedRow;
import com.optoutbatch.support.OrderIds;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;

/**
 * The decision file of a campaign list,
 * {@code output/send-lists/<folder>/.<list>.decided}: for each row its clean and
 * held-back copies hold, in the list's order, what deciding it reads (line, order id,
 * buyer alias, purpose, dates), its verdict, and how many bytes its cells take in the
 * copies; then a trailer with the list's content (SHA-256 as the run pinned it), its
 * shape, its counts, and the length and CRC-32C of both copies. A night whose list is
 * unchanged decides the rows again from this file, against that night's registry, and
 * copies each row's bytes into the copy its verdict names ({@link CampaignListPatch}):
 * the list is not parsed again.
 */
final class ListDecision {

	/** The folder of the decision files, under {@code output/}. */
	static final String FOLDER = ".decided";

	private static final String MAGIC = "optout-batch list decision 1";

	private static final byte CLEAN = 0;

	private static final byte CRITICAL_TO_OPTED_OUT = 1;

	private static final byte HELD = 2;

	private static final CampaignPurpose[] PURPOSES = CampaignPurpose.values();

	private static final SuppressionReason[] REASONS = SuppressionReason.values();

	private ListDecision() {
	}

	/**
	 * One decided row of the list; its order id as {@link OrderIds#key} numbers it, -1
	 * for none.
	 */
	record Row(long line, long orderKey, String buyerAlias, CampaignPurpose purpose, LocalDate plannedSendDate,
			LocalDate deliveryDate, Verdict verdict, int cellBytes) {

		static Row of(CheckedRow checked, Verdict verdict, int cellBytes) {
			return new Row(checked.line(), checked.orderId() == null ? -1 : OrderIds.key(checked.orderId()),
					checked.buyerAlias(), checked.purpose(), checked.plannedSendDate(), checked.deliveryDate(), verdict,
					cellBytes);
		}

		String orderId() {
			return orderKey < 0 ? null : OrderIds.of(orderKey);
		}

		CheckedRow checked(String listName) {
			return new CheckedRow(listName, line, orderId(), buyerAlias, purpose, plannedSendDate, deliveryDate);
		}

		Row with(Verdict now) {
			return new Row(line, orderKey, buyerAlias, purpose, plannedSendDate, deliveryDate, now, cellBytes);
		}

	}

	/** A copy of the list as its decision file knows it. */
	record Copy(long length, long crc, long headerLength) {

		/** Whether the file is this copy, byte for byte. */
		boolean matches(Path file) {
			try {
				return Files.size(file) == length && ListDecision.crc(file) == crc;
			}
			catch (IOException e) {
				return false;
			}
		}

	}

	/** What a decision file says of the list and its copies as a whole. */
	record Trailer(String listSha256, String shape, long rows, long read, long rejected,
			Map<String, Long> rejectReasons, Copy clean, Copy suppressed) {
	}

	static Path of(Workspace workspace, Path list) {
		return workspace.outputFor(list, ".decided", FOLDER);
	}

	/**
	 * What the rows of a list are decided and written on, besides their own cells: its
	 * header, columns, profile and format.
	 */
	static String shapeOf(CampaignList list) {
		CampaignProfile profile = list.profile();
		// sorted: a profile's maps may come in another order in another run
		String purposes = profile == null ? "" : String.join(",", profile.name(),
				new TreeMap<>(profile.purposes()).toString(), String.valueOf(profile.defaultPurpose()));
		return String.join("|", list.header().toString(), new TreeMap<>(list.columns()).toString(), purposes,
				String.valueOf(list.format()));
	}

	static void write(DataOutputStream out, Row row) throws IOException {
		out.writeLong(row.line());
		out.writeLong(row.orderKey());
		byte[] alias = row.buyerAlias() == null ? new byte[0] : row.buyerAlias().getBytes(StandardCharsets.UTF_8);
		out.writeShort(alias.length);
		out.write(alias);
		out.writeByte(row.purpose() == null ? -1 : row.purpose().ordinal());
		out.writeLong(row.plannedSendDate() == null ? Long.MIN_VALUE : row.plannedSendDate().toEpochDay());
		out.writeLong(row.deliveryDate() == null ? Long.MIN_VALUE : row.deliveryDate().toEpochDay());
		Verdict verdict = row.verdict();
		out.writeByte(verdict.held() ? HELD + verdict.reason().ordinal()
				: verdict.criticalToOptedOutBuyer() ? CRITICAL_TO_OPTED_OUT : CLEAN);
		out.writeInt(row.cellBytes());
	}

	/** The next row of a decision file's bytes ({@link #bytes}). */
	static Row read(ByteBuffer rows) {
		long line = rows.getLong();
		long order = rows.getLong();
		byte[] alias = new byte[rows.getShort() & 0xFFFF];
		rows.get(alias);
		byte purpose = rows.get();
		long planned = rows.getLong();
		long delivery = rows.getLong();
		byte verdict = rows.get();
		return new Row(line, order, alias.length == 0 ? null : new String(alias, StandardCharsets.UTF_8),
				purpose < 0 ? null : PURPOSES[purpose], day(planned), day(delivery),
				verdict == CLEAN ? Verdict.CLEAN : verdict == CRITICAL_TO_OPTED_OUT ? Verdict.CRITICAL_TO_OPTED_OUT
						: Verdict.held(REASONS[verdict - HELD]),
				rows.getInt());
	}

	/** Ends the file: the trailer, then where it starts. */
	static void finish(DataOutputStream out, long trailerStart, Trailer trailer) throws IOException {
		out.writeUTF(MAGIC);
		out.writeUTF(trailer.listSha256() == null ? "" : trailer.listSha256());
		out.writeUTF(trailer.shape());
		out.writeLong(trailer.rows());
		out.writeLong(trailer.read());
		out.writeLong(trailer.rejected());
		out.writeInt(trailer.rejectReasons().size());
		for (Map.Entry<String, Long> reason : trailer.rejectReasons().entrySet()) {
			out.writeUTF(reason.getKey());
			out.writeLong(reason.getValue());
		}
		for (Copy copy : new Copy[] { trailer.clean(), trailer.suppressed() }) {
			out.writeLong(copy.length());
			out.writeLong(copy.crc());
			out.writeLong(copy.headerLength());
		}
		out.writeLong(trailerStart);
	}

	/**
	 * The trailer of a decision file; {@code null} when there is none, or it is not
	 * whole: a file cut short or left by a run that did not finish is never used.
	 */
	static Trailer trailer(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			if (length < Long.BYTES) {
				return null;
			}
			in.seek(length - Long.BYTES);
			long start = in.readLong();
			if (start < 0 || start >= length - Long.BYTES || length > Integer.MAX_VALUE) {
				return null;
			}
			in.seek(start);
			if (!MAGIC.equals(in.readUTF())) {
				return null;
			}
			String sha = in.readUTF();
			String shape = in.readUTF();
			long rows = in.readLong();
			long read = in.readLong();
			long rejected = in.readLong();
			Map<String, Long> reasons = new LinkedHashMap<>();
			for (int i = in.readInt(); i > 0; i--) {
				reasons.put(in.readUTF(), in.readLong());
			}
			Copy clean = new Copy(in.readLong(), in.readLong(), in.readLong());
			Copy suppressed = new Copy(in.readLong(), in.readLong(), in.readLong());
			return new Trailer(sha.isEmpty() ? null : sha, shape, rows, read, rejected, reasons, clean, suppressed);
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/**
	 * A file's bytes, mapped: a decision file's rows are read from them with
	 * {@link #read}, as many as its trailer counts.
	 */
	static ByteBuffer bytes(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file)) {
			return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
		}
	}

	/**
	 * Whether a copy is the one the decision file describes. A run killed while it moved
	 * a list's new files into place (the decision file first) leaves the copy it did not
	 * move yet partial: that one is moved now.
	 */
	static boolean inPlace(Path file, Copy copy) {
		if (copy.matches(file)) {
			return true;
		}
		Path partial = file.resolveSibling(file.getFileName() + PublishedFile.PARTIAL_SUFFIX);
		if (!copy.matches(partial)) {
			return false;
		}
		try {
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	static long crc(Path file) throws IOException {
		CRC32C crc = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
		try (FileChannel channel = FileChannel.open(file)) {
			while (channel.read(buffer) >= 0) {
				buffer.flip();
				crc.update(buffer);
				buffer.clear();
			}
		}
		return crc.getValue();
	}

	private static LocalDate day(long epochDay) {
		return epochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(epochDay);
	}

	/**
	 * Whether the copies of lists in this charset can be cut and joined byte by byte: an
	 * ASCII-compatible charset (not UTF-16 or UTF-32, whose text carries a byte-order
	 * mark each time it is encoded).
	 */
	static boolean byteAligned(Charset charset) {
		String ascii = "\r\n,;\t\"A_";
		return ascii.getBytes(charset).length == ascii.length();
	}

}
