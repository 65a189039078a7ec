package io.leaks.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.leaks.histogram.ClassHistogram;
import io.leaks.histogram.HistogramEntry;

/**
 * Histograms shaped like a real Spring Boot service's: a few thousand classes, JDK
 * classes with modules, application classes without, a few very large rows.
 */
final class SyntheticHistograms {

	private SyntheticHistograms() {
	}

	static ClassHistogram of(int classes, long seed) {
		Random random = new Random(seed);
		List<HistogramEntry> entries = new ArrayList<>(classes);
		for (int i = 0; i < classes; i++) {
			boolean jdk = i % 3 == 0;
			String name = (jdk ? "java.util.concurrent.Synthetic" : "com.example.service.feature" + (i % 50) + ".Type")
					+ i;
			long instances = 1 + (long) (random.nextDouble() * random.nextDouble() * 100_000);
			entries.add(new HistogramEntry(name.intern(), jdk ? "java.base@17.0.15" : null, instances,
					instances * (16 + random.nextInt(48))));
		}
		entries.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
		return new ClassHistogram(entries);
	}

	/** The same classes, where one in ten grew and one in fifty shrank. */
	static ClassHistogram grown(ClassHistogram base, long seed) {
		Random random = new Random(seed);
		List<HistogramEntry> entries = new ArrayList<>(base.classCount());
		for (HistogramEntry entry : base.entries()) {
			long instances = entry.instances();
			int roll = random.nextInt(50);
			if (roll < 5) {
				instances += 1 + random.nextInt(5000);
			}
			else if (roll == 5) {
				instances = Math.max(0, instances - random.nextInt(100));
			}
			entries.add(new HistogramEntry(entry.className(), entry.module(), instances,
					instances * Math.max(16, entry.bytes() / Math.max(1, entry.instances()))));
		}
		entries.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
		return new ClassHistogram(entries);
	}

}
