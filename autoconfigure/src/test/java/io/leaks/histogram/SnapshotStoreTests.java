package io.leaks.histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoreTests {

	private final SnapshotStore store = new SnapshotStore(2);

	@Test
	void addShouldEvictTheOldestAndSaySo() {
		assertThat(this.store.add(snapshot("a")).evicted()).isEmpty();
		assertThat(this.store.add(snapshot("b")).evicted()).isEmpty();
		SnapshotStore.Added added = this.store.add(snapshot("c"));
		assertThat(added.added()).isTrue();
		assertThat(added.evicted()).containsExactly("a");
		assertThat(this.store.labels()).containsExactly("b", "c");
	}

	@Test
	void addShouldRefuseATakenLabelWithoutEvicting() {
		this.store.add(snapshot("a"));
		this.store.add(snapshot("b"));
		SnapshotStore.Added added = this.store.add(snapshot("a"));
		assertThat(added.added()).isFalse();
		assertThat(added.evicted()).isEmpty();
		assertThat(this.store.labels()).containsExactly("a", "b");
	}

	@Test
	void beforeShouldFindThePreviousSnapshot() {
		this.store.add(snapshot("a"));
		this.store.add(snapshot("b"));
		assertThat(this.store.before("b")).map(HistogramSnapshot::label).contains("a");
		assertThat(this.store.before("a")).isEmpty();
		assertThat(this.store.before("missing")).isEmpty();
		assertThat(this.store.latest()).map(HistogramSnapshot::label).contains("b");
	}

	@Test
	void removeShouldForgetTheSnapshot() {
		this.store.add(snapshot("a"));
		assertThat(this.store.remove("a")).isPresent();
		assertThat(this.store.remove("a")).isEmpty();
		assertThat(this.store.list()).isEmpty();
	}

	static HistogramSnapshot snapshot(String label) {
		return new HistogramSnapshot(label, Instant.EPOCH, true, Duration.ZERO, new ClassHistogram(List.of()));
	}

}
