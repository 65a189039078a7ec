package io.leaks.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.leaks.gc.CollectionGuard;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.heapdump.HeapDumps;
import io.leaks.heapdump.HotSpotHeapDumper;
import io.leaks.unit.ByteSize;

/**
 * Time and size of heap dumps taken the way the endpoint takes them ({@link HeapDumps} with
 * the HotSpot dumper), on a heap holding a given amount of live data: about a third in
 * small objects (records with strings, as a service's caches hold), the rest in 1 KB byte
 * arrays of random letters. Dumps go to a temporary directory and are deleted after each
 * run. Run with
 * {@code java -Xms1g -Xmx1g -XX:+UseG1GC -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.HeapDumpHarness [liveMegabytes] [rounds]}.
 */
public final class HeapDumpHarness {

	private static final long MB = ByteSize.MIB;

	private HeapDumpHarness() {
	}

	public static void main(String[] args) throws IOException {
		int liveMegabytes = (args.length > 0) ? Integer.parseInt(args[0]) : 400;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		List<Object> live = retain(liveMegabytes);
		Path directory = Files.createTempDirectory("leaks-heapdump-harness");
		try {
			HeapDumps plain = heapDumps(directory, false);
			HeapDumps compressed = heapDumps(directory, true);
			plain.delete(plain.dump("warm-up", true).dump().name());
			System.out.printf("heap: %s live after a full GC (%,d objects retained by the harness)%n",
					ByteSize.format(usedAfterGc()), count(live));
			measure("live", rounds, () -> plain.dump("live", true));
			measure("all objects", rounds, () -> plain.dump("all", false));
			measure("live, gzip", rounds, () -> compressed.dump("gz", true));
		}
		finally {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(directory);
		}
		Reference.reachabilityFence(live);
	}

	private static void measure(String kind, int rounds, Supplier<HeapDumps.Taken> dump)
			throws IOException {
		long[] millis = new long[rounds];
		long size = 0;
		for (int i = 0; i < rounds; i++) {
			HeapDumps.Taken taken = dump.get();
			millis[i] = taken.duration().toMillis();
			size = taken.dump().sizeBytes();
			Files.delete(taken.dump().file());
		}
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		System.out.printf("%-12s median %,6d ms  %s  file %s%n", kind + ":", sorted[rounds / 2],
				Arrays.toString(millis), ByteSize.format(size));
	}

	private static HeapDumps heapDumps(Path directory, boolean compress) {
		return new HeapDumps(new HotSpotHeapDumper(ManagementFactory.getPlatformMBeanServer()),
				new HeapDumpRepository(directory), new HeapDumps.Settings(1000, Long.MAX_VALUE, compress, 0, false),
				new CollectionGuard(Duration.ZERO));
	}

	private static List<Object> retain(int megabytes) {
		List<Object> live = new ArrayList<>();
		long smallBytes = megabytes * MB / 3;
		List<Entry> entries = new ArrayList<>();
		// An Entry with its key (a String and its byte[]) takes about 100 bytes.
		for (long i = 0; i < smallBytes / 100; i++) {
			entries.add(new Entry(i, "key-" + i));
		}
		live.add(entries);
		// Random lowercase text, so that gzip meets data about as compressible as a
		// service's payloads rather than zeros.
		Random random = new Random(42);
		List<byte[]> blobs = new ArrayList<>();
		for (long i = 0; i < (megabytes * MB - smallBytes) / 1040; i++) {
			byte[] blob = new byte[1024];
			for (int j = 0; j < blob.length; j++) {
				blob[j] = (byte) ('a' + random.nextInt(26));
			}
			blobs.add(blob);
		}
		live.add(blobs);
		return live;
	}

	private static long count(List<Object> live) {
		return live.stream().mapToLong((list) -> ((List<?>) list).size()).sum();
	}

	private static long usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	private record Entry(long id, String key) {

	}

}
