package io.leaks.workloads.run;

import java.time.Duration;

import io.leaks.workloads.WorkloadApplication;
import io.leaks.workloads.scenario.Heaps;
import io.leaks.workloads.scenario.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadCatalogTest {

	@Test
	void everyScenarioShouldBeMadeAndDescribeItselfFromItsId() {
		for (Workload workload : Workload.values()) {
			assertThat(Workload.of(workload.id())).isSameAs(workload);
			Scenario scenario = workload.create(Heaps.small(Duration.ofMinutes(45)));
			assertThat(scenario.describe()).isNotBlank();
			assertThat(scenario.leaking()).isFalse();
			scenario.release();
		}
		assertThat(Workload.ids()).contains("fast-leak", "classloader-leak", "bounded-cache", "idle").hasSize(17);
		assertThat(Workload.CLASSLOADER_LEAK.resource()).isEqualTo("metaspace");
		assertThat(Workload.POOL_RAMP.label()).isEqualTo(Label.WARMUP);
	}

	@Test
	void unknownScenarioShouldListTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.of("leaky"))
			.withMessageStartingWith("workload.scenario must be one of [fast-leak, slow-leak, ")
			.withMessageEndingWith(", was 'leaky'");
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.of(null)).withMessageEndingWith("was missing");
	}

	@Test
	void serviceWithoutAScenarioShouldNotStartAndSayWhy() {
		SpringApplication application = new SpringApplication(WorkloadApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatThrownBy(() -> application.run("--workload.exit=false")).rootCause()
			.hasMessageStartingWith("workload.scenario must be one of [");
	}

}
