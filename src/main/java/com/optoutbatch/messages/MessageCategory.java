package com.optoutbatch.messages;

/**
 * Whether Amazon lets a message through to a buyer who opted out (docs/rules.md,
 * "Critical and non-critical messages").
 */
public enum MessageCategory {

	/**
	 * Needed to complete the order: customization, delivery scheduling, address issues,
	 * other such reasons.
	 */
	CRITICAL,

	/**
	 * Review requests, confirmations, proactive service, delay notices, marketing:
	 * blocked by an opt-out.
	 */
	NON_CRITICAL,

	/**
	 * An answer to a message the buyer sent first (a return, a refund, a question): not
	 * unsolicited, delivered despite an opt-out.
	 */
	REPLY,

	/** No rule fits, or the rules disagree evenly: counted and listed, never guessed. */
	UNDECIDED

}
