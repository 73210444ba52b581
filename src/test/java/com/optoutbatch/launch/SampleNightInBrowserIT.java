package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample night's report and digest, opened in headless Chromium as a seller opens
 * them (docs/compliance-report.png and docs/digest.png are their screenshots).
 */
class SampleNightInBrowserIT {

	static final int CANNOT_INSTALL_CHROMIUM = 3;

	@TempDir
	static Path home;

	@BeforeAll
	static void sampleNight() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) || "true".equals(System.getenv("CI")),
				"Chromium is not installed here (scripts/check-report.sh installs it; CI does)");
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));
		String jar = Path.of("target/optout-batch.jar").toAbsolutePath().toString();
		assertThat(run("java", "-Xmx1g", "-jar", jar, "nightly", "run.date=2026-11-26")).isZero();
		assertThat(run("java", "-jar", jar, "notify", "run.date=2026-11-26", "notify.preview=true")).isZero();
	}

	@Test
	void theReportRendersWithoutErrors() throws Exception {
		Path report = home.resolve("output/reports/2026-11-26/index.html");
		assertRendered(run("scripts/check-report.sh", report.toString()));
		assertThat(report.resolveSibling("screenshot.png")).isNotEmptyFile();
	}

	@Test
	void theDigestRendersWithoutErrors() throws Exception {
		Path digest = home.resolve("output/notify/preview/2026-11-26/digest.html");
		assertRendered(run("scripts/check-digest.sh", digest.toString()));
		assertThat(digest.resolveSibling("screenshot.png")).isNotEmptyFile();
		assertThat(digest.resolveSibling("digest.txt")).content()
			.startsWith("Subject: optout-batch 2026-11-26: 1 restriction notice, 14 new opt-outs, 13 violations");
	}

	private static void assertRendered(int checked) throws IOException {
		Assumptions.assumeFalse(checked == CANNOT_INSTALL_CHROMIUM, "Chromium could not be installed here");
		assertThat(checked).as(Files.readString(home.resolve("check.log"))).isZero();
	}

	private static int run(String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("check.log").toFile());
		builder.environment().put("OPTOUT_HOME", home.toString());
		Process process = builder.start();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		return process.exitValue();
	}

}
