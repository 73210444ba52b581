package com.optoutbatch.support;

/**
 * An input record that cannot be used. {@code reason} is the short, countable cause
 * ("unreadable purchase-date"); {@code detail} says what exactly was wrong; {@code where}
 * is the line number, or for mail the message's position and id; {@code record} is the
 * input as far as it may be shown (personal data masked).
 * <p>
 * {@code unread} says how much of the input could not be read at all: a record whose
 * syntax is broken, or the whole file (not text, not mail, not reachable). Unlike a
 * record that was read and found wanting, what was not read may have held anything, an
 * opt-out among it; the run file counts it apart.
 */
public class RejectedRecordException extends RuntimeException {

	/** How much of the input a reject leaves unread. */
	public enum Unread {

		/** The record was read; its values are what is wrong. */
		NOTHING,

		/** The record's syntax is broken: what it held is not known. */
		RECORD,

		/** The whole file could not be read. */
		FILE

	}

	public static final String WHOLE_FILE = "file";

	private final String where;

	private final String reason;

	private final String detail;

	private final String record;

	private final Unread unread;

	public RejectedRecordException(String where, String reason, String detail, String record, Unread unread) {
		super(detail == null || detail.isEmpty() ? reason : reason + ": " + detail, null, false, false);
		this.where = where;
		this.reason = reason;
		this.detail = detail;
		this.record = record;
		this.unread = unread;
	}

	public RejectedRecordException(String where, String reason, String detail, String record) {
		this(where, reason, detail, record, Unread.NOTHING);
	}

	public RejectedRecordException(long line, String reason, String detail, String record) {
		this(Long.toString(line), reason, detail, record);
	}

	/**
	 * A file none of whose records could be read: {@code reason} says why ("not a text
	 * file").
	 */
	public static RejectedRecordException wholeFile(String reason, String detail) {
		return new RejectedRecordException(WHOLE_FILE, reason, detail, "", Unread.FILE);
	}

	/**
	 * A record whose syntax could not be read ("unterminated quote"); reading goes on
	 * after it.
	 */
	public static RejectedRecordException unparseable(String where, String reason, String detail, String record) {
		return new RejectedRecordException(where, reason, detail, record, Unread.RECORD);
	}

	public String where() {
		return where;
	}

	public String reason() {
		return reason;
	}

	public String detail() {
		return detail;
	}

	public String record() {
		return record;
	}

	public Unread unread() {
		return unread;
	}

}
