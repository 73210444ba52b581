package com.optoutbatch.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TextCharsetTests {

	@TempDir
	Path dir;

	@Test
	void utf8WithBom() throws Exception {
		Path file = write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, "order-id\tmünchen\n",
				StandardCharsets.UTF_8);
		assertThat(TextCharset.of(file, null)).isEqualTo(new TextCharset(StandardCharsets.UTF_8, 3, "BOM"));
	}

	@Test
	void utf8WithoutBom() throws Exception {
		Path file = write(new byte[0], "order-id\tmünchen 抹茶\n", StandardCharsets.UTF_8);
		assertThat(TextCharset.of(file, null).charset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void windows1252() throws Exception {
		Path file = write(new byte[0], "order-id\tproduct-name\n1\tSchlüsselanhänger Größe „Grün“ für München\n",
				Charset.forName("windows-1252"));
		assertThat(TextCharset.of(file, null).charset()).isEqualTo(TextCharset.WINDOWS_1252);
	}

	@Test
	void shiftJis() throws Exception {
		Path file = write(new byte[0], "order-id\tproduct-name\n1\t抹茶 100g 東京都千代田区丸の内 煎茶 ティーバッグ 茶筅 竹製\n",
				Charset.forName("Shift_JIS"));
		assertThat(TextCharset.of(file, null).charset()).isEqualTo(TextCharset.CP932);
	}

	@Test
	void configuredCharsetWins() throws Exception {
		Path file = write(new byte[0], "order-id\n", StandardCharsets.UTF_8);
		assertThat(TextCharset.of(file, StandardCharsets.ISO_8859_1))
			.isEqualTo(new TextCharset(StandardCharsets.ISO_8859_1, 0, "configured"));
	}

	@Test
	void bytesThatNameNoCharsetAreDecodedAsAFileWouldBe() {
		String japanese = "ご注文の商品について、配送先の住所を確認させてください。抹茶 煎茶 ティーバッグ";
		String german = "Schlüsselanhänger Größe „Grün“ für München";
		assertThat(TextCharset.decode(japanese.getBytes(Charset.forName("Shift_JIS")))).isEqualTo(japanese);
		assertThat(TextCharset.decode(japanese.getBytes(StandardCharsets.UTF_8))).isEqualTo(japanese);
		assertThat(TextCharset.decode(german.getBytes(Charset.forName("windows-1252")))).isEqualTo(german);
	}

	private Path write(byte[] bom, String text, Charset charset) throws Exception {
		Path file = dir.resolve("f.txt");
		byte[] body = text.getBytes(charset);
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(body, 0, all, bom.length, body.length);
		Files.write(file, all);
		return file;
	}

}
