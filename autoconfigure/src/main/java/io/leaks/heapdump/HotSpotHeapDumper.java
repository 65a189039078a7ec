package io.leaks.heapdump;

import java.io.IOException;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.RuntimeMBeanException;

import io.leaks.jvm.HotSpotMBeans;

/**
 * Dumps the heap through HotSpot's {@code HotSpotDiagnostic} MBean. It is invoked through
 * the MBean server, not through {@code com.sun.management} types, so the starter still
 * loads on a JVM without it and answers 503 instead.
 */
public final class HotSpotHeapDumper implements HeapDumper {

	private static final String[] SIGNATURE = { String.class.getName(), boolean.class.getName() };

	private final MBeanServer server;

	public HotSpotHeapDumper(MBeanServer server) {
		this.server = server;
	}

	@Override
	public boolean isAvailable() {
		return HotSpotMBeans.hasOperation(this.server, HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "dumpHeap");
	}

	@Override
	public void dumpHeap(Path file, boolean live) throws IOException {
		if (!isAvailable()) {
			throw new HeapDumpException(HeapDumpException.Reason.UNAVAILABLE, "This JVM ("
					+ System.getProperty("java.vm.name") + ") has no HotSpotDiagnostic MBean, so it cannot dump its heap "
					+ "from inside; use the JVM vendor's own tool (for OpenJ9: -Xdump or jcmd <pid> Dump.heap)");
		}
		try {
			this.server.invoke(HotSpotMBeans.HOTSPOT_DIAGNOSTIC, "dumpHeap",
					new Object[] { file.toAbsolutePath().toString(), live }, SIGNATURE);
		}
		catch (RuntimeMBeanException ex) {
			throw new IOException(messageOf(ex.getCause(), ex), ex);
		}
		catch (JMException ex) {
			throw new IOException(messageOf(ex.getCause(), ex), ex);
		}
	}

	private static String messageOf(Throwable cause, Throwable fallback) {
		Throwable source = (cause != null) ? cause : fallback;
		return (source.getMessage() != null) ? source.getMessage() : source.getClass().getSimpleName();
	}

}
