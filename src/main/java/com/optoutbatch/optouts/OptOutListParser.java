package com.optoutbatch.optouts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.optoutbatch.support.OrderIds;
import com.optoutbatch.orders.BuyerAlias;
import com.optoutbatch.orders.Marketplace;
import com.optoutbatch.support.PersonalData;
import com.optoutbatch.support.RejectedRecordException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Makes an opt-out of a list line by the shape of its cells, since lists from elsewhere
 * have no common layout: an order id, an alias (an e-mail address), a date, a
 * marketplace, in any column. A header or comment line is filtered; a line naming neither
 * an order nor a buyer is rejected.
 */
class OptOutListParser implements ItemProcessor<OptOutListLine, OptOut> {

	@Override
	public OptOut process(OptOutListLine line) {
		String orderId = null;
		String alias = null;
		String marketplace = null;
		OffsetDateTime date = null;
		boolean sharedAlias = false;
		if (line.cells().isEmpty() || line.cells().get(0).startsWith("#")) {
			return null;
		}
		for (String raw : line.cells()) {
			String cell = raw.strip();
			if (orderId == null && OrderIds.isOrderId(cell.toUpperCase(Locale.ROOT))) {
				orderId = cell.toUpperCase(Locale.ROOT);
			}
			else if (alias == null && cell.contains("@")) {
				try {
					alias = BuyerAlias.normalise(cell);
					sharedAlias = alias == null;
				}
				catch (IllegalArgumentException e) {
					throw reject(line, "malformed alias",
							"'" + PersonalData.maskAlias(cell) + "' is not an e-mail address");
				}
			}
			else if (marketplace == null && Marketplace.ofParameter(cell) != null) {
				marketplace = Marketplace.ofParameter(cell);
			}
			else if (date == null) {
				date = date(cell);
			}
		}
		if (orderId == null && alias == null) {
			if (sharedAlias) {
				throw reject(line, "shared business alias", "the alias Amazon Business orders share is not a buyer");
			}
			if (line.line() == 1 || line.cells().stream().allMatch(String::isBlank)) {
				return null;
			}
			throw reject(line, "no order id or alias", "no cell holds an order id (123-1234567-1234567) or an alias");
		}
		if (alias != null && marketplace == null) {
			marketplace = Marketplace.ofAlias(alias);
		}
		return new OptOut(marketplace, orderId, alias, date, OptOutSource.IMPORT, line.file() + " line " + line.line());
	}

	private static OffsetDateTime date(String cell) {
		if (cell.length() < 10 || !Character.isDigit(cell.charAt(0))) {
			return null;
		}
		try {
			return OffsetDateTime.parse(cell);
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(cell.substring(0, 10)).atStartOfDay().atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	// a list from elsewhere has no columns that can be known: its names, phones and
	// addresses are masked
	private static RejectedRecordException reject(OptOutListLine line, String reason, String detail) {
		return new RejectedRecordException(line.line(), reason, detail,
				PersonalData.maskedWithoutColumns(line.cells().toArray(String[]::new), ','));
	}

}
