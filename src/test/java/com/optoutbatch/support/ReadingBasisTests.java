package com.optoutbatch.support;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingBasisTests {

	@TempDir
	Path home;

	@Test
	void aSettingThatChangesHowInputsReadChangesTheBasis() {
		assertThat(basis("optout.messages.min-confidence", "0.6")).isNotEqualTo(basis());
		assertThat(basis("optout.mailbox.max-parts", "10")).isNotEqualTo(basis());
	}

	@Test
	void whereTheWorkspaceLiesWhoIsNotifiedAndWhenTheSchedulerRunsDoNot() {
		String basis = basis();
		assertThat(basis("optout.home", "/elsewhere")).isEqualTo(basis);
		assertThat(basis("optout.notify.to", "seller@example.com")).isEqualTo(basis);
		assertThat(basis("optout.notify.webhook", "https://hooks.example.com/T0/B0/x")).isEqualTo(basis);
		assertThat(basis("optout.schedule.cron", "0 0 3 * * *")).isEqualTo(basis);
		assertThat(basis("optout.mailbox.imap.password", "secret")).isEqualTo(basis);
	}

	@Test
	void theRunsParametersButItsDateAndItsInputsChoiceDo() {
		ReadingBasis readingBasis = new ReadingBasis(new Workspace(home), settings());
		String basis = readingBasis.of(Map.of(RunFileWriter.RUN_DATE, "2026-11-26"));
		assertThat(readingBasis.of(Map.of(RunFileWriter.RUN_DATE, "2026-11-27", "inputs", "all"))).isEqualTo(basis);
		assertThat(readingBasis.of(Map.of(RunFileWriter.RUN_DATE, "2026-11-26", "orders.charset", "windows-1252")))
			.isNotEqualTo(basis);
	}

	private String basis(String... setting) {
		MockEnvironment settings = settings();
		if (setting.length > 0) {
			settings.setProperty(setting[0], setting[1]);
		}
		return new ReadingBasis(new Workspace(home), settings).of(Map.of());
	}

	private MockEnvironment settings() {
		return new MockEnvironment().withProperty("optout.home", home.toString())
			.withProperty("optout.messages.min-confidence", "0.4")
			.withProperty("optout.mailbox.max-parts", "500");
	}

}
