package com.optoutbatch.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import com.optoutbatch.support.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.notify.*}: who hears about a night, and how. The mail server is Spring
 * Boot's, {@code spring.mail.*}. With neither {@code to} nor {@code webhook} set, nothing
 * is sent.
 *
 * @param to the recipients of the digest and the alerts, comma-separated
 * ({@code OPTOUT_NOTIFY_TO}); empty: no mail
 * @param from the sender's address; needed when {@code to} is set
 * @param digest whether a digest is sent after every night (default true); the alerts are
 * sent either way
 * @param webhook an http(s) URL that takes a JSON {@code {"text": ...}} POST, a chat
 * tool's incoming webhook ({@code OPTOUT_NOTIFY_WEBHOOK}); empty: none. It is a secret:
 * never shown but by its host
 * @param maxAttachmentBytes {@code violations.csv} is attached when not larger than this
 * (default 5242880, 5 MiB); the report page always is
 * @param retries attempts after the first when the mail server or the webhook cannot be
 * reached, from 0 up (default 3)
 * @param retryDelay the wait before the first retry, doubled before each next one
 * (default 2s)
 * @param timeout how long the webhook may take to answer (default 10s)
 */
@ConfigurationProperties(prefix = "optout.notify", ignoreUnknownFields = false)
record NotifySettings(List<String> to, String from, @DefaultValue("true") boolean digest, String webhook,
		@DefaultValue("5242880") long maxAttachmentBytes, @DefaultValue("3") int retries,
		@DefaultValue("2s") Duration retryDelay, @DefaultValue("10s") Duration timeout) {

	NotifySettings {
		to = to == null ? List.of() : to.stream().map(String::trim).filter(address -> !address.isEmpty()).toList();
		to.forEach(address -> address("optout.notify.to", address));
		from = from == null || from.isBlank() ? null : from.trim();
		if (from != null) {
			address("optout.notify.from", from);
		}
		else if (!to.isEmpty()) {
			throw Settings.invalid("optout.notify.from", "the sender's e-mail address when optout.notify.to is set",
					"nothing");
		}
		webhook = webhook == null || webhook.isBlank() ? null : webhook.trim();
		if (webhook != null && !isHttpUrl(webhook)) {
			// the URL is a secret: its value is not repeated
			throw Settings.invalid("optout.notify.webhook", "an http:// or https:// URL", "something else");
		}
		Settings.atLeastOne("optout.notify.max-attachment-bytes", maxAttachmentBytes);
		if (retries < 0) {
			throw Settings.invalid("optout.notify.retries", "a whole number from 0 up", retries);
		}
		positive("optout.notify.retry-delay", retryDelay);
		positive("optout.notify.timeout", timeout);
	}

	/** Whether a mail goes out after a night. */
	boolean mails() {
		return !to.isEmpty();
	}

	/** Whether anything goes out after a night. */
	boolean configured() {
		return mails() || webhook != null;
	}

	private static void address(String key, String address) {
		try {
			new InternetAddress(address, true).validate();
		}
		catch (AddressException e) {
			throw Settings.invalid(key, "an e-mail address such as seller@shop.example", "'" + address + "'");
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static void positive(String key, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw Settings.invalid(key, "a duration such as 2s", duration);
		}
	}

}
