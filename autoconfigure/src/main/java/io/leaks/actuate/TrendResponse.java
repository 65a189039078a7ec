package io.leaks.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leaks.gc.ForcedCollections;
import io.leaks.trend.Confirmation;
import io.leaks.trend.Evidence;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.Point;
import io.leaks.trend.Projection;
import io.leaks.trend.Suspect;
import io.leaks.trend.TrendReport;
import io.leaks.trend.Verdict;
import io.leaks.trend.WatchSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/trend}: whether the heap leaks, how fast, how soon it runs
 * out, which classes grow, the verdicts on what lies outside the heap, and what the
 * analysis cost the host in forced collections.
 *
 * @param status {@code COLLECTING}, {@code STABLE} or {@code LEAK_SUSPECTED}
 * @param finding what the evidence shows ({@code FILLING}, {@code GROWING}, {@code REFUTED}, ...)
 * @param severity how soon a leak exhausts the heap ({@code MINUTES}, {@code HOURS},
 * {@code DAYS}), or {@code null} without a leak
 * @param grounds why a steady rise counts as a leak ({@code URGENT}, {@code HALF_FREE},
 * {@code PERSISTED}, {@code LONG}), or {@code null}
 * @param growthBytesPerMinute growth of the retained heap
 * @param projectedExhaustion when the max heap fills at that pace, or {@code null}
 * @param projection the projection with its confidence range, or {@code null}
 * @param suspects classes that grew in every step of the live histograms
 * @param evidence what the verdict rests on
 * @param reason the verdict in a sentence
 * @param suspicion whether young collections alone show growth that live histograms must
 * confirm
 * @param suspectedAt when the leak was first suspected, or {@code null}
 * @param notes what the suspicion actions did (a heap dump's name, ...)
 * @param metaspace the metaspace verdict (class-loader leaks)
 * @param threads the live-threads verdict (thread leaks)
 * @param resources every resource's verdict, the heap's included, by name
 * @param histograms the live histograms under way and what the last round found
 * @param forcedCollections the full collections forced so far and the budget for the
 * analysis' own
 * @param warnings collection-usage warnings logged so far
 * @param judgedAt when the verdict was made
 * @param settings the settings in force
 */
public record TrendResponse(String status, String finding, @Nullable String severity, @Nullable String grounds,
		double growthBytesPerMinute, @Nullable Instant projectedExhaustion, @Nullable ProjectionBody projection,
		List<Suspect> suspects, EvidenceBody evidence, String reason, boolean suspicion, @Nullable Instant suspectedAt,
		List<String> notes, ResourceBody metaspace, ResourceBody threads, Map<String, ResourceBody> resources,
		Histograms histograms, ForcedBody forcedCollections, long warnings, Instant judgedAt,
		Settings settings) implements OperationResponseBody {

	static TrendResponse of(LeakWatch watch) {
		TrendReport report = watch.report();
		TrendReport.ResourceState heap = report.heap();
		Verdict shown = heap.shown();
		ProjectionBody projection = ProjectionBody.of(shown.projection(), watch);
		WatchSettings settings = watch.settings();
		Map<String, ResourceBody> resources = new LinkedHashMap<>();
		for (TrendReport.ResourceState resource : report.resources()) {
			resources.put(resource.resource(), ResourceBody.of(resource, watch));
		}
		return new TrendResponse(heap.status().name(), shown.finding().name(),
				(shown.severity() != null) ? shown.severity().name() : null,
				(shown.leakGrounds() != null) ? shown.leakGrounds().name() : null, shown.growthPerMinute(),
				(projection != null) ? projection.exhaustion() : null, projection, heap.suspects(),
				EvidenceBody.of(shown.evidence(), watch), shown.reason(), heap.verdict().suspicion(),
				heap.suspectedAt(), heap.notes(), ResourceBody.of(report.metaspace(), watch),
				ResourceBody.of(report.threads(), watch), resources, Histograms.of(report, watch),
				ForcedBody.of(report), report.warnings(), report.at(),
				new Settings(settings.interval(), settings.analysis().warmup(), settings.analysis().minEvidence(),
						settings.analysis().persistSpan(), settings.analysis().longSpan(), settings.histograms(),
						settings.histogramCount(), settings.histogramSpacing(), settings.histogramCooldown(),
						settings.forcedBudget(), settings.budgetPeriod()));
	}

	/**
	 * When a resource runs out at its fitted pace.
	 *
	 * @param exhaustion the projected moment
	 * @param earliest the same at the fastest slope of the confidence interval
	 * @param latest the same at the slowest, or {@code null} if that slope does not rise
	 * @param limit the limit (max heap, metaspace or direct memory limit, container memory)
	 * @param level the fitted level now
	 */
	public record ProjectionBody(Instant exhaustion, Instant earliest, @Nullable Instant latest, long limit,
			long level) {

		static @Nullable ProjectionBody of(@Nullable Projection projection, LeakWatch watch) {
			if (projection == null) {
				return null;
			}
			return new ProjectionBody(watch.instant(projection.exhaustionAtMillis()),
					watch.instant(projection.earliestMillis()),
					(projection.latestMillis() != null) ? watch.instant(projection.latestMillis()) : null,
					projection.limit(), projection.level());
		}

	}

	/**
	 * What a verdict rests on.
	 *
	 * @param basis {@code FLOOR_TREND}, {@code PRESSURE}, {@code YOUNG_TREND}, {@code FLOOR_ABOVE_CLIMB},
	 * {@code CONFIRMED}, {@code SAMPLES} or {@code NONE}
	 * @param from start of the evidence, or {@code null} without evidence
	 * @param to end of the evidence, or {@code null} without evidence
	 * @param spanSeconds seconds the evidence spans
	 * @param points observations fitted
	 * @param kinds kinds of collection (or {@code SAMPLE}) it comes from
	 * @param trendZ Mann–Kendall statistic (above about 2.3: a real rise)
	 * @param pValue the chance of so steady a rise without a trend
	 * @param pace later-half growth relative to the earlier half (near 0: levelling off)
	 */
	public record EvidenceBody(String basis, @Nullable Instant from, @Nullable Instant to, long spanSeconds, int points,
			List<String> kinds, double trendZ, double pValue, double pace) {

		static EvidenceBody of(Evidence evidence, LeakWatch watch) {
			boolean any = evidence.points() > 0;
			return new EvidenceBody(evidence.basis().name(), any ? watch.instant(evidence.fromMillis()) : null,
					any ? watch.instant(evidence.toMillis()) : null, evidence.spanMillis() / 1000, evidence.points(),
					evidence.kinds(), round(evidence.trendZ(), 100), round(evidence.pValue(), 10_000),
					round(evidence.pace(), 100));
		}

		private static double round(double value, double scale) {
			return Math.round(value * scale) / scale;
		}

	}

	/**
	 * The verdict on one resource.
	 *
	 * @param status the status
	 * @param finding what the evidence shows
	 * @param severity how soon a leak exhausts it, or {@code null}
	 * @param growthPerMinute growth, bytes (threads for threads) per minute
	 * @param projectedExhaustion when its limit is reached at that pace, or {@code null}
	 * (no rise, or no limit)
	 * @param evidence what the verdict rests on
	 * @param reason the verdict in a sentence
	 * @param suspectedAt when the leak was first suspected, or {@code null}
	 */
	public record ResourceBody(String status, String finding, @Nullable String severity, double growthPerMinute,
			@Nullable Instant projectedExhaustion, EvidenceBody evidence, String reason, @Nullable Instant suspectedAt) {

		static ResourceBody of(TrendReport.ResourceState resource, LeakWatch watch) {
			Verdict shown = resource.shown();
			Projection projection = shown.projection();
			return new ResourceBody(resource.status().name(), shown.finding().name(),
					(shown.severity() != null) ? shown.severity().name() : null, shown.growthPerMinute(),
					(projection != null) ? watch.instant(projection.exhaustionAtMillis()) : null,
					EvidenceBody.of(shown.evidence(), watch), shown.reason(), resource.suspectedAt());
		}

	}

	/**
	 * Live histograms: the only thing the analysis does that costs the host a full
	 * collection each.
	 *
	 * @param round the round under way, or {@code null}
	 * @param lastConfirmation what the last round found, or {@code null}
	 * @param lastRefutation the last climb a round refuted, in a sentence, or {@code null}
	 * @param lastFailure why the last round failed, or {@code null}
	 */
	public record Histograms(TrendReport.@Nullable Round round, @Nullable ConfirmationBody lastConfirmation,
			@Nullable String lastRefutation, @Nullable String lastFailure) {

		static Histograms of(TrendReport report, LeakWatch watch) {
			Confirmation confirmation = report.lastConfirmation();
			ConfirmationBody body = (confirmation != null) ? ConfirmationBody.of(confirmation, watch) : null;
			String refutation = (confirmation != null && confirmation.refuted())
					? "No leak: live histograms measured the live heap at " + body.liveBytes()
							+ " bytes while occupancy after young collections rose "
							+ Math.round(confirmation.youngPerMinute()) + " bytes a minute"
					: null;
			return new Histograms(report.round(), body, refutation, report.lastRoundFailure());
		}

	}

	/**
	 * What a round of live histograms found.
	 *
	 * @param outcome {@code CONFIRMED}, {@code REFUTED} or {@code INCONCLUSIVE}
	 * @param at when the round ended
	 * @param liveBytes the live floor each histogram measured
	 * @param liveBytesPerMinute the live floor's growth
	 * @param youngBytesPerMinute the climb young collections showed
	 * @param growingClasses classes whose instances grew at every step
	 */
	public record ConfirmationBody(String outcome, Instant at, List<Long> liveBytes, double liveBytesPerMinute,
			double youngBytesPerMinute, int growingClasses) {

		static ConfirmationBody of(Confirmation confirmation, LeakWatch watch) {
			return new ConfirmationBody(confirmation.outcome().name(), watch.instant(confirmation.atMillis()),
					confirmation.liveFloors().stream().map(Point::value).toList(), confirmation.livePerMinute(),
					confirmation.youngPerMinute(), confirmation.growingClasses());
		}

	}

	/**
	 * Full collections forced so far.
	 *
	 * @param byReason counts by why: {@code histogram} and {@code automatic-dump} are the
	 * starter's own, {@code gc}, {@code snapshot} and {@code dump} were requested
	 * @param own the starter's own in all
	 * @param budget own forced collections allowed per period
	 * @param budgetPeriod the period
	 * @param usedInPeriod own forced collections within the last period
	 */
	public record ForcedBody(Map<String, Long> byReason, long own, int budget, Duration budgetPeriod,
			int usedInPeriod) {

		static ForcedBody of(TrendReport report) {
			Map<String, Long> byReason = new LinkedHashMap<>();
			long own = 0;
			for (ForcedCollections.Reason reason : ForcedCollections.Reason.values()) {
				long count = report.forced().getOrDefault(reason, 0L);
				byReason.put(reason.id(), count);
				own += reason.own() ? count : 0;
			}
			TrendReport.Budget budget = report.forcedBudget();
			return new ForcedBody(byReason, own, budget.limit(), Duration.ofMillis(budget.periodMillis()),
					budget.used());
		}

	}

	/**
	 * Settings in force.
	 *
	 * @param interval how often memory is sampled and judged
	 * @param warmup time after start that is ignored
	 * @param minEvidence shortest span of evidence before a verdict
	 * @param persistSpan how long a steady rise must persist to be called on persistence
	 * @param longSpan how long a steady rise must last to be called whatever its size
	 * @param histograms whether live histograms may be taken
	 * @param histogramCount histograms per round
	 * @param histogramSpacing time between them, or {@code null} when spaced by the climb's pace
	 * @param histogramCooldown shortest time between rounds
	 * @param forcedBudget own forced collections allowed per period
	 * @param forcedBudgetPeriod the period
	 */
	public record Settings(Duration interval, Duration warmup, Duration minEvidence, Duration persistSpan,
			Duration longSpan, boolean histograms, int histogramCount, @Nullable Duration histogramSpacing,
			Duration histogramCooldown, int forcedBudget, Duration forcedBudgetPeriod) {

	}

}
