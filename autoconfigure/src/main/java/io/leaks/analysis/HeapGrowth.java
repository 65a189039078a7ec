package io.leaks.analysis;

import java.util.List;

/**
 * What grew between two dumps of one application: for each class, the owners that gained
 * instances, matched across the dumps by the pattern of their paths (LeakCanary's heap
 * growth detection, for the owners of the suspect classes).
 *
 * @param from the earlier dump's analysis
 * @param to the later dump's analysis
 * @param classes per class, the growth, in the order asked
 */
public record HeapGrowth(HeapAnalysis from, HeapAnalysis to, List<ClassGrowth> classes) {

	public HeapGrowth {
		classes = List.copyOf(classes);
	}

	/**
	 * How one class changed.
	 *
	 * @param className the class
	 * @param instancesFrom instances in the earlier dump
	 * @param instancesTo instances in the later dump
	 * @param instancesDelta the difference
	 * @param retainedBytesFrom what the instances retained in the earlier dump
	 * @param retainedBytesTo what they retained in the later dump
	 * @param retainedBytesDelta the difference
	 * @param growing whether an owner of the class gained instances
	 * @param owners every owner of either dump, the biggest gain first
	 */
	public record ClassGrowth(String className, long instancesFrom, long instancesTo, long instancesDelta,
			long retainedBytesFrom, long retainedBytesTo, long retainedBytesDelta, boolean growing,
			List<OwnerGrowth> owners) {

		public ClassGrowth {
			owners = List.copyOf(owners);
		}

	}

	/**
	 * How one owner changed.
	 *
	 * @param className the owner's class
	 * @param path its path in the later dump (or the earlier one, if it is gone)
	 * @param instancesFrom instances it held in the earlier dump (0 if it was not an owner)
	 * @param instancesTo instances it holds in the later dump (0 if it is no longer one)
	 * @param instancesDelta the difference
	 * @param retainedBytesFrom what it retained in the earlier dump
	 * @param retainedBytesTo what it retains in the later dump
	 * @param retainedBytesDelta the difference
	 * @param growing whether it gained instances
	 */
	public record OwnerGrowth(String className, RootPath path, long instancesFrom, long instancesTo,
			long instancesDelta, long retainedBytesFrom, long retainedBytesTo, long retainedBytesDelta,
			boolean growing) {

	}

}
