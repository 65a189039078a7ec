package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A retry queue that is empty while a downstream service answers, and grows without bound
 * once it stops answering: flat for a long time, then leaking.
 */
public final class LateOnsetLeak extends SteadyLeak {

	static final int PAYLOAD_BYTES = 2048;

	static final Duration LONGEST_DEFAULT_ONSET = Duration.ofMinutes(30);

	static final Duration FILL = Duration.ofMinutes(30);

	private final Deque<PendingDelivery> queue = new ArrayDeque<>();

	public LateOnsetLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "late-onset-leak"),
				settings.onsetOr(defaultOnset(settings.duration())), PAYLOAD_BYTES + 48);
	}

	private static Duration defaultOnset(Duration duration) {
		Duration half = duration.dividedBy(2);
		return (half.compareTo(LONGEST_DEFAULT_ONSET) < 0) ? half : LONGEST_DEFAULT_ONSET;
	}

	@Override
	void keep(long index) {
		this.queue.addLast(new PendingDelivery(index, new byte[PAYLOAD_BYTES]));
	}

	@Override
	void drop() {
		this.queue.clear();
	}

	@Override
	public String describe() {
		return "late-onset leak: a retry queue keeps every PendingDelivery (2 KiB) once its downstream stops answering "
				+ pace();
	}

	/**
	 * A message waiting for a retry that never succeeds.
	 *
	 * @param id its number
	 * @param payload what it carries
	 */
	record PendingDelivery(long id, byte[] payload) {

	}

}
