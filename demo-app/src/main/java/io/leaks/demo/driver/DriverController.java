package io.leaks.demo.driver;

import io.leaks.demo.pattern.LeakPattern;
import io.leaks.demo.pattern.PatternCatalog;
import io.leaks.demo.pattern.RequestParameters;
import io.leaks.demo.pattern.Variant;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts, reports and stops the {@link LoadDriver}.
 */
@RestController
@RequestMapping("/demo/driver")
public class DriverController {

	static final int DEFAULT_PER_SECOND = 50;

	private final PatternCatalog catalog;

	private final LoadDriver driver;

	public DriverController(PatternCatalog catalog, LoadDriver driver) {
		this.catalog = catalog;
		this.driver = driver;
	}

	@PostMapping
	public DriverStatus start(@RequestParam(required = false) @Nullable String pattern,
			@RequestParam(required = false) @Nullable String variant,
			@RequestParam(required = false) @Nullable String perSecond) {
		LeakPattern leakPattern = this.catalog.require(pattern);
		Variant chosen = Variant.require(variant);
		int rate = RequestParameters.positive("perSecond", perSecond, DEFAULT_PER_SECOND, LoadDriver.MAX_PER_SECOND);
		return this.driver.start(leakPattern, chosen, rate);
	}

	@GetMapping
	public DriverStatus status() {
		return this.driver.status();
	}

	@DeleteMapping
	public DriverStatus stop() {
		return this.driver.stop();
	}

}
