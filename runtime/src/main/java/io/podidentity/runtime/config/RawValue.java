package io.podidentity.runtime.config;

/** A configuration value as text, with the name of the source it came from (for error messages). */
public record RawValue(String text, String source) {}
