package com.optoutbatch.messages;

import java.nio.file.Path;

/**
 * One record of a sent-message log as read, before it is checked; {@code line} is where
 * it starts.
 */
record MessageLogLine(Path file, long line, MessageLayout layout, String[] cells, char delimiter) {

	String get(MessageField field) {
		return layout.cell(cells, field);
	}

	String maskedRecord() {
		return layout.maskedRecord(cells, delimiter);
	}

	@Override
	public String toString() {
		return file.getFileName() + ":" + line;
	}

}
