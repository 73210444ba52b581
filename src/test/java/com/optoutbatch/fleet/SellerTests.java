package com.optoutbatch.fleet;

import java.nio.file.Files;
import java.nio.file.Path;

import com.optoutbatch.support.InvalidConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SellerTests {

	@TempDir
	Path fleet;

	@Test
	void aSellerIsASubfolderHoldingInputNamedAfterItWithASchemaOfItsOwn() throws Exception {
		Files.createDirectories(fleet.resolve("Shop B/input"));
		Files.createDirectories(fleet.resolve("shop-a/input/orders"));
		Files.createDirectories(fleet.resolve("reports/2026-11-26"));
		Files.createDirectories(fleet.resolve("output/logs"));

		assertThat(Seller.of(fleet)).containsExactly(new Seller("Shop B", fleet.resolve("Shop B"), "seller_shop_b"),
				new Seller("shop-a", fleet.resolve("shop-a"), "seller_shop_a"));
	}

	@Test
	void twoFoldersThatWouldShareASchemaAreRefused() throws Exception {
		Files.createDirectories(fleet.resolve("shop-a/input"));
		Files.createDirectories(fleet.resolve("shop_a/input"));

		assertThatExceptionOfType(InvalidConfiguration.class).isThrownBy(() -> Seller.of(fleet))
			.withMessage("seller folders 'shop-a' and 'shop_a' would share the database schema seller_shop_a: "
					+ "rename one");
	}

	@Test
	void aNameTooLongForASchemaIsRefused() {
		assertThatExceptionOfType(InvalidConfiguration.class).isThrownBy(() -> Seller.in(fleet, "s".repeat(57)))
			.withMessageContaining("at most 56 characters");
	}

}
