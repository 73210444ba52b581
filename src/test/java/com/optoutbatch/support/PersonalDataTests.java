package com.optoutbatch.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@ParameterizedTest
	@ValueSource(
			strings = { "buyer-name", "recipient-name", "buyer-phone-number", "ship-phone-number", "ship-address-1",
					"ship-address-3", "ship-city", "ship-postal-code", "bill-state", "delivery-Instructions" })
	void personalColumnsAreKnown(String header) {
		assertThat(PersonalData.isPersonalColumn(header)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "order-id", "amazon-order-id", "product-name", "sku", "purchase-date", "buyer-email",
			"sales-channel", "item-price" })
	void otherColumnsAreKept(String header) {
		assertThat(PersonalData.isPersonalColumn(header)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void aliasesAreMasked() {
		assertThat(PersonalData.maskAlias("3xq7m2kd9fz4tbn@marketplace.amazon.com"))
			.isEqualTo("3x***bn@marketplace.amazon.com");
		assertThat(PersonalData.maskAlias("abc@x.com")).isEqualTo("***@x.com");
	}

}
