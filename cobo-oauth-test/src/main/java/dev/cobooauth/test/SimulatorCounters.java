package dev.cobooauth.test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator has seen since it started or was last reset. Thread-safe; read while requests
 * are in flight, a count may lag by the requests still being handled.
 * <ul>
 * <li>endpoint: every request received, by {@code METHOD /v2/template}, e.g.
 * {@code GET /v2/wallets/{wallet_id}}, including rejected and faulted ones (a request to no endpoint
 * counts under its raw path);</li>
 * <li>org: requests answered successfully on behalf of an org;</li>
 * <li>grant: token pairs issued, by {@link Grant};</li>
 * <li>rejections: requests refused, by {@link Rejection} (injected faults are not rejections).</li>
 * </ul>
 */
public final class SimulatorCounters {

	private final Map<String, LongAdder> endpoints = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> orgs = new ConcurrentHashMap<>();

	private final Map<Grant, LongAdder> grants = new ConcurrentHashMap<>();

	private final Map<Rejection, LongAdder> rejections = new ConcurrentHashMap<>();

	/**
	 * @param endpoint method and path template, e.g. {@code POST /v2/oauth/token}
	 * @return requests received by it
	 */
	public long endpoint(String endpoint) {
		return count(this.endpoints, endpoint);
	}

	/** @return every endpoint's count, by name, sorted */
	public Map<String, Long> endpoints() {
		return snapshot(this.endpoints);
	}

	/** @return requests received by all endpoints together */
	public long requests() {
		return this.endpoints.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * @param orgId an org id
	 * @return requests answered successfully on behalf of that org
	 */
	public long org(String orgId) {
		return count(this.orgs, orgId);
	}

	/**
	 * @param grant a grant
	 * @return token pairs issued by that grant
	 */
	public long grant(Grant grant) {
		return count(this.grants, grant);
	}

	/**
	 * @param reason a reason
	 * @return requests refused for that reason
	 */
	public long rejections(Rejection reason) {
		return count(this.rejections, reason);
	}

	/** @return requests refused for any reason */
	public long rejections() {
		return this.rejections.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** Sets every count back to zero. */
	public void reset() {
		this.endpoints.clear();
		this.orgs.clear();
		this.grants.clear();
		this.rejections.clear();
	}

	void countEndpoint(String endpoint) {
		increment(this.endpoints, endpoint);
	}

	void countOrg(String orgId) {
		increment(this.orgs, orgId);
	}

	void countGrant(Grant grant) {
		increment(this.grants, grant);
	}

	void countRejection(Rejection reason) {
		increment(this.rejections, reason);
	}

	private static <K> long count(Map<K, LongAdder> counts, K key) {
		LongAdder count = counts.get(key);
		return (count != null) ? count.sum() : 0;
	}

	private static <K> void increment(Map<K, LongAdder> counts, K key) {
		counts.computeIfAbsent(key, (k) -> new LongAdder()).increment();
	}

	@Override
	public String toString() {
		return "SimulatorCounters[endpoints=" + endpoints() + ", orgs=" + snapshot(this.orgs) + ", grants="
				+ snapshot(this.grants) + ", rejections=" + snapshot(this.rejections) + "]";
	}

	private static <K> Map<String, Long> snapshot(Map<K, LongAdder> counts) {
		Map<String, Long> snapshot = new TreeMap<>();
		counts.forEach((key, count) -> snapshot.put(key.toString(), count.sum()));
		return snapshot;
	}

}
