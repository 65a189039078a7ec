package io.leaks.allocation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainTallyTests {

	private static final GcRoot STATIC_ROOT = new GcRoot("Class Loader Data", "Global Object Handle", null);

	private static final Frame INIT = new Frame("com.example.orders.OrderListener", "<init>", 15);

	private static final Frame COPY_OF = new Frame("java.util.Arrays", "copyOf", 3512);

	private final ChainTally tally = new ChainTally(new ApplicationFrames(List.of()));

	@Test
	void samplesHeldTheSameWayShouldBeOneChainWhateverTheIndices() {
		this.tally.add(listenerReceipt(17, 10));
		this.tally.add(listenerReceipt(942, 30));
		this.tally.add(listenerReceipt(5, 20));
		this.tally.add(new RetainedObject("java.lang.Object[]", List.of(step("java.lang.Class", "CACHE", "Class Name: com.example.Cache"),
				step("java.lang.Object[]", null, null)), STATIC_ROOT, List.of(COPY_OF), 5));
		ChainTally.Findings findings = this.tally.findings(10, 10);
		assertThat(findings.samples()).isEqualTo(4);
		assertThat(findings.withRoot()).isEqualTo(4);
		assertThat(findings.sampledClasses()).containsExactly(new ClassCount("byte[]", 3),
				new ClassCount("java.lang.Object[]", 1));
		assertThat(findings.chains()).hasSize(2);
		ReferenceChain receipts = findings.chains().get(0);
		assertThat(receipts.count()).isEqualTo(3);
		assertThat(receipts.objectClass()).isEqualTo("byte[]");
		assertThat(receipts.oldestAgeMillis()).isEqualTo(30);
		assertThat(receipts.allocationSite()).isEqualTo("com.example.orders.OrderListener.<init>:15");
		assertThat(receipts.path()).extracting(PathStep::className)
			.containsExactly("java.lang.Class", "com.example.orders.OrderEventBus", "java.lang.Object[]",
					"com.example.orders.OrderListener", "byte[]");
		assertThat(receipts.path().get(2).reference()).isEqualTo("[17]");
		// Without an application frame, the allocating frame names the site.
		assertThat(findings.chains().get(1).allocationSite()).isEqualTo(COPY_OF.site());
	}

	@Test
	void chainsShouldBeFoundByAnyClassOnThem() {
		this.tally.add(listenerReceipt(1, 1));
		this.tally.add(new RetainedObject("java.lang.String", List.of(step("java.lang.String", null, null)), null,
				List.of(), 1));
		assertThat(this.tally.involving("com.example.orders.OrderListener", 5)).hasSize(1);
		assertThat(this.tally.involving("byte[]", 5)).hasSize(1);
		assertThat(this.tally.involving("java.lang.String", 5)).singleElement()
			.satisfies((chain) -> assertThat(chain.root()).isNull());
		assertThat(this.tally.involving("com.example.Unrelated", 5)).isEmpty();
		assertThat(this.tally.findings(10, 10).withRoot()).isEqualTo(1);
	}

	@Test
	void chainsBeyondTheListedOnesShouldBeCounted() {
		for (int i = 0; i < 5; i++) {
			String holder = "com.example.Holder" + i;
			for (int n = 0; n <= i; n++) {
				this.tally.add(new RetainedObject("byte[]", List.of(step(holder, "data", null), step("byte[]", null, null)),
						STATIC_ROOT, List.of(), 1));
			}
		}
		ChainTally.Findings findings = this.tally.findings(2, 1);
		assertThat(findings.chains()).extracting(ReferenceChain::count).containsExactly(5L, 4L);
		assertThat(findings.otherChains()).isEqualTo(3);
		assertThat(findings.sampledClasses()).containsExactly(new ClassCount("byte[]", 15));
	}

	@Test
	void runsOfTheSameLinkShouldCountOnce() {
		for (int links = 0; links < 3; links++) {
			List<PathStep> path = new java.util.ArrayList<>();
			path.add(step("java.lang.Class", "REPORTS", "Class Name: com.example.Cache"));
			path.add(step("java.util.concurrent.ConcurrentHashMap", "table", null));
			path.add(step("java.util.concurrent.ConcurrentHashMap$Node[]", "[" + (7 * links) + "]", null));
			for (int i = 0; i < links; i++) {
				path.add(step("java.util.concurrent.ConcurrentHashMap$Node", "next", null));
			}
			path.add(step("java.util.concurrent.ConcurrentHashMap$Node", "val", null));
			path.add(step("byte[]", null, null));
			this.tally.add(new RetainedObject("byte[]", path, STATIC_ROOT, List.of(), 1));
		}
		assertThat(this.tally.findings(10, 10).chains()).singleElement()
			.satisfies((chain) -> assertThat(chain.count()).isEqualTo(3));
	}

	@Test
	void skippedStepsShouldKeepChainsApart() {
		this.tally.add(new RetainedObject("byte[]",
				List.of(new PathStep("com.example.Node", null, null, 12), step("byte[]", null, null)), STATIC_ROOT,
				List.of(), 1));
		this.tally.add(new RetainedObject("byte[]",
				List.of(new PathStep("com.example.Node", null, null, 0), step("byte[]", null, null)), STATIC_ROOT,
				List.of(), 1));
		assertThat(this.tally.findings(10, 10).chains()).hasSize(2);
	}

	private static RetainedObject listenerReceipt(int index, long age) {
		return new RetainedObject("byte[]",
				List.of(step("java.lang.Class", "BUS", "Class Name: com.example.orders.Checkout"),
						step("com.example.orders.OrderEventBus", "listeners", null),
						step("java.lang.Object[]", "[" + index + "]", null),
						step("com.example.orders.OrderListener", "receipt", null), step("byte[]", null, null)),
				STATIC_ROOT, List.of(INIT, new Frame("com.example.orders.Checkout", "run", 30)), age);
	}

	private static PathStep step(String className, String reference, String description) {
		return new PathStep(className, reference, description, 0);
	}

}
