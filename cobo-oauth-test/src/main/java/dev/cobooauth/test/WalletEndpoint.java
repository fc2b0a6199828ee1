package dev.cobooauth.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /v2/wallets} and {@code GET /v2/wallets/{wallet_id}}. Every org has the same six wallets,
 * one or two of each type, with ids derived from the org id, so tests can predict them.
 * <p>
 * Listing filters by {@code wallet_type} and {@code wallet_subtype}, pages with {@code limit}
 * (1 to 50, default 10) and the wallet-id cursors {@code after} or {@code before}, and answers
 * {@code {"data": [..], "pagination": {"before", "after", "total_count"}}} where a cursor is empty
 * when there is nothing on that side. Other query parameters are ignored.
 */
final class WalletEndpoint {

	private static final Set<String> WALLET_TYPES = Set.of("Custodial", "MPC", "SmartContract", "Exchange");

	private static final CursorPages PAGES = new CursorPages("wallet_id", "wallet");

	/** Type, subtype and name of the wallets every org has. */
	private static final List<String[]> KINDS = List.of(
			new String[] { "Custodial", "Asset", "Custodial Asset Wallet" },
			new String[] { "Custodial", "Web3", "Custodial Web3 Wallet" },
			new String[] { "MPC", "Org-Controlled", "MPC Org-Controlled Wallet" },
			new String[] { "MPC", "User-Controlled", "MPC User-Controlled Wallet" },
			new String[] { "SmartContract", "Safe{Wallet}", "Safe Wallet" },
			new String[] { "Exchange", "Main", "Exchange Main Account" });

	private final OrgAuthorization orgs;

	private final SimulatorCounters counters;

	WalletEndpoint(OrgAuthorization orgs, SimulatorCounters counters) {
		this.orgs = orgs;
		this.counters = counters;
	}

	SimulatorResponse list(SimulatorRequest request, Caller caller) {
		String orgId = this.orgs.orgOf(request, caller);
		QueryParameters query = request.query();
		List<Map<String, Object>> wallets = filter(walletsOf(orgId), query.first("wallet_type"),
				query.first("wallet_subtype"));
		Map<String, Object> page = PAGES.page(wallets, query);
		this.counters.countOrg(orgId);
		return SimulatorResponse.json(200, page);
	}

	SimulatorResponse get(SimulatorRequest request, Caller caller) {
		String orgId = this.orgs.orgOf(request, caller);
		String walletId = request.pathVariables().get("wallet_id");
		for (Map<String, Object> wallet : walletsOf(orgId)) {
			if (wallet.get("wallet_id").equals(walletId)) {
				this.counters.countOrg(orgId);
				return SimulatorResponse.json(200, wallet);
			}
		}
		throw Rejection.NOT_FOUND.because("Wallet '" + walletId + "' not found in org '" + orgId + "'");
	}

	/** The wallets of an org, always the same for the same org id. */
	private static List<Map<String, Object>> walletsOf(String orgId) {
		List<Map<String, Object>> wallets = new ArrayList<>(KINDS.size());
		for (int i = 0; i < KINDS.size(); i++) {
			String[] kind = KINDS.get(i);
			Map<String, Object> wallet = new LinkedHashMap<>();
			wallet.put("wallet_id",
					UUID.nameUUIDFromBytes((orgId + "/wallet/" + i).getBytes(StandardCharsets.UTF_8)).toString());
			wallet.put("wallet_type", kind[0]);
			wallet.put("wallet_subtype", kind[1]);
			wallet.put("name", kind[2]);
			wallet.put("org_id", orgId);
			wallets.add(wallet);
		}
		return wallets;
	}

	private static List<Map<String, Object>> filter(List<Map<String, Object>> wallets, String walletType,
			String walletSubtype) {
		if (walletType != null && !WALLET_TYPES.contains(walletType)) {
			throw Rejection.BAD_PARAMETER.because("wallet_type '" + walletType + "' is not one of " + WALLET_TYPES);
		}
		return wallets.stream()
			.filter((wallet) -> walletType == null || walletType.equals(wallet.get("wallet_type")))
			.filter((wallet) -> walletSubtype == null || walletSubtype.equals(wallet.get("wallet_subtype")))
			.toList();
	}

}
