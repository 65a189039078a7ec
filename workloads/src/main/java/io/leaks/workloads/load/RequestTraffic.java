package io.leaks.workloads.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Request-like garbage: each request builds headers, a body, line items and a response,
 * and the last few stay reachable for a while (in flight), so some of it survives a young
 * collection as real requests do.
 */
final class RequestTraffic {

	static final int IN_FLIGHT = 64;

	private final SplittableRandom random;

	private final Object[] inFlight = new Object[IN_FLIGHT];

	private long requests;

	RequestTraffic(SplittableRandom random) {
		this.random = random;
	}

	/**
	 * Serves one request.
	 * @return about how many bytes it allocated
	 */
	long serve() {
		long id = this.requests++;
		Map<String, String> headers = new HashMap<>();
		for (int i = 0; i < 10; i++) {
			headers.put("x-header-" + i, "value-" + id + "-" + this.random.nextInt(1000));
		}
		int bodyBytes = 512 + this.random.nextInt(24 * 1024);
		byte[] body = new byte[bodyBytes];
		List<LineItem> items = new ArrayList<>();
		int count = 4 + this.random.nextInt(24);
		for (int i = 0; i < count; i++) {
			items.add(new LineItem("sku-" + this.random.nextInt(100_000), 1 + this.random.nextInt(5),
					this.random.nextInt(10_000)));
		}
		StringBuilder response = new StringBuilder(256);
		response.append("{\"order\":").append(id).append(",\"items\":[");
		for (LineItem item : items) {
			response.append("{\"sku\":\"").append(item.sku()).append("\",\"qty\":").append(item.quantity()).append("},");
		}
		response.append("]}");
		this.inFlight[(int) (id % IN_FLIGHT)] = new Request(headers, body, items, response.toString());
		return bodyBytes + 1200 + count * 120L + response.length() * 3L;
	}

	long requests() {
		return this.requests;
	}

	record LineItem(String sku, int quantity, int cents) {

	}

	record Request(Map<String, String> headers, byte[] body, List<LineItem> items, String response) {

	}

}
