package dev.cobooauth.oauth2;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.service.invoker.HttpRequestValues;
import org.springframework.web.service.invoker.HttpServiceArgumentResolver;

/**
 * Turns an {@link CoboOrgId @CoboOrgId} argument into the {@link CoboOrg#ATTRIBUTE} request
 * attribute that the Org Access Token interceptor and filter read. A {@code null} argument names no
 * org and leaves the attribute unset, so the call falls back to the default org or fails clearly; a
 * blank text or an argument that is not a {@code String} is an {@link InvalidCoboOrgException}, never
 * the default org.
 */
final class CoboOrgIdArgumentResolver implements HttpServiceArgumentResolver {

	@Override
	public boolean resolve(@Nullable Object argument, MethodParameter parameter,
			HttpRequestValues.Builder requestValues) {
		if (!parameter.hasParameterAnnotation(CoboOrgId.class)) {
			return false;
		}
		if (argument == null) {
			return true;
		}
		if (!(argument instanceof String orgId) || orgId.isBlank()) {
			throw new InvalidCoboOrgException("@CoboOrgId parameter '" + parameter.getParameterName() + "'", argument);
		}
		requestValues.configureAttributes(CoboOrg.id(orgId));
		return true;
	}

}
