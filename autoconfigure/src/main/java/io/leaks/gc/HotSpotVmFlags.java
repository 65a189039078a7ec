package io.leaks.gc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

import io.leaks.jvm.HotSpotMBeans;

/**
 * VM flags through HotSpot's {@code HotSpotDiagnostic} MBean, reached through the MBean
 * server so that nothing breaks on a JVM without it.
 */
public final class HotSpotVmFlags implements VmFlagAccess {

	private static final String[] NAME = { String.class.getName() };

	private static final String[] NAME_AND_VALUE = { String.class.getName(), String.class.getName() };

	private final MBeanServer server;

	public HotSpotVmFlags(MBeanServer server) {
		this.server = server;
	}

	@Override
	public boolean isAvailable() {
		return HotSpotMBeans.hasOperation(this.server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "setVMOption");
	}

	@Override
	public List<VmFlag> manageable() {
		try {
			Object options = this.server.getAttribute(HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "DiagnosticOptions");
			List<VmFlag> flags = new ArrayList<>();
			if (options instanceof CompositeData[] data) {
				for (CompositeData option : data) {
					flags.add(flag(option));
				}
			}
			return flags;
		}
		catch (JMException | RuntimeException ex) {
			return List.of();
		}
	}

	@Override
	public Optional<VmFlag> find(String name) {
		try {
			Object option = this.server.invoke(HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "getVMOption", new Object[] { name },
					NAME);
			return (option instanceof CompositeData data) ? Optional.of(flag(data)) : Optional.empty();
		}
		catch (JMException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void set(String name, String value) {
		try {
			this.server.invoke(HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "setVMOption", new Object[] { name, value },
					NAME_AND_VALUE);
		}
		catch (RuntimeMBeanException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new FlagRejectedException(String.valueOf(cause.getMessage()));
		}
		catch (JMException ex) {
			throw new FlagRejectedException(String.valueOf(ex.getMessage()));
		}
	}

	private static VmFlag flag(CompositeData data) {
		return new VmFlag((String) data.get("name"), String.valueOf(data.get("value")), String.valueOf(data.get("origin")),
				Boolean.TRUE.equals(data.get("writeable")));
	}

}
