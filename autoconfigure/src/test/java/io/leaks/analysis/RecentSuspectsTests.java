package io.leaks.analysis;

import java.util.List;

import io.leaks.trend.Suspect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of the latest suspected heap leak, as its event names them.
 */
class RecentSuspectsTests {

	@Test
	void theLatestHeapSuspectsShouldBeKeptApplicationClassesFirst() {
		RecentSuspects recent = new RecentSuspects();
		assertThat(recent.classes()).as("nothing suspected yet").isEmpty();
		recent.suspected("heap", List.of(suspect("[B", true), suspect("com.example.OrderListener", false)));
		assertThat(recent.classes()).containsExactly("com.example.OrderListener", "[B");
		recent.suspected("metaspace", List.of(suspect("com.example.Other", false)));
		recent.suspected("heap", List.of());
		assertThat(recent.classes()).as("other resources, and a suspicion that named none, change nothing")
			.containsExactly("com.example.OrderListener", "[B");
		recent.suspected("heap", List.of(suspect("com.example.Cache", false)));
		assertThat(recent.classes()).containsExactly("com.example.Cache");
	}

	private static Suspect suspect(String className, boolean jdk) {
		return new Suspect(className, className, 1000, 32000, 1000, 32000, jdk);
	}

}
