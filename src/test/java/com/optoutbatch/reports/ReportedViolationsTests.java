package com.optoutbatch.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.optoutbatch.reports.ComplianceReport.Violation;
import com.optoutbatch.reports.ComplianceReport.ViolationGroup;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ReportedViolationsTests {

	private static final ReportPeriod NOVEMBER = new ReportPeriod(LocalDate.parse("2026-11-01"),
			LocalDate.parse("2026-11-30"));

	@TempDir
	Path folder;

	@Test
	void onlyTheViolationsOfThePeriodAreWrittenAndCounted() throws IOException {
		Path csv = folder.resolve("violations.csv");
		PublishedFile file = PublishedFile.of(new Workspace(folder), csv);
		ReportedViolations violations = new ReportedViolations(NOVEMBER, file);
		try (violations) {
			violations.accept(violation(ViolationKind.SENT_LATE, "2026-10-31T23:00:00Z", "amazon.de"));
			violations.accept(violation(ViolationKind.SENT_LATE, "2026-11-02T10:00:00Z", "amazon.de"));
			violations.accept(violation(ViolationKind.FORBIDDEN_CONTENT, "2026-11-03T10:00:00Z", null));
		}
		assertThat(csv).as("published with the report's page").doesNotExist();
		file.publish();

		assertThat(Files.readAllLines(csv)).hasSize(3)
			.first()
			.isEqualTo("kind,sent_at,order_id,buyer_alias,tool,marketplace,why");
		assertThat(violations.violations().total()).isEqualTo(2);
		assertThat(violations.violations().groups()).extracting(ViolationGroup::kind, ViolationGroup::count)
			.containsExactly(tuple(ViolationKind.FORBIDDEN_CONTENT, 1L), tuple(ViolationKind.SENT_LATE, 1L));
		assertThat(violations.byMarketplace()).containsEntry("amazon.de", 1L).containsEntry(null, 1L);
	}

	@Test
	void thePageKeepsTheOldestOfEachKindWhateverTheOrderTheyCameIn() {
		ReportedViolations violations = new ReportedViolations(NOVEMBER,
				PublishedFile.of(new Workspace(folder), folder.resolve("violations.csv")));
		try (violations) {
			for (int i = ReportedViolations.SHOWN_PER_KIND + 50; i > 0; i--) {
				OffsetDateTime sentAt = OffsetDateTime.parse("2026-11-01T00:00:00Z").plusMinutes(i);
				violations.accept(violation(ViolationKind.NO_ORDER_ID, sentAt.toString(), "amazon.com"));
			}
		}

		ViolationGroup group = violations.violations().groups().get(0);
		assertThat(group.count()).isEqualTo(ReportedViolations.SHOWN_PER_KIND + 50);
		assertThat(group.hidden()).isEqualTo(50);
		List<OffsetDateTime> shown = group.shown().stream().map(Violation::sentAt).toList();
		assertThat(shown).hasSize(ReportedViolations.SHOWN_PER_KIND)
			.isSorted()
			.startsWith(OffsetDateTime.parse("2026-11-01T00:01:00Z"))
			.endsWith(OffsetDateTime.parse("2026-11-01T00:00:00Z").plusMinutes(ReportedViolations.SHOWN_PER_KIND));
	}

	private static Violation violation(ViolationKind kind, String sentAt, String marketplace) {
		return new Violation(kind, OffsetDateTime.parse(sentAt), "111-2223334-4445556", "k8v***@marketplace.amazon.com",
				"ZonMaster", marketplace, "test");
	}

}
