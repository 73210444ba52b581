package com.optoutbatch.optouts;

/** Where the registry learnt of an opt-out. */
public enum OptOutSource {

	/** An opt-out notice from Amazon found in the seller's mailbox. */
	MAILBOX,

	/**
	 * A list from elsewhere in {@code input/optouts/}: another tool's blacklist, Seller
	 * Central notes.
	 */
	IMPORT

}
