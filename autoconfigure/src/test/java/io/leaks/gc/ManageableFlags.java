package io.leaks.gc;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Reads the test JVM's manageable flags through {@link HotSpotDiagnosticMXBean} (not
 * through the code under test) and puts them back after a test, so that no test leaves
 * the JVM tuned for the next one.
 */
public final class ManageableFlags {

	private static final HotSpotDiagnosticMXBean hotSpot = ManagementFactory
		.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	private final Map<String, String> saved = new LinkedHashMap<>();

	private ManageableFlags() {
		for (VMOption option : hotSpot.getDiagnosticOptions()) {
			this.saved.put(option.getName(), option.getValue());
		}
	}

	public static ManageableFlags save() {
		return new ManageableFlags();
	}

	public static String value(String flag) {
		return hotSpot.getVMOption(flag).getValue();
	}

	public static String origin(String flag) {
		return hotSpot.getVMOption(flag).getOrigin().name();
	}

	public static void set(String flag, String value) {
		hotSpot.setVMOption(flag, value);
	}

	public String saved(String flag) {
		return this.saved.get(flag);
	}

	public void restore() {
		// Widen the ratio window first so that restoring either bound never violates
		// Min <= Max on the way.
		hotSpot.setVMOption("MaxHeapFreeRatio", "100");
		hotSpot.setVMOption("MinHeapFreeRatio", this.saved.get("MinHeapFreeRatio"));
		this.saved.forEach((flag, value) -> {
			if (!value.equals(value(flag))) {
				hotSpot.setVMOption(flag, value);
			}
		});
	}

}
