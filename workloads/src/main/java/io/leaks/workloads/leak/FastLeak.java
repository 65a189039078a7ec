package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A request log that keeps every request it ever saw, body included, at a pace that fills
 * the free heap in about ten minutes.
 */
public final class FastLeak extends SteadyLeak {

	static final int BODY_BYTES = 4096;

	static final Duration FILL = Duration.ofMinutes(10);

	private final List<RequestRecord> log = new ArrayList<>();

	public FastLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free() * 0.9, FILL), "fast-leak"),
				settings.onsetOr(Duration.ZERO), BODY_BYTES + 64);
	}

	@Override
	void keep(long index) {
		this.log.add(new RequestRecord(index, "/api/orders/" + index, new byte[BODY_BYTES]));
	}

	@Override
	void drop() {
		this.log.clear();
	}

	@Override
	public String describe() {
		return "fast leak: a request log keeps every request body (RequestRecord, 4 KiB) " + pace();
	}

	/**
	 * One request, kept forever.
	 *
	 * @param id the request's number
	 * @param path what it asked for
	 * @param body what it sent
	 */
	record RequestRecord(long id, String path, byte[] body) {

	}

}
