package com.optoutbatch.support;

import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.ResolvableType;

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
	public static IllegalArgumentException invalid(String key, String expected, Object value) {
		return new InvalidSetting(key, expected, value);
	}

	/**
	 * A failure to start for a wrong setting, in one line; empty when the failure is
	 * something else.
	 */
	public static Optional<String> describe(Throwable failure) {
		BindException bind = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidSetting invalid) {
				return Optional.of(invalid.getMessage());
			}
			if (cause instanceof UnboundConfigurationPropertiesException unbound) {
				return Optional.of(unbound.getUnboundProperties()
					.stream()
					.map(property -> property.getName().toString())
					.collect(Collectors.joining(", ")) + ": no such setting");
			}
			if (cause instanceof BindException found) {
				bind = found;
			}
		}
		if (bind == null) {
			return Optional.empty();
		}
		Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
		return Optional.of(bind.getName() + ": expected " + expected(bind.getTarget().getType())
				+ (value == null ? "" : ", got '" + value + "'"));
	}

	private static String expected(ResolvableType type) {
		Class<?> raw = type.toClass();
		if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
			return "a whole number";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "true or false";
		}
		return "a value of type " + raw.getSimpleName();
	}

	/** A setting whose value has the right type but is out of range. */
	static final class InvalidSetting extends IllegalArgumentException {

		InvalidSetting(String key, String expected, Object value) {
			super(key + ": expected " + expected + ", got " + value);
		}

	}

}
