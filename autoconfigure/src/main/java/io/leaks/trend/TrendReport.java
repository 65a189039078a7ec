package io.leaks.trend;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leaks.gc.ForcedCollections;
import org.jspecify.annotations.Nullable;

/**
 * What the watch knows after its last judgement: one immutable value, replaced whole, so
 * readers on other threads never see half an update.
 *
 * @param at when the judgement was made
 * @param resources every resource watched, the heap first
 * @param round the round of live histograms under way, if any
 * @param lastConfirmation what the last finished round found, if any
 * @param lastRoundFailure why the last round failed, if it did
 * @param forced the collections forced so far, by reason
 * @param forcedBudget own forced collections allowed per budget period, and used now
 * @param warnings collection-usage warnings logged so far
 */
public record TrendReport(Instant at, List<ResourceState> resources, @Nullable Round round,
		@Nullable Confirmation lastConfirmation, @Nullable String lastRoundFailure,
		Map<ForcedCollections.Reason, Long> forced, Budget forcedBudget, long warnings) {

	public TrendReport {
		resources = List.copyOf(resources);
		forced = Map.copyOf(forced);
	}

	public ResourceState heap() {
		return resource(Resource.HEAP);
	}

	public ResourceState metaspace() {
		return resource(Resource.METASPACE);
	}

	public ResourceState threads() {
		return resource(Resource.THREADS);
	}

	/**
	 * One resource's state.
	 * @param resource the resource
	 * @return its state
	 */
	public ResourceState resource(Resource resource) {
		for (ResourceState state : this.resources) {
			if (state.type() == resource) {
				return state;
			}
		}
		throw new IllegalArgumentException("not watched: " + resource);
	}

	/**
	 * One watched resource.
	 *
	 * @param type which resource
	 * @param verdict the latest verdict
	 * @param phase where it stands ({@code quiet}, {@code naming}, {@code acting}, {@code published})
	 * @param suspectedAt when the leak state was entered, if it is in it
	 * @param leakVerdict the verdict that entered it
	 * @param suspects the classes named by the live histograms
	 * @param notes what the suspicion actions did
	 */
	public record ResourceState(Resource type, Verdict verdict, String phase, @Nullable Instant suspectedAt,
			@Nullable Verdict leakVerdict, List<Suspect> suspects, List<String> notes) {

		public ResourceState {
			suspects = List.copyOf(suspects);
			notes = List.copyOf(notes);
		}

		public String resource() {
			return this.type.id();
		}

		/**
		 * Whether the resource is in the leak state (entered on a leak verdict, left only
		 * after a while without one).
		 * @return whether a leak is suspected
		 */
		public boolean leak() {
			return !"quiet".equals(this.phase);
		}

		/**
		 * Whether its {@link LeakSuspectedEvent} was published.
		 * @return whether it was
		 */
		public boolean published() {
			return "published".equals(this.phase);
		}

		/**
		 * The status to show: the leak state outlasts single verdicts that lack evidence.
		 * @return the status
		 */
		public TrendStatus status() {
			return leak() ? TrendStatus.LEAK_SUSPECTED : this.verdict.status();
		}

		/**
		 * The verdict to show: the current one, unless the leak state rests on an earlier one.
		 * @return the verdict
		 */
		public Verdict shown() {
			return (leak() && !this.verdict.leak() && this.leakVerdict != null) ? this.leakVerdict : this.verdict;
		}

	}

	/**
	 * A round of live histograms under way.
	 *
	 * @param purpose {@code confirm} (a climb after young collections) or {@code suspects}
	 * (a leak found otherwise)
	 * @param taken histograms taken so far
	 * @param count histograms the round takes
	 * @param liveBytes live bytes each measured
	 * @param spacingMillis time between them
	 * @param nextAt when the next is due
	 */
	public record Round(String purpose, int taken, int count, List<Long> liveBytes, long spacingMillis,
			Instant nextAt) {

		public Round {
			liveBytes = List.copyOf(liveBytes);
		}

	}

	/**
	 * The budget of collections the watch may force on its own.
	 *
	 * @param limit collections allowed per period
	 * @param periodMillis the period
	 * @param used own forced collections within the last period
	 */
	public record Budget(int limit, long periodMillis, int used) {

	}

}
