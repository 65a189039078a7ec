package io.leaks.analysis;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Live heap dumps of the test JVM itself.
 */
final class TestDumps {

	private TestDumps() {
	}

	static Path dump(Path directory, String name) throws IOException {
		Path file = directory.resolve(name + ".hprof");
		ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
		return file;
	}

	static AnalyzerRequest.DumpFile file(Path dump) {
		return new AnalyzerRequest.DumpFile(dump.getFileName().toString(), dump.toString(), false);
	}

}
