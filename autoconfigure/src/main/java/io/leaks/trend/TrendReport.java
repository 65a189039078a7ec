package io.leaks.trend;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the watch knows after its last judgement: one immutable value, replaced whole, so
 * readers on other threads never see half an update.
 *
 * @param at when the judgement was made
 * @param heap the heap
 * @param metaspace metaspace (class-loader leaks)
 * @param threads live threads (thread leaks)
 * @param round the round of live histograms under way, if any
 * @param lastRefutation the last suspicion the live histograms refuted, if any
 * @param warnings collection-usage warnings logged so far
 */
public record TrendReport(Instant at, Resource heap, Resource metaspace, Resource threads, @Nullable Round round,
		@Nullable String lastRefutation, long warnings) {

	public List<Resource> resources() {
		return List.of(this.heap, this.metaspace, this.threads);
	}

	/**
	 * One watched resource.
	 *
	 * @param verdict the latest verdict
	 * @param leak whether the resource is in the leak state (entered on a leak verdict,
	 * left only after a min-evidence span without one)
	 * @param suspectedAt when the leak state was entered
	 * @param leakVerdict the verdict that entered it
	 * @param suspects the classes named by the live histograms
	 * @param notes what the suspicion actions did
	 * @param published whether the {@link LeakSuspectedEvent} was published
	 */
	public record Resource(Verdict verdict, boolean leak, @Nullable Instant suspectedAt, @Nullable Verdict leakVerdict,
			List<Suspect> suspects, List<String> notes, boolean published) {

		public Resource {
			suspects = List.copyOf(suspects);
			notes = List.copyOf(notes);
		}

		public String resource() {
			return this.verdict.resource();
		}

		/**
		 * The status to show: the leak state outlasts single verdicts that lack evidence.
		 * @return the status
		 */
		public TrendStatus status() {
			return this.leak ? TrendStatus.LEAK_SUSPECTED : this.verdict.status();
		}

		/**
		 * The verdict to show: the current one, unless the leak state rests on an earlier one.
		 * @return the verdict
		 */
		public Verdict shown() {
			return (this.leak && !this.verdict.leak() && this.leakVerdict != null) ? this.leakVerdict : this.verdict;
		}

	}

	/**
	 * A round of live histograms.
	 *
	 * @param purpose {@code confirm} (a young-collection suspicion) or {@code suspects}
	 * (a leak verdict)
	 * @param taken histograms taken so far
	 * @param count histograms the round takes
	 * @param liveBytes live bytes each measured
	 */
	public record Round(String purpose, int taken, int count, List<Long> liveBytes) {

		public Round {
			liveBytes = List.copyOf(liveBytes);
		}

	}

}
