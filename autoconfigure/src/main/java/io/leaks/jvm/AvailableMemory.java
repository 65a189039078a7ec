package io.leaks.jvm;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The memory the process may use: the container's limit where the JVM detects one (cgroup
 * v1 or v2), else the machine's physical memory. Read as the {@code TotalMemorySize}
 * attribute of the operating-system MBean rather than through {@code com.sun.management}
 * types, so a JVM without it answers -1 instead of failing to load.
 */
public final class AvailableMemory {

	private static final ObjectName OPERATING_SYSTEM = name(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);

	private final MBeanServer server;

	public AvailableMemory(MBeanServer server) {
		this.server = server;
	}

	/**
	 * Reads the limit now (the JVM rereads the cgroup files, so a changed limit shows).
	 * @return bytes, or -1 where the JVM does not say
	 */
	public long bytes() {
		try {
			Object value = this.server.getAttribute(OPERATING_SYSTEM, "TotalMemorySize");
			return (value instanceof Number number && number.longValue() > 0) ? number.longValue() : -1;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static ObjectName name(String name) {
		try {
			return new ObjectName(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
