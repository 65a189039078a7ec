package io.leaks.workloads.load;

import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The traffic every scenario runs on: request garbage at a steady allocation rate and
 * sessions that live tens of seconds, both following the scenario's load. It is a pure
 * function of the time it is advanced to, like the scenarios, and runs on the caller's
 * thread.
 */
public final class BackgroundLoad {

	private static final Log logger = LogFactory.getLog(BackgroundLoad.class);

	private final BackgroundSettings settings;

	private final LongToDoubleFunction load;

	private final RequestTraffic requests;

	private final Sessions sessions;

	private long lastMillis = -1;

	private double allocationDue;

	private double sessionsDue;

	private long failures;

	/**
	 * @param settings the traffic at full load
	 * @param load the share of full load at a time since the start
	 * @param seed the random seed (sizes of bodies and sessions)
	 */
	public BackgroundLoad(BackgroundSettings settings, LongToDoubleFunction load, long seed) {
		this.settings = settings;
		this.load = load;
		SplittableRandom random = new SplittableRandom(seed);
		this.requests = new RequestTraffic(random.split());
		this.sessions = new Sessions(random.split());
	}

	/**
	 * Serves the traffic that fell due since the last call.
	 * @param elapsedMillis time since the start
	 */
	public void advance(long elapsedMillis) {
		if (this.lastMillis < 0) {
			this.lastMillis = elapsedMillis;
			return;
		}
		long step = elapsedMillis - this.lastMillis;
		this.lastMillis = elapsedMillis;
		double share = Math.max(0, Math.min(1, this.load.applyAsDouble(elapsedMillis)));
		long meanLife = this.settings.sessionLife().toMillis();
		this.allocationDue += this.settings.allocation().over(step) * share;
		this.sessionsDue += share * this.settings.sessionBytes() * step
				/ ((double) meanLife * Sessions.MEAN_SESSION_BYTES);
		try {
			this.sessions.expire(elapsedMillis);
			for (; this.sessionsDue >= 1; this.sessionsDue--) {
				this.sessions.open(elapsedMillis, meanLife);
			}
			while (this.allocationDue > 0) {
				this.allocationDue -= this.requests.serve();
			}
		}
		catch (OutOfMemoryError ex) {
			// A service out of memory fails its requests and goes on trying.
			this.allocationDue = 0;
			if (this.failures++ == 0) {
				logger.warn("workload: background requests fail for want of memory");
			}
		}
	}

	/**
	 * Requests served so far.
	 * @return the count
	 */
	public long requests() {
		return this.requests.requests();
	}

	/**
	 * Bytes the live sessions hold now.
	 * @return bytes
	 */
	public long sessionBytes() {
		return this.sessions.held();
	}

	/**
	 * Sessions open now.
	 * @return the count
	 */
	public int openSessions() {
		return this.sessions.size();
	}

	/**
	 * Drops every session.
	 */
	public void release() {
		this.sessions.clear();
	}

	public BackgroundSettings settings() {
		return this.settings;
	}

}
