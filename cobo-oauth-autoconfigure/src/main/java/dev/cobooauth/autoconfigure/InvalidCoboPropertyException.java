package dev.cobooauth.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a {@code cobo.*} property is missing, malformed or contradicts another.
 * The message names the property and says what to do; it never contains a secret.
 */
class InvalidCoboPropertyException extends IllegalStateException {

	private final String property;

	private final @Nullable String value;

	private final String problem;

	private final String action;

	/**
	 * @param property the property at fault, e.g. {@code cobo.app.client-id}
	 * @param problem what is wrong
	 * @param action what the user should do about it
	 */
	public InvalidCoboPropertyException(String property, String problem, String action) {
		this(property, null, problem, action);
	}

	/**
	 * @param property the property at fault, e.g. {@code cobo.token.retry.max-attempts}
	 * @param value the value given as a failure analysis shows it: quoted, e.g. {@code '0'}, or
	 * {@code (hidden)} for a key; {@code null} to show none, e.g. for a missing property
	 * @param problem what is wrong
	 * @param action what the user should do about it
	 */
	public InvalidCoboPropertyException(String property, @Nullable String value, String problem, String action) {
		super(property + ": " + problem + ". " + action);
		this.property = property;
		this.value = value;
		this.problem = problem;
		this.action = action;
	}

	/** @return the property at fault */
	public String getProperty() {
		return this.property;
	}

	/**
	 * @return the value given as a failure analysis shows it: quoted, e.g. {@code '0'}, or
	 * {@code (hidden)} for a key; {@code null} if none is shown
	 */
	public @Nullable String getValue() {
		return this.value;
	}

	/** @return what is wrong, e.g. {@code is missing while an app key is configured} */
	public String getProblem() {
		return this.problem;
	}

	/** @return what the user should do about it */
	public String getAction() {
		return this.action;
	}

}
