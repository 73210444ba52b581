package com.optoutbatch.bench;

import java.util.Locale;

/**
 * How big a generated seller is. L is a large seller or an agency's busy account; M a
 * tenth of it, S a hundredth, T a tiny workspace for tests.
 */
public enum Scale {

	T(1_000, 300, 100, 500), S(10_000, 3_000, 500, 5_000), M(100_000, 30_000, 5_000, 50_000),
	L(1_000_000, 300_000, 50_000, 500_000);

	/** Order report lines, over all reports. */
	final int orderLines;

	/** Sent messages, over all logs. */
	final int sentMessages;

	/** Mails in the mailbox dumps; a tenth of them are opt-out notices. */
	final int mails;

	/** Rows of each of the four campaign lists. */
	final int campaignRows;

	Scale(int orderLines, int sentMessages, int mails, int campaignRows) {
		this.orderLines = orderLines;
		this.sentMessages = sentMessages;
		this.mails = mails;
		this.campaignRows = campaignRows;
	}

	public static Scale of(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

}
