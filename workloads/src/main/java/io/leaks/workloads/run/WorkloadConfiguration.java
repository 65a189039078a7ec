package io.leaks.workloads.run;

import io.leaks.trace.TraceRecording;
import io.leaks.workloads.WorkloadProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The run, made from {@code workload.*} and started once the service answers, its phases
 * noted in the starter's trace when one is recorded.
 */
@Configuration(proxyBeanMethods = false)
public class WorkloadConfiguration {

	@Bean(destroyMethod = "close")
	WorkloadRun workloadRun(WorkloadProperties properties, ObjectProvider<TraceRecording> recording) {
		Workload workload = Workload.of(properties.getScenario());
		return new WorkloadRun(workload, properties, (text) -> recording.ifAvailable((trace) -> trace.mark(text)));
	}

	@Bean
	Starter workloadStarter(WorkloadRun run, Environment environment) {
		return new Starter(run, environment);
	}

	/**
	 * Starts the run when the application is ready.
	 */
	static final class Starter {

		private final WorkloadRun run;

		private final Environment environment;

		Starter(WorkloadRun run, Environment environment) {
			this.run = run;
			this.environment = environment;
		}

		@EventListener(ApplicationReadyEvent.class)
		void start() {
			this.run.start(this.environment.getProperty("local.server.port", Integer.class, 0));
		}

	}

}
