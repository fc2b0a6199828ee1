package dev.cobooauth.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cobo's cursor pagination of a listing, as its list operations answer it: {@code limit} (10 by
 * default, at most 50), the cursor {@code after} or {@code before} (an id of the listing; both is an
 * error; {@code before=infinity} gives the last page), and the answer
 * {@code {data: [...], pagination: {before, after, total_count}}}, an empty cursor where there is no
 * page that way.
 */
final class CursorPages {

	private static final int DEFAULT_LIMIT = 10;

	private static final int MAX_LIMIT = 50;

	private final String idField;

	private final String itemName;

	/**
	 * @param idField the field of an item that cursors name, e.g. {@code wallet_id}
	 * @param itemName what an item is called in a refusal, e.g. {@code wallet}
	 */
	CursorPages(String idField, String itemName) {
		this.idField = idField;
		this.itemName = itemName;
	}

	/**
	 * @param items the whole listing, in its order
	 * @param query the request's query, whose {@code limit}, {@code after} and {@code before} are read
	 * @return the page the query asks for
	 */
	Map<String, Object> page(List<Map<String, Object>> items, QueryParameters query) {
		int limit = limitOf(query.first("limit"));
		String after = query.first("after");
		String before = query.first("before");
		if (after != null && before != null) {
			throw Rejection.BAD_PARAMETER.because("Give at most one of the cursors after and before");
		}
		int from;
		int to;
		if (before != null) {
			to = "infinity".equals(before) ? items.size() : indexOf(items, before, "before");
			from = Math.max(0, to - limit);
		}
		else {
			from = (after != null) ? indexOf(items, after, "after") + 1 : 0;
			to = Math.min(items.size(), from + limit);
		}
		List<Map<String, Object>> data = items.subList(from, to);
		Map<String, Object> pagination = new LinkedHashMap<>();
		pagination.put("before", (!data.isEmpty() && from > 0) ? data.get(0).get(this.idField) : "");
		pagination.put("after", (!data.isEmpty() && to < items.size()) ? data.get(data.size() - 1).get(this.idField) : "");
		pagination.put("total_count", items.size());
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("data", data);
		page.put("pagination", pagination);
		return page;
	}

	private static int limitOf(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit);
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw Rejection.BAD_PARAMETER.because("limit '" + limit + "' is not a number from 1 to " + MAX_LIMIT);
	}

	private int indexOf(List<Map<String, Object>> items, String cursor, String name) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).get(this.idField).equals(cursor)) {
				return i;
			}
		}
		throw Rejection.BAD_PARAMETER
			.because(name + " cursor '" + cursor + "' is not a " + this.itemName + " id of this listing");
	}

}
