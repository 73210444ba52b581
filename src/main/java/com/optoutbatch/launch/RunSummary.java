package com.optoutbatch.launch;

import com.optoutbatch.fleet.Fleet;
import com.optoutbatch.fleet.FleetReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.optoutbatch.support.RecordTally.RecordCounts;
import com.optoutbatch.support.RunFileWriter.RunFile;
import com.optoutbatch.support.RunFiles;
import com.optoutbatch.support.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one line a launch ends with when its job completed: for a run that writes a report,
 * the report's headline and where it is; for any other job, what became of its records
 * and where its run file is.
 */
final class RunSummary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunSummary() {
	}

	static String of(Workspace workspace, String jobName, LocalDate runDate) {
		if (jobName.equals(Fleet.JOB_NAME)) {
			return fleet(workspace, runDate);
		}
		RunFile run = RunFiles.read(workspace, runDate, jobName).orElse(null);
		String head = jobName + " " + runDate + " completed"
				+ (run == null ? "" : String.format(" in %.1f s", run.seconds()));
		Path report = workspace.output("reports", runDate.toString(), "index.html");
		Path summary = report.resolveSibling("summary.json");
		if (reportsRun(jobName) && Files.exists(summary)) {
			JsonNode headline = JSON.readTree(summary.toFile()).get("headline");
			long lists = cleanedLists(workspace, runDate);
			return String.format("%s: %s, %s, %s, %s cleaned (%s held back), %s rejected; report %s", head,
					count(headline, "newOptOuts", "new opt-out"),
					count(headline, "restrictionNotices", "restriction notice"),
					count(headline, "violations", "violation"), count(lists, "list"),
					count(headline, "rowsHeldBack", "row"), count(headline, "inputsRejected", "input"),
					shown(workspace, report));
		}
		if (run == null) {
			return head;
		}
		RecordCounts totals = run.totals();
		return String.format("%s: %d records read, %d used, %d filtered, %d rejected; run file %s", head, totals.read(),
				totals.used(), totals.filtered(), totals.rejected(),
				shown(workspace, workspace.output("runs", runDate.toString(), jobName + ".json")));
	}

	/**
	 * A fleet run's line: its sellers' nights and their totals, and where its report is.
	 */
	private static String fleet(Workspace workspace, LocalDate runDate) {
		Path summary = FleetReport.folder(workspace.home(), runDate).resolve("summary.json");
		JsonNode fleet = JSON.readTree(summary.toFile());
		JsonNode headline = fleet.get("headline");
		JsonNode totals = headline.get("totals");
		return String.format("%s %s completed in %.1f s: %s completed, %s, %s, %s; report %s", Fleet.JOB_NAME, runDate,
				fleet.get("seconds").asDouble(), count(headline, "sellers", "seller"),
				count(totals, "newOptOuts", "new opt-out"), count(totals, "restrictionNotices", "restriction notice"),
				count(totals, "violations", "violation"), shown(workspace, summary.resolveSibling("index.html")));
	}

	/**
	 * The campaign lists a run cleaned: those it read whole, or, when it kept the lists
	 * as an earlier run decided them, those that run read whole.
	 */
	private static long cleanedLists(Workspace workspace, LocalDate runDate) {
		return RunFiles.read(workspace, runDate, "reconcileCampaigns").map(campaigns -> {
			if (!campaigns.unchanged().isEmpty()) {
				return cleanedLists(workspace, campaigns.unchanged().get(0).readOn());
			}
			return campaigns.inputs().stream().filter(list -> list.unreadFile() == null).count();
		}).orElse(0L);
	}

	private static String count(JsonNode headline, String field, String noun) {
		return count(headline.get(field).asLong(), noun);
	}

	private static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

	private static boolean reportsRun(String jobName) {
		return jobName.equals(NightlyJobConfiguration.JOB_NAME) || jobName.equals("complianceReport");
	}

	private static String shown(Workspace workspace, Path file) {
		return workspace.home().relativize(file).toString();
	}

}
