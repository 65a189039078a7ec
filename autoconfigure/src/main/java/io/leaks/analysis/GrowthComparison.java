package io.leaks.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Compares the analyses of two dumps of one application, class by class and owner by
 * owner. Owners are matched by their {@link Owner#fingerprint() fingerprint}: the same
 * collection reached the same way has the same pattern in both dumps, although its object
 * id and array positions change.
 */
final class GrowthComparison {

	private GrowthComparison() {
	}

	/**
	 * Compares two analyses of the same classes.
	 * @param from the earlier dump's analysis
	 * @param to the later dump's analysis
	 * @return the growth
	 */
	static HeapGrowth between(HeapAnalysis from, HeapAnalysis to) {
		List<HeapGrowth.ClassGrowth> classes = new ArrayList<>();
		for (int i = 0; i < Math.min(from.classes().size(), to.classes().size()); i++) {
			classes.add(compare(from.classes().get(i), to.classes().get(i)));
		}
		return new HeapGrowth(from, to, classes);
	}

	private static HeapGrowth.ClassGrowth compare(ClassFinding from, ClassFinding to) {
		Map<String, Owner> before = byFingerprint(from.owners());
		Map<String, Owner> after = byFingerprint(to.owners());
		List<HeapGrowth.OwnerGrowth> owners = new ArrayList<>();
		for (Map.Entry<String, Owner> entry : after.entrySet()) {
			owners.add(growth(before.get(entry.getKey()), entry.getValue()));
		}
		for (Map.Entry<String, Owner> entry : before.entrySet()) {
			if (!after.containsKey(entry.getKey())) {
				owners.add(growth(entry.getValue(), null));
			}
		}
		owners.sort(Comparator.comparingLong(HeapGrowth.OwnerGrowth::instancesDelta)
			.reversed()
			.thenComparing(Comparator.comparingLong(HeapGrowth.OwnerGrowth::retainedBytesDelta).reversed()));
		boolean growing = owners.stream().anyMatch(HeapGrowth.OwnerGrowth::growing);
		return new HeapGrowth.ClassGrowth(to.className(), from.instances(), to.instances(),
				to.instances() - from.instances(), from.retainedBytes(), to.retainedBytes(),
				to.retainedBytes() - from.retainedBytes(), growing, owners);
	}

	private static HeapGrowth.OwnerGrowth growth(@Nullable Owner from, @Nullable Owner to) {
		Owner shown = (to != null) ? to : Objects.requireNonNull(from);
		long instancesFrom = (from != null) ? from.instances() : 0;
		long instancesTo = (to != null) ? to.instances() : 0;
		long bytesFrom = (from != null) ? from.retainedBytes() : 0;
		long bytesTo = (to != null) ? to.retainedBytes() : 0;
		return new HeapGrowth.OwnerGrowth(shown.className(), shown.path(), instancesFrom, instancesTo,
				instancesTo - instancesFrom, bytesFrom, bytesTo, bytesTo - bytesFrom, instancesTo > instancesFrom);
	}

	private static Map<String, Owner> byFingerprint(List<Owner> owners) {
		Map<String, Owner> byFingerprint = new LinkedHashMap<>();
		for (Owner owner : owners) {
			byFingerprint.merge(owner.fingerprint(), owner, (first, second) -> first);
		}
		return byFingerprint;
	}

}
