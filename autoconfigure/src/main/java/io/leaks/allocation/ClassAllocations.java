package io.leaks.allocation;

import java.util.List;

/**
 * The sampled allocations of one class and its top allocation sites.
 *
 * @param className the class, in source form ({@code byte[]})
 * @param samples sampled allocations of the class
 * @param sampledBytes bytes those samples stand for
 * @param sites the sites with the most sampled bytes, most first
 * @param otherSites how many more sites were seen and are not listed
 * @param otherSamples samples at sites not listed
 * @param otherSampledBytes sampled bytes at sites not listed
 */
public record ClassAllocations(String className, long samples, long sampledBytes, List<AllocationSite> sites,
		long otherSites, long otherSamples, long otherSampledBytes) {

}
