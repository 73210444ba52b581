package com.optoutbatch.reports;

/**
 * The rules a sent message can break (docs/rules.md, "Violations"), as the report names
 * them.
 */
public enum ViolationKind {

	MESSAGE_AFTER_OPT_OUT("Non-critical message to a buyer who had opted out"),

	CRITICAL_SUBJECT_MISUSE("Critical subject or [Important] tag on non-critical content"),

	REPEATED_REVIEW_REQUEST("More than one review request for the order"),

	REVIEW_OUTSIDE_WINDOW("Review request outside 5-30 days after delivery"),

	FORBIDDEN_CONTENT("Content the messaging guidelines forbid"),

	NO_ORDER_ID("Proactive message without the 17-digit order id"),

	SENT_LATE("Sent more than 30 days after the purchase");

	private final String title;

	ViolationKind(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}

}
