package com.optoutbatch.launch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One run at a time per workspace: an OS file lock on {@code output/.lock}, held until
 * the process ends (a killed process releases it too). The file says who holds it.
 */
final class WorkspaceLock {

	private final FileChannel channel;

	private final FileLock lock;

	private WorkspaceLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @throws WorkspaceBusyException when another process holds the workspace
	 */
	static WorkspaceLock acquire(Path home, String jobName) throws IOException {
		Path file = home.resolve("output").resolve(".lock");
		Files.createDirectories(file.getParent());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock = channel.tryLock();
		if (lock == null) {
			String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
			channel.close();
			throw new WorkspaceBusyException("workspace " + home + " is in use by another run ("
					+ (holder.isEmpty() ? "unknown" : holder) + "); try again when it has finished");
		}
		String holder = "pid " + ProcessHandle.current().pid() + ", " + jobName + ", since "
				+ LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(false);
		return new WorkspaceLock(channel, lock);
	}

	void release() throws IOException {
		lock.release();
		channel.close();
	}

	static final class WorkspaceBusyException extends IOException {

		WorkspaceBusyException(String message) {
			super(message);
		}

	}

}
