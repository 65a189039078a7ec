package io.leaks.demo.pattern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the patterns, runs them on request and drops what they retained.
 */
@RestController
@RequestMapping("/demo")
public class PatternController {

	/**
	 * Most operations per request: 10,000 of the largest payload (about 4 KB) stay well
	 * inside a 256 MiB heap.
	 */
	static final int MAX_COUNT = 10_000;

	private final PatternCatalog catalog;

	public PatternController(PatternCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/patterns")
	public List<PatternView> patterns() {
		return this.catalog.all().stream().map(PatternView::of).toList();
	}

	@PostMapping("/patterns/{pattern}/{variant}")
	public RunResult run(@PathVariable String pattern, @PathVariable String variant,
			@RequestParam(required = false) @Nullable String count) {
		LeakPattern leakPattern = this.catalog.require(pattern);
		Variant chosen = Variant.require(variant);
		int operations = RequestParameters.positive("count", count, 1, MAX_COUNT);
		long start = System.nanoTime();
		long created = leakPattern.run(chosen, operations);
		long durationMillis = (System.nanoTime() - start) / 1_000_000;
		PatternInfo info = leakPattern.info();
		return new RunResult(info.id(), chosen.id(), operations, info.leakingClass().getName(), created,
				leakPattern.retained(chosen), durationMillis);
	}

	@PostMapping("/reset")
	public ResetResult reset() {
		Map<String, Long> dropped = new LinkedHashMap<>();
		long total = 0;
		for (LeakPattern pattern : this.catalog.all()) {
			long retained = pattern.retained(Variant.LEAKING) + pattern.retained(Variant.FIXED);
			pattern.reset();
			dropped.put(pattern.info().id(), retained);
			total += retained;
		}
		return new ResetResult(dropped, "Dropped " + total + " retained objects; the next GC reclaims them "
				+ "(the load driver, if running, keeps going)");
	}

}
