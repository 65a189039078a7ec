package io.leaks.jvm;

import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Names of HotSpot's diagnostic MBeans and checks for their presence. They are reached
 * through the MBean server rather than {@code com.sun.management} types so that the
 * starter still loads, and degrades, on JVMs that lack them (OpenJ9, restricted
 * environments).
 */
public final class HotSpotMBeans {

	/** Runs diagnostic commands such as {@code GC.class_histogram}. */
	public static final ObjectName DIAGNOSTIC_COMMAND = name("com.sun.management:type=DiagnosticCommand");

	/** Reads and writes VM flags and dumps the heap. */
	public static final ObjectName HOTSPOT_DIAGNOSTIC = name("com.sun.management:type=HotSpotDiagnostic");

	private HotSpotMBeans() {
	}

	/**
	 * Whether the MBean is registered and has the operation.
	 * @param server the MBean server to look in
	 * @param mbean the MBean's name
	 * @param operation the operation's name
	 * @return whether the operation can be invoked
	 */
	public static boolean hasOperation(MBeanServer server, ObjectName mbean, String operation) {
		try {
			if (!server.isRegistered(mbean)) {
				return false;
			}
			for (MBeanOperationInfo info : server.getMBeanInfo(mbean).getOperations()) {
				if (info.getName().equals(operation)) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static ObjectName name(String name) {
		try {
			return new ObjectName(name);
		}
		catch (MalformedObjectNameException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
