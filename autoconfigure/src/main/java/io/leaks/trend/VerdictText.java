package io.leaks.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words verdicts for people: the one place where findings and their numbers become
 * sentences, so the analysis deals in values and tests assert findings.
 */
final class VerdictText {

	private VerdictText() {
	}

	static String reason(Verdict verdict) {
		Verdict.Facts facts = verdict.facts();
		Evidence evidence = verdict.evidence();
		boolean bytes = verdict.resource().bytes();
		return switch (verdict.finding()) {
			case NOT_JUDGED -> "Not judged yet: the first judgement comes one interval after start";
			case WARMING_UP -> "Warming up: observations in the first " + Units.duration(facts.warmupMillis())
					+ " after start are ignored (leaks.trend.warmup)";
			case NEEDS_OBSERVATIONS -> "Collecting evidence: " + count(facts.observations(), observation(verdict))
					+ " after the warm-up so far; a verdict needs at least " + TrendSettings.MIN_POINTS;
			case NEEDS_SPAN -> "Collecting evidence: " + count(facts.observations(), observation(verdict)) + " over "
					+ Units.duration(facts.observedMillis()) + "; a verdict needs them to span at least "
					+ Units.duration(facts.minEvidenceMillis()) + " (leaks.trend.min-evidence)";
			case NEEDS_OLD_COLLECTION -> "Occupancy after young collections rises " + rise(verdict, bytes)
					+ ", but young collections leave garbage behind and live histograms cannot measure the true "
					+ "floor here (leaks.trend.histograms is off or the JVM has no histograms): a leak is called "
					+ "once old-generation collections show it, or when the heap is near full";
			case CONFIRMING -> (evidence.basis() == Basis.FLOOR_ABOVE_CLIMB) ? floorAboveClimb(verdict)
					: (evidence.basis() == Basis.CONFIRMED) ? "The live heap rises " + rise(verdict, bytes) + live(facts)
							+ "; the round of live histograms under way calls it a leak or not when its last "
							+ "histogram is taken"
					: (facts.liveFloors().isEmpty() && evidence.sparseClimb())
							? "Occupancy after young collections rose at each of the last " + evidence.points()
									+ ", " + Units.rate(verdict.growthPerMinute(), bytes) + " over "
									+ Units.duration(evidence.spanMillis()) + ", but they come too rarely for a trend: "
									+ "live histograms measure whether the true floor keeps rising until the climb has "
									+ "persisted the " + Units.duration(facts.persistSpanMillis()) + " persist span"
					: facts.liveFloors().isEmpty() ? "Occupancy after young collections rises "
					+ rise(verdict, bytes)
					+ "; young collections leave garbage behind, so live histograms measure the true floor next"
					: "Occupancy after young collections rises " + Units.rate(facts.youngPerMinute(), true)
							+ "; live histograms measured the live heap at " + levels(facts.liveFloors())
							+ ": it rose, but not at every step (a batch landing) or slowing by the last one (a cache "
							+ "reaching its bound); whether it keeps rising is for the next round of live histograms to tell";
			case FILLING -> capitalized(subject(verdict)) + " rises " + rise(verdict, bytes) + live(facts)
					+ " and keeps its pace, but a cache filling up looks the same until it levels off"
					+ ((evidence.basis() == Basis.CONFIRMED && verdict.suspicion()) ? remeasure(verdict)
							: ": " + filling(verdict));
			case FLAT -> "No leak: " + subject(verdict) + " shows no significant rise over "
					+ Units.duration(evidence.spanMillis()) + " (" + evidence.points() + " points)";
			case LEVELLING_OFF -> "No leak: " + subject(verdict) + " rose " + Units.rate(verdict.growthPerMinute(), bytes)
					+ " over " + Units.duration(evidence.spanMillis()) + " but is levelling off, as warm-up and "
					+ "caches do (pace kept " + decimal(evidence.pace()) + ")";
			case REFUTED -> "No leak: live histograms measured the live heap at " + levels(facts.liveFloors())
					+ ", no rise beyond its noise that kept on, while occupancy after young collections rose "
					+ Units.rate(facts.youngPerMinute(), true)
					+ ": that climb was garbage waiting for an old collection, or retained memory that stopped growing";
			case GROWING -> "Leak: " + subject(verdict) + " keeps growing, " + rise(verdict, bytes) + live(facts) + ", "
					+ grounds(verdict) + exhaustion(verdict, bytes);
			case FILLS_SOON -> "Leak: " + subject(verdict) + " rises " + rise(verdict, bytes) + live(facts)
					+ exhaustion(verdict, bytes);
			case PRESSURE -> pressure(verdict);
		};
	}

