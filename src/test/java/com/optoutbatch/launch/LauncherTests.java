package com.optoutbatch.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.optoutbatch.OptOutBatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launch refuses before it starts the application: nothing is written then. */
@ExtendWith(OutputCaptureExtension.class)
class LauncherTests {

	@TempDir
	Path root;

	@Test
	void aJobNameThatIsNoJobIsRefusedBeforeAnythingIsWrittenItsLogIncluded(CapturedOutput output) throws Exception {
		Path home = Files.createDirectories(root.resolve("seller/workspace"));

		int exitCode = Launcher.launch(OptOutBatchApplication.class, "../../../escape", "--optout.home=" + home);

		assertThat(exitCode).isEqualTo(ExitCode.USAGE.code());
		assertThat(output.getErr().lines()).containsExactly("optout-batch: no job named '../../../escape'; jobs: "
				+ "importOrders, importMessages, scanMailbox, reconcileCampaigns, complianceReport, trainClassifier, fleetNightly, nightly");
		assertThat(everythingUnder(root)).containsExactly(root.resolve("seller"), home);
	}

	@Test
	void aFleetIsRefusedTheEmbeddedDatabase(CapturedOutput output) throws Exception {
		Path fleet = Files.createDirectories(root.resolve("fleet"));

		int exitCode = Launcher.launch(OptOutBatchApplication.class, "fleetNightly", "run.date=2026-11-26",
				"--optout.fleet.folder=" + fleet, "--spring.datasource.url=jdbc:hsqldb:file:" + fleet + "/db");

		assertThat(exitCode).isEqualTo(ExitCode.FAILED.code());
		assertThat(output.getErr().lines()).contains("optout-batch: cannot run fleetNightly: a fleet runs on a shared "
				+ "PostgreSQL, not on the embedded HSQLDB: set OPTOUT_DB_URL to a jdbc:postgresql: URL "
				+ "(scripts/fleet.sh services up prints one), got jdbc:hsqldb:…");
		assertThat(fleet.resolve("db.properties")).doesNotExist();
	}

	@Test
	void aFleetNeedsItsFolder(CapturedOutput output) {
		int exitCode = Launcher.launch(OptOutBatchApplication.class, "worker",
				"--optout.fleet.folder=" + root.resolve("nowhere"));

		assertThat(exitCode).isEqualTo(ExitCode.USAGE.code());
		assertThat(output.getErr().lines()).containsExactly(
				"optout-batch: the fleet folder " + root.resolve("nowhere") + " (OPTOUT_FLEET) is not a folder");
	}

	@Test
	void aParameterValueTheJobCannotUseIsRefusedBeforeAnythingIsWritten(CapturedOutput output) throws Exception {
		int exitCode = Launcher.launch(OptOutBatchApplication.class, "scanMailbox", "max-headers=abc",
				"--optout.home=" + root);

		assertThat(exitCode).isEqualTo(ExitCode.USAGE.code());
		assertThat(output.getErr().lines())
			.containsExactly("optout-batch: max-headers=abc is not a whole number from 1 to 2147483647");
		assertThat(everythingUnder(root)).isEmpty();
	}

	private static java.util.List<Path> everythingUnder(Path folder) throws Exception {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(path -> !path.equals(folder)).sorted().toList();
		}
	}

}
