package io.leaks.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leaks.trend.WatchSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates (what IDEs show) against the README's
 * configuration table and the defaults the code really applies: every documented
 * {@code leaks.*} property exists, every one has a default, and the README, the metadata
 * and the code agree on it.
 */
class ConfigurationMetadataTests {

	private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");

	private static final ConversionService conversion = ApplicationConversionService.getSharedInstance();

	private static Map<String, JsonNode> metadata;

	private static Map<String, String> readme;

	@BeforeAll
	static void read() throws Exception {
		metadata = new LinkedHashMap<>();
		try (InputStream json = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonMapper.builder().build().readTree(json).path("properties").forEach((property) -> {
				if (property.path("name").asString().startsWith("leaks.")) {
					metadata.put(property.path("name").asString(), property);
				}
			});
		}
		// Surefire runs in the module's directory; the README is the repository's.
		List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
		readme = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Configuration");
			}
			else if (inSection && line.startsWith("| `leaks.")) {
				String[] cells = line.split(" \\| ");
				readme.put(cells[0].substring(3, cells[0].length() - 1), cells[1]);
			}
		}
	}

	@Test
	void everyPropertyShouldBeDocumentedAndEveryDocumentedPropertyShouldExist() {
		assertThat(readme).as("the README's configuration table").hasSizeGreaterThan(20);
		assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(metadata.keySet());
	}

	@Test
	void everyPropertyShouldHaveADescriptionAndADefaultUnlessItIsUnsetByDefault() {
		BeanWrapperImpl defaults = new BeanWrapperImpl(new LeaksProperties());
		metadata.forEach((name, property) -> {
			assertThat(property.path("description").asString("")).as(name + " description").isNotBlank();
			if (!property.has("defaultValue")) {
				assertThat(readme.get(name)).as(name + ": no default in the metadata, so the README says unset")
					.startsWith("unset");
				assertThat(defaults.getPropertyValue(javaName(name))).as(name + " unset by default").isNull();
			}
		});
	}

	@Test
	void literalDefaultsInTheReadmeShouldBeTheMetadataDefaults() {
		int compared = 0;
		for (Map.Entry<String, String> row : readme.entrySet()) {
			Matcher literal = LITERAL.matcher(row.getValue());
			if (literal.matches()) {
				JsonNode property = metadata.get(row.getKey());
				Class<?> type = type(property);
				assertThat(conversion.convert(literal.group(1), type)).as(row.getKey())
					.isEqualTo(conversion.convert(property.path("defaultValue").asString(), type));
				compared++;
			}
		}
		assertThat(compared).as("README rows with a literal default").isGreaterThan(20);
	}

	@Test
	void metadataDefaultsShouldBeWhatTheCodeApplies() {
		LeaksProperties properties = new LeaksProperties();
		BeanWrapperImpl wrapper = new BeanWrapperImpl(properties);
		WatchSettings derived = LeaksTrendAutoConfiguration.settings(properties.getTrend());
		Map<String, Object> derivedDefaults = Map.of("leaks.trend.histogram-cooldown", derived.histogramCooldown(),
				"leaks.trend.forced-collection-budget", derived.forcedBudget(),
				"leaks.trend.forced-collection-budget-period", derived.budgetPeriod());
		metadata.forEach((name, property) -> {
			if (name.equals("leaks.heap-dump.directory") || !property.has("defaultValue")) {
				return; // a template naming the application, resolved when the context starts; or unset
			}
			Object applied = derivedDefaults.containsKey(name) ? derivedDefaults.get(name)
					: wrapper.getPropertyValue(javaName(name));
			assertThat(conversion.convert(property.path("defaultValue").asString(), type(property))).as(name)
				.isEqualTo(applied);
		});
	}

	private static Class<?> type(JsonNode property) {
		try {
			return Class.forName(property.path("type").asString());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code leaks.trend.min-evidence} as a bean path of {@link LeaksProperties}: {@code trend.minEvidence}. */
	private static String javaName(String property) {
		String kebab = property.substring("leaks.".length());
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
