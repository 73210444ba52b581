package com.optoutbatch.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tiny tmpfs mounted over a folder of a test's workspace, so that a test fills a disk
 * for real. Only where the tests run as root on Linux and may mount; the test is skipped
 * elsewhere.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path folder;

	private SmallDisk(Path folder) {
		this.folder = folder;
	}

	/**
	 * Mounts a tmpfs of {@code kilobytes} (whole pages of 4 KB) over {@code folder},
	 * which it creates.
	 */
	public static SmallDisk mount(Path folder, int kilobytes) throws IOException, InterruptedException {
		assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name")),
				"mounting a small disk needs root on Linux");
		Files.createDirectories(folder);
		String output = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", folder.toString());
		assumeTrue(output == null, () -> "cannot mount a small disk: " + output);
		return new SmallDisk(folder);
	}

	/** Takes {@code kilobytes} of the disk with a file of its own. */
	public SmallDisk fill(int kilobytes) throws IOException {
		Files.write(folder.resolve(".filler"), new byte[kilobytes * 1024]);
		return this;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		String output = run("umount", "-l", folder.toString());
		if (output != null) {
			throw new IOException("cannot unmount " + folder + ": " + output);
		}
	}

	/** Runs a command; {@code null} when it succeeded, else what it printed. */
	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		}
		catch (IOException e) {
			return e.getMessage();
		}
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return "timed out";
		}
		return process.exitValue() == 0 ? null : printed.strip();
	}

}
