package io.leaks.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTallyTests {

	private static final ApplicationFrames FRAMES = new ApplicationFrames(List.of());

	private static final Frame COPY_OF = new Frame("java.util.Arrays", "copyOf", 3512);

	private static final Frame RECORD = new Frame("com.example.orders.Ledger", "record", 42);

	private static final Frame RENDER = new Frame("com.example.reports.Report", "render", 7);

	private static final Frame SERVLET = new Frame("org.springframework.web.servlet.FrameworkServlet", "service", 1);

	private static final Frame POST = new Frame("com.example.orders.OrderController", "post", 17);

	@Test
	void sitesShouldBeTheFirstApplicationFrameWithBytesAndCounts() {
		AllocationTally tally = new AllocationTally(Set.of(), FRAMES, AllocationTally.Limits.DEFAULT);
		tally.add(sample("byte[]", 1000, COPY_OF, RECORD, SERVLET, POST));
		tally.add(sample("byte[]", 3000, RECORD, POST));
		tally.add(sample("byte[]", 500, RENDER));
		tally.add(sample("java.lang.String", 50, RENDER));
		List<ClassAllocations> classes = tally.classes(List.of(), 10, 10);
		assertThat(classes).extracting(ClassAllocations::className).containsExactly("byte[]", "java.lang.String");
		ClassAllocations bytes = classes.get(0);
		assertThat(bytes.samples()).isEqualTo(3);
		assertThat(bytes.sampledBytes()).isEqualTo(4500);
		assertThat(bytes.sites()).extracting(AllocationSite::site)
			.containsExactly("com.example.orders.Ledger.record:42", "com.example.reports.Report.render:7");
		AllocationSite record = bytes.sites().get(0);
		assertThat(record.samples()).isEqualTo(2);
		assertThat(record.sampledBytes()).isEqualTo(4000);
		assertThat(record.applicationFrame()).isTrue();
		// The heaviest sample's application frames: the framework frame between them is left out.
		assertThat(record.stack()).containsExactly("com.example.orders.Ledger.record:42",
				"com.example.orders.OrderController.post:17");
		assertThat(tally.totals().samples()).isEqualTo(4);
		assertThat(tally.totals().sampledBytes()).isEqualTo(4550);
	}

	@Test
	void heaviestSampleShouldGiveTheSitesStack() {
		AllocationTally tally = new AllocationTally(Set.of(), FRAMES, AllocationTally.Limits.DEFAULT);
		tally.add(sample("byte[]", 10, RECORD, SERVLET));
		tally.add(sample("byte[]", 900, RECORD, POST));
		tally.add(sample("byte[]", 20, RECORD, RENDER));
		assertThat(tally.classes(List.of(), 1, 1).get(0).sites().get(0).stack())
			.containsExactly(RECORD.site(), POST.site());
	}

	@Test
	void stacksWithoutApplicationFramesShouldNameTheAllocatingFrame() {
		AllocationTally tally = new AllocationTally(Set.of(), FRAMES, AllocationTally.Limits.DEFAULT);
		tally.add(sample("java.lang.Object[]", 64, COPY_OF, SERVLET));
		tally.add(new AllocationSample("java.lang.Object[]", 64, List.of()));
		List<AllocationSite> sites = tally.classes(List.of(), 10, 10).get(0).sites();
		assertThat(sites).extracting(AllocationSite::site, AllocationSite::applicationFrame)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(COPY_OF.site(), false),
					org.assertj.core.groups.Tuple.tuple(AllocationSite.NO_STACK_TRACE, false));
	}

	@Test
	void requestedClassesShouldComeInTheirOrderEvenWhenNeverSampled() {
		AllocationTally tally = new AllocationTally(Set.of("byte[]", "com.example.orders.OrderListener"), FRAMES,
				AllocationTally.Limits.DEFAULT);
		tally.add(sample("byte[]", 100, RECORD));
		tally.add(sample("java.lang.String", 100, RECORD));
		List<ClassAllocations> classes = tally.classes(List.of("com.example.orders.OrderListener", "byte[]"), 10, 10);
		assertThat(classes).extracting(ClassAllocations::className)
			.containsExactly("com.example.orders.OrderListener", "byte[]");
		assertThat(classes.get(0).samples()).isZero();
		assertThat(classes.get(0).sites()).isEmpty();
		assertThat(classes.get(1).samples()).isEqualTo(1);
		// Totals count every class, asked for or not.
		assertThat(tally.totals().samples()).isEqualTo(2);
		assertThat(tally.totals().classes()).isEqualTo(1);
	}

	@Test
	void sitesBeyondTheListedOnesShouldBeSummedAsOther() {
		AllocationTally tally = new AllocationTally(Set.of(), FRAMES, AllocationTally.Limits.DEFAULT);
		for (int line = 1; line <= 5; line++) {
			tally.add(sample("byte[]", line * 100, new Frame("com.example.A", "m", line)));
		}
		ClassAllocations bytes = tally.classes(List.of(), 10, 2).get(0);
		assertThat(bytes.sites()).extracting(AllocationSite::site).containsExactly("com.example.A.m:5", "com.example.A.m:4");
		assertThat(bytes.otherSites()).isEqualTo(3);
		assertThat(bytes.otherSamples()).isEqualTo(3);
		assertThat(bytes.otherSampledBytes()).isEqualTo(600);
	}

	@Test
	void boundsShouldKeepEveryByteInTheFigures() {
		AllocationTally tally = new AllocationTally(Set.of(), FRAMES, new AllocationTally.Limits(3, 5, 4));
		Random random = new Random(7);
		long bytes = 0;
		for (int i = 0; i < 10_000; i++) {
			long weight = 1 + random.nextInt(10_000);
			bytes += weight;
			List<Frame> stack = new ArrayList<>();
			for (int depth = 0; depth < 20; depth++) {
				stack.add(new Frame("com.example.C" + random.nextInt(50), "m", depth));
			}
			tally.add(new AllocationSample("com.example.T" + random.nextInt(20), weight, stack));
		}
		AllocationTally.Totals totals = tally.totals();
		assertThat(totals.samples()).isEqualTo(10_000);
		assertThat(totals.sampledBytes()).isEqualTo(bytes);
		assertThat(totals.classes()).isEqualTo(3);
		List<ClassAllocations> classes = tally.classes(List.of(), 100, 100);
		assertThat(classes).hasSize(3);
		assertThat(classes.stream().mapToLong((c) -> c.sites().size()).sum()).isEqualTo(5);
		long told = classes.stream().mapToLong(ClassAllocations::sampledBytes).sum();
		assertThat(told + totals.untrackedBytes()).isEqualTo(bytes);
		for (ClassAllocations allocations : classes) {
			long sites = allocations.sites().stream().mapToLong(AllocationSite::sampledBytes).sum();
			assertThat(sites + allocations.otherSampledBytes()).isEqualTo(allocations.sampledBytes());
			assertThat(allocations.sites()).allSatisfy((site) -> assertThat(site.stack()).hasSizeLessThanOrEqualTo(4));
		}
	}

	static AllocationSample sample(String className, long weight, Frame... stack) {
		return new AllocationSample(className, weight, List.of(stack));
	}

}
