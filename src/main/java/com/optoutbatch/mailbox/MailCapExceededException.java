package com.optoutbatch.mailbox;

/**
 * A message beyond one of the {@link MailCaps}: {@code reason} names which, for the
 * rejects count.
 */
class MailCapExceededException extends Exception {

	private final String reason;

	MailCapExceededException(String reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	String reason() {
		return reason;
	}

}
