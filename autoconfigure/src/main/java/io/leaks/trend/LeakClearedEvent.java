package io.leaks.trend;

import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published once when a resource whose {@link LeakSuspectedEvent} was published leaves
 * {@link TrendStatus#LEAK_SUSPECTED}: the evidence has shown no leak for two min-evidence
 * spans.
 */
public class LeakClearedEvent extends ApplicationEvent {

	private final Verdict verdict;

	private final Instant suspectedAt;

	public LeakClearedEvent(Object source, Verdict verdict, Instant suspectedAt) {
		super(source);
		this.verdict = verdict;
		this.suspectedAt = suspectedAt;
	}

	public String getResource() {
		return this.verdict.resource().id();
	}

	/**
	 * The verdict that cleared the suspicion.
	 * @return the verdict
	 */
	public Verdict getVerdict() {
		return this.verdict;
	}

	/**
	 * When the leak was first suspected.
	 * @return the moment
	 */
	public Instant getSuspectedAt() {
		return this.suspectedAt;
	}

	@Override
	public String toString() {
		return "LeakClearedEvent[" + getResource() + ": " + this.verdict.reason() + "]";
	}

}
