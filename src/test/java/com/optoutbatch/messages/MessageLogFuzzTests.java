package com.optoutbatch.messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.LineAccounting;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message-log reader on any bytes: nothing but a reject escapes it, and every line
 * after the header is in a message or a reject. Replays the inputs saved in
 * {@code MessageLogFuzzTestsInputs}; {@code scripts/fuzz.sh messageLog <minutes>} fuzzes
 * it.
 */
class MessageLogFuzzTests {

	private static final MessageLayouts LAYOUTS = new MessageLayouts(MessageProfiles.load(null));

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyLineOfALogIsInAMessageOrAReject(byte[] log) throws Exception {
		Path file = Files.write(dir.resolve("sent-messages.csv"), log);
		LineAccounting accounting = LineAccounting.of(file, null, true);
		accounting.readToTheEnd(new MessageLogReader(file, null, LAYOUTS, null),
				message -> accounting.record(message.line(), message.cells()));
		accounting.assertEveryLineIsInOneRecordOrReject();
	}

}
