package dev.cobooauth.benchmarks.endtoend;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Cobo's wallet list as portal-app's {@code WalletsApi} declares it, minus the {@code @CoboOrgId}
 * parameter: in a group that the starter does not configure, so a call is neither signed nor
 * authorized nor verified.
 */
@HttpExchange("/wallets")
interface PassThroughWalletsApi {

	/**
	 * @param query the query parameters, each sent as given
	 * @return Cobo's answer
	 */
	@GetExchange
	ResponseEntity<String> listWallets(@RequestParam MultiValueMap<String, String> query);

}
