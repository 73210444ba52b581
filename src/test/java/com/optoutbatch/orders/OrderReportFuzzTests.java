package com.optoutbatch.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.optoutbatch.support.LineAccounting;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order-report reader and line parser on any bytes: nothing but a reject escapes
 * them, and every line after the header is a line or a reject. Replays the inputs saved
 * in {@code OrderReportFuzzTestsInputs}; {@code scripts/fuzz.sh orderReport <minutes>}
 * fuzzes it.
 */
class OrderReportFuzzTests {

	@TempDir
	Path dir;

	@FuzzTest
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyLineOfAReportIsALineOrAReject(byte[] report) throws Exception {
		Path file = Files.write(dir.resolve("order-report.txt"), report);
		LineAccounting accounting = LineAccounting.of(file, null, true);
		OrderLineParser parser = new OrderLineParser(null);
		accounting.readToTheEnd(new OrderReportReader(file, null), line -> {
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
