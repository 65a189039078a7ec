package io.leaks.trend;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published once when a resource enters {@link TrendStatus#LEAK_SUSPECTED}, after the
 * {@link SuspicionAction}s ran and, for the heap, after live histograms named the
 * suspects. Handle it with {@code @EventListener}.
 */
public class LeakSuspectedEvent extends ApplicationEvent {

	private final Verdict verdict;

	private final @Nullable Instant projectedExhaustion;

	private final List<Suspect> suspects;

	private final List<String> notes;

	public LeakSuspectedEvent(Object source, Verdict verdict, @Nullable Instant projectedExhaustion,
			List<Suspect> suspects, List<String> notes) {
		super(source);
		this.verdict = verdict;
		this.projectedExhaustion = projectedExhaustion;
		this.suspects = List.copyOf(suspects);
		this.notes = List.copyOf(notes);
	}

	/**
	 * What leaks.
	 * @return {@code heap}, {@code metaspace} or {@code threads}
	 */
	public String getResource() {
		return this.verdict.resource().id();
	}

	/**
	 * How soon the leak exhausts its resource at its pace: what to route an alert on.
	 * @return {@code MINUTES}, {@code HOURS} or {@code DAYS}
	 */
	public Severity getSeverity() {
		Severity severity = this.verdict.severity();
		return (severity != null) ? severity : Severity.DAYS;
	}

	/**
	 * What the evidence shows.
	 * @return the finding ({@code GROWING}, {@code FILLS_SOON} or {@code PRESSURE})
	 */
	public Finding getFinding() {
		return this.verdict.finding();
	}

	/**
	 * Growth of the retained amount.
	 * @return bytes (or threads) per minute
	 */
	public double getGrowthPerMinute() {
		return this.verdict.growthPerMinute();
	}

	/**
	 * When the resource runs out at that pace.
	 * @return the moment, or {@code null} if it cannot be projected
	 */
	public @Nullable Instant getProjectedExhaustion() {
		return this.projectedExhaustion;
	}

	/**
	 * The classes that grew in every step of the live histograms, most suspicious first.
	 * @return the suspects (empty when histograms are off or unavailable, and for
	 * metaspace and threads)
	 */
	public List<Suspect> getSuspects() {
		return this.suspects;
	}

	public Evidence getEvidence() {
		return this.verdict.evidence();
	}

	/**
	 * What the {@link SuspicionAction}s did, such as the name of a heap dump.
	 * @return their notes
	 */
	public List<String> getNotes() {
		return this.notes;
	}

	public Verdict getVerdict() {
		return this.verdict;
	}

	@Override
	public String toString() {
		return "LeakSuspectedEvent[" + this.verdict.reason() + "; suspects="
				+ this.suspects.stream().map(Suspect::displayName).toList() + "]";
	}

}
