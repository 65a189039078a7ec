package io.leaks.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.leaks.trend.Evidence;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.Projection;
import io.leaks.trend.Suspect;
import io.leaks.trend.TrendReport;
import io.leaks.trend.Verdict;
import io.leaks.trend.WatchSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * {@code GET /actuator/leaks/trend}: whether the heap leaks, how fast, when it runs out,
 * which classes grow, and the verdicts for metaspace and threads.
 *
 * @param status {@code COLLECTING}, {@code STABLE} or {@code LEAK_SUSPECTED}
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
 * @param histograms the live histograms under way and the last refuted suspicion
 * @param warnings collection-usage warnings logged so far
 * @param judgedAt when the verdict was made
 * @param settings the settings in force
 */
public record TrendResponse(String status, double growthBytesPerMinute, @Nullable Instant projectedExhaustion,
		@Nullable ProjectionBody projection, List<Suspect> suspects, EvidenceBody evidence, String reason,
		boolean suspicion, @Nullable Instant suspectedAt, List<String> notes, ResourceBody metaspace,
		ResourceBody threads, Histograms histograms, long warnings, Instant judgedAt,
		Settings settings) implements OperationResponseBody {

	static TrendResponse of(LeakWatch watch) {
		TrendReport report = watch.report();
		TrendReport.Resource heap = report.heap();
		Verdict shown = heap.shown();
		ProjectionBody projection = ProjectionBody.of(shown.projection(), watch);
		WatchSettings settings = watch.settings();
		return new TrendResponse(heap.status().name(), shown.growthPerMinute(),
				(projection != null) ? projection.exhaustion() : null, projection, heap.suspects(),
				EvidenceBody.of(shown.evidence(), watch), shown.reason(), heap.verdict().suspicion(),
				heap.suspectedAt(), heap.notes(), ResourceBody.of(report.metaspace(), watch),
				ResourceBody.of(report.threads(), watch), new Histograms(report.round(), report.lastRefutation()),
				report.warnings(), report.at(),
				new Settings(settings.interval(), settings.analysis().warmup(), settings.analysis().minEvidence(),
						settings.histograms(), settings.histogramCount(), settings.histogramSpacing(),
						settings.histogramCooldown()));
	}

	/**
	 * When a resource runs out at its fitted pace.
	 *
	 * @param exhaustion the projected moment
	 * @param earliest the same at the fastest slope of the confidence interval
	 * @param latest the same at the slowest, or {@code null} if that slope does not rise
	 * @param limit the limit (max heap; twice the current level for unlimited resources)
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
	 * @param basis {@code FLOOR_TREND}, {@code PRESSURE}, {@code YOUNG_TREND},
	 * {@code CONFIRMED}, {@code SAMPLES} or {@code NONE}
	 * @param from start of the evidence, or {@code null} without evidence
	 * @param to end of the evidence, or {@code null} without evidence
	 * @param spanSeconds seconds the evidence spans
	 * @param points observations fitted
	 * @param kinds kinds of collection (or {@code SAMPLE}) it comes from
	 * @param trendZ Mann–Kendall statistic (above about 2.3: a real rise)
	 * @param pace later-half growth relative to the earlier half (near 0: levelling off)
	 */
	public record EvidenceBody(String basis, @Nullable Instant from, @Nullable Instant to, long spanSeconds, int points,
			List<String> kinds, double trendZ, double pace) {

		static EvidenceBody of(Evidence evidence, LeakWatch watch) {
			boolean any = evidence.points() > 0;
			return new EvidenceBody(evidence.basis().name(), any ? watch.instant(evidence.fromMillis()) : null,
					any ? watch.instant(evidence.toMillis()) : null, evidence.spanMillis() / 1000, evidence.points(),
					evidence.kinds(), round(evidence.trendZ()), round(evidence.pace()));
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

	/**
	 * The verdict on metaspace or threads.
	 *
	 * @param status the status
	 * @param growthPerMinute growth, bytes (metaspace) or threads per minute
	 * @param projectedExhaustion when the limit is reached (or the level doubles, for an
	 * unlimited resource), or {@code null}
	 * @param evidence what the verdict rests on
	 * @param reason the verdict in a sentence
	 * @param suspectedAt when the leak was first suspected, or {@code null}
	 */
	public record ResourceBody(String status, double growthPerMinute, @Nullable Instant projectedExhaustion,
			EvidenceBody evidence, String reason, @Nullable Instant suspectedAt) {

		static ResourceBody of(TrendReport.Resource resource, LeakWatch watch) {
			Verdict shown = resource.shown();
			Projection projection = shown.projection();
			return new ResourceBody(resource.status().name(), shown.growthPerMinute(),
					(projection != null) ? watch.instant(projection.exhaustionAtMillis()) : null,
					EvidenceBody.of(shown.evidence(), watch), shown.reason(), resource.suspectedAt());
		}

	}

	/**
	 * Live histograms: the only thing the analysis does that costs the host a full
	 * collection each.
	 *
	 * @param round the round under way, or {@code null}
	 * @param lastRefutation the last suspicion they refuted, or {@code null}
	 */
	public record Histograms(TrendReport.@Nullable Round round, @Nullable String lastRefutation) {

	}

	/**
	 * Settings in force.
	 *
	 * @param interval how often memory is sampled and judged
	 * @param warmup time after start that is ignored
	 * @param minEvidence shortest span of evidence before a leak verdict
	 * @param histograms whether live histograms may be taken
	 * @param histogramCount histograms per round
	 * @param histogramSpacing time between them
	 * @param histogramCooldown shortest time between rounds
	 */
	public record Settings(Duration interval, Duration warmup, Duration minEvidence, boolean histograms,
			int histogramCount, Duration histogramSpacing, Duration histogramCooldown) {

	}

}
