package io.leaks.workloads.run;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /workload}: what the run does now.
 */
@RestController
public class WorkloadController {

	private final WorkloadRun run;

	public WorkloadController(WorkloadRun run) {
		this.run = run;
	}

	@GetMapping("/workload")
	public WorkloadStatus status() {
		return this.run.status();
	}

}
