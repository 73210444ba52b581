package com.optoutbatch.mailbox;

/** What a message in the seller's mailbox is; every message gets exactly one. */
public enum NoticeVerdict {

	/**
	 * Amazon's notice that a message was blocked because the buyer opted out, or a
	 * forward of one.
	 */
	OPT_OUT_NOTICE,

	/** Amazon's notice that the account's proactive messages were blocked. */
	RESTRICTION_NOTICE,

	/**
	 * Any other mail from Amazon: copies of sent messages, order notices, buyer messages.
	 */
	OTHER_AMAZON,

	/**
	 * Notice wording from a sender that is not Amazon: never an opt-out, quarantined for
	 * a person.
	 */
	LOOKALIKE,

	/** Everything else, bounces from mail servers included. */
	NOT_RELEVANT;

	/**
	 * Whether the scan does something with such a message (registry, restriction table,
	 * quarantine).
	 */
	boolean isUsed() {
		return this == OPT_OUT_NOTICE || this == RESTRICTION_NOTICE || this == LOOKALIKE;
	}

}
