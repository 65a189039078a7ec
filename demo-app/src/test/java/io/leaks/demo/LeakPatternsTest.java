package io.leaks.demo;

import java.util.stream.Stream;

import io.leaks.demo.cache.CachePattern;
import io.leaks.demo.closures.ClosuresPattern;
import io.leaks.demo.cycles.CyclesPattern;
import io.leaks.demo.listeners.ListenersPattern;
import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.Variant;
import io.leaks.demo.registry.RegistryPattern;
import io.leaks.demo.threadlocals.ThreadLocalsPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every pattern promises: the leaking variant keeps one object per operation, the
 * fixed one stays within its bound, and a reset drops everything.
 */
class LeakPatternsTest {

	private static final int OPERATIONS = 300;

	private final ThreadLocalsPattern threadLocals = new ThreadLocalsPattern();

	static Stream<LeakPattern> leakingPatterns() {
		return Stream.of(new CachePattern(), new ListenersPattern(), new ClosuresPattern(), new RegistryPattern());
	}

	@AfterEach
	void stopWorkers() {
		this.threadLocals.destroy();
	}

	@ParameterizedTest
	@MethodSource("leakingPatterns")
	void leakingVariantShouldRetainOneObjectPerOperation(LeakPattern pattern) {
		pattern.reset();
		assertThat(pattern.run(Variant.LEAKING, OPERATIONS)).isEqualTo(OPERATIONS);
		assertThat(pattern.run(Variant.LEAKING, OPERATIONS)).isEqualTo(OPERATIONS);
		assertThat(pattern.retained(Variant.LEAKING)).isEqualTo(2 * OPERATIONS);
		assertThat(pattern.retained(Variant.FIXED)).isZero();
		pattern.reset();
	}

	@ParameterizedTest
	@MethodSource("leakingPatterns")
	void fixedVariantShouldStayWithinItsBound(LeakPattern pattern) {
		pattern.reset();
		assertThat(pattern.run(Variant.FIXED, OPERATIONS)).isEqualTo(OPERATIONS);
		assertThat(pattern.retained(Variant.FIXED)).isEqualTo(Math.min(OPERATIONS, pattern.info().fixedBound()));
		assertThat(pattern.retained(Variant.LEAKING)).isZero();
	}

	@ParameterizedTest
	@MethodSource("leakingPatterns")
	void resetShouldDropWhatBothVariantsRetain(LeakPattern pattern) {
		pattern.run(Variant.LEAKING, OPERATIONS);
		pattern.run(Variant.FIXED, OPERATIONS);
		pattern.reset();
		assertThat(pattern.retained(Variant.LEAKING)).isZero();
		assertThat(pattern.retained(Variant.FIXED)).isZero();
	}

	@Test
	void threadLocalsLeakingVariantShouldRetainOneEntryPerTaskAcrossWorkers() {
		this.threadLocals.run(Variant.LEAKING, OPERATIONS);
		this.threadLocals.run(Variant.FIXED, OPERATIONS);
		assertThat(this.threadLocals.retained(Variant.LEAKING)).isEqualTo(OPERATIONS);
		assertThat(this.threadLocals.retained(Variant.FIXED)).isZero();
		this.threadLocals.reset();
		assertThat(this.threadLocals.retained(Variant.LEAKING)).isZero();
		this.threadLocals.run(Variant.LEAKING, 10);
		assertThat(this.threadLocals.retained(Variant.LEAKING)).isEqualTo(10);
	}

	@Test
	void cyclesShouldCreateNodesAndRetainNoneInEitherVariant() {
		CyclesPattern cycles = new CyclesPattern();
		assertThat(cycles.run(Variant.LEAKING, OPERATIONS)).isEqualTo(7L * OPERATIONS);
		assertThat(cycles.run(Variant.FIXED, OPERATIONS)).isEqualTo(7L * OPERATIONS);
		assertThat(cycles.retained(Variant.LEAKING)).isZero();
		assertThat(cycles.retained(Variant.FIXED)).isZero();
	}

}
