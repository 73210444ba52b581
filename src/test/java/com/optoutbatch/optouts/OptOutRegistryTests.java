package com.optoutbatch.optouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import com.optoutbatch.support.BatchJobTest;
import com.optoutbatch.support.TestWorkspace;
import com.optoutbatch.support.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@BatchJobTest
class OptOutRegistryTests {

	static final OffsetDateTime NOV_5 = OffsetDateTime.parse("2026-11-05T10:00:00Z");

	static final OffsetDateTime NOV_9 = OffsetDateTime.parse("2026-11-09T10:00:00Z");

	@Autowired
	OptOutRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Workspace workspace;

	@BeforeEach
	void emptyRegistry() {
		TestWorkspace.reset(workspace, jdbc, "orders", "opt_outs", "restriction_notices");
	}

	@Test
	void theEarliestNoticeOfAnOrderWinsWhateverTheOrderTheyCome() {
		registry.record(List.of(notice(NOV_9, "<later>")));
		registry.record(List.of(notice(NOV_5, "<earlier>")));
		registry.record(List.of(notice(NOV_9, "<later>")));

		assertThat(registry.all()).containsExactly(
				new OptOut("amazon.com", "112-3456789-0123456", null, NOV_5, OptOutSource.MAILBOX, "<earlier>"));
	}

	@Test
	void anUndatedImportGivesWayToADatedNoticeAndKeepsItsAlias() {
		registry.record(List.of(new OptOut(null, "112-3456789-0123456", "abc@marketplace.amazon.com", null,
				OptOutSource.IMPORT, "list.csv line 2")));
		registry.record(List.of(notice(NOV_9, "<notice>")));

		assertThat(registry.all()).containsExactly(new OptOut("amazon.com", "112-3456789-0123456",
				"abc@marketplace.amazon.com", NOV_9, OptOutSource.MAILBOX, "<notice>"));
	}

	@Test
	void aBuyerKnownOnlyByAliasIsOneOptOutBesideTheirOrders() {
		OptOut byBuyer = new OptOut("amazon.de", null, "abc@marketplace.amazon.de", NOV_5, OptOutSource.IMPORT,
				"l.csv line 1");
		registry.record(List.of(byBuyer, notice(NOV_9, "<n>"), byBuyer));

		assertThat(registry.all()).hasSize(2).contains(byBuyer);
	}

	@Test
	void theOrderTableCompletesAliasAndMarketplace() {
		jdbc.update(
				"INSERT INTO orders (order_id, marketplace, buyer_alias, source_file, reported_at) VALUES (?, ?, ?, ?, ?)",
				"302-1234567-7654321", "amazon.de", "buyer@marketplace.amazon.de", "r.txt", NOV_5);
		registry
			.record(List.of(new OptOut(null, "302-1234567-7654321", null, NOV_9, OptOutSource.IMPORT, "l.csv line 1")));

		assertThat(registry.all()).extracting(OptOut::marketplace, OptOut::buyerAlias)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("amazon.de", "buyer@marketplace.amazon.de"));
	}

	@Test
	void exportWritesTheWholeRegistryWithFormulaCellsNeutralised() throws Exception {
		registry.record(List.of(notice(NOV_5, "=HYPERLINK(\"http://x\") in list.csv line 1")));
		Path file = workspace.output("optouts", "opt-outs.csv");

		assertThat(registry.export(workspace, file)).isEqualTo(1);

		assertThat(Files.readAllLines(file)).containsExactly(
				"marketplace,order_id,buyer_alias,opted_out_at,source,evidence",
				"amazon.com,112-3456789-0123456,,2026-11-05T10:00:00Z,MAILBOX,\"'=HYPERLINK(\"\"http://x\"\") in list.csv line 1\"");
	}

	private static OptOut notice(OffsetDateTime date, String evidence) {
		return new OptOut("amazon.com", "112-3456789-0123456", null, date, OptOutSource.MAILBOX, evidence);
	}

}
