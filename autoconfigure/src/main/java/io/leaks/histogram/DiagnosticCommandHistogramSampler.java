package io.leaks.histogram;

import javax.management.MBeanException;
import javax.management.MBeanServer;

import io.leaks.jvm.HotSpotMBeans;

/**
 * Takes class histograms through HotSpot's DiagnosticCommand MBean (the in-process
 * equivalent of {@code jcmd <pid> GC.class_histogram}): no attach API and no
 * {@code -Djdk.attach.allowAttachSelf} needed.
 */
public final class DiagnosticCommandHistogramSampler implements HistogramSampler {

	private static final String OPERATION = "gcClassHistogram";

	private static final String[] SIGNATURE = { String[].class.getName() };

	private final MBeanServer server;

	public DiagnosticCommandHistogramSampler(MBeanServer server) {
		this.server = server;
	}

	@Override
	public boolean isAvailable() {
		return HotSpotMBeans.hasOperation(this.server, HotSpotMBeans.DIAGNOSTIC_COMMAND, OPERATION);
	}

	@Override
	public ClassHistogram sample(boolean liveOnly) {
		if (!isAvailable()) {
			throw new HistogramUnavailableException("Class histograms need HotSpot's DiagnosticCommand MBean ("
					+ HotSpotMBeans.DIAGNOSTIC_COMMAND + "), which this JVM (" + System.getProperty("java.vm.name")
					+ ") does not provide");
		}
		String[] arguments = liveOnly ? new String[0] : new String[] { "-all" };
		Object text;
		try {
			text = this.server.invoke(HotSpotMBeans.DIAGNOSTIC_COMMAND, OPERATION, new Object[] { arguments },
					SIGNATURE);
		}
		catch (MBeanException ex) {
			throw new HistogramUnavailableException("GC.class_histogram failed: " + ex.getCause(), ex);
		}
		catch (Exception ex) {
			throw new HistogramUnavailableException("GC.class_histogram could not be invoked: " + ex, ex);
		}
		if (!(text instanceof String histogram)) {
			throw new HistogramUnavailableException("GC.class_histogram returned no text");
		}
		try {
			return HistogramParser.parse(histogram);
		}
		catch (IllegalArgumentException ex) {
			// An agent or a JVM build may answer with a message instead of a histogram.
			throw new HistogramUnavailableException("GC.class_histogram answered something that is not a class "
					+ "histogram (" + firstLine(histogram) + "); this JVM cannot take snapshots", ex);
		}
	}

	private static String firstLine(String text) {
		String trimmed = text.strip();
		int newline = trimmed.indexOf('\n');
		String line = (newline >= 0) ? trimmed.substring(0, newline).strip() : trimmed;
		if (line.isEmpty()) {
			return "no text";
		}
		return "'" + ((line.length() > 120) ? line.substring(0, 120) + "..." : line) + "'";
	}

}
