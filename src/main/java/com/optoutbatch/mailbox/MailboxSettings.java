package com.optoutbatch.mailbox;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.mailbox.*}: the defaults of the scan. The job parameters of
 * {@code jobs/scanMailbox.properties} override the caps, the rules file and the trusted
 * forwarders for one run; the IMAP folder is set here only (its password comes from the
 * environment and is never a job parameter, which would be stored).
 *
 * @param rules a file that extends the built-in notice rules (phrases, Amazon domains)
 * @param trustedForwarders addresses or domains whose forwards of notices are believed;
 * empty: any sender's
 */
@ConfigurationProperties("optout.mailbox")
record MailboxSettings(@DefaultValue("100") int chunkSize, String rules, List<String> trustedForwarders,
		@DefaultValue("26214400") long maxMessageBytes, @DefaultValue("1000") int maxHeaders,
		@DefaultValue("20") int maxMimeDepth, @DefaultValue("500") int maxParts, @DefaultValue Imap imap) {

	MailboxSettings {
		trustedForwarders = trustedForwarders == null ? List.of() : List.copyOf(trustedForwarders);
	}

	/**
	 * A live IMAP folder, scanned beside the files when {@code host} is set.
	 *
	 * @param tls whether to connect with implicit TLS (imaps)
	 */
	record Imap(String host, @DefaultValue("993") int port, String user, String password,
			@DefaultValue("INBOX") String folder, @DefaultValue("true") boolean tls) {

		boolean configured() {
			return host != null && !host.isBlank();
		}

		/** The folder's name in run files, rejects and the processed-messages table. */
		String label() {
			return "imap-" + (user == null ? "" : user + "@") + host + "-" + folder.replaceAll("[^A-Za-z0-9._@-]", "_");
		}

	}

}
