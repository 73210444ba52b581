package com.optoutbatch.support;

/**
 * The checks of the installation settings, {@code optout.*} in {@code application.yml},
 * on the command line ({@code --optout.orders.chunk-size=500}) or in the environment
 * ({@code OPTOUT_ORDERS_CHUNK_SIZE}); the scheduler's, {@code optout.schedule.*}, from
 * its command line or the environment only. Each setting is a component of a
 * {@code @ConfigurationProperties} record that checks its values in its constructor, so
 * that a wrong one fails the start with one line that names the key and what was
 * expected: {@code optout.orders.chunk-size: expected a whole number from 1 up, got 0}.
 */
public final class Settings {

	private Settings() {
	}

	/** The value, when it is at least 1. */
	public static int atLeastOne(String key, int value) {
		if (value < 1) {
			throw invalid(key, "a whole number from 1 up", value);
		}
		return value;
	}

	/** The value, when it is at least 1. */
	public static long atLeastOne(String key, long value) {
		if (value < 1) {
			throw invalid(key, "a whole number from 1 up", value);
		}
		return value;
	}

	/** The value, when it is a TCP port. */
	public static int port(String key, int value) {
		if (value < 1 || value > 65535) {
			throw invalid(key, "a port from 1 to 65535", value);
		}
		return value;
	}

	/** The failure of a setting whose value is out of range. */
	public static InvalidConfiguration invalid(String key, String expected, Object value) {
		return new InvalidConfiguration(key + ": expected " + expected + ", got " + value);
	}

}
