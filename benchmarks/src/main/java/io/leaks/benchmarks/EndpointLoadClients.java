package io.leaks.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that call every resource of {@code /actuator/leaks} in a loop, as operators
 * with dashboards and scripts would while a leak is hunted: overview, snapshots (taken,
 * listed, read, compared with each other and with the heap now, deleted), GC, heap dumps
 * (written, listed, downloaded, deleted), tuning (read, the {@code defaults} preset), trend,
 * history and the dashboard page. Each client waits {@code pause} between two requests.
 * Prints the status mix per operation and the number of 5xx answers (the goal is none).
 * With {@code reads} as the fifth argument the clients only read what needs no collection
 * and no heap walk, as an open dashboard does.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.leaks.benchmarks.EndpointLoadClients <base URL> [clients] [seconds] [pause ms] [all|reads]}
 */
public final class EndpointLoadClients {

	private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();

	private final Map<String, Long> slowest = new ConcurrentHashMap<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	/** Whether {@code compare} to the heap now is a POST (the new form) or still a GET. */
	private volatile boolean compareNowIsPost = true;

	private final boolean readsOnly;

	private EndpointLoadClients(String base, boolean readsOnly) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.readsOnly = readsOnly;
	}

	public static void main(String[] args) throws Exception {
		String base = (args.length > 0) ? args[0] : "http://127.0.0.1:8080";
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		long seconds = (args.length > 2) ? Long.parseLong(args[2]) : 300;
		long pauseMillis = (args.length > 3) ? Long.parseLong(args[3]) : 1000;
		boolean readsOnly = args.length > 4 && "reads".equals(args[4]);
		EndpointLoadClients load = new EndpointLoadClients(base, readsOnly);
		load.probeCompareNow();
		CountDownLatch done = new CountDownLatch(clients);
		AtomicInteger failures = new AtomicInteger();
		for (int i = 0; i < clients; i++) {
			int client = i + 1;
			Thread thread = new Thread(() -> {
				try {
					load.loop(client, pauseMillis);
				}
				catch (Exception ex) {
					failures.incrementAndGet();
					System.err.println("client " + client + " stopped: " + ex);
				}
				finally {
					done.countDown();
				}
			}, "client-" + client);
			thread.setDaemon(true);
			thread.start();
		}
		Thread.sleep(seconds * 1000);
		load.stopped.set(true);
		done.await();
		load.report(clients, seconds, pauseMillis);
		if (failures.get() > 0) {
			System.exit(1);
		}
	}

	private void loop(int client, long pauseMillis) throws Exception {
		// The label of this client's snapshot that exists; a snapshot refused (429, another
		// heap operation runs) is not read, compared or deleted.
		String[] held = new String[1];
		for (int cycle = 1; !this.stopped.get(); cycle++) {
			String label = "c" + client + "-" + cycle;
			boolean live = client % 2 == 0;
			List<Step> steps = new ArrayList<>();
			steps.add(() -> get("GET overview", "/actuator/leaks"));
			if (!this.readsOnly) {
				steps.add(() -> snapshot(label, live, held, pauseMillis));
			}
			steps.add(() -> get("GET snapshots", "/actuator/leaks/snapshots"));
			steps.add(() -> get("GET trend", "/actuator/leaks/trend"));
			steps.add(() -> get("GET history", "/actuator/leaks/history"));
			if (!this.readsOnly) {
				steps.add(() -> post("POST gc", "/actuator/leaks/gc", null));
			}
			steps.add(() -> get("GET heapdumps", "/actuator/leaks/heapdumps"));
			if (!this.readsOnly) {
				steps.add(() -> dumpDownloadDelete(label, pauseMillis));
			}
			steps.add(() -> get("GET tuning", "/actuator/leaks/tuning"));
			if (!this.readsOnly) {
				steps.add(() -> post("POST tuning", "/actuator/leaks/tuning", "{\"preset\":\"defaults\"}"));
			}
			steps.add(() -> get("GET dashboard", "/leaks"));
			for (Step step : steps) {
				if (this.stopped.get()) {
					return;
				}
				step.run();
				Thread.sleep(pauseMillis);
			}
		}
	}

	/**
	 * Takes a snapshot; when it was taken, reads it, compares it with this client's
	 * previous one and with the heap now, and deletes the previous one, so that the eight
	 * clients together stay within the store's default ten.
	 */
	private void snapshot(String label, boolean live, String[] held, long pauseMillis) throws Exception {
		HttpResponse<String> taken = post("POST snapshots", "/actuator/leaks/snapshots",
				"{\"label\":\"" + label + "\",\"liveOnly\":" + live + "}");
		if (taken.statusCode() != 201) {
			return;
		}
		String previous = held[0];
		held[0] = label;
		Thread.sleep(pauseMillis);
		get("GET snapshots/{label}", "/actuator/leaks/snapshots/" + label + "?top=20");
		Thread.sleep(pauseMillis);
		compareNow(label);
		if (previous != null) {
			Thread.sleep(pauseMillis);
			get("GET compare", "/actuator/leaks/compare?from=" + previous + "&to=" + label + "&sort=instances&top=20");
			Thread.sleep(pauseMillis);
			send("DELETE snapshots/{label}", request("/actuator/leaks/snapshots/" + previous).DELETE());
		}
	}

	private void compareNow(String label) throws Exception {
		if (this.compareNowIsPost) {
			post("POST compare (to=now)", "/actuator/leaks/compare", "{\"from\":\"" + label + "\",\"to\":\"now\"}");
			return;
		}
		get("GET compare (to=now)", "/actuator/leaks/compare?from=" + label + "&to=now&sort=instances&top=20");
	}

	/**
	 * Finds out whether comparing with the heap now is a POST (the form where every
	 * operation that forces a collection is a write) or, on an older endpoint, a GET.
	 */
	private void probeCompareNow() throws IOException, InterruptedException {
		HttpResponse<String> probe = this.http.send(request("/actuator/leaks/compare")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"leaks-load-probe\",\"to\":\"now\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		this.compareNowIsPost = probe.body().contains("No snapshot labelled");
		System.out.println("compare to the heap now: " + (this.compareNowIsPost ? "POST" : "GET") + " (probe answered "
				+ probe.statusCode() + ")");
	}

	private void dumpDownloadDelete(String label, long pauseMillis) throws Exception {
		HttpResponse<String> dump = post("POST heapdumps", "/actuator/leaks/heapdumps",
				"{\"label\":\"" + label + "\",\"live\":true}");
		Matcher name = NAME.matcher(dump.body());
		if (dump.statusCode() != 201 || !name.find()) {
			return;
		}
		Thread.sleep(pauseMillis);
		String path = "/actuator/leaks/heapdumps/" + name.group(1);
		long start = System.nanoTime();
		HttpResponse<Void> download = this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding());
		count("GET heapdumps/{name}", download.statusCode(), start);
		Thread.sleep(pauseMillis);
		send("DELETE heapdumps/{name}", request(path).DELETE());
	}

	private HttpResponse<String> get(String operation, String path) throws IOException, InterruptedException {
		return send(operation, request(path).GET());
	}

	private HttpResponse<String> post(String operation, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = request(path);
		if (json != null) {
			builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			builder.POST(HttpRequest.BodyPublishers.noBody());
		}
		return send(operation, builder);
	}

	private HttpResponse<String> send(String operation, HttpRequest.Builder builder)
			throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		count(operation, response.statusCode(), start);
		if (response.statusCode() >= 500) {
			System.err.println(operation + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofMinutes(2));
	}

	private void count(String operation, int status, long startNanos) {
		this.statuses.computeIfAbsent(operation, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status, (key) -> new LongAdder())
			.increment();
		this.slowest.merge(operation, (System.nanoTime() - startNanos) / 1_000_000, Math::max);
	}

	private void report(int clients, long seconds, long pauseMillis) {
		System.out.printf("%d clients, %d s, %d ms between requests of a client%n", clients, seconds, pauseMillis);
		System.out.printf("%-28s %8s  %-40s %s%n", "operation", "requests", "statuses", "slowest");
		long total = 0;
		long serverErrors = 0;
		Map<Integer, Long> mix = new TreeMap<>();
		for (Map.Entry<String, Map<Integer, LongAdder>> operation : new TreeMap<>(this.statuses).entrySet()) {
			Map<Integer, Long> counts = new TreeMap<>();
			operation.getValue().forEach((status, count) -> counts.put(status, count.sum()));
			long requests = counts.values().stream().mapToLong(Long::longValue).sum();
			total += requests;
			counts.forEach((status, count) -> mix.merge(status, count, Long::sum));
			serverErrors += counts.entrySet().stream().filter((entry) -> entry.getKey() >= 500)
				.mapToLong(Map.Entry::getValue).sum();
			System.out.printf("%-28s %8d  %-40s %d ms%n", operation.getKey(), requests, counts,
					this.slowest.get(operation.getKey()));
		}
		System.out.println("endpoint requests: " + total + ", status mix " + mix + ", 5xx: " + serverErrors);
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