	private static String floorAboveClimb(Verdict verdict) {
		Evidence evidence = verdict.evidence();
		return "The floor a whole-heap collection measured, " + Units.bytes(evidence.fittedTo()) + ", is "
				+ Units.bytes(evidence.fittedTo() - evidence.fittedFrom()) + " above the heap young collections left "
				+ Units.duration(evidence.spanMillis()) + " before it: the retained heap rose at least "
				+ Units.rate(verdict.growthPerMinute(), true) + ", which would fill the heap within "
				+ Units.duration((long) Math.min(Long.MAX_VALUE / 2, verdict.facts().untilLimitMillis()))
				+ "; live histograms measure whether it keeps rising next";
	}

	private static String subject(Verdict verdict) {
		return switch (verdict.evidence().basis()) {
			case FLOOR_TREND, PRESSURE -> "the floor after old-generation collections";
			case YOUNG_TREND -> "occupancy after young collections";
			case CONFIRMED -> "the live heap";
			default -> switch (verdict.resource()) {
				case HEAP -> "the heap";
				case METASPACE -> "metaspace";
				case THREADS -> "the number of live threads";
				case DIRECT -> "direct buffer memory";
				case MAPPED -> "mapped buffer memory";
				case RESIDENT -> "resident memory outside the heap";
			};
		};
	}

	private static String observation(Verdict verdict) {
		return (verdict.resource() == Resource.HEAP) ? "collection" : "sample";
	}

	private static String rise(Verdict verdict, boolean bytes) {
		Evidence evidence = verdict.evidence();
		String rise = Units.rate(verdict.growthPerMinute(), bytes) + " over " + Units.duration(evidence.spanMillis());
		if (evidence.basis() == Basis.CONFIRMED) {
			return rise;
		}
		return rise + " (" + evidence.points() + " points, p=" + probability(evidence.pValue()) + ", pace kept "
				+ decimal(evidence.pace()) + ")";
	}

	private static String live(Verdict.Facts facts) {
		return facts.liveFloors().isEmpty() ? ""
				: ", as live histograms measured (" + levels(facts.liveFloors()) + ")";
	}

	/**
	 * What is missing before a steady rise is called (SeriesJudgement.grounds), or, for
	 * one after young collections, before live histograms measure the floor beneath it
	 * (SeriesJudgement.climbGrounds).
	 */
	private static String filling(Verdict verdict) {
		Verdict.Facts facts = verdict.facts();
		if (verdict.grounds() != null) {
			// TrendAnalyzer.collectorWillMeasure: live histograms would be forced for nothing.
			return "the heap nears the occupancy at which the collector collects its old generation by itself, "
					+ "within " + Units.duration(facts.minEvidenceMillis() / 2)
					+ ", so live histograms wait for what that collection shows";
		}
		boolean young = verdict.evidence().basis() == Basis.YOUNG_TREND;
		String once = young ? "live histograms measure the true floor beneath it once " : "it is called a leak once ";
		String watched = "watched " + Units.duration(verdict.evidence().spanMillis()) + " so far";
		boolean limited = facts.limit() > 0 && facts.untilLimitMillis() >= 0
				&& !Double.isInfinite(facts.untilLimitMillis());
		String fills = limited ? "at its pace " + limitName(verdict) + " fills in about "
				+ Units.duration((long) facts.untilLimitMillis()) : "";
		if (limited && facts.untilLimitMillis() <= TrendSettings.URGENT.toMillis()) {
			// The pace is already enough: only its persistence is missing.
			return fills + ", so " + once + "it has persisted " + Units.duration(facts.persistSpanMillis()) + " ("
					+ watched + "), or sooner once " + limitName(verdict) + " would fill within twice the span watched"
					+ gate(verdict);
		}
		List<String> ways = new ArrayList<>();
		if (young) {
			ways.add("it persists for " + Units.duration(facts.persistSpanMillis()) + " having grown by "
					+ percent(TrendSettings.CLIMB_GROWTH) + " of its starting level");
		}
		else if (!verdict.resource().judgedThroughTime()) {
			ways.add("it persists for " + Units.duration(facts.persistSpanMillis()) + " having grown to three times "
					+ "its starting level, more slowly than would fill " + limitName(verdict) + " within "
					+ Units.duration(TrendSettings.SLOW.toMillis()));
		}
		ways.add("it keeps rising for " + Units.duration(facts.longSpanMillis()));
		if (facts.limit() > 0) {
			String urgent = Units.duration(TrendSettings.URGENT.toMillis());
			ways.add("at its pace " + limitName(verdict) + " would fill within the span watched, within both "
					+ urgent + " and twice the span watched, or within " + urgent + " once it has persisted "
					+ Units.duration(facts.persistSpanMillis()));
		}
		return once + String.join(", or once ", ways) + " (" + watched + (limited ? "; " + fills : "") + ")"
				+ gate(verdict);
	}

