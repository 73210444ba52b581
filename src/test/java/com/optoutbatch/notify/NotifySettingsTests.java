package com.optoutbatch.notify;

import java.time.Duration;
import java.util.List;

import com.optoutbatch.support.InvalidConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NotifySettingsTests {

	@Test
	void nothingConfiguredSendsNothing() {
		NotifySettings settings = settings(null, null, null);

		assertThat(settings.configured()).isFalse();
		assertThat(settings.to()).isEmpty();
	}

	@Test
	void recipientsAreCheckedAndNeedASender() {
		assertThat(settings(List.of(" seller@shop.example ", ""), "optout@shop.example", null).to())
			.containsExactly("seller@shop.example");
		assertThatExceptionOfType(InvalidConfiguration.class)
			.isThrownBy(() -> settings(List.of("seller at shop"), "optout@shop.example", null))
			.withMessage(
					"optout.notify.to: expected an e-mail address such as seller@shop.example, got 'seller at shop'");
		assertThatExceptionOfType(InvalidConfiguration.class)
			.isThrownBy(() -> settings(List.of("seller@shop.example"), null, null))
			.withMessage("optout.notify.from: expected the sender's e-mail address when optout.notify.to is set, "
					+ "got nothing");
	}

	@Test
	void aWrongWebhookIsRefusedWithoutRepeatingIt() {
		assertThat(settings(null, null, "https://hooks.slack.com/services/T0/B0/secret").configured()).isTrue();
		assertThatExceptionOfType(InvalidConfiguration.class)
			.isThrownBy(() -> settings(null, null, "hooks.slack.com/services/T0/B0/secret"))
			.withMessage("optout.notify.webhook: expected an http:// or https:// URL, got something else");
	}

	@Test
	void secretsAreMaskedInEveryLine() {
		Secrets secrets = new Secrets("me@shop.example", "pa55", "https://hooks.example/services/T0/B0/tok3n");

		assertThat(secrets.redact("AUTH PLAIN AG1lQHNob3AuZXhhbXBsZQBwYTU1 refused; pa55; cGE1NQ==; "
				+ "https://hooks.example/services/T0/B0/tok3n failed"))
			.isEqualTo("AUTH PLAIN **** refused; ****; ****; **** failed");
		assertThat(secrets.describe(new IllegalStateException("sending", new java.io.IOException("pa55 refused"))))
			.isEqualTo("sending: **** refused");
	}

	private static NotifySettings settings(List<String> to, String from, String webhook) {
		return new NotifySettings(to, from, true, webhook, 5242880, 3, Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

}
