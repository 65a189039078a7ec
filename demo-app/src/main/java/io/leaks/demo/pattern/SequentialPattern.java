package io.leaks.demo.pattern;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A pattern whose operations run one after another on the caller's thread, each numbered
 * so that keys, names and ids differ from one operation to the next, as they do between
 * real requests.
 */
public abstract class SequentialPattern implements LeakPattern {

	private final PatternInfo info;

	private final AtomicLong operations = new AtomicLong();

	protected SequentialPattern(PatternInfo info) {
		this.info = info;
	}

	@Override
	public final PatternInfo info() {
		return this.info;
	}

	@Override
	public final long run(Variant variant, int count) {
		long created = 0;
		for (int i = 0; i < count; i++) {
			long operation = this.operations.incrementAndGet();
			created += (variant == Variant.LEAKING) ? runLeaking(operation) : runFixed(operation);
		}
		return created;
	}

	/**
	 * One operation as it is often written.
	 * @param operation the operation's number, unique in this pattern
	 * @return instances of the leaking class it created
	 */
	protected abstract long runLeaking(long operation);

	/**
	 * The same operation with the fix applied.
	 * @param operation the operation's number, unique in this pattern
	 * @return instances of the leaking class it created
	 */
	protected abstract long runFixed(long operation);

}
