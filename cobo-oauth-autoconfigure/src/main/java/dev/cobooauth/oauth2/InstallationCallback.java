package dev.cobooauth.oauth2;

import dev.cobooauth.signing.CoboDelivery;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Tells whether the current thread handles a delivery Cobo signed, such as the callback that tells
 * a Portal App that an org installed it: the {@code @VerifiedCoboDelivery} resolver of Spring MVC
 * leaves the verified delivery in the request's attributes. A token asked for there is asked of
 * Cobo even if Cobo refused that org lately, since the org may just have installed the app.
 */
final class InstallationCallback {

	/** The request attribute holding the verified delivery of a Spring MVC handler. */
	static final String ATTRIBUTE = CoboDelivery.class.getName();

	private InstallationCallback() {
	}

	static boolean isHandled() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
	}

}
