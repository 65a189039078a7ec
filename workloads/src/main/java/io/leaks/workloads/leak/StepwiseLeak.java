package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A periodic batch builds a large working set, drops it, and leaves its results behind in
 * an archive nobody trims: the retained heap rises in steps, one per batch, with a bulge of
 * garbage at each.
 */
public final class StepwiseLeak implements Scenario {

	static final int CHUNK_BYTES = 16 * 1024;

	static final Duration PERIOD = Duration.ofMinutes(3);

	static final Duration FILL = Duration.ofMinutes(60);

	/** The working set is this many times what the batch leaves behind. */
	static final int WORKING_SET_FACTOR = 4;

	private final Rate rate;

	private final long onsetMillis;

	private final long periodMillis;

	private final long batchMillis;

	private final long leftPerBatch;

	private final List<ReportResult> archive = new ArrayList<>();

	private List<byte[]> workingSet = new ArrayList<>();

	private long batches;

	private long batchStartedAt = -1;

	private volatile long held;

	private volatile boolean started;

	private volatile boolean stopped;

	public StepwiseLeak(ScenarioSettings settings) {
		this.rate = settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "stepwise-leak");
		this.onsetMillis = settings.onsetOr(Duration.ZERO).toMillis();
		this.periodMillis = settings.periodOr(PERIOD).toMillis();
		this.batchMillis = Math.min(30_000, this.periodMillis / 3);
		this.leftPerBatch = Math.max(CHUNK_BYTES, (long) this.rate.over(this.periodMillis));
	}

	@Override
	public void advance(long elapsedMillis) {
		if (this.batchStartedAt >= 0 && elapsedMillis - this.batchStartedAt >= this.batchMillis) {
			finishBatch();
		}
		if (this.stopped || elapsedMillis < this.onsetMillis) {
			return;
		}
		this.started = true;
		long due = (elapsedMillis - this.onsetMillis) / this.periodMillis + 1;
		if (this.batchStartedAt < 0 && this.batches < due) {
			this.batches++;
			this.batchStartedAt = elapsedMillis;
			long chunks = WORKING_SET_FACTOR * this.leftPerBatch / CHUNK_BYTES;
			for (long i = 0; i < chunks; i++) {
				this.workingSet.add(new byte[CHUNK_BYTES]);
			}
		}
	}

	private void finishBatch() {
		int kept = (int) (this.leftPerBatch / CHUNK_BYTES);
		List<byte[]> results = new ArrayList<>(this.workingSet.subList(0, Math.min(kept, this.workingSet.size())));
		this.workingSet = new ArrayList<>();
		this.archive.add(new ReportResult(this.batches, results));
		this.batchStartedAt = -1;
		this.held = this.archive.size() * this.leftPerBatch;
	}

	@Override
	public long held() {
		return this.held;
	}

	@Override
	public boolean leaking() {
		return this.started && !this.stopped;
	}

	@Override
	public void stopLeaking() {
		this.stopped = true;
	}

	@Override
	public void release() {
		this.stopped = true;
		this.archive.clear();
		this.workingSet = new ArrayList<>();
		this.batchStartedAt = -1;
		this.held = 0;
	}

	@Override
	public String describe() {
		return "stepwise leak: every " + this.periodMillis / 1000 + " s a batch builds " + WORKING_SET_FACTOR
				+ "x its result as working set and leaves a ReportResult of " + (this.leftPerBatch >> 20)
				+ " MiB in an archive, " + this.rate + " on average from " + this.onsetMillis / 1000 + " s";
	}

	/**
	 * What one batch left behind.
	 *
	 * @param batch the batch's number
	 * @param pages its rendered pages
	 */
	record ReportResult(long batch, List<byte[]> pages) {

	}

}
