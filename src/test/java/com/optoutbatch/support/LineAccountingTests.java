package com.optoutbatch.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineAccountingTests {

	@TempDir
	Path dir;

	@Test
	void linesAfterABrokenRecordThatNoRecordHoldsAreCountedNowhere() throws Exception {
		LineAccounting accounting = accounting("id,name\r\n1,a\r\n2,\"b\r\n3,c\r\n\r\n4,d\r\n");
		accounting.record(2, new String[] { "1", "a" });
		accounting.reject(RejectedRecordException.unparseable("3", "unterminated quote", "", ""));

		assertThatThrownBy(accounting::assertEveryLineIsInOneRecordOrReject)
			.hasMessageStartingWith("2 of 6 lines are in no record or reject: 4, 6;");
	}

	@Test
	void aQuotedCellOverSeveralLinesCoversThemAndABlankLineHoldsNothing() throws Exception {
		LineAccounting accounting = accounting("id,note\n1,\"two\r\nlines\"\n\n2,\"\"\n3,c");
		accounting.record(2, new String[] { "1", "two\r\nlines" });
		accounting.record(5, new String[] { "2", "" });
		accounting.record(6, new String[] { "3", "c" });

		assertThatCode(accounting::assertEveryLineIsInOneRecordOrReject).doesNotThrowAnyException();
	}

	@Test
	void aRecordThatRunsIntoTheNextIsReadTwice() throws Exception {
		LineAccounting accounting = accounting("id,note\n1,\"a\nb\"\n2,c\n");
		accounting.record(2, new String[] { "1", "a\nb" });
		accounting.record(3, new String[] { "2", "c" });

		assertThatThrownBy(accounting::assertEveryLineIsInOneRecordOrReject)
			.hasMessageStartingWith("record at line 2 runs over lines 2-3, and line 3 is read again");
	}

	@Test
	void aRejectOfTheWholeFileAccountsForEveryLineAndStandsAlone() throws Exception {
		LineAccounting whole = accounting("sku,title\nMUG,Mug\n");
		whole.reject(RejectedRecordException.wholeFile("not an order report", ""));
		assertThatCode(whole::assertEveryLineIsInOneRecordOrReject).doesNotThrowAnyException();

		LineAccounting mixed = accounting("sku,title\nMUG,Mug\n");
		mixed.record(2, new String[] { "MUG", "Mug" });
		assertThatThrownBy(() -> mixed.reject(RejectedRecordException.wholeFile("not an order report", "")))
			.hasMessageStartingWith("a reject of the whole file beside other records or rejects");
	}

	private LineAccounting accounting(String text) throws Exception {
		Path file = Files.writeString(dir.resolve("file.csv"), text, StandardCharsets.UTF_8);
		return LineAccounting.of(file, null, true);
	}

}
