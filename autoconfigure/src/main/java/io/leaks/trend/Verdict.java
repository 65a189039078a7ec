package io.leaks.trend;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The judgement of one resource at one moment: a finding and the numbers behind it, a
 * value, never an exception. {@link #reason()} words it ({@link VerdictText} is the one
 * place that does).
 *
 * @param resource what was judged
 * @param finding what the evidence shows
 * @param growthPerMinute fitted growth of the retained amount, units (bytes, threads) per
 * minute; 0 without a rise
 * @param projection when the resource runs out at that pace, or {@code null} if it does
 * not grow or has no limit
 * @param severity how soon a leak exhausts its resource, or {@code null} if this is no leak
 * @param grounds why a steady rise counts as a leak, or {@code null}; on {@link Finding#FILLING},
 * the grounds of a climb the collector's own collection is about to measure
 * @param evidence what the verdict rests on
 * @param facts the other numbers its wording needs
 * @param suspicion whether young collections alone show the climb, which live histograms
 * must confirm before it can be called a leak
 * @param atMillis when the judgement was made, milliseconds since the JVM started
 */
public record Verdict(Resource resource, Finding finding, double growthPerMinute, @Nullable Projection projection,
		@Nullable Severity severity, @Nullable Grounds grounds, Evidence evidence, Facts facts, boolean suspicion,
		long atMillis) {

	/**
	 * A verdict without evidence (yet).
	 * @param resource the resource
	 * @param finding why there is none ({@code NOT_JUDGED}, {@code WARMING_UP}, ...)
	 * @param facts what is known
	 * @param atMillis when
	 * @return the verdict
	 */
	public static Verdict without(Resource resource, Finding finding, Facts facts, long atMillis) {
		return new Verdict(resource, finding, 0, null, null, null, Evidence.none(), facts, false, atMillis);
	}

	public TrendStatus status() {
		return this.finding.status();
	}

	public boolean leak() {
		return this.finding.leak();
	}

	/**
	 * Why a leak was called, as users see it: {@code null} for anything but a leak (a climb
	 * that is {@link Finding#FILLING} may carry grounds the collector is about to measure).
	 * @return the grounds of a leak, or {@code null}
	 */
	public @Nullable Grounds leakGrounds() {
		return leak() ? this.grounds : null;
	}

	/**
	 * The verdict in a sentence, for people.
	 * @return the sentence
	 */
	public String reason() {
		return VerdictText.reason(this);
	}

	/**
	 * The numbers a verdict's wording needs beside its evidence, each optional.
	 *
	 * @param observations observations available (collections or samples) after warm-up
	 * @param observedMillis the time they span
	 * @param warmupMillis the warm-up
	 * @param minEvidenceMillis the shortest span judged
	 * @param persistSpanMillis the span a rise must persist to be called on persistence
	 * @param longSpanMillis the span after which any steady rise is a leak
	 * @param untilLimitMillis time left at the pace fitted, or a negative value if unlimited
	 * @param limit the resource's limit, or a non-positive value if it has none
	 * @param liveFloors live bytes measured by the last round of live histograms, oldest first
	 * @param youngPerMinute growth seen after young collections, for a refuted or pending climb
	 * @param pressureCollections whole-heap collections in a row found near the limit
	 * @param pressureShare share of the limit (or the committed heap) they left in use
	 * @param backToBack whether pressure was seen as back-to-back full collections that the
	 * committed heap cannot grow out of
	 */
	public record Facts(int observations, long observedMillis, long warmupMillis, long minEvidenceMillis,
			long persistSpanMillis, long longSpanMillis, double untilLimitMillis, long limit, List<Long> liveFloors,
			double youngPerMinute, int pressureCollections, double pressureShare, boolean backToBack) {

		public Facts {
			liveFloors = List.copyOf(liveFloors);
		}

		/**
		 * Facts of the settings only.
		 * @param settings the evidence wanted
		 * @return the facts
		 */
		public static Facts of(TrendSettings settings) {
			return new Facts(0, 0, settings.warmup().toMillis(), settings.minEvidence().toMillis(),
					settings.persistSpan().toMillis(), settings.longSpan().toMillis(), -1, 0, List.of(), 0, 0, 0,
					false);
		}

		Facts observed(int observations, long observedMillis) {
			return new Facts(observations, observedMillis, this.warmupMillis, this.minEvidenceMillis,
					this.persistSpanMillis, this.longSpanMillis, this.untilLimitMillis, this.limit, this.liveFloors,
					this.youngPerMinute, this.pressureCollections, this.pressureShare, this.backToBack);
		}

		Facts limited(double untilLimitMillis, long limit) {
			return new Facts(this.observations, this.observedMillis, this.warmupMillis, this.minEvidenceMillis,
					this.persistSpanMillis, this.longSpanMillis, untilLimitMillis, limit, this.liveFloors,
					this.youngPerMinute, this.pressureCollections, this.pressureShare, this.backToBack);
		}

		Facts measured(List<Long> liveFloors, double youngPerMinute) {
			return new Facts(this.observations, this.observedMillis, this.warmupMillis, this.minEvidenceMillis,
					this.persistSpanMillis, this.longSpanMillis, this.untilLimitMillis, this.limit, liveFloors,
					youngPerMinute, this.pressureCollections, this.pressureShare, this.backToBack);
		}

		Facts pressure(int collections, double share, boolean backToBack) {
			return new Facts(this.observations, this.observedMillis, this.warmupMillis, this.minEvidenceMillis,
					this.persistSpanMillis, this.longSpanMillis, this.untilLimitMillis, this.limit, this.liveFloors,
					this.youngPerMinute, collections, share, backToBack);
		}

	}

}
