package com.optoutbatch.messages;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.optoutbatch.support.PersonalData;

/**
 * Where the columns of one sent-message log are: found by the generic header, by a named
 * profile, or by detection. {@code tool} is the tool a profile names, for logs without a
 * tool column.
 */
record MessageLayout(String name, String tool, List<String> header, Map<MessageField, Integer> columns) {

	MessageLayout {
		Map<MessageField, Integer> present = new EnumMap<>(MessageField.class);
		columns.forEach((field, column) -> {
			if (column != null && column >= 0) {
				present.put(field, column);
			}
		});
		columns = present;
		header = List.copyOf(header);
	}

	boolean has(MessageField field) {
		return columns.containsKey(field);
	}

	String cell(String[] cells, MessageField field) {
		Integer column = columns.get(field);
		if (column == null || column >= cells.length) {
			return null;
		}
		String value = cells[column].strip();
		return value.isEmpty() ? null : value;
	}

	/**
	 * The line as a rejects file may show it: recipient, body and every column the job
	 * does not read masked.
	 */
	String maskedRecord(String[] cells, char delimiter) {
		StringBuilder record = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				record.append(delimiter);
			}
			record.append(masked(i, cells[i]));
		}
		return record.toString();
	}

	private String masked(int column, String cell) {
		if (cell.isBlank()) {
			return cell;
		}
		if (Integer.valueOf(column).equals(columns.get(MessageField.RECIPIENT))) {
			// a name in the recipient column is masked whole
			return cell.contains("@") ? PersonalData.maskAlias(cell.strip()) : PersonalData.MASK;
		}
		// columns the job does not read may hold anything, such as the buyer's name
		boolean shown = columns.containsValue(column) && !Integer.valueOf(column).equals(columns.get(MessageField.BODY))
				&& !PersonalData.isPersonalColumn(header.get(column));
		return shown ? cell : PersonalData.MASK;
	}

	/** For the log: {@code order_id=Order ID, subject=Betreff, ...}. */
	String describe() {
		return columns.entrySet()
			.stream()
			.map(entry -> entry.getKey().genericName() + "=" + header.get(entry.getValue()))
			.collect(Collectors.joining(", "));
	}

}
