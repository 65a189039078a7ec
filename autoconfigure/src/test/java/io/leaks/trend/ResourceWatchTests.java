package io.leaks.trend;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A called leak stands while the evidence only waits: the demo's cache leak on a 5.9 GiB
 * heap, with a young collection a minute, went LEAK_SUSPECTED, COLLECTING, LEAK_SUSPECTED
 * every minute for 40 minutes of a soak, as its climb was measured again and again.
 */
@Tag("core")
class ResourceWatchTests {

	private static final Verdict.Facts FACTS = new Verdict.Facts(0, 0, 0, 0, 0, 0, -1, 0, List.of(), 0, 0, 0, false);

	private final ResourceWatch watch = new ResourceWatch(Resource.HEAP,
			Verdict.without(Resource.HEAP, Finding.NOT_JUDGED, FACTS, 0));

	@Test
	void aJudgementThatOnlyWaitsForEvidenceShouldNotReplaceACalledLeak() {
		Verdict leak = leak(300_000);
		this.watch.judged(leak);
		this.watch.suspect(leak, 300_000);
		for (Finding waiting : List.of(Finding.CONFIRMING, Finding.FILLING, Finding.NEEDS_SPAN,
				Finding.NEEDS_OLD_COLLECTION)) {
			this.watch.judged(Verdict.without(Resource.HEAP, waiting, FACTS, 330_000));
			assertThat(this.watch.verdict()).as(waiting.name()).isSameAs(leak);
		}
		Verdict flat = Verdict.without(Resource.HEAP, Finding.FLAT, FACTS, 360_000);
		this.watch.judged(flat);
		assertThat(this.watch.verdict()).as("evidence against it replaces it").isSameAs(flat);
	}

	@Test
	void beforeALeakIsCalledEveryJudgementShouldBeReported() {
		Verdict confirming = Verdict.without(Resource.HEAP, Finding.CONFIRMING, FACTS, 330_000);
		this.watch.judged(leak(300_000));
		this.watch.judged(confirming);
		assertThat(this.watch.verdict()).isSameAs(confirming);
	}

	private static Verdict leak(long at) {
		return new Verdict(Resource.HEAP, Finding.GROWING, 25 * 1024 * 1024, null, Severity.HOURS, Grounds.PERSISTED,
				Evidence.none(), FACTS, false, at);
	}

}
