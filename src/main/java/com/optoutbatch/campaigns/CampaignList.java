package com.optoutbatch.campaigns;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.campaigns.CampaignProfile.CampaignField;
import com.optoutbatch.support.DelimitedFile;
import com.optoutbatch.support.DelimitedFile.NumberedRecord;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectedRecordException;

/**
 * A campaign list file, opened: its name (its path under {@code input/campaigns/}, which
 * names its outputs too), its profile (none for a loose file), its format, its header and
 * where the fields are; or why it cannot be used, for which the list is rejected whole.
 */
record CampaignList(Path file, String name, CampaignProfile profile, CampaignListFormat format, List<String> header,
		Map<CampaignField, Integer> columns, Unusable unusable) {

	static final Pattern ALIAS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int SAMPLE_ROWS = 200;

	private static final String NO_ID_COLUMN = "no order id or alias column";

	/**
	 * The tool whose unsubscribe list the list's opt-outs go to; none for a loose file.
	 */
	String tool() {
		return profile == null ? null : profile.name();
	}

	/**
	 * A row as a rejects file may show it: the cells of personal columns (names, phones,
	 * addresses) masked; of a row whose cells do not match the header, all but order ids,
	 * dates and aliases.
	 */
	String maskedRecord(String[] cells) {
		char delimiter = format == null ? ',' : format.delimiter();
		if (cells.length != header.size()) {
			return PersonalData.maskedWithoutColumns(cells, delimiter);
		}
		return PersonalData.maskedRecord(cells, delimiter, column -> PersonalData.isPersonalColumn(header.get(column)));
	}

	boolean usable() {
		return unusable == null;
	}

	static CampaignList open(Path file, String name, CampaignProfile profile, Charset charsetOverride) {
		try {
			CampaignListFormat format = CampaignListFormat.of(file, charsetOverride);
			try (DelimitedFile list = format.open(file)) {
				List<String> header = DelimitedFile.header(list == null ? null : list.next(), CampaignList::normalise);
				if (profile != null) {
					return withProfileColumns(file, name, profile, format, header);
				}
				return withDetectedColumns(file, name, format, header, list);
			}
		}
		catch (RejectedRecordException e) {
			return unusable(file, name, profile, e.reason(), e.detail());
		}
		catch (IOException | RuntimeException e) {
			return unusable(file, name, profile, "unreadable file", String.valueOf(e.getMessage()));
		}
	}

	static CampaignList unusable(Path file, String name, CampaignProfile profile, String reason, String detail) {
		return new CampaignList(file, name, profile, null, List.of(), Map.of(), new Unusable(reason, detail));
	}

	private static CampaignList withProfileColumns(Path file, String name, CampaignProfile profile,
			CampaignListFormat format, List<String> header) {
		Map<CampaignField, Integer> columns = new EnumMap<>(CampaignField.class);
		List<String> missing = new ArrayList<>();
		profile.columns().forEach((field, headerName) -> {
			int index = indexOf(header, headerName);
			if (index >= 0) {
				columns.put(field, index);
			}
			else {
				missing.add(headerName);
			}
		});
		Unusable unusable = columns.containsKey(CampaignField.ORDER_ID)
				|| columns.containsKey(CampaignField.BUYER_ALIAS)
						? null
						: new Unusable(NO_ID_COLUMN,
								"the header names none of the order id and buyer alias columns of profile "
										+ profile.name() + " (missing " + String.join(", ", missing) + ")");
		return new CampaignList(file, name, profile, format, header, columns, unusable);
	}

	/**
	 * A loose list: the columns where most sampled cells are order ids, or buyer aliases.
	 */
	private static CampaignList withDetectedColumns(Path file, String name, CampaignListFormat format,
			List<String> header, DelimitedFile list) {
		int[] orderIds = new int[header.size()];
		int[] aliases = new int[header.size()];
		int[] filled = new int[header.size()];
		NumberedRecord record;
		for (int rows = 0; rows < SAMPLE_ROWS && (record = list.next()) != null; rows++) {
			String[] cells = record.cells();
			if (cells == null) {
				continue;
			}
			for (int i = 0; i < Math.min(cells.length, header.size()); i++) {
				String cell = cells[i].trim();
				if (!cell.isEmpty()) {
					filled[i]++;
					orderIds[i] += OrderIds.isOrderId(cell) ? 1 : 0;
					aliases[i] += ALIAS.matcher(cell).matches() ? 1 : 0;
				}
			}
		}
		Map<CampaignField, Integer> columns = new EnumMap<>(CampaignField.class);
		int orderId = mostlyMatching(orderIds, filled);
		int alias = mostlyMatching(aliases, filled);
		if (orderId >= 0) {
			columns.put(CampaignField.ORDER_ID, orderId);
		}
		if (alias >= 0) {
			columns.put(CampaignField.BUYER_ALIAS, alias);
		}
		return new CampaignList(file, name, null, format, header, columns,
				columns.isEmpty() ? new Unusable(NO_ID_COLUMN, "no column of order ids or buyer aliases found") : null);
	}

	private static int mostlyMatching(int[] matches, int[] filled) {
		int best = -1;
		for (int i = 0; i < matches.length; i++) {
			if (matches[i] > 0 && matches[i] * 2 >= filled[i] && (best < 0 || matches[i] > matches[best])) {
				best = i;
			}
		}
		return best;
	}

	private static int indexOf(List<String> header, String name) {
		String wanted = normalise(name);
		for (int i = 0; i < header.size(); i++) {
			if (normalise(header.get(i)).equals(wanted)) {
				return i;
			}
		}
		return -1;
	}

	private static String normalise(String name) {
		return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
	}

	/** Why a list cannot be used: it is rejected whole with that reason. */
	record Unusable(String reason, String detail) {

		RejectedRecordException reject() {
			return RejectedRecordException.wholeFile(reason, detail);
		}

	}

}
