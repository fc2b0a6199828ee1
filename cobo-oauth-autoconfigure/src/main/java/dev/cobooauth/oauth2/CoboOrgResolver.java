package dev.cobooauth.oauth2;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Finds the organization a request acts for: the {@link CoboOrg#ATTRIBUTE} attribute, else, when the
 * request has no such attribute at all, the default org, else a {@link MissingCoboOrgException}. An
 * attribute that is blank or not a {@code String} is an {@link InvalidCoboOrgException}, never the
 * default org. Never falls back to a shared identity, so tokens never cross orgs.
 */
final class CoboOrgResolver {

	private final @Nullable String defaultOrg;

	/**
	 * @param defaultOrg the org for requests that name none; {@code null} to require one
	 */
	public CoboOrgResolver(@Nullable String defaultOrg) {
		this.defaultOrg = (defaultOrg == null || defaultOrg.isBlank()) ? null : defaultOrg;
	}

	/**
	 * @param attributes the request's attributes
	 * @param method the request's method, for the error message
	 * @param path the request's path, for the error message
	 * @return the org id
	 * @throws MissingCoboOrgException if the request names no org and there is no default
	 * @throws InvalidCoboOrgException if the request names its org with a blank text or a value that
	 * is not a {@code String}
	 */
	public String resolve(Map<String, Object> attributes, HttpMethod method, String path) {
		if (attributes.containsKey(CoboOrg.ATTRIBUTE)) {
			Object org = attributes.get(CoboOrg.ATTRIBUTE);
			if (org instanceof String id && !id.isBlank()) {
				return id;
			}
			throw new InvalidCoboOrgException(method + " " + path, org);
		}
		if (this.defaultOrg != null) {
			return this.defaultOrg;
		}
		throw new MissingCoboOrgException(method, path);
	}

}
