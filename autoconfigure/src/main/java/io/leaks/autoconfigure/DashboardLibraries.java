package io.leaks.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * The libraries the dashboard page needs beside Spring MVC: Thymeleaf with Boot's
 * auto-configuration of it (renders the page), and the Chart.js webjar with the webjars
 * locator (serves {@code /webjars/chart.js/dist/chart.umd.js}). A host may leave them out;
 * everything else of the starter works without them.
 */
final class DashboardLibraries {

	private static final String CHART_JS = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

	private DashboardLibraries() {
	}

	/**
	 * The dashboard's libraries the class loader lacks, named as a host adds them.
	 * @param classLoader the application's class loader
	 * @return the missing ones, empty when the dashboard can be served
	 */
	static List<String> missing(@Nullable ClassLoader classLoader) {
		List<String> missing = new ArrayList<>();
		if (!ClassUtils.isPresent("org.thymeleaf.spring6.SpringTemplateEngine", classLoader)
				|| !ClassUtils.isPresent("org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
						classLoader)) {
			missing.add("Thymeleaf (spring-boot-starter-thymeleaf)");
		}
		ClassLoader resources = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		if (resources == null || resources.getResource(CHART_JS) == null) {
			missing.add("the Chart.js webjar (org.webjars.npm:chart.js)");
		}
		if (!ClassUtils.isPresent("org.webjars.WebJarVersionLocator", classLoader)) {
			missing.add("the webjars locator (org.webjars:webjars-locator-lite)");
		}
		return missing;
	}

	/**
	 * Matches when every library is present.
	 */
	static final class Present extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> missing = missing(context.getClassLoader());
			return missing.isEmpty() ? ConditionOutcome.match("the dashboard's libraries are present")
					: ConditionOutcome.noMatch("missing " + String.join(", ", missing));
		}

	}

	/**
	 * Matches when any library is missing.
	 */
	static final class Missing extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome present = new Present().getMatchOutcome(context, metadata);
			return new ConditionOutcome(!present.isMatch(), present.getConditionMessage());
		}

	}

}