	/**
	 * What every way to call a rise needs besides (SeriesJudgement): a climb after young
	 * collections must be worth forced collections, any other must reach a new high (one
	 * back to where it has been is a cycle).
	 */
	private static String gate(Verdict verdict) {
		return switch (verdict.evidence().basis()) {
			case YOUNG_TREND -> "; either way the climb must first add "
					+ percent(TrendSettings.CLIMB_SHARE_OF_LIMIT) + " of the heap";
			case CONFIRMED -> "";
			default -> "; either way it must first rise above the highest level it reached before";
		};
	}

	/**
	 * Why a confirmed pace no longer counts on its own: it was measured longer ago than it
	 * was watched before, and upper bounds climbing since cannot tell a leak from a full
	 * cache promoting what it evicts.
	 */
	private static String remeasure(Verdict verdict) {
		if (verdict.evidence().basis() != Basis.CONFIRMED || !verdict.suspicion()) {
			return "";
		}
		// The line reaches as far after the round as the climb was watched before it, or, where
		// the collector measures the floor itself, to the last floor that measured it.
		return "; that pace is known to hold only until " + Units.duration(verdict.atMillis() - verdict.evidence().toMillis())
				+ " ago, as far as what measured it reaches, so the live heap is measured again (by live histograms, "
				+ "or by the collector's own whole-heap collections) before it is called";
	}

	private static String grounds(Verdict verdict) {
		Grounds grounds = verdict.grounds();
		Evidence evidence = verdict.evidence();
		if (grounds == Grounds.PERSISTED) {
			double times = (evidence.fittedFrom() > 0) ? (double) evidence.fittedTo() / evidence.fittedFrom() : 0;
			return "having grown to " + decimal(times) + " times its starting level without slowing down";
		}
		return "without slowing down for " + Units.duration(evidence.spanMillis());
	}

	private static String exhaustion(Verdict verdict, boolean bytes) {
		Verdict.Facts facts = verdict.facts();
		if (facts.limit() <= 0 || facts.untilLimitMillis() < 0 || Double.isInfinite(facts.untilLimitMillis())) {
			return "; it has no limit to run into";
		}
		return "; at that pace " + limitName(verdict) + " of " + Units.amount(facts.limit(), bytes)
				+ " fills in about " + Units.duration((long) facts.untilLimitMillis());
	}

	private static String limitName(Verdict verdict) {
		return switch (verdict.resource()) {
			case HEAP -> "the heap";
			case RESIDENT -> "the memory limit";
			default -> "its limit";
		};
	}

	private static String pressure(Verdict verdict) {
		Verdict.Facts facts = verdict.facts();
		String found = facts.backToBack()
				? "The last " + facts.pressureCollections() + " collections were back-to-back full collections that "
						+ "each left more than " + percent(facts.pressureShare())
						+ " of the committed heap in use, which the JVM can no longer grow"
				: "The last " + facts.pressureCollections() + " whole-heap collections each left more than "
						+ percent(facts.pressureShare()) + " of the heap's " + Units.bytes(facts.limit()) + " in use";
		return "Leak: " + found.substring(0, 1).toLowerCase(Locale.ROOT) + found.substring(1)
				+ ": collections no longer free memory (" + Units.bytes(verdict.evidence().fittedTo()) + " retained)";
	}

	static String levels(List<Long> values) {
		List<String> levels = new ArrayList<>();
		for (long value : values) {
			levels.add(Units.bytes(value));
		}
		return String.join(" -> ", levels);
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String probability(double p) {
		return (p < 0.0001) ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
