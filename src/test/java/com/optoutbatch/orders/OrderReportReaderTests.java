package com.optoutbatch.orders;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.optoutbatch.support.RecordTally;
import com.optoutbatch.support.RejectedRecordException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderReportReaderTests {

	static final String ORDER_REPORT_HEADER = "order-id\torder-item-id\tpurchase-date\tbuyer-email\tbuyer-name\tship-address-1\tproduct-name\n";

	@TempDir
	Path dir;

	@Test
	void orderReportIsReadByHeaderName() throws Exception {
		Path file = write("r.txt", "sku\t" + ORDER_REPORT_HEADER.replace("\n", "\textra\n")
				+ "S1\t112-3456789-0123456\t1\t2026-11-02T14:18:23-08:00\tabc@marketplace.amazon.com\tJane Doe\t1 Pine St\tMug\tx\n",
				StandardCharsets.UTF_8);
		List<OrderReportLine> lines = readAll(file, null);
		assertThat(lines).hasSize(1);
		OrderReportLine line = lines.get(0);
		assertThat(line.orderId()).isEqualTo("112-3456789-0123456");
		assertThat(line.purchaseDate()).isEqualTo("2026-11-02T14:18:23-08:00");
		assertThat(line.buyerEmail()).isEqualTo("abc@marketplace.amazon.com");
		assertThat(line.line()).isEqualTo(2);
		assertThat(line.header().shape()).isEqualTo(OrderReportHeader.Shape.ORDER_REPORT);
	}

	@Test
	void allOrdersAndUnshippedShapesAreRecognised() throws Exception {
		Path allOrders = write("a.txt",
				"amazon-order-id\tpurchase-date\torder-status\tsales-channel\n"
						+ "302-1234567-7654321\t2026-11-01T08:15:00+01:00\tShipped\tAmazon.de\n",
				StandardCharsets.UTF_8);
		Path unshipped = write("u.txt",
				"order-id\tpurchase-date\tpromise-date\tbuyer-email\n"
						+ "503-1234567-8901234\t2026-11-05T10:00:00+09:00\t2026-11-08\tx@marketplace.amazon.co.jp\n",
				StandardCharsets.UTF_8);
		assertThat(readAll(allOrders, null).get(0).header().shape()).isEqualTo(OrderReportHeader.Shape.ALL_ORDERS);
		assertThat(readAll(allOrders, null).get(0).orderStatus()).isEqualTo("Shipped");
		assertThat(readAll(unshipped, null).get(0).header().shape()).isEqualTo(OrderReportHeader.Shape.UNSHIPPED);
	}

	@Test
	void commaSeparatedWithQuotesAndBom() throws Exception {
		Path file = write("c.csv", "\uFEFFOrder ID,Purchase Date,Product Name\n"
				+ "112-3456789-0123456,2026-11-02,\"Mug, \"\"Blue\"\"\nline two\"\n113-9876543-2109876,2026-11-03,Tea\n",
				StandardCharsets.UTF_8);
		List<OrderReportLine> lines = readAll(file, null);
		assertThat(lines).extracting(OrderReportLine::orderId)
			.containsExactly("112-3456789-0123456", "113-9876543-2109876");
		assertThat(lines).extracting(OrderReportLine::line).containsExactly(2L, 4L);
	}

	@Test
	void windows1252AndShiftJisAreDecoded() throws Exception {
		Path de = write("de.txt",
				"amazon-order-id\tproduct-name\tship-city\n302-1234567-7654321\tGröße „Grün“ Schlüssel\tMünchen\n",
				Charset.forName("windows-1252"));
		Path jp = write("jp.txt",
				"order-id\tproduct-name\tbuyer-name\n503-1234567-8901234\t抹茶 100g 煎茶 ティーバッグ 茶筅 竹製\t山田 太郎\n",
				Charset.forName("Shift_JIS"));
		assertThat(readAll(de, null).get(0).cells()[1]).isEqualTo("Größe „Grün“ Schlüssel");
		assertThat(readAll(jp, null).get(0).cells()[1]).isEqualTo("抹茶 100g 煎茶 ティーバッグ 茶筅 竹製");
		assertThat(readAll(de, StandardCharsets.ISO_8859_1).get(0).cells()[1]).isNotEqualTo("Größe „Grün“ Schlüssel");
	}

	@Test
	void sparseContinuationLineBelongsToTheOrderAbove() throws Exception {
		Path file = write("r.txt",
				ORDER_REPORT_HEADER
						+ "112-3456789-0123456\t1\t2026-11-02T14:18:23-08:00\tabc@marketplace.amazon.com\tJ\tA\tMug\n"
						+ "\t2\t\t\t\t\tCoaster\n",
				StandardCharsets.UTF_8);
		assertThat(readAll(file, null)).extracting(OrderReportLine::orderId)
			.containsExactly("112-3456789-0123456", "112-3456789-0123456");
	}

	@Test
	void reportWithoutOrderIdIsRejectedWhole() throws Exception {
		Path file = write("inv.txt", "received-date\tfnsku\tsku\n2026-11-01\tX1\tS1\n", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);
		assertThat(rejected.reason()).isEqualTo("no order-id column");
		assertThat(rejected.where()).isEqualTo(RejectedRecordException.WHOLE_FILE);
		assertThat(rejected.unread()).isEqualTo(RejectedRecordException.Unread.FILE);
		assertThat(reader.read()).isNull();
	}

	@Test
	void emptyFileIsRejectedWhole() throws Exception {
		Path file = write("empty.txt", "", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());
		assertThat(catchThrowableOfType(RejectedRecordException.class, reader::read).reason()).isEqualTo("empty file");
		assertThat(reader.read()).isNull();
	}

	@Test
	void lineWithMoreCellsThanTheHeaderIsRejectedWithPersonalDataMasked() throws Exception {
		Path file = write("r.txt", ORDER_REPORT_HEADER
				+ "112-3456789-0123456\t1\t2026-11-02\tabc@marketplace.amazon.com\tJane Doe\t1 Pine St\tMug\tstray\n"
				+ "113-9876543-2109876\t2\t2026-11-03\t\t\t\tTea\n", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);
		assertThat(rejected.reason()).isEqualTo("more cells than the header");
		assertThat(rejected.where()).isEqualTo("2");
		assertThat(rejected.record()).doesNotContain("Jane", "Pine").contains("***");
		assertThat(reader.read().orderId()).isEqualTo("113-9876543-2109876");
	}

	@Test
	void lineShiftedByATabShowsNoNameOrAddressWhateverColumnItLandsIn() throws Exception {
		Path file = write("r.txt", ORDER_REPORT_HEADER
				+ "112-3456789-0123456\t1\t2026-11-02\tabcdef@marketplace.amazon.com\t\tJane Doe\t1 Pine St\tMug\n"
				+ "113-9876543-2109876\t2\t2026-11-03\tJohn Roe\t22 Elm Road\tTea\n", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());

		RejectedRecordException extraTab = catchThrowableOfType(RejectedRecordException.class, reader::read);
		RejectedRecordException missingTab = catchThrowableOfType(RejectedRecordException.class, reader::read);

		assertThat(extraTab.reason()).isEqualTo("more cells than the header");
		assertThat(extraTab.record())
			.isEqualTo("112-3456789-0123456\t***\t2026-11-02\tab***ef@marketplace.amazon.com\t\t***\t***\t***");
		assertThat(missingTab.reason()).isEqualTo("fewer cells than the header");
		assertThat(missingTab.where()).isEqualTo("3");
		assertThat(missingTab.record()).isEqualTo("113-9876543-2109876\t***\t2026-11-03\t***\t***\t***");
		assertThat(reader.read()).isNull();
	}

	@Test
	void reportWithoutHeaderIsRejectedWholeWithoutShowingItsFirstLine() throws Exception {
		Path file = write("r.txt", "112-3456789-0123456\t1\t2026-11-02\tJane Doe\t1 Pine St\n", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());

		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);

		assertThat(rejected.reason()).isEqualTo("no header line");
		assertThat(rejected.getMessage() + rejected.record()).doesNotContain("Jane", "Pine");
		assertThat(reader.read()).isNull();
	}

	@Test
	void strayQuoteCostsItsLineAndAContinuationAfterItIsNotGivenToTheOrderAbove() throws Exception {
		Path file = write("r.csv", """
				order-id,purchase-date,product-name
				112-3456789-0123456,2026-11-02,Mug
				113-9876543-2109876,2026-11-03,"Tea, 20 bags
				,,Coaster
				114-1029384-7564738,2026-11-04,"Pot, ""large"" and small"
				""", StandardCharsets.UTF_8);
		OrderReportReader reader = open(file, null, new ExecutionContext());

		assertThat(reader.read().line()).isEqualTo(2);
		RejectedRecordException rejected = catchThrowableOfType(RejectedRecordException.class, reader::read);
		OrderReportLine continuation = reader.read();
		OrderReportLine last = reader.read();

		assertThat(rejected.where()).isEqualTo("3");
		assertThat(rejected.reason()).isEqualTo("unterminated quote");
		assertThat(rejected.record()).isEqualTo("113-9876543-2109876,2026-11-03,***,***");
		assertThat(continuation.line()).isEqualTo(4);
		assertThat(continuation.orderId()).isNull();
		assertThat(last.line()).isEqualTo(5);
		assertThat(last.cells()[2]).isEqualTo("Pot, \"large\" and small");
		assertThat(reader.read()).isNull();
	}

	@Test
	void restartAfterABrokenLineResumesAtTheRightLine() throws Exception {
		Path file = write("r.csv", """
				order-id,purchase-date
				"112-3456789-0123450,2026-11-02
				112-3456789-0123451,2026-11-02
				112-3456789-0123452,2026-11-02
				112-3456789-0123453,2026-11-02
				""", StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext();
		OrderReportReader first = open(file, null, context);
		catchThrowableOfType(RejectedRecordException.class, first::read);
		first.read();
		first.update(context);
		first.close();

		OrderReportReader restarted = open(file, null, context);

		OrderReportLine line = restarted.read();
		assertThat(line.orderId()).isEqualTo("112-3456789-0123452");
		assertThat(line.line()).isEqualTo(4);
	}

	@Test
	void ordersWhoseLinesNameDifferentAliasesAreCountedOnceEachAndAgainAfterARestart() throws Exception {
		Path file = write("r.txt", """
				order-id\tpurchase-date\tbuyer-email
				112-3456789-0123456\t2026-11-02\tfirst@marketplace.amazon.com
				\t\t
				112-3456789-0123456\t2026-11-02\tsecond@marketplace.amazon.com
				112-3456789-0123456\t2026-11-02\tfirst@marketplace.amazon.com
				113-9876543-2109876\t2026-11-03\tsame@marketplace.amazon.com
				113-9876543-2109876\t2026-11-03\tSame+tool@marketplace.amazon.com
				114-1029384-7564738\t2026-11-04\tone@marketplace.amazon.com
				114-1029384-7564738\t2026-11-04\ttwo@marketplace.amazon.com
				""", StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext();
		OrderReportReader first = open(file, null, context);
		for (int i = 0; i < 4; i++) {
			first.read();
		}
		first.update(context);
		first.close();
		assertThat(context.get(RecordTally.KINDS_KEY)).isEqualTo(Map.of(AliasConflicts.KIND, 1L));

		OrderReportReader restarted = open(file, null, context);
		while (restarted.read() != null) {
			// read to the end
		}
		restarted.update(context);

		assertThat(context.get(RecordTally.KINDS_KEY)).isEqualTo(Map.of(AliasConflicts.KIND, 2L));
	}

	@Test
	void restartSkipsTheCommittedLines() throws Exception {
		StringBuilder report = new StringBuilder(ORDER_REPORT_HEADER);
		for (int i = 0; i < 5; i++) {
			report.append("112-3456789-012345").append(i).append("\t1\t2026-11-02\t\t\t\tMug\n");
		}
		Path file = write("r.txt", report.toString(), StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext();
		OrderReportReader first = open(file, null, context);
		first.read();
		first.read();
		first.update(context);
		first.close();

		OrderReportReader restarted = open(file, null, context);
		assertThat(restarted.read().orderId()).isEqualTo("112-3456789-0123452");
		assertThat(restarted.read().line()).isEqualTo(5);
	}

	private OrderReportReader open(Path file, Charset charset, ExecutionContext context) {
		OrderReportReader reader = new OrderReportReader(file, charset);
		reader.open(context);
		return reader;
	}

	private List<OrderReportLine> readAll(Path file, Charset charset) throws Exception {
		OrderReportReader reader = open(file, charset, new ExecutionContext());
		List<OrderReportLine> lines = new ArrayList<>();
		for (OrderReportLine line = reader.read(); line != null; line = reader.read()) {
			lines.add(line);
		}
		reader.close();
		return lines;
	}

	private Path write(String name, String text, Charset charset) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, text.getBytes(charset));
		return file;
	}

}
