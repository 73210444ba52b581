package com.optoutbatch.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code optout.fleet.*}: where a fleet's sellers are and how its nightly run waits for
 * them.
 *
 * @param folder the fleet folder ({@code OPTOUT_FLEET}): each subfolder holding
 * {@code input/} is one seller's workspace; the same on every machine, on a shared file
 * system
 * @param queue the RabbitMQ queue that carries the sellers' nights to the workers
 * (default {@code optout.fleet.sellers})
 * @param timeout how long the fleet run waits for every seller's night (default 12h);
 * those not finished by then are reported as not run
 * @param pollInterval how often the fleet run looks in the job repository for finished
 * nights (default 2s)
 */
@ConfigurationProperties(prefix = "optout.fleet", ignoreUnknownFields = false)
public record FleetSettings(String folder, @DefaultValue("optout.fleet.sellers") String queue,
		@DefaultValue("12h") Duration timeout, @DefaultValue("2s") Duration pollInterval) {

	public FleetSettings {
		// a String, not a Path: an empty folder (the default) binds as no value, which is
		// refused as an unknown setting
		folder = folder == null || folder.isBlank() ? null : Path.of(folder).toAbsolutePath().normalize().toString();
		if (queue == null || queue.isBlank()) {
			throw Settings.invalid("optout.fleet.queue", "a queue name", "nothing");
		}
		positive("optout.fleet.timeout", timeout);
		positive("optout.fleet.poll-interval", pollInterval);
	}

	/** The fleet folder, which a fleet run and a worker need. */
	public Path requireFolder() {
		if (folder == null) {
			throw Settings.invalid("optout.fleet.folder", "the fleet folder (OPTOUT_FLEET)", "nothing");
		}
		Path path = Path.of(folder);
		if (!Files.isDirectory(path)) {
			throw Settings.invalid("optout.fleet.folder", "an existing folder", "'" + folder + "'");
		}
		return path;
	}

	private static void positive(String key, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw Settings.invalid(key, "a positive duration such as 2s", duration);
		}
	}

}
