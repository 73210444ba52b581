package com.optoutbatch.mailbox;

import java.util.List;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.mailbox.*}: the settings of {@code scanMailbox}. The job parameters of
 * the same names in {@code jobs/scanMailbox.properties} override the rules file, the
 * trusted forwarders and the caps for one run; the IMAP folder is set here only (its
 * password comes from the environment and is never a job parameter, which would be
 * stored).
 *
 * @param chunkSize messages scanned in one transaction, from 1 up (default 100)
 * @param rules a YAML file, absolute or relative to the workspace, that extends the
 * built-in notice rules ({@code src/main/resources/mailbox/notice-rules.yml} shows the
 * shape); empty: none
 * @param trustedForwarders addresses or domains ({@code me@shop.com}, {@code shop.com})
 * whose forwards of Amazon notices are believed; a forward from anyone else is
 * quarantined as a look-alike. Empty: any sender's
 * @param maxMessageBytes a message larger than this is rejected unread (default 26214400,
 * 25 MiB)
 * @param maxHeaders a message, or an attached message, with more header lines is rejected
 * (default 1000)
 * @param maxMimeDepth a message whose MIME parts nest deeper is rejected (default 20)
 * @param maxParts a message with more MIME parts, attached messages included, is rejected
 * (default 500)
 * @param imap a live IMAP folder, scanned beside {@code input/mailbox/}
 */
@ConfigurationProperties(prefix = "optout.mailbox", ignoreUnknownFields = false)
record MailboxSettings(@DefaultValue("100") int chunkSize, String rules, List<String> trustedForwarders,
		@DefaultValue("26214400") long maxMessageBytes, @DefaultValue("1000") int maxHeaders,
		@DefaultValue("20") int maxMimeDepth, @DefaultValue("500") int maxParts, @DefaultValue Imap imap) {

	/** The setting that names the rules file. */
	static final String RULES = "optout.mailbox.rules";

	MailboxSettings {
		Settings.atLeastOne("optout.mailbox.chunk-size", chunkSize);
		rules = rules == null || rules.isBlank() ? null : rules.trim();
		trustedForwarders = trustedForwarders == null ? List.of() : List.copyOf(trustedForwarders);
		Settings.atLeastOne("optout.mailbox.max-message-bytes", maxMessageBytes);
		Settings.atLeastOne("optout.mailbox.max-headers", maxHeaders);
		Settings.atLeastOne("optout.mailbox.max-mime-depth", maxMimeDepth);
		Settings.atLeastOne("optout.mailbox.max-parts", maxParts);
	}

	/**
	 * A live IMAP folder, scanned beside the files when {@code host} is set. Each is read
	 * from the environment too: {@code OPTOUT_IMAP_HOST}, {@code OPTOUT_IMAP_PORT}, ...
	 *
	 * @param host the server; empty: no IMAP folder is scanned
	 * @param port from 1 to 65535 (default 993)
	 * @param password never a job parameter, which would be stored with the run
	 * @param folder the folder's name (default INBOX)
	 * @param tls whether to connect with implicit TLS, imaps (default true)
	 */
	record Imap(String host, @DefaultValue("993") int port, String user, String password,
			@DefaultValue("INBOX") String folder, @DefaultValue("true") boolean tls) {

		Imap {
			Settings.port("optout.mailbox.imap.port", port);
		}

		boolean configured() {
			return host != null && !host.isBlank();
		}

		/** The folder's name in run files, rejects and the processed-messages table. */
		String label() {
			return "imap-" + (user == null ? "" : user + "@") + host + "-" + folder.replaceAll("[^A-Za-z0-9._@-]", "_");
		}

	}

}
