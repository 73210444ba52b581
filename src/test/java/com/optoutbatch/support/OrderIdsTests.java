package com.optoutbatch.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderIdsTests {

	@Test
	void orderIdsAreNumberedOneToOne() {
		assertThat(OrderIds.key("113-1234567-7654321")).isEqualTo(1_1312_3456_7765_4321L);
		assertThat(OrderIds.key("D01-1234567-7654321")).isNotEqualTo(OrderIds.key("130-1234567-7654321"))
			.isNotEqualTo(OrderIds.key("301-1234567-7654321"));
		assertThat(OrderIds.key("999-9999999-9999999")).isLessThan(OrderIds.key("A00-0000000-0000000"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderIds.key("not-an-order"));
	}

	@Test
	void aKeyGivesBackItsOrderId() {
		for (String orderId : new String[] { "113-1234567-7654321", "002-0000000-0000001", "D01-1234567-7654321",
				"Z99-9999999-9999999" }) {
			assertThat(OrderIds.of(OrderIds.key(orderId))).isEqualTo(orderId);
		}
	}

}
