package io.leaks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana board in {@code monitoring/grafana}: it parses, is templated by
 * {@code application} and {@code instance}, every PromQL expression in it parses
 * ({@code promtool check rules} on a rule file made of them), and every metric it queries
 * is in a real scrape of the packaged demo app.
 */
class GrafanaDashboardTests {

	/** PromQL words that are not metric names. */
	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "offset", "bool", "and", "or", "unless");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static JsonNode board;

	private static List<String> expressions;

	@TempDir
	Path dir;

	@BeforeAll
	static void readBoard() throws Exception {
		board = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Promtool.monitoringDir().resolve("grafana/leaks-dashboard.json")));
		expressions = new ArrayList<>();
		board.path("panels").forEach((panel) -> panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString())));
	}

	@Test
	void boardShouldBeAnImportableDashboardTemplatedByApplicationAndInstance() {
		assertThat(board.path("uid").asString()).isEqualTo("leaks-fleet");
		assertThat(board.path("title").asString()).isNotBlank();
		List<String> variables = new ArrayList<>();
		board.path("templating").path("list").forEach((variable) -> variables.add(variable.path("name").asString()));
		assertThat(variables).containsExactly("datasource", "application", "instance");
		List<String> titles = new ArrayList<>();
		board.path("panels").forEach((panel) -> titles.add(panel.path("title").asString()));
		assertThat(titles).containsExactly("Suspected leaks across instances", "Heap floor after collections",
				"Heap growth trend", "Time to heap exhaustion", "Forced collections", "Resident memory vs limit");
		assertThat(expressions).hasSizeGreaterThanOrEqualTo(titles.size());
		for (String expression : expressions) {
			for (String selector : selectors(expression)) {
				assertThat(selector).as("every selector of " + expression + " follows the variables")
					.contains("application=~\"$application\"", "instance=~\"$instance\"");
			}
		}
	}

	@Test
	void everyExpressionShouldParse() throws Exception {
		List<String> all = new ArrayList<>(expressions);
		all.add(board.path("annotations").path("list").get(0).path("expr").asString());
		board.path("templating").path("list").forEach((variable) -> {
			String query = variable.path("query").path("query").asString("");
			if (query.startsWith("label_values(")) {
				// label_values(selector, label) is Grafana's; its selector is PromQL.
				all.add(query.substring("label_values(".length(), query.lastIndexOf(',')));
			}
		});
		StringBuilder rules = new StringBuilder("groups:\n  - name: board\n    rules:\n");
		for (int i = 0; i < all.size(); i++) {
			rules.append("      - record: board:expression_").append(i).append('\n');
			rules.append("        expr: '").append(concrete(all.get(i)).replace("'", "''")).append("'\n");
		}
		Path file = Files.writeString(this.dir.resolve("board-rules.yml"), rules);
		Promtool.Result result = Promtool.run(List.of("check", "rules", file.toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + all.size() + " rules found");
	}

	@Test
	void alertAnnotationsShouldNameAlertsTheRulesDefine() throws Exception {
		String annotation = board.path("annotations").path("list").get(0).path("expr").asString();
		Matcher names = Pattern.compile("alertname=~\"([^\"]+)\"").matcher(annotation);
		assertThat(names.find()).as(annotation).isTrue();
		String rules = Files.readString(Promtool.monitoringDir().resolve("prometheus/leaks-rules.yml"));
		for (String alert : names.group(1).split("\\|")) {
			assertThat(rules).contains("- alert: " + alert + "\n");
		}
	}

	@Test
	void everyMetricShouldBeInARealScrapeOfTheDemoApp() throws Exception {
		Set<String> queried = new TreeSet<>();
		expressions.forEach((expression) -> queried.addAll(metrics(expression)));
		assertThat(queried).contains("leaks_suspected", "leaks_heap_floor_bytes",
				"leaks_heap_growth_rate_bytes_per_second", "leaks_heap_time_to_exhaustion_seconds",
				"leaks_memory_resident_bytes", "leaks_memory_limit_bytes", "jvm_memory_usage_after_gc");
		Set<String> scraped;
		try (DemoApp app = DemoApp.start("grafana-scrape", List.of("--leaks.trend.interval=1s"))) {
			new DemoClient(app).awaitReady();
			scraped = scrapedNames(app.uri("/actuator/prometheus"));
		}
		assertThat(scraped).as("the scrape").contains("leaks_suspected", "jvm_info");
		assertThat(scraped).as("the forced-collection meters").contains("leaks_forced_collections_total",
				"leaks_forced_collections_budget", "leaks_forced_collections_budget_used");
		for (String metric : queried) {
			assertThat(scraped).as("the board queries " + metric).contains(metric);
		}
	}

	/** Grafana's variables replaced by values Prometheus accepts. */
	private static String concrete(String expression) {
		return expression.replace("$application", ".*")
			.replace("$instance", ".*")
			.replace("$__rate_interval", "1m")
			.replace("$__interval", "1m");
	}

	private static List<String> selectors(String expression) {
		List<String> selectors = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\{[^}]*}").matcher(expression);
		while (matcher.find()) {
			selectors.add(matcher.group());
		}
		return selectors;
	}

	/**
	 * The metric names of an expression: identifiers left once label matchers, ranges,
	 * grouping clauses and strings are taken out, other than functions and keywords.
	 */
	static Set<String> metrics(String expression) {
		String bare = expression.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\boffset\\s+\\w+", " ");
		Set<String> metrics = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(bare);
		while (matcher.find()) {
			String word = matcher.group();
			boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
			boolean number = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
			if (!function && !number && !KEYWORDS.contains(word)) {
				metrics.add(word);
			}
		}
		return metrics;
	}

	private static Set<String> scrapedNames(URI scrape) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String body = http.send(HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(30)).build(),
				BodyHandlers.ofString())
			.body();
		Set<String> names = new TreeSet<>();
		for (String line : body.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				Matcher name = IDENTIFIER.matcher(line);
				if (name.lookingAt()) {
					names.add(name.group());
				}
			}
		}
		return names;
	}

}
