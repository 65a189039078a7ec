package io.leaks.gc;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reads the test JVM's manageable flags through {@link HotSpotDiagnosticMXBean} (not
 * through the code under test) and, registered as an extension, saves them before each
 * test and puts them back after it, so that no test leaves the JVM tuned for the next.
 */
public final class ManageableFlags implements BeforeEachCallback, AfterEachCallback {

	private static final HotSpotDiagnosticMXBean hotSpot = ManagementFactory
		.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	private final Map<String, String> saved = new LinkedHashMap<>();

	private ManageableFlags() {
	}

	/**
	 * An extension that restores every manageable flag after each test.
	 * @return the extension, to register with {@code @RegisterExtension}
	 */
	public static ManageableFlags restoredAfterEachTest() {
		return new ManageableFlags();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.saved.clear();
		for (VMOption option : hotSpot.getDiagnosticOptions()) {
			this.saved.put(option.getName(), option.getValue());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		restore();
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

	private void restore() {
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
