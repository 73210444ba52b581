package com.optoutbatch.launch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.step.FatalStepExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FailureCausesTests {

	final Path home = Path.of("/data/seller-a");

	@Test
	void aFullDiskIsNamedWithWhatWasBeingWrittenNotTheStepAroundIt() {
		assumeTrue(Files.isWritable(Path.of("/dev/full")), "a device that is always full");
		IOException full = catchThrowableOfType(IOException.class, () -> {
			try (OutputStream out = new FileOutputStream("/dev/full")) {
				out.write(new byte[] { 1 });
			}
		});
		Throwable failure = new FatalStepExecutionException("Unable to process chunk",
				new UncheckedIOException("cannot write " + home.resolve("output/send-lists/x.clean.csv"), full));

		assertThat(FailureCauses.describe(failure, home))
			.isEqualTo("No space left on device (cannot write output/send-lists/x.clean.csv)");
	}

	@Test
	void aFileTheRunMayNotUseSaysSoAndNamesIt() {
		Throwable failure = new IllegalStateException("cannot start",
				new AccessDeniedException(home.resolve("output/.lock").toString()));

		assertThat(FailureCauses.describe(failure, home)).isEqualTo("Permission denied: output/.lock");
	}

	@Test
	void aCauseThatIsNoInputOrOutputProblemKeepsItsKind() {
		assertThat(FailureCauses.describe(new IllegalStateException("x", new ArithmeticException("/ by zero")), home))
			.isEqualTo("ArithmeticException: / by zero (x)");
	}

}
