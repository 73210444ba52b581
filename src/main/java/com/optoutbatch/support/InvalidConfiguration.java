package com.optoutbatch.support;

import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.core.ResolvableType;

/**
 * A wrong installation setting ({@link Settings}) or rules file ({@link RulesFile}). Its
 * message is the one line the user is shown: where, the key, what was expected.
 */
public final class InvalidConfiguration extends IllegalArgumentException {

	public InvalidConfiguration(String message) {
		super(message);
	}

	/**
	 * A failure for wrong configuration, in one line: the message of an
	 * {@code InvalidConfiguration}, or the key and the expected type of a setting that
	 * could not be bound. Empty when the failure is something else.
	 */
	public static Optional<String> describe(Throwable failure) {
		BindException bind = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfiguration invalid) {
				return Optional.of(invalid.getMessage());
			}
			if (cause instanceof UnboundConfigurationPropertiesException unbound) {
				return Optional.of(String.join(", ",
						unbound.getUnboundProperties().stream().map(property -> property.getName().toString()).toList())
						+ ": no such setting");
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

}
