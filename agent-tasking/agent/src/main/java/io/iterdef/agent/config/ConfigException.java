package io.iterdef.agent.config;

/** The configuration cannot be used; the message says what is wrong and what to do. */
public class ConfigException extends RuntimeException {

	public ConfigException(String message) {
		super(message);
	}

}
