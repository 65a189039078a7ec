package io.leaks.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Prometheus rules are valid and behave as their unit tests say: a leak fires,
 * a flat floor, a sawtooth and a two-hour warm-up do not ({@code promtool test rules} on
 * every file in {@code monitoring/prometheus/tests}).
 */
class PrometheusRulesTests {

	private final Path rules = Promtool.monitoringDir().resolve("prometheus/leaks-rules.yml");

	@Test
	void rulesShouldBeValid() throws Exception {
		Promtool.Result result = Promtool.run(List.of("check", "rules", this.rules.toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: 9 rules found");
	}

	@Test
	void everyRuleUnitTestShouldPass() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		List<Path> files = unitTests();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("leak-suspected.yml", "exhaustion-and-budget.yml", "fallback.yml");
		files.forEach((file) -> arguments.add(file.toString()));
		Promtool.Result result = Promtool.run(arguments);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().split("SUCCESS", -1)).as(result.output()).hasSize(files.size() + 1);
		assertThat(result.output()).doesNotContain("FAILED");
	}

	@Test
	void everyAlertShouldBeCoveredByAUnitTest() throws Exception {
		String tests = String.join("\n", unitTests().stream().map(PrometheusRulesTests::read).toList());
		List<String> alerts = Files.readAllLines(this.rules)
			.stream()
			.map(String::trim)
			.filter((line) -> line.startsWith("- alert: "))
			.map((line) -> line.substring("- alert: ".length()))
			.toList();
		assertThat(alerts).containsExactlyInAnyOrder("LeakSuspected", "LeakHeapExhaustionSoon",
				"LeaksForcedCollectionsOverBudget", "JvmHeapFloorRising");
		for (String alert : alerts) {
			assertThat(tests).as("a firing test of " + alert).contains("- exp_labels:\n              alertname: " + alert + "\n");
		}
	}

	private List<Path> unitTests() throws Exception {
		try (Stream<Path> files = Files.list(this.rules.resolveSibling("tests"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
