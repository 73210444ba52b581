package com.optoutbatch.support;

/**
 * An input record that cannot be used. {@code reason} is the short, countable cause
 * ("unreadable purchase-date"); {@code detail} says what exactly was wrong; {@code where}
 * is the line number, or for mail the message's position and id; {@code record} is the
 * input as far as it may be shown (personal data masked).
 */
public class RejectedRecordException extends RuntimeException {

	private final String where;

	private final String reason;

	private final String detail;

	private final String record;

	public RejectedRecordException(String where, String reason, String detail, String record) {
		super(detail == null || detail.isEmpty() ? reason : reason + ": " + detail, null, false, false);
		this.where = where;
		this.reason = reason;
		this.detail = detail;
		this.record = record;
	}

	public RejectedRecordException(long line, String reason, String detail, String record) {
		this(Long.toString(line), reason, detail, record);
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

}
