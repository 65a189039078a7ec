package io.leaks.actuate;

import io.leaks.gc.GcTrigger;

import org.springframework.util.Assert;

/**
 * A collection on request: {@code POST /gc}.
 */
public final class GcOperations implements LeaksOperations {

	private final GcTrigger trigger;

	public GcOperations(GcTrigger trigger) {
		Assert.notNull(trigger, "'trigger' must not be null");
		this.trigger = trigger;
	}

	boolean isExplicitGcHonoured() {
		return !this.trigger.isExplicitGcDisabled();
	}

	GcResult collect() {
		return GcResult.of(HeapWork.run(this.trigger::collect));
	}

}
