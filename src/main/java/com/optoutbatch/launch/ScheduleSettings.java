package com.optoutbatch.launch;

import java.time.DateTimeException;
import java.time.ZoneId;

import com.optoutbatch.support.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code optout.schedule.*}: the settings of the scheduler, {@code schedule}. It starts
 * no application, so they are read from its command line
 * ({@code --optout.schedule.cron="0 0 3 * * *"}), the system properties or the
 * environment ({@code OPTOUT_SCHEDULE_CRON}), not from {@code application.yml}.
 *
 * @param cron when the nightly run starts: six fields, second minute hour day month
 * weekday (default {@code 0 30 2 * * *}, 02:30 every night)
 * @param zone the time zone of {@code cron}, {@code Europe/Berlin}; empty: the host's
 */
@ConfigurationProperties(prefix = "optout.schedule", ignoreUnknownFields = false)
record ScheduleSettings(@DefaultValue("0 30 2 * * *") String cron, String zone) {

	ScheduleSettings {
		if (!CronExpression.isValidExpression(cron)) {
			throw Settings.invalid("optout.schedule.cron",
					"six fields: second minute hour day month weekday, such as '0 30 2 * * *'", "'" + cron + "'");
		}
		zone = zone == null || zone.isBlank() ? null : zone.trim();
		if (zone != null) {
			try {
				ZoneId.of(zone);
			}
			catch (DateTimeException e) {
				throw Settings.invalid("optout.schedule.zone", "a time zone such as Europe/Berlin", "'" + zone + "'");
			}
		}
	}

	/** The settings of a scheduler started with these arguments. */
	static ScheduleSettings of(String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return Binder.get(environment).bindOrCreate("optout.schedule", ScheduleSettings.class);
	}

	CronExpression cronExpression() {
		return CronExpression.parse(cron);
	}

	ZoneId zoneId() {
		return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
	}

}
