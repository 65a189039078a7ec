package io.leaks.actuate;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.leaks.gc.ForcedCollections;
import io.leaks.jvm.AvailableMemory;
import io.leaks.trend.LeakWatch;
import io.leaks.trend.MemorySample;
import io.leaks.trend.Point;
import io.leaks.trend.Projection;
import io.leaks.trend.Resource;
import io.leaks.trend.Severity;
import io.leaks.trend.TrendReport;
import io.leaks.trend.Verdict;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * The trend analysis as meters: the retained heap floor, its growth, the time left until
 * the max heap fills, whether each resource is suspected of leaking, and the process's
 * resident memory beside the memory it may use. All are gauges read from the watch's last
 * report and sample (the limit from the JVM's own container detection), so scraping costs
 * no collection and no safepoint.
 */
public class LeaksMetrics implements MeterBinder {

	private final LeakWatch watch;

	private final AvailableMemory availableMemory;

	public LeaksMetrics(LeakWatch watch) {
		this(watch, new AvailableMemory(ManagementFactory.getPlatformMBeanServer()));
	}

	public LeaksMetrics(LeakWatch watch, AvailableMemory availableMemory) {
		Assert.notNull(watch, "'watch' must not be null");
		Assert.notNull(availableMemory, "'availableMemory' must not be null");
		this.watch = watch;
		this.availableMemory = availableMemory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("leaks.heap.floor", this, LeaksMetrics::floor)
			.baseUnit("bytes")
			.description("Heap in use after the last collection that reached the old generation")
			.register(registry);
		// The unit names the exported series: Prometheus reads leaks_heap_growth_rate_bytes_per_second.
		Gauge.builder("leaks.heap.growth.rate", this, LeaksMetrics::growthPerSecond)
			.baseUnit("bytes.per.second")
			.description("Growth of the retained heap, bytes per second, as the trend analysis fits it")
			.register(registry);
		TimeGauge.builder("leaks.heap.time.to.exhaustion", this, TimeUnit.SECONDS, LeaksMetrics::secondsLeft)
			.description("Time until the max heap fills at the fitted growth; NaN when it does not grow")
			.register(registry);
		for (Resource resource : Resource.values()) {
			for (Severity severity : Severity.values()) {
				Gauge.builder("leaks.suspected", this, (metrics) -> metrics.suspected(resource, severity))
					.tag("resource", resource.id())
					.tag("severity", severity.id())
					.description("1 while a leak of the resource is suspected with this severity (how soon it "
							+ "exhausts the resource: minutes, hours, days), else 0")
					.register(registry);
			}
		}
		ForcedCollections forced = this.watch.forcedCollections();
		for (ForcedCollections.Reason reason : ForcedCollections.Reason.values()) {
			FunctionCounter.builder("leaks.forced.collections", forced, (counts) -> counts.count(reason))
				.tag("reason", reason.id())
				.tag("own", String.valueOf(reason.own()))
				.description("Full collections forced through the starter: its own (histogram, automatic-dump) "
						+ "and those users requested (gc, snapshot, dump)")
				.register(registry);
		}
		Gauge.builder("leaks.forced.collections.budget", this, (metrics) -> metrics.watch.settings().forcedBudget())
			.description("Collections the trend analysis may force on its own per budget period")
			.register(registry);
		Gauge.builder("leaks.forced.collections.budget.used", this,
				(metrics) -> metrics.watch.report().forcedBudget().used())
			.description("Collections the trend analysis forced on its own within the last budget period")
			.register(registry);
		Gauge.builder("leaks.memory.resident", this, LeaksMetrics::residentBytes)
			.baseUnit("bytes")
			.description("Resident memory of the process at the last trend sample (heap, metaspace, threads, "
					+ "buffers, native); NaN where the OS does not say")
			.register(registry);
		Gauge.builder("leaks.memory.limit", this, LeaksMetrics::limitBytes)
			.baseUnit("bytes")
			.description("Memory the process may use: the container's limit where the JVM detects one, "
					+ "else physical memory")
			.register(registry);
	}

	private double floor() {
		List<Point> floor = this.watch.gcHistory().snapshot().oldGeneration();
		return floor.isEmpty() ? Double.NaN : floor.get(floor.size() - 1).value();
	}

	private double growthPerSecond() {
		return this.watch.report().heap().shown().growthPerMinute() / 60.0;
	}

	private double secondsLeft() {
		TrendReport report = this.watch.report();
		Verdict shown = report.heap().shown();
		Projection projection = shown.projection();
		if (projection == null) {
			return Double.NaN;
		}
		long left = this.watch.instant(projection.exhaustionAtMillis()).toEpochMilli() - report.at().toEpochMilli();
		return Math.max(0, left) / 1000.0;
	}

	private double residentBytes() {
		List<MemorySample> samples = this.watch.samples();
		long resident = samples.isEmpty() ? -1 : samples.get(samples.size() - 1).residentBytes();
		return (resident < 0) ? Double.NaN : resident;
	}

	private double limitBytes() {
		long limit = this.availableMemory.bytes();
		return (limit < 0) ? Double.NaN : limit;
	}

	private double suspected(Resource resource, Severity severity) {
		TrendReport.ResourceState state = this.watch.report().resource(resource);
		if (!state.leak()) {
			return 0;
		}
		Severity shown = state.shown().severity();
		return (((shown != null) ? shown : Severity.DAYS) == severity) ? 1 : 0;
	}

}
