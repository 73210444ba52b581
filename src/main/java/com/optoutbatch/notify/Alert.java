package com.optoutbatch.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.optoutbatch.notify.NightDigest.RestrictionNotice;
import com.optoutbatch.notify.NightDigest.UnreadFile;

/**
 * What must reach a person the same night, digest or not: a restriction notice, a failed
 * night, a night whose opt-out sources could not all be read, a night the scheduler did
 * not run. Each says the cause and what to do.
 */
public record Alert(Kind kind, LocalDate runDate, String subject, String cause, List<String> whatToDo) {

	public enum Kind {

		RESTRICTION_NOTICE, NIGHT_FAILED, OPT_OUT_SOURCES_NOT_READ_WHOLE, MISSED_RUN

	}

	/** The alerts a night calls for. */
	static List<Alert> of(NightDigest night) {
		List<Alert> alerts = new ArrayList<>();
		LocalDate runDate = night.end().runDate();
		String report = "output/reports/" + runDate + "/index.html";
		if (!night.restrictionNotices().isEmpty()) {
			List<RestrictionNotice> notices = night.restrictionNotices();
			String marketplaces = notices.stream()
				.map(RestrictionNotice::marketplace)
				.distinct()
				.collect(Collectors.joining(", "));
			alerts
				.add(new Alert(Kind.RESTRICTION_NOTICE, runDate,
						"optout-batch ALERT " + runDate + ": Amazon restricted proactive messages on " + marketplaces,
						String.format(
								"%s from Amazon: it has blocked this account's proactive (non-critical) "
										+ "messages to buyers. %s",
								NightDigest.count(notices.size(), "restriction notice"),
								notices.stream()
									.map(notice -> notice.marketplace() + ", noticed " + notice.noticedAt() + " UTC ("
											+ notice.evidence() + ")")
									.collect(Collectors.joining("; "))),
						List.of("Pause every non-critical campaign (review requests, marketing, follow-ups) in your "
								+ "messaging tools for " + marketplaces + " now: more of them deepen the restriction.",
								"Read Amazon's notice in Seller Central (Performance > Account Health) and answer "
										+ "it; the restriction ends only when Amazon lifts it.",
								"The report lists the notice and the messages that broke the rules: " + report + ".")));
		}
		if (night.failed()) {
			alerts
				.add(new Alert(Kind.NIGHT_FAILED, runDate, "optout-batch ALERT " + runDate + ": the nightly run FAILED",
						"The nightly run for " + runDate + " failed: " + night.end().reason()
								+ ". Its send lists and unsubscribe files were not all written this night.",
						List.of("Do not send campaign lists that this night did not clean.",
								"Fix what the line above names (the log is in output/logs/, the run files in "
										+ "output/runs/" + runDate + "/).",
								"Launch the night again for the same date: scripts/run-job.sh nightly run.date="
										+ runDate + " resumes it where it stopped.")));
		}
		if (night.optOutSourcesNotReadWhole()) {
			alerts.add(new Alert(Kind.OPT_OUT_SOURCES_NOT_READ_WHOLE, runDate,
					"optout-batch ALERT " + runDate + ": opt-out sources could not be read whole",
					"The nightly run for " + runDate + " completed, but these opt-out sources could not be read "
							+ "whole: "
							+ night.unread()
								.stream()
								.filter(UnreadFile::optOutSource)
								.map(file -> file.file() + " (" + file.why() + ")")
								.collect(Collectors.joining(", "))
							+ ". An opt-out in what was not read is missing from the registry, so the cleaned "
							+ "send lists may still hold that buyer.",
					List.of("Do not send this night's cleaned lists.",
							"Fix or replace the sources named above: every record that could not be read is in "
									+ "output/rejects/scanMailbox/.",
							"Run the night again: scripts/run-job.sh nightly run.date=" + runDate + " --rerun.")));
		}
		return alerts;
	}

	/**
	 * The scheduler found no finished nightly run for a night its schedule should have
	 * run: {@code what} says what it found.
	 */
	static Alert missedRun(LocalDate runDate, String what) {
		return new Alert(Kind.MISSED_RUN, runDate, "optout-batch ALERT " + runDate + ": the nightly run did not run",
				what + " The opt-out registry and the send lists are as the last completed night left them.",
				List.of("Check that the host and the scheduler (scripts/schedule.sh) or cron are running; the "
						+ "scheduler's log is output/logs/schedule.log.",
						"Run the missed night by hand: scripts/run-job.sh nightly run.date=" + runDate + "."));
	}

}
