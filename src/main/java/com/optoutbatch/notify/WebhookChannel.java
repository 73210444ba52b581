package com.optoutbatch.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A chat tool's incoming webhook: a JSON POST of {@code {"text": ...}}, the shape Slack,
 * Mattermost and Teams connectors take, sent with the JDK's HTTP client and a timeout.
 */
final class WebhookChannel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI url;

	private final Duration timeout;

	private final HttpClient client;

	WebhookChannel(String url, Duration timeout) {
		this.url = URI.create(url);
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The body of a notice: its chat text, with {@code &}, {@code <} and {@code >}
	 * escaped as Slack asks, so that input text cannot become a link or a mention.
	 */
	static String body(Notice notice) {
		String text = notice.chat().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		return JSON.writeValueAsString(Map.of("text", text));
	}

	void post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException("the webhook at " + shown() + " answered HTTP " + response.statusCode());
		}
	}

	/** The webhook as logs may name it: its host, never its path, which is its secret. */
	String shown() {
		return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
	}

}
