package io.leaks.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.leaks.analysis.Analyses;
import io.leaks.analysis.AnalysisOnSuspicion;
import io.leaks.analysis.AnalysisRepository;
import io.leaks.analysis.AnalyzerSettings;
import io.leaks.analysis.HeapAnalyzer;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.trend.SuspicionAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LeaksAnalysisAutoConfigurationTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LeaksAutoConfiguration.class, LeaksHeapDumpAutoConfiguration.class,
					LeaksAnalysisAutoConfiguration.class))
			.withPropertyValues("leaks.heap-dump.directory=" + this.temp.resolve("dumps"));
	}

	@Test
	void runShouldHaveAnalysisBeansWithTheDefaults() {
		contextRunner().run((context) -> {
			assertThat(context).hasSingleBean(Analyses.class);
			assertThat(context).doesNotHaveBean(AnalysisOnSuspicion.class);
			assertThat(context.getBean(AnalysisRepository.class).directory())
				.isEqualTo(context.getBean(HeapDumpRepository.class).directory().resolve("analyses"));
			assertThat(context.getBean(AnalysisRepository.class).maxCount()).isEqualTo(20);
			assertThat(context.getBean(AnalyzerSettings.class)).isEqualTo(AnalyzerSettings.DEFAULT);
		});
	}

	@Test
	void runWithPropertiesShouldBindEveryAnalysisSetting() {
		contextRunner()
			.withPropertyValues("leaks.analysis.directory=" + this.temp.resolve("elsewhere"),
					"leaks.analysis.max-heap=512MB", "leaks.analysis.time-limit=2m", "leaks.analysis.max-index-size=3GB",
					"leaks.analysis.niceness=0", "leaks.analysis.max-count=3", "leaks.analysis.max-paths=9")
			.run((context) -> {
				assertThat(context.getBean(AnalysisRepository.class).directory()).isEqualTo(this.temp.resolve("elsewhere"));
				assertThat(context.getBean(AnalysisRepository.class).maxCount()).isEqualTo(3);
				HeapAnalyzer.Limits defaults = HeapAnalyzer.Limits.DEFAULT;
				assertThat(context.getBean(AnalyzerSettings.class)).isEqualTo(new AnalyzerSettings(512L << 20,
						Duration.ofMinutes(2), 3L << 30, 0, new HeapAnalyzer.Limits(9, defaults.maxOwners(),
								defaults.maxExamined(), defaults.maxInstanceIds(), defaults.maxRetainedObjects()),
						List.of()));
			});
	}

	@Test
	void runWithBothOnSuspicionPropertiesShouldAnalyseTheAutomaticDump() {
		contextRunner().withPropertyValues("leaks.heap-dump.on-suspicion=true", "leaks.analysis.on-suspicion=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(AnalysisOnSuspicion.class);
				assertThat(context.getBeansOfType(SuspicionAction.class)).hasSize(2);
			});
	}

	@Test
	void runWithoutTheAutomaticDumpShouldNotAnalyseOnSuspicion() {
		contextRunner().withPropertyValues("leaks.analysis.on-suspicion=true")
			.run((context) -> assertThat(context).doesNotHaveBean(AnalysisOnSuspicion.class));
	}

	@Test
	void runWhenDisabledShouldNotHaveAnalysisBeans() {
		contextRunner().withPropertyValues("leaks.analysis.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Analyses.class));
	}

	@Test
	void runWithAUserDefinedRepositoryShouldBackOff() {
		contextRunner().withUserConfiguration(CustomRepository.class)
			.run((context) -> assertThat(context.getBean(AnalysisRepository.class).maxCount()).isEqualTo(7));
	}

	@Test
	void runWithATooSmallHeapShouldFailWithTheMinimum() {
		contextRunner().withPropertyValues("leaks.analysis.max-heap=16MB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("leaks.analysis.max-heap must be at least 32MB, was 16777216B"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomRepository {

		@Bean
		AnalysisRepository customAnalysisRepository() {
			return new AnalysisRepository(Path.of(System.getProperty("java.io.tmpdir"), "custom-analyses"), 7);
		}

	}

}
