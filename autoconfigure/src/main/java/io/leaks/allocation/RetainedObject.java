package io.leaks.allocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One old-object sample: an object sampled at allocation that was still alive when the
 * recording ended, with the chain that keeps it alive, as a JFR {@code jdk.OldObjectSample}
 * event reports it.
 *
 * @param objectClass the sampled object's class, canonical
 * @param path the chain from the object a GC root holds to the sampled object (last); only
 * the sampled object when no path was searched or found in time
 * @param root the GC root the chain starts from, or {@code null} when none was found
 * @param allocationStack the frames where the object was allocated, the allocating one first
 * @param ageMillis how long the object had lived when the recording ended
 */
public record RetainedObject(String objectClass, List<PathStep> path, @Nullable GcRoot root,
		List<Frame> allocationStack, long ageMillis) {

}
