package io.leaks.workloads.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.leaks.workloads.healthy.BoundedCache;
import io.leaks.workloads.healthy.DiurnalCycle;
import io.leaks.workloads.healthy.EvictingCache;
import io.leaks.workloads.healthy.Idle;
import io.leaks.workloads.healthy.OneOffBatch;
import io.leaks.workloads.healthy.PoolRamp;
import io.leaks.workloads.healthy.Sawtooth;
import io.leaks.workloads.leak.ClassLoaderLeak;
import io.leaks.workloads.leak.ClosureLeak;
import io.leaks.workloads.leak.FastLeak;
import io.leaks.workloads.leak.LateOnsetLeak;
import io.leaks.workloads.leak.ListenerLeak;
import io.leaks.workloads.leak.SlowLeak;
import io.leaks.workloads.leak.StepwiseLeak;
import io.leaks.workloads.leak.ThreadLeak;
import io.leaks.workloads.leak.ThreadLocalLeak;
import io.leaks.workloads.leak.UnboundedCacheLeak;
import io.leaks.workloads.scenario.Scenario;
import io.leaks.workloads.scenario.ScenarioSettings;
import org.jspecify.annotations.Nullable;

/**
 * Every scenario a workload run can be asked for ({@code workload.scenario=listener-leak}),
 * with what its trace will show and the resource it grows.
 */
public enum Workload {

	FAST_LEAK(Label.LEAK, "heap", FastLeak::new),

	SLOW_LEAK(Label.LEAK, "heap", SlowLeak::new),

	LATE_ONSET_LEAK(Label.LEAK, "heap", LateOnsetLeak::new),

	STEPWISE_LEAK(Label.LEAK, "heap", StepwiseLeak::new),

	LISTENER_LEAK(Label.LEAK, "heap", ListenerLeak::new),

	CACHE_LEAK(Label.LEAK, "heap", UnboundedCacheLeak::new),

	THREADLOCAL_LEAK(Label.LEAK, "heap", ThreadLocalLeak::new),

	CLOSURE_LEAK(Label.LEAK, "heap", ClosureLeak::new),

	CLASSLOADER_LEAK(Label.LEAK, "metaspace", ClassLoaderLeak::new),

	THREAD_LEAK(Label.LEAK, "threads", ThreadLeak::new),

	BOUNDED_CACHE(Label.WARMUP, "heap", BoundedCache::new),

	EVICTING_CACHE(Label.WARMUP, "heap", EvictingCache::new),

	SAWTOOTH(Label.STABLE, "heap", Sawtooth::new),

	POOL_RAMP(Label.WARMUP, "threads", PoolRamp::new),

	DIURNAL(Label.STABLE, "heap", DiurnalCycle::new),

	BATCH(Label.STABLE, "heap", OneOffBatch::new),

	IDLE(Label.STABLE, "heap", (settings) -> new Idle());

	private final Label label;

	private final String resource;

	private final Function<ScenarioSettings, Scenario> factory;

	Workload(Label label, String resource, Function<ScenarioSettings, Scenario> factory) {
		this.label = label;
		this.resource = resource;
		this.factory = factory;
	}

	/**
	 * The id users give: {@code listener-leak}, {@code bounded-cache}, ...
	 * @return the id
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * What a trace of the whole scenario shows.
	 * @return the label
	 */
	public Label label() {
		return this.label;
	}

	/**
	 * What it grows, as the trend analysis names resources.
	 * @return {@code heap}, {@code metaspace} or {@code threads}
	 */
	public String resource() {
		return this.resource;
	}

	/**
	 * Makes the scenario.
	 * @param settings its settings
	 * @return a new scenario
	 */
	public Scenario create(ScenarioSettings settings) {
		return this.factory.apply(settings);
	}

	/**
	 * Every id.
	 * @return the ids, leaks first
	 */
	public static List<String> ids() {
		return Arrays.stream(values()).map(Workload::id).toList();
	}

	/**
	 * Finds a scenario by id.
	 * @param id the id
	 * @return the scenario
	 * @throws IllegalArgumentException naming every id, if none has this one
	 */
	public static Workload of(@Nullable String id) {
		for (Workload workload : values()) {
			if (workload.id().equals(id)) {
				return workload;
			}
		}
		throw new IllegalArgumentException("workload.scenario must be one of " + ids() + ", was "
				+ ((id != null) ? "'" + id + "'" : "missing"));
	}

}
