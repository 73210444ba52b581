package com.optoutbatch.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.optoutbatch.reports.ComplianceReport.Headline;
import com.optoutbatch.reports.ComplianceReport.Violations;
import com.optoutbatch.support.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Renders an empty report on a thread of its own once the application has started, while
 * the night's first jobs run: the template engine's first page costs about a third of a
 * second, which the report would otherwise add to the end of every night.
 */
@Component
class ReportTemplates implements ApplicationListener<ApplicationStartedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ReportTemplates.class);

	private final ComplianceReportWriter writer;

	ReportTemplates(ITemplateEngine templates, Workspace workspace) {
		this.writer = new ComplianceReportWriter(templates, workspace);
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		Thread rendering = new Thread(() -> {
			try {
				writer.page(empty(LocalDate.now()));
			}
			catch (RuntimeException e) {
				// the report renders its own page all the same
				log.debug("could not render an empty report ahead", e);
			}
		}, "report-templates");
		rendering.setDaemon(true);
		rendering.start();
	}

	/** A report of a run date with nothing in it. */
	static ComplianceReport empty(LocalDate runDate) {
		WeeklyChart noWeeks = WeeklyChart.of("", Map.of(), runDate);
		return new ComplianceReport(runDate, null, List.of(), Headline.NONE, null, List.of(), new Violations(List.of()),
				List.of(), List.of(), noWeeks, noWeeks, List.of(), List.of(), List.of(), List.of(), List.of());
	}

}
