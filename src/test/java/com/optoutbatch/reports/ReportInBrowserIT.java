package com.optoutbatch.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.optoutbatch.support.TestWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample workspace's report, opened in headless Chromium as a seller opens it. */
class ReportInBrowserIT {

	static final int CANNOT_INSTALL_CHROMIUM = 3;

	@TempDir
	Path home;

	@Test
	void sampleReportRendersInChromiumWithoutErrors() throws Exception {
		Assumptions.assumeTrue(chromiumAvailable() || "true".equals(System.getenv("CI")),
				"Chromium is not installed here (scripts/check-report.sh installs it; CI does)");
		TestWorkspace.copy(TestWorkspace.SAMPLE_INPUT, home.resolve("input"));
		assertThat(run("java", "-Xmx1g", "-jar", Path.of("target/optout-batch.jar").toAbsolutePath().toString(),
				"nightly", "run.date=2026-11-26"))
			.isZero();

		int checked = run("scripts/check-report.sh", home.resolve("output/reports/2026-11-26/index.html").toString());
		Assumptions.assumeFalse(checked == CANNOT_INSTALL_CHROMIUM, "Chromium could not be installed here");
		assertThat(checked).as(Files.readString(home.resolve("check.log"))).isZero();
		assertThat(home.resolve("output/reports/2026-11-26/screenshot.png")).isNotEmptyFile();
	}

	private int run(String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(home.resolve("check.log").toFile());
		builder.environment().put("OPTOUT_HOME", home.toString());
		Process process = builder.start();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		return process.exitValue();
	}

	private static boolean chromiumAvailable() {
		return Files.isExecutable(Path.of("/usr/bin/chromium"));
	}

}
