package io.leaks.autoconfigure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.leaks.actuate.LeaksTestApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100 starts and stops of an application with every part of the starter on (trend
 * analysis with its thread, GC notification listeners and collection-usage thresholds,
 * metrics, health, heap dumps on suspicion, the endpoint over JMX) leave nothing behind in
 * the JVM: no thread, no notification listener on a collector or the memory MXBean, no
 * MBean, no changed threshold. Counted with the JVM's own MXBeans before and after (the
 * listener lists are read from the MXBeans themselves, which the surefire configuration
 * opens to reflection). It runs in a JVM of its own (the surefire execution "restarts"), where
 * no other test keeps contexts.
 */
@Tag("restarts")
class ContextRestartsTests {

	private static final int RESTARTS = 100;

	@TempDir
	Path dumps;

	@Test
	void restartsShouldLeaveNoThreadListenerMBeanOrThresholdBehind() throws Exception {
		// The first start loads what a JVM keeps for good (class data, JDK threads started
		// on first use); count from after it.
		run(() -> {
		});
		JvmState before = JvmState.now();
		run(() -> {
			JvmState running = JvmState.now();
			assertThat(running.threads()).as("the counting sees the starter's thread").containsKey("leaks-trend");
			assertThat(running.gcListeners()).as("the counting sees GC listeners").isGreaterThan(before.gcListeners());
			assertThat(running.memoryListeners()).as("the counting sees the threshold listener")
				.isGreaterThan(before.memoryListeners());
			assertThat(running.mbeans()).as("the counting sees the endpoint's MBean")
				.anyMatch((name) -> name.contains("name=Leaks"));
			assertThat(running.thresholds()).as("the counting sees changed thresholds").isNotEqualTo(before.thresholds());
		});
		for (int i = 1; i < RESTARTS; i++) {
			run(() -> {
			});
		}
		await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JvmState after = JvmState.now();
			assertThat(after.newThreadsSince(before)).as("threads left behind").isEmpty();
			assertThat(after.gcListeners()).as("GC notification listeners").isEqualTo(before.gcListeners());
			assertThat(after.memoryListeners()).as("memory MXBean listeners").isEqualTo(before.memoryListeners());
			assertThat(after.mbeans()).as("MBeans").isEqualTo(before.mbeans());
			assertThat(after.thresholds()).as("collection usage thresholds").isEqualTo(before.thresholds());
		});
	}

	private void run(WhileRunning whileRunning) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LeaksTestApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--spring.main.banner-mode=off", "--spring.jmx.enabled=true",
					"--management.endpoints.jmx.exposure.include=leaks", "--leaks.heap-dump.on-suspicion=true",
					"--leaks.heap-dump.directory=" + this.dumps, "--leaks.trend.interval=1s",
					"--logging.level.root=WARN")) {
			whileRunning.check();
		}
	}

	@FunctionalInterface
	interface WhileRunning {

		void check() throws Exception;

	}

	/**
	 * What an application can leave behind in a JVM, read from the JVM's MXBeans.
	 */
	record JvmState(Map<String, Integer> threads, int gcListeners, int memoryListeners, Set<String> mbeans,
			Map<String, Long> thresholds) {

		static JvmState now() throws Exception {
			Map<String, Integer> threads = new TreeMap<>();
			ThreadInfo[] infos = ManagementFactory.getThreadMXBean()
				.getThreadInfo(ManagementFactory.getThreadMXBean().getAllThreadIds());
			Arrays.stream(infos).filter(Objects::nonNull).forEach((info) -> threads.merge(info.getThreadName(), 1,
					Integer::sum));
			int gcListeners = 0;
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				gcListeners += listeners(collector);
			}
			MBeanServer server = ManagementFactory.getPlatformMBeanServer();
			Set<String> mbeans = server.queryNames(null, null).stream().map(ObjectName::toString)
				.collect(Collectors.toCollection(TreeSet::new));
			Map<String, Long> thresholds = new TreeMap<>();
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.isValid() && pool.isCollectionUsageThresholdSupported()) {
					thresholds.put(pool.getName(), pool.getCollectionUsageThreshold());
				}
			}
			return new JvmState(threads, gcListeners, listeners(ManagementFactory.getMemoryMXBean()), mbeans,
					thresholds);
		}

		/**
		 * Threads running now that were not (or fewer of that name) before.
		 */
		List<String> newThreadsSince(JvmState earlier) {
			return this.threads.entrySet().stream()
				.filter((thread) -> !isJvmWidePool(thread.getKey()))
				.filter((thread) -> thread.getValue() > earlier.threads().getOrDefault(thread.getKey(), 0))
				.map((thread) -> thread.getKey() + " x" + thread.getValue())
				.toList();
		}

		/**
		 * Threads of the JDK's own shared pools, which start and end them on demand for
		 * whoever uses them (and idle ones for a minute), never for one application.
		 */
		private static boolean isJvmWidePool(String name) {
			return name.startsWith("ForkJoinPool.commonPool-worker-") || name.equals("process reaper");
		}

		/**
		 * The notification listeners of a platform MXBean: every one of them extends the
		 * JDK's NotificationEmitterSupport, whose list is the only record of them.
		 */
		private static int listeners(Object mxBean) throws Exception {
			Class<?> support = Stream.<Class<?>>iterate(mxBean.getClass(), Objects::nonNull, Class::getSuperclass)
				.filter((type) -> type.getName().equals("sun.management.NotificationEmitterSupport"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(mxBean.getClass() + " does not extend "
						+ "sun.management.NotificationEmitterSupport on this JVM"));
			Field list = support.getDeclaredField("listenerList");
			list.setAccessible(true);
			return ((List<?>) list.get(mxBean)).size();
		}

	}

}
