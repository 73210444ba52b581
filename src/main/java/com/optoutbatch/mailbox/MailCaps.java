package com.optoutbatch.mailbox;

/**
 * The limits that keep one hostile message from exhausting memory or time: a message over
 * any of them is rejected, and the scan goes on.
 */
record MailCaps(long maxMessageBytes, int maxHeaders, int maxMimeDepth, int maxParts) {

	static final MailCaps DEFAULTS = new MailCaps(25L * 1024 * 1024, 1_000, 20, 500);

}
