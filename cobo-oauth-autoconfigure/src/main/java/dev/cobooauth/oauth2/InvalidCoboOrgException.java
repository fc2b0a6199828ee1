package dev.cobooauth.oauth2;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before anything is sent when a call names its organization with something that is not an
 * org id: a blank or whitespace-only text, or a request attribute {@link CoboOrg#ATTRIBUTE} that is
 * not a {@code String}. Such a call never acts for {@code cobo.app.default-org}, which is only for
 * calls that name no org at all: a blank org taken from a request path would otherwise move the
 * default org's funds.
 */
public class InvalidCoboOrgException extends IllegalArgumentException {

	/**
	 * @param where what named the org, e.g. {@code "orgId"} or {@code "POST /v2/transactions/transfer"}
	 * @param org what it was named with
	 */
	public InvalidCoboOrgException(String where, @Nullable Object org) {
		super("Not a Cobo organization id for " + where + ": " + describe(org)
				+ " (cobo.app.default-org is used only when no org is named at all)");
	}

	private static String describe(@Nullable Object org) {
		if (org == null) {
			return "null";
		}
		if (org instanceof String text) {
			return text.isEmpty() ? "an empty text" : "a text of whitespace only";
		}
		// The value itself is not repeated: it may be anything the caller put into the attributes.
		return "a " + org.getClass().getName() + ", not a String";
	}

}
