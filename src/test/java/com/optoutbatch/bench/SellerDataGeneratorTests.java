package com.optoutbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SellerDataGeneratorTests {

	@TempDir
	Path temp;

	@Test
	void sameSeedGivesSameBytes() throws IOException {
		new SellerDataGenerator(Scale.T, 7).write(temp.resolve("first"));
		new SellerDataGenerator(Scale.T, 7).write(temp.resolve("second"));

		List<Path> files = files(temp.resolve("first"));
		assertThat(files).hasSizeGreaterThanOrEqualTo(14).isEqualTo(files(temp.resolve("second")));
		for (Path file : files) {
			assertThat(Files.readAllBytes(temp.resolve("second").resolve(file))).as(file.toString())
				.isEqualTo(Files.readAllBytes(temp.resolve("first").resolve(file)));
		}
	}

	@Test
	void anotherSeedGivesAnotherSeller() throws IOException {
		new SellerDataGenerator(Scale.T, 7).write(temp.resolve("first"));
		new SellerDataGenerator(Scale.T, 8).write(temp.resolve("second"));

		Path report = Path.of("input", "orders", "order-report-us-2026-11.txt");
		assertThat(Files.readAllBytes(temp.resolve("second").resolve(report)))
			.isNotEqualTo(Files.readAllBytes(temp.resolve("first").resolve(report)));
	}

	@Test
	void scaleSetsTheCounts() throws IOException {
		SellerDataGenerator.Summary summary = new SellerDataGenerator(Scale.T, 7).write(temp);

		assertThat(summary.orderLines()).isBetween(950L, 1_050L);
		assertThat(summary.sentMessages()).isEqualTo(300);
		assertThat(summary.mails()).isEqualTo(100);
		assertThat(summary.campaignRows()).isEqualTo(2_000);
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
