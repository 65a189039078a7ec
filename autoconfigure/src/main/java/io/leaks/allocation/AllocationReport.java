package io.leaks.allocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The figures of a recording: partial while it runs, final once it is done.
 *
 * @param totals sampled allocations of every class
 * @param classes the classes asked for, or those with the most sampled bytes
 * @param collections garbage collections during the recording (JFR reports only old-object
 * samples that survived one)
 * @param oldObjects what became of the old-object samples
 * @param oldObjectsReason why they were skipped, or {@code null}
 * @param findings the old-object samples and the chains that keep them alive
 */
public record AllocationReport(AllocationTally.Totals totals, List<ClassFindings> classes, long collections,
		OldObjectStatus oldObjects, @Nullable String oldObjectsReason, ChainTally.Findings findings) {

}
