package com.optoutbatch.optouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.LineAccounting;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-out-list reader and parser on any bytes: nothing but a reject escapes them, and
 * every line is an entry, a filtered line or a reject (a list has no header it must
 * have). Replays the inputs saved in {@code OptOutListFuzzTestsInputs};
 * {@code scripts/fuzz.sh optOutList <minutes>} fuzzes it.
 */
class OptOutListFuzzTests {

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyLineOfAListIsAnEntryOrAReject(byte[] list) throws Exception {
		Path file = Files.write(dir.resolve("blacklist.csv"), list);
		LineAccounting accounting = LineAccounting.of(file, null, false);
		OptOutListParser parser = new OptOutListParser();
		accounting.readToTheEnd(new OptOutListReader(file), line -> {
			accounting.record(line.line(), line.cells());
			try {
				parser.process(line);
			}
			catch (RejectedRecordException rejected) {
				// the line's reject: the line is accounted for as read
			}
		});
		accounting.assertEveryLineIsInOneRecordOrReject();
	}

}
