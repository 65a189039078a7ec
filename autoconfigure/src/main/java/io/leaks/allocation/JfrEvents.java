package io.leaks.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import org.jspecify.annotations.Nullable;

/**
 * Turns JFR events into the plain values the tallies take, so nothing past this class
 * knows JFR's types. Field names are those of {@code jdk.ObjectAllocationSample} and
 * {@code jdk.OldObjectSample} (JDK 16 and later).
 */
final class JfrEvents {

	static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";

	static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";

	/** JFR's chains are bounded (it skips the middle of long ones); this only guards against a cycle. */
	private static final int MAX_STEPS = 1024;

	private JfrEvents() {
	}

	static AllocationSample allocation(RecordedEvent event) {
		RecordedClass type = event.getClass("objectClass");
		String className = (type != null) ? ClassNames.canonical(type.getName()) : "(unknown)";
		return new AllocationSample(className, event.getLong("weight"), frames(event.getStackTrace()));
	}

	static RetainedObject retained(RecordedEvent event) {
		RecordedObject object = event.getValue("object");
		List<PathStep> path = new ArrayList<>();
		String objectClass = "(unknown)";
		if (object != null) {
			objectClass = className(object);
			RecordedObject current = object;
			String reference = null;
			int skipped = 0;
			while (current != null && path.size() < MAX_STEPS) {
				path.add(new PathStep(className(current), reference, current.getString("description"), skipped));
				RecordedObject referrer = current.getValue("referrer");
				if (referrer == null) {
					break;
				}
				reference = reference(referrer);
				skipped = referrer.getInt("skip");
				current = referrer.getValue("object");
			}
			Collections.reverse(path);
		}
		RecordedObject rootValue = event.getValue("root");
		GcRoot root = (rootValue != null) ? new GcRoot(text(rootValue.getString("system")),
				text(rootValue.getString("type")), rootValue.getString("description")) : null;
		Duration age = event.getDuration("objectAge");
		return new RetainedObject(objectClass, List.copyOf(path), root, frames(event.getStackTrace()),
				age.toMillis());
	}

	/**
	 * How the referring object points at the one before it: a field's name or an array
	 * index. A reference after skipped steps has neither.
	 */
	private static @Nullable String reference(RecordedObject referrer) {
		RecordedObject field = referrer.getValue("field");
		if (field != null) {
			return field.getString("name");
		}
		RecordedObject array = referrer.getValue("array");
		if (array != null) {
			return "[" + array.getInt("index") + "]";
		}
		return null;
	}

	private static String className(RecordedObject object) {
		RecordedClass type = object.getValue("type");
		return (type != null) ? ClassNames.canonical(type.getName()) : "(unknown)";
	}

	private static List<Frame> frames(@Nullable RecordedStackTrace stackTrace) {
		if (stackTrace == null) {
			return List.of();
		}
		List<RecordedFrame> recorded = stackTrace.getFrames();
		List<Frame> frames = new ArrayList<>(recorded.size());
		for (RecordedFrame frame : recorded) {
			RecordedMethod method = frame.getMethod();
			if (method == null) {
				continue;
			}
			RecordedClass type = method.getType();
			frames.add(new Frame((type != null) ? type.getName() : "(unknown)", method.getName(),
					frame.getLineNumber()));
		}
		return frames;
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
