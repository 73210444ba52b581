package com.optoutbatch.mailbox;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoticeRulesTests {

	@TempDir
	Path dir;

	@Test
	void theShippedRulesKnowEveryLanguageDomainLabelAndMarketplace() {
		NoticeRules rules = NoticeRules.defaults();

		assertThat(rules.hasOptOutSentence(
				NoticeRules.normalise("because the buyer has chosen to opt out of receiving unsolicited messages")))
			.isTrue();
		assertThat(rules.hasOptOutSentence(NoticeRules.normalise("購入者が出品者からの未承諾メッセージの受信を拒否しているため"))).isTrue();
		assertThat(rules.hasOptOutSubject("Sua mensagem não foi entregue")).isTrue();
		assertThat(rules.hasRestrictionWording(
				NoticeRules.normalise("Some of the messages you recently sent were not delivered to customers"), ""))
			.isTrue();
		assertThat(rules.isAmazon("marketplace.amazon.ie")).isTrue();
		assertThat(rules.isForwardSubject("Doorst: x")).isTrue();
		assertThat(rules.isForwardMarker("-------- 元のメッセージ --------")).isTrue();
		assertThat(rules.forwardedSender("Från: Amazon <a@amazon.se>")).isEqualTo("a@amazon.se");
		assertThat(rules.marketplaceOfId("A39IBJ37TRP1C6")).isEqualTo("amazon.com.au");
	}

	@Test
	void aUsersFileAddsToTheListsAndReplacesALanguageOrAMarketplace() throws Exception {
		Path file = Files.writeString(dir.resolve("my-rules.yml"), """
				amazon-domains: amazon.example
				opt-out:
				  subject:
				    en: [Message not delivered]
				forward:
				  prefixes: [PD]
				marketplace-ids:
				  A39IBJ37TRP1C6: amazon.com.au.example
				""");

		NoticeRules rules = NoticeRules.load("rules", file);

		assertThat(rules.isAmazon("amazon.example")).isTrue();
		assertThat(rules.isAmazon("amazon.de")).isTrue();
		assertThat(rules.hasOptOutSubject("Message not delivered")).isTrue();
		assertThat(rules.hasOptOutSubject("Your message to a buyer could not be delivered")).isFalse();
		assertThat(rules.hasOptOutSubject("Ihre Nachricht an einen Käufer konnte nicht zugestellt werden")).isTrue();
		assertThat(rules.isForwardSubject("PD: x")).isTrue();
		assertThat(rules.isForwardSubject("Fwd: x")).isTrue();
		assertThat(rules.marketplaceOfId("A39IBJ37TRP1C6")).isEqualTo("amazon.com.au.example");
	}

	@Test
	void aWrongKeyOfAUsersFileIsNamed() throws Exception {
		Path file = Files.writeString(dir.resolve("my-rules.yml"), """
				opt-out:
				  bodies:
				    nl: omdat de koper heeft gekozen geen ongevraagde berichten te ontvangen
				""");

		assertThatIllegalArgumentException().isThrownBy(() -> NoticeRules.load("rules", file))
			.withMessage("rules " + file + ": opt-out.bodies: unknown key; expected one of body, subject, line 2");
	}

	@Test
	void aPropertiesFileIsRefusedWithWhereTheShippedYamlIs() throws Exception {
		Path file = Files.writeString(dir.resolve("more-rules.properties"), "optout.body.nl=omdat de koper\n");

		assertThatIllegalArgumentException().isThrownBy(() -> NoticeRules.load("optout.mailbox.rules", file))
			.withMessage("optout.mailbox.rules " + file + ": the format is YAML, not properties; "
					+ "src/main/resources/mailbox/notice-rules.yml is the shipped example");
	}

}
