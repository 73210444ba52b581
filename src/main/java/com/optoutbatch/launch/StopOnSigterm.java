package com.optoutbatch.launch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On SIGTERM: asks the running job to stop at its next chunk boundary, so that it can be
 * resumed, waits for the launch to finish, and ends the process with the launch's exit
 * code.
 */
final class StopOnSigterm implements ApplicationListener<ApplicationStartedEvent> {

	private static final long GRACE_MINUTES = 5;

	private final Thread hook = new Thread(this::stop, "stop-on-sigterm");

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile ConfigurableApplicationContext context;

	private volatile int exitCode = ExitCode.FAILED.code();

	private StopOnSigterm() {
	}

	static StopOnSigterm install() {
		StopOnSigterm stop = new StopOnSigterm();
		Runtime.getRuntime().addShutdownHook(stop.hook);
		return stop;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		context = event.getApplicationContext();
	}

	/** The launch is over, with this exit code. */
	void finished(int exitCode) {
		this.exitCode = exitCode;
		finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException shuttingDown) {
			// SIGTERM arrived: the hook ends the process with this exit code
		}
	}

	private void stop() {
		if (finished.getCount() == 0) {
			return;
		}
		if (context != null) {
			context.getBeanProvider(JobRunner.class).ifAvailable(JobRunner::stopRunningJobs);
		}
		try {
			if (finished.await(GRACE_MINUTES, TimeUnit.MINUTES)) {
				Runtime.getRuntime().halt(exitCode);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
