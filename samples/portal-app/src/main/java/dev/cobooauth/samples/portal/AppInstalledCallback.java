package dev.cobooauth.samples.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.webhook.VerifiedCoboDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cobo's callback when an organization's admin installs the Portal App. The starter verifies the
 * delivery (Cobo's signature, its age, no replay) before this method runs; the app then obtains the
 * org's first Org Access Token, which the starter stores, reuses and refreshes from then on.
 */
@RestController
class AppInstalledCallback {

	private static final Logger log = LoggerFactory.getLogger(AppInstalledCallback.class);

	private final CoboOrgAccessTokens tokens;

	AppInstalledCallback(CoboOrgAccessTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/cobo/callbacks/app-installed")
	ResponseEntity<Void> appInstalled(@VerifiedCoboDelivery AppInstallation installation) {
		OAuth2AccessToken token = this.tokens.getAccessToken(installation.orgId());
		log.info("Installed by org {}; its Org Access Token expires at {}", installation.orgId(), token.getExpiresAt());
		return ResponseEntity.ok().build();
	}

	/**
	 * The fields of the callback this app needs. The org id is what Cobo delivers; check the field
	 * name against Cobo's callback reference for your app's manifest.
	 *
	 * @param orgId the installing organization
	 */
	record AppInstallation(@JsonProperty("org_id") String orgId) {
	}

}
