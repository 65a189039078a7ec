package io.leaks.analysis;

import java.nio.file.Path;

/**
 * The analysis fixture for tests of other packages.
 */
public final class AnalysisFixtures {

	/** The class the fixture holds in a static list and a thread-local. */
	public static final String SUBSCRIBER = AnalysisFixture.Subscriber.class.getName();

	private AnalysisFixtures() {
	}

	/**
	 * Writes a dump of the fixture JVM.
	 * @param dump where
	 * @param subscribers subscribers in its static list
	 * @throws Exception if the fixture fails
	 */
	public static void dump(Path dump, int subscribers) throws Exception {
		AnalysisFixture.dump(dump, subscribers);
	}

}
