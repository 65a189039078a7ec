package io.leaks.allocation;

import java.time.Duration;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Records sampled allocations and old objects in this JVM: JFR, behind a seam tests can
 * replace.
 */
public interface AllocationRecorder {

	/**
	 * Why this JVM cannot record, or {@code null} when it can.
	 * @return the reason in a sentence, or {@code null}
	 */
	@Nullable String unavailableReason();

	/**
	 * Starts recording.
	 * @param plan what to record
	 * @param allocations receives every sampled allocation, on the recorder's own thread
	 * @return the running recording
	 */
	Session start(Plan plan, Consumer<AllocationSample> allocations);

	/**
	 * What to record.
	 *
	 * @param samplesPerSecond most allocation samples per second (JFR's throttle)
	 * @param oldObjects whether to sample old objects, so that they can be read at the end
	 * @param oldObjectStackTraces whether old-object samples carry their allocation stack
	 * (JFR then walks the stack at every allocation it considers, not only those it keeps)
	 * @param pathCutoff longest time the search for paths to GC roots may take at the end;
	 * zero searches none
	 */
	record Plan(int samplesPerSecond, boolean oldObjects, boolean oldObjectStackTraces, Duration pathCutoff) {

	}

	/**
	 * A recording under way.
	 */
	interface Session {

		/**
		 * Ends the recording: hands over the allocations sampled until now and, when old
		 * objects were asked for, the old-object samples still alive with their paths to GC
		 * roots (searching them pauses the application, up to the cutoff). Releases every
		 * resource, whatever happens.
		 * @param retained receives the old-object samples, or {@code null} to skip them
		 */
		void finish(@Nullable Consumer<RetainedObject> retained);

		/**
		 * Ends the recording without results and releases every resource.
		 */
		void abort();

	}

}
