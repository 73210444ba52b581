package com.optoutbatch.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes the fleet's report of a night to {@code <fleet>/reports/<run.date>/}:
 * {@code summary.json} ({@link FleetSummary}) and {@code index.html}, one self-contained
 * page (styles inline, nothing from the network) with a row per seller, linked to the
 * seller's own report. Each file is written whole then moved into place, the page, which
 * the summary backs, last. Only counts and seller folder names: no buyer's data.
 */
@Component
public class FleetReport {

	private final ITemplateEngine templates;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public FleetReport(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** {@code <fleet>/reports/<run.date>/}. */
	public static Path folder(Path fleet, LocalDate runDate) {
		return fleet.resolve("reports").resolve(runDate.toString());
	}

	/**
	 * Writes the report of the night of these sellers, which took {@code took}, and
	 * returns its summary: whether the fleet completed, and its exit code.
	 */
	public FleetSummary write(Path fleet, LocalDate runDate, List<SellerNight> sellers, Duration took) {
		FleetSummary summary = FleetSummary.of(runDate, sellers, took);
		// errors name the files under the fleet's folder, as a seller's name them under
		// its workspace
		Workspace home = new Workspace(fleet);
		Path folder = folder(home.home(), runDate);
		write(home, folder.resolve("summary.json"), json.writeValueAsString(summary));
		Context page = new Context(Locale.ENGLISH);
		page.setVariable("summary", summary);
		page.setVariable("took", took(took));
		write(home, folder.resolve("index.html"), templates.process("fleet/index", page));
		return summary;
	}

	private static void write(Workspace home, Path file, String content) {
		PublishedFile.write(home, file, StandardCharsets.UTF_8, writer -> writer.write(content));
	}

	/** {@code 1 h 05 min}, {@code 12 min 03 s}, {@code 48 s}. */
	static String took(Duration took) {
		long seconds = Math.round(took.toMillis() / 1000.0);
		if (seconds >= 3600) {
			return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
		}
		return seconds >= 60 ? String.format("%d min %02d s", seconds / 60, seconds % 60) : seconds + " s";
	}

}
