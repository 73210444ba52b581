package com.optoutbatch.mailbox;

/**
 * One message as it was read from its source, not yet parsed.
 *
 * @param source the mailbox file, Maildir folder or IMAP folder it came from
 * @param index its number in the source, from 1
 * @param position where it is in the source, for people: "message 3 at byte 1024", "cur/1700000000.M1.host:2,S", "uid 42"
 * @param bytes the message as it was stored (RFC 5322, CRLF or LF line ends)
 */
record RawMessage(String source, long index, String position, byte[] bytes) {

	@Override
	public String toString() {
		return source + " " + position;
	}

}
