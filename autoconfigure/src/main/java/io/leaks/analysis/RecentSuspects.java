package io.leaks.analysis;

import java.util.List;

import io.leaks.trend.Suspect;

/**
 * The classes the latest suspected heap leak named, which an analysis looks at when none
 * are asked for. They are told by the {@code LeakSuspectedEvent} and kept until the next
 * one: the trend analysis is not asked, so its internals can change freely.
 */
public final class RecentSuspects {

	private volatile List<String> classes = List.of();

	/**
	 * Takes the suspects of a suspected leak.
	 * @param resource what leaks: only the heap's suspects are classes to analyse
	 * @param suspects the suspects, most suspicious first
	 */
	public void suspected(String resource, List<Suspect> suspects) {
		if (AnalysisOnSuspicion.HEAP.equals(resource)) {
			List<String> named = AnalysisOnSuspicion.classes(suspects);
			if (!named.isEmpty()) {
				this.classes = List.copyOf(named);
			}
		}
	}

	/**
	 * The classes to analyse, application classes first, at most a few.
	 * @return the classes, empty before any heap leak was suspected
	 */
	public List<String> classes() {
		return this.classes;
	}

}
