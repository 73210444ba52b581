package com.optoutbatch.support;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "=SUM(A1:A9)|'=SUM(A1:A9)", "+1 206 555 0100|'+1 206 555 0100", "@import|'@import", "-cmd|'-cmd",
					"-12.50|-12.50", "+3|+3", "-1,5|-1,5", "plain|plain", "a=b|a=b" })
	void formulaCellsAreNeutralisedAndNumbersKept(String cell, String written) {
		assertThat(SafeCsv.neutralise(cell)).isEqualTo(written);
	}

	@Test
	void tabAndCarriageReturnAtTheStartAreNeutralised() {
		assertThat(SafeCsv.neutralise("\tx")).isEqualTo("'\tx");
		assertThat(SafeCsv.neutralise("\rx")).isEqualTo("'\rx");
	}

	@Test
	void printerQuotesAndNeutralisesEveryCell() {
		StringWriter file = new StringWriter();
		try (SafeCsv.Printer printer = SafeCsv.wrap(file, SafeCsv.FORMAT, "a", "b")) {
			printer.printRecord("=1+1", "say \"hi\", then\nleave");
			printer.printRecord(null, -3);
		}
		assertThat(file.toString()).isEqualTo("a,b\n'=1+1,\"say \"\"hi\"\", then\nleave\"\n\"\",-3\n");
	}

}
