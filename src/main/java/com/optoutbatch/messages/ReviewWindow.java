package com.optoutbatch.messages;

/**
 * A review may be asked for from 5 to 30 days after the order was delivered
 * (docs/rules.md, "The review window").
 */
public final class ReviewWindow {

	public static final int FIRST_DAY = 5;

	public static final int LAST_DAY = 30;

	private ReviewWindow() {
	}

}
