package io.leaks.trend;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.leaks.gc.CollectionGuard;
import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;
import io.leaks.histogram.SnapshotStore;
import io.leaks.histogram.Snapshots;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch's transitions, driven tick by tick with a controlled uptime, recorded
 * collections and histograms whose truth is known.
 */
@Tag("core")
class LeakWatchTests {

	private static final long SECOND = 1000;

	private static final long MAX_HEAP = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

	private final AtomicLong uptime = new AtomicLong(SECOND);

	private final GcHistory history = new GcHistory();

	private final List<Object> published = new ArrayList<>();

	private final List<String> actionCalls = new ArrayList<>();

	private final AtomicInteger histogramsTaken = new AtomicInteger();

	private final WatchSettings settings = WatchSettings.derive(Duration.ofSeconds(1), Duration.ZERO,
			Duration.ofSeconds(60));

	@Test
	void derivedSettingsShouldFollowIntervalAndMinEvidence() {
		WatchSettings derived = WatchSettings.derive(Duration.ofSeconds(5), Duration.ofSeconds(20),
				Duration.ofSeconds(60));
		assertThat(derived.histogramSpacing()).isEqualTo(Duration.ofSeconds(10));
		assertThat(derived.histogramCooldown()).isEqualTo(Duration.ofSeconds(150));
		assertThat(derived.clearAfter()).isEqualTo(Duration.ofSeconds(60));
		assertThat(derived.histogramCount()).isEqualTo(3);
		assertThat(WatchSettings.derive(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(60))
			.histogramSpacing()).as("at least one interval").isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void pressureShouldEnterLeakRunActionsNameSuspectsThenPublishOnceAndClearOnce() {
		LeakWatch watch = watch(this::growingListeners);
		for (int i = 0; i < 5; i++) {
			record(CollectionKind.FULL, 0.95);
		}
		watch.tick();
		assertThat(this.actionCalls).containsExactly("heap");
		assertThat(watch.report().heap().status()).isEqualTo(TrendStatus.LEAK_SUSPECTED);
		assertThat(this.published).as("suspects are named before the event").isEmpty();
		assertThat(watch.report().round().purpose()).isEqualTo("suspects");
		advance(10);
		watch.tick();
		advance(10);
		watch.tick();
		assertThat(this.histogramsTaken).hasValue(3);
		assertThat(this.published).hasSize(1);
		LeakSuspectedEvent event = (LeakSuspectedEvent) this.published.get(0);
		assertThat(event.getResource()).isEqualTo("heap");
		assertThat(event.getEvidence().basis()).isEqualTo(Basis.PRESSURE);
		assertThat(event.getNotes()).containsExactly("dumped heap");
		assertThat(event.getSuspects()).extracting(Suspect::className)
			.startsWith("com.example.OrderListener")
			.contains("[B")
			.doesNotContain("com.example.Stable");
		assertThat(event.getSuspects().get(0).instancesDelta()).isEqualTo(2000);
		assertThat(watch.report().heap().suspects()).isEqualTo(event.getSuspects());
		for (int i = 0; i < 5; i++) {
			advance(10);
			watch.tick();
		}
		assertThat(this.published).hasSize(1);
		assertThat(this.actionCalls).hasSize(1);
		for (int i = 0; i < 40; i++) {
			advance(5);
			record(CollectionKind.FULL, 0.30);
			watch.tick();
		}
		assertThat(this.published).hasSize(2);
		LeakClearedEvent cleared = (LeakClearedEvent) this.published.get(1);
		assertThat(cleared.getResource()).isEqualTo("heap");
		assertThat(watch.report().heap().leak()).isFalse();
		for (int i = 0; i < 10; i++) {
			advance(5);
			record(CollectionKind.FULL, 0.30);
			watch.tick();
		}
		assertThat(this.published).hasSize(2);
	}

	@Test
	void youngOnlySuspicionShouldBeConfirmedByRisingLiveHistograms() {
		LeakWatch watch = watch(this::growingListeners);
		climbAfterYoungCollections(watch);
		assertThat(watch.report().heap().verdict().suspicion()).isTrue();
		assertThat(watch.report().round().purpose()).isEqualTo("confirm");
		assertThat(this.actionCalls).isEmpty();
		advance(10);
		watch.tick();
		advance(10);
		watch.tick();
		assertThat(this.actionCalls).containsExactly("heap");
		assertThat(this.published).hasSize(1);
		LeakSuspectedEvent event = (LeakSuspectedEvent) this.published.get(0);
		assertThat(event.getEvidence().basis()).isEqualTo(Basis.CONFIRMED);
		assertThat(event.getSuspects().get(0).className()).isEqualTo("com.example.OrderListener");
		assertThat(this.histogramsTaken).as("the confirming histograms also name the suspects").hasValue(3);
	}

	@Test
	void youngOnlySuspicionShouldBeRefutedByFlatLiveHistograms() {
		LeakWatch watch = watch((step) -> histogram(1000, 1000));
		climbAfterYoungCollections(watch);
		advance(10);
		watch.tick();
		advance(10);
		watch.tick();
		assertThat(this.published).isEmpty();
		assertThat(this.actionCalls).isEmpty();
		assertThat(watch.report().heap().leak()).isFalse();
		assertThat(watch.report().lastRefutation()).contains("garbage");
		assertThat(watch.report().round()).isNull();
		advance(31);
		watch.tick();
		assertThat(watch.report().round()).as("the 30 s cool-down doubled after a refutation").isNull();
		advance(30);
		watch.tick();
		assertThat(watch.report().round()).isNotNull();
		assertThat(watch.report().round().purpose()).isEqualTo("confirm");
	}

	@Test
	void histogramsOffShouldPublishTheLeakAtOnceWithoutSuspects() {
		LeakWatch watch = new LeakWatch(
				this.settings.withHistograms(false, 3, Duration.ofSeconds(10), Duration.ofSeconds(30)), this.history,
				new MemorySampler(), snapshots(this::growingListeners), List.of(), this.published::add,
				this.uptime::get, 0, 64);
		for (int i = 0; i < 5; i++) {
			record(CollectionKind.FULL, 0.95);
		}
		watch.tick();
		assertThat(this.histogramsTaken).hasValue(0);
		assertThat(this.published).singleElement()
			.satisfies((event) -> assertThat(((LeakSuspectedEvent) event).getSuspects()).isEmpty());
	}

	@Test
	void reportShouldSayNotJudgedBeforeTheFirstTick() {
		LeakWatch watch = watch(this::growingListeners);
		assertThat(watch.report().heap().status()).isEqualTo(TrendStatus.COLLECTING);
		assertThat(watch.report().heap().verdict().reason()).startsWith("Not judged yet");
	}

	/**
	 * Only young collections, climbing fast enough that the headroom runs out within the
	 * span watched: a suspicion, and the first confirming histogram is taken at once.
	 */
	private void climbAfterYoungCollections(LeakWatch watch) {
		for (int i = 0; i <= 20; i++) {
			record(CollectionKind.YOUNG, 0.2 + 0.025 * i);
			advance(5);
		}
		watch.tick();
	}

	private LeakWatch watch(IntFunction<ClassHistogram> histograms) {
		SuspicionAction action = (resource) -> {
			this.actionCalls.add(resource);
			return "dumped heap";
		};
		return new LeakWatch(this.settings, this.history, new MemorySampler(), snapshots(histograms),
				List.of(action), this.published::add, this.uptime::get, 0, 64);
	}

	private LiveHistograms snapshots(IntFunction<ClassHistogram> histograms) {
		return new SnapshotLiveHistograms(new Snapshots((liveOnly) -> histograms.apply(this.histogramsTaken.getAndIncrement()),
				new SnapshotStore(10), new CollectionGuard(Duration.ofSeconds(1)), Clock.systemUTC()));
	}

	/**
	 * A leak of listeners: each step retains 1,000 more listeners and their byte arrays
	 * (which outweigh them), strings grow too; one application class does not grow. The
	 * live heap starts above half the max, so at this pace it fills within the span the
	 * climb was watched.
	 */
	private ClassHistogram growingListeners(int step) {
		return histogram(1000 + step * 1000, 500);
	}

	private static ClassHistogram histogram(long listeners, long stable) {
		return new ClassHistogram(List.of(new HistogramEntry("[J", "java.base@17", 1000, (long) (MAX_HEAP * 0.55)),
				new HistogramEntry("[B", "java.base@17", listeners * 10 + 5000, listeners * 20_000 + 1_000_000),
				new HistogramEntry("java.lang.String", "java.base@17", listeners * 10 + 9000, listeners * 240),
				new HistogramEntry("com.example.OrderListener", null, listeners, listeners * 32),
				new HistogramEntry("com.example.Stable", null, stable, stable * 24)));
	}

	private void record(CollectionKind kind, double shareOfMax) {
		this.history.record(new HeapAfterGc(this.uptime.get(), kind, (long) (MAX_HEAP * shareOfMax), MAX_HEAP));
	}

	private void advance(long seconds) {
		this.uptime.addAndGet(seconds * SECOND);
	}

}
