package io.leaks.workloads.soak;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ForcedCollectionsTest {

	private static final List<String> LOG = List.of(
			"[10.012s][info][gc,start    ] GC(7) Pause Young (Normal) (G1 Evacuation Pause)",
			"[10.020s][info][gc          ] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(256M) 8.012ms",
			"[31.500s][info][gc,start    ] GC(8) Pause Full (Heap Inspection Initiated GC)",
			"[31.540s][info][gc,phases   ] GC(8) Phase 1: Mark live objects 20.1ms",
			"[31.560s][info][gc          ] GC(8) Pause Full (Heap Inspection Initiated GC) 40M->18M(256M) 60.2ms",
			"[40.000s][info][gc          ] GC(9) Pause Full (System.gc()) 30M->18M(256M) 50.0ms",
			"[50.000s][info][gc          ] GC(10) Garbage Collection (Heap Dump Initiated GC) 90M(9%)->40M(4%)",
			"[60.000s][info][gc          ] GC(11) Pause Full (Diagnostic Command) 30M->18M(256M) 50.0ms",
			"[70.000s][info][gc          ] GC(12) Pause Full (G1 Compaction Pause) 250M->249M(256M) 300.0ms",
			"[80.000s][info][gc          ] GC(13) Pause Young (Concurrent Start) (Metadata GC Threshold) 30M->20M(256M)");

	@Test
	void countShouldFindEachForcedCollectionOnce() {
		assertThat(ForcedCollections.count(LOG)).isEqualTo(4);
	}

	@Test
	void countShouldReadCompressedLogs(@TempDir Path directory) throws Exception {
		Path log = directory.resolve("run.gc.log.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
			out.write(String.join("\n", LOG).getBytes(StandardCharsets.UTF_8));
		}
		assertThat(ForcedCollections.count(log)).isEqualTo(4);
		Path plain = directory.resolve("run.gc.log");
		Files.write(plain, LOG.subList(0, 2));
		assertThat(ForcedCollections.count(plain)).isZero();
	}

}
