package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The watch over one resource: its latest verdict and where it stands between quiet and
 * a published leak. Touched only by the watch's thread.
 */
final class ResourceWatch {

	private final Resource resource;

	private Verdict verdict;

	private Phase phase = Phase.QUIET;

	private @Nullable Verdict leakVerdict;

	private long suspectedAtMillis;

	private long stableSinceMillis = Long.MIN_VALUE;

	private long actingSinceMillis;

	private List<Suspect> suspects = List.of();

	private final List<String> notes = new ArrayList<>();

	private volatile boolean actionsDone;

	ResourceWatch(Resource resource, Verdict verdict) {
		this.resource = resource;
		this.verdict = verdict;
	}

	Resource resource() {
		return this.resource;
	}

	Verdict verdict() {
		return this.verdict;
	}

	/**
	 * Takes a new judgement. Once a leak is called, a judgement that only waits for more
	 * evidence (the climb to be measured again, a span to fill) does not replace it: the
	 * leak stands until evidence says otherwise, so its status does not flap between
	 * judgements while the same climb goes on.
	 * @param verdict the new judgement
	 */
	void judged(Verdict verdict) {
		if (this.phase != Phase.QUIET && !verdict.leak() && verdict.finding().status() == TrendStatus.COLLECTING
				&& this.verdict.leak()) {
			return;
		}
		this.verdict = verdict;
	}

	Phase phase() {
		return this.phase;
	}

	boolean leak() {
		return this.phase != Phase.QUIET;
	}

	@Nullable Verdict leakVerdict() {
		return this.leakVerdict;
	}

	long suspectedAtMillis() {
		return this.suspectedAtMillis;
	}

	List<Suspect> suspects() {
		return this.suspects;
	}

	synchronized List<String> notes() {
		return List.copyOf(this.notes);
	}

	synchronized void note(String note) {
		this.notes.add(note);
	}

	/**
	 * Enters the leak state.
	 * @param verdict the verdict that entered it
	 * @param nowMillis when
	 */
	void suspect(Verdict verdict, long nowMillis) {
		this.leakVerdict = verdict;
		this.suspectedAtMillis = nowMillis;
		this.stableSinceMillis = Long.MIN_VALUE;
		this.suspects = List.of();
		synchronized (this) {
			this.notes.clear();
		}
		this.phase = Phase.NAMING;
	}

	/**
	 * Names the suspects and starts the suspicion actions.
	 * @param suspects the classes that grew in every step, if any
	 * @param nowMillis when
	 */
	void act(List<Suspect> suspects, long nowMillis) {
		this.suspects = List.copyOf(suspects);
		this.actingSinceMillis = nowMillis;
		this.actionsDone = false;
		this.phase = Phase.ACTING;
	}

	void actionsDone() {
		this.actionsDone = true;
	}

	/**
	 * Whether the event is due: the actions are done, or they had one interval.
	 */
	boolean readyToPublish(long nowMillis, long intervalMillis) {
		return this.phase == Phase.ACTING && (this.actionsDone || nowMillis - this.actingSinceMillis >= intervalMillis);
	}

	void published() {
		this.phase = Phase.PUBLISHED;
	}

	/**
	 * Counts the time a leak has stayed refuted.
	 * @param stable whether the latest verdict is stable
	 * @param nowMillis when
	 * @return for how long it has been stable, or a negative value if it is not
	 */
	long stableFor(boolean stable, long nowMillis) {
		if (!stable) {
			this.stableSinceMillis = Long.MIN_VALUE;
			return -1;
		}
		if (this.stableSinceMillis == Long.MIN_VALUE) {
			this.stableSinceMillis = nowMillis;
		}
		return nowMillis - this.stableSinceMillis;
	}

	/**
	 * Leaves the leak state.
	 * @return whether its event had been published
	 */
	boolean clear() {
		boolean published = this.phase == Phase.PUBLISHED;
		this.phase = Phase.QUIET;
		this.leakVerdict = null;
		this.suspects = List.of();
		this.stableSinceMillis = Long.MIN_VALUE;
		synchronized (this) {
			this.notes.clear();
		}
		return published;
	}

	/**
	 * Where a resource stands.
	 */
	enum Phase {

		/** No leak. */
		QUIET,

		/** A leak, whose suspects live histograms are naming. */
		NAMING,

		/** A leak, whose suspicion actions (a heap dump, an analysis) are running. */
		ACTING,

		/** A leak, published as a {@link LeakSuspectedEvent}. */
		PUBLISHED

	}

}
