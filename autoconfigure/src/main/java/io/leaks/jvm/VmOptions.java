package io.leaks.jvm;

import java.util.Optional;

import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;

/**
 * Reads VM flags ({@code -XX:} options) through the HotSpot diagnostic MBean.
 */
public final class VmOptions {

	private final MBeanServer server;

	public VmOptions(MBeanServer server) {
		this.server = server;
	}

	/**
	 * Whether this JVM lets us read its flags.
	 * @return whether {@link #value(String)} can answer
	 */
	public boolean isAvailable() {
		return HotSpotMBeans.hasOperation(this.server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "getVMOption");
	}

	/**
	 * Reads a flag.
	 * @param name the flag's name without {@code -XX:}, such as {@code DisableExplicitGC}
	 * @return its current value, or empty if the flag or the MBean does not exist
	 */
	public Optional<String> value(String name) {
		try {
			Object option = this.server.invoke(HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "getVMOption", new Object[] { name },
					new String[] { String.class.getName() });
			if (option instanceof CompositeData data) {
				return Optional.ofNullable((String) data.get("value"));
			}
			return Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/**
	 * Reads a boolean flag.
	 * @param name the flag's name
	 * @return whether the flag exists and is {@code true}
	 */
	public boolean isTrue(String name) {
		return value(name).map(Boolean::parseBoolean).orElse(false);
	}

}
