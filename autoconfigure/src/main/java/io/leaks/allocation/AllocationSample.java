package io.leaks.allocation;

import java.util.List;

/**
 * One sampled allocation, as a JFR {@code jdk.ObjectAllocationSample} event reports it.
 *
 * @param className the class of the object whose allocation was sampled, canonical
 * @param weight bytes the thread allocated since its previous sample, which this sample
 * stands for
 * @param stack the frames at the allocation, the allocating one first
 */
public record AllocationSample(String className, long weight, List<Frame> stack) {

}
