package dev.cobooauth.oauth2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * A map of bounded size that forgets the entry seen least recently when a new one would exceed it,
 * so that bookkeeping per org never grows with every org id an application is ever asked about.
 * Thread-safe; meant for paths that run once per token request, not once per call.
 *
 * @param <K> the keys
 * @param <V> the values
 */
final class RecentlySeen<K, V> {

	private final Map<K, V> entries;

	/**
	 * @param capacity how many entries are kept at most
	 */
	RecentlySeen(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized @Nullable V get(K key) {
		return this.entries.get(key);
	}

	synchronized void put(K key, V value) {
		this.entries.put(key, value);
	}

	synchronized void compute(K key, BiFunction<K, @Nullable V, V> update) {
		this.entries.put(key, update.apply(key, this.entries.get(key)));
	}

	synchronized void remove(K key) {
		this.entries.remove(key);
	}

	/** @return the keys, least recently seen first */
	synchronized List<K> keys() {
		return new ArrayList<>(this.entries.keySet());
	}

}
