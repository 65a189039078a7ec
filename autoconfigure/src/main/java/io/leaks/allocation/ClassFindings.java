package io.leaks.allocation;

import java.util.List;

/**
 * What a recording found about one class: where it was allocated and, among the old-object
 * samples, the chains it is on (as the sampled object or as a holder of one).
 *
 * @param allocations its sampled allocations and their top sites
 * @param chains the reference chains that involve it, shared by most samples first
 */
public record ClassFindings(ClassAllocations allocations, List<ReferenceChain> chains) {

}
