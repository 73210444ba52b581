package com.optoutbatch.mailbox;

/**
 * A message with its finding, on its way to the registry, the restriction notices or the
 * quarantine.
 *
 * @param messageId its Message-ID, or {@code null} when it has none
 * @param bytes the message itself, kept only for a look-alike (to be quarantined)
 */
record ScannedMail(String source, long index, String position, String messageId, NoticeFinding finding, byte[] bytes) {

	/** Where the notice came from, as the registry's evidence column shows it. */
	String evidence() {
		return (messageId == null ? "no Message-ID" : messageId) + " in " + source + " " + position;
	}

}
