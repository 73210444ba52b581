package com.optoutbatch.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;

import com.optoutbatch.campaigns.CampaignProfile.UnsubscribeLayout;
import com.optoutbatch.support.PublishedFile;
import com.optoutbatch.support.SafeCsv;
import com.optoutbatch.support.Workspace;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code output/unsubscribe/<tool>.csv} for every profile whose lists this run
 * read: the opted-out orders and buyers those lists held back, in the header and
 * delimiter the tool imports, each order or alias once.
 */
class UnsubscribeFileWriter implements Tasklet {

	private static final String HELD_OPT_OUTS = """
			SELECT DISTINCT h.order_id, COALESCE(h.buyer_alias, o.buyer_alias) AS buyer_alias
			FROM campaign_held_rows h LEFT JOIN orders o ON o.order_id = h.order_id
			WHERE h.run_date = ? AND h.tool = ? AND h.reason IN ('OPTED_OUT_ORDER', 'OPTED_OUT_BUYER')
			ORDER BY 1 NULLS FIRST, 2 NULLS FIRST""";

	private final JdbcTemplate jdbc;

	private final CampaignProfiles profiles;

	private final Workspace workspace;

	private final LocalDate runDate;

	UnsubscribeFileWriter(JdbcTemplate jdbc, CampaignProfiles profiles, Workspace workspace, LocalDate runDate) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.workspace = workspace;
		this.runDate = runDate;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		List<String> tools = jdbc.queryForList(
				"SELECT DISTINCT tool FROM campaign_held_rows WHERE run_date = ? AND tool IS NOT NULL ORDER BY tool",
				String.class, runDate);
		for (String tool : tools) {
			CampaignProfile profile = profiles.named(tool);
			if (profile != null) {
				write(profile);
			}
		}
		return RepeatStatus.FINISHED;
	}

	private void write(CampaignProfile profile) {
		UnsubscribeLayout layout = profile.unsubscribe();
		boolean orderIds = !layout.orderIdHeader().isBlank();
		boolean aliases = !layout.buyerAliasHeader().isBlank();
		List<String> header = new ArrayList<>();
		if (orderIds) {
			header.add(layout.orderIdHeader());
		}
		if (aliases) {
			header.add(layout.buyerAliasHeader());
		}
		CSVFormat format = SafeCsv.FORMAT.builder().setDelimiter(layout.delimiter()).get();
		List<List<String>> rows = jdbc.query(HELD_OPT_OUTS, (row, i) -> {
			List<String> cells = new ArrayList<>();
			if (orderIds) {
				cells.add(row.getString(1));
			}
			if (aliases) {
				cells.add(row.getString(2));
			}
			return cells;
		}, runDate, profile.name());
		PublishedFile.write(workspace, workspace.output("unsubscribe", profile.name() + ".csv"), StandardCharsets.UTF_8,
				writer -> {
					SafeCsv.Printer printer = SafeCsv.wrap(writer, format, header.toArray(String[]::new));
					rows.stream()
						.filter(cells -> cells.stream().anyMatch(cell -> cell != null))
						.distinct()
						.forEach(cells -> printer.printRecord(cells.toArray()));
				});
	}

}
