package io.leaks.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack the hardening issue reproduced, run as it was found: headless Chromium opens a
 * page served from another origin (a second port of 127.0.0.1), and the page tries every
 * write of the endpoint the ways a browser allows without asking the target (no-cors
 * fetches without and with bodies, form posts, {@code navigator.sendBeacon}, a CORS
 * DELETE, an image loading {@code compare?to=now}). Afterwards the API, asked by a client
 * that is not a browser page, shows no collection, snapshot, dump, tuning change or
 * allocation recording, the app's access log shows every attempt arrived and was refused,
 * and the same write from that client (as {@code curl -X POST .../gc}) still works.
 */
@TestInstance(Lifecycle.PER_CLASS)
class CrossSiteWriteBrowserTests {

	private Path work;

	private DemoApp app;

	private DemoClient client;

	private HttpServer attacker;

	private Browser browser;

	@BeforeAll
	void start() throws IOException {
		this.work = Files.createTempDirectory("leaks-e2e-cross-site");
		this.app = DemoApp.start(getClass().getSimpleName(),
				List.of("--leaks.heap-dump.directory=" + this.work.resolve("dumps"),
						"--server.tomcat.accesslog.enabled=true",
						"--server.tomcat.accesslog.directory=" + this.work.resolve("access"),
						"--server.tomcat.accesslog.prefix=access", "--server.tomcat.accesslog.suffix=.log",
						"--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.buffered=false",
						"--server.tomcat.accesslog.pattern=%r %s"));
		this.client = new DemoClient(this.app).awaitReady();
		this.attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.attacker.createContext("/", (exchange) -> {
			byte[] page = attackPage(this.app.uri("/").toString().replaceAll("/$", ""))
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(page);
			}
		});
		this.attacker.start();
		this.browser = Browser.start();
	}

	@AfterAll
	void stop() throws Exception {
		try (DemoApp stopApp = this.app; Browser stopBrowser = this.browser) {
			if (this.attacker != null) {
				this.attacker.stop(0);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(this.work);
		}
	}

	@Test
	void aPageOnAnotherOriginShouldChangeNothingWhileCurlStillWorks() throws Exception {
		assertThat(this.app.logTail(400)).as("the start-up line")
			.contains("leaks: endpoint at " + this.app.uri("/actuator/leaks") + " (unrestricted access), dashboard at "
					+ this.app.uri("/leaks"));
		this.client.postJson("/actuator/leaks/snapshots", "{\"label\": \"kept\", \"liveOnly\": false}").expect(201);
		long fullCollections = fullCollections();
		int logged = accessLog().size();

		this.browser.open(URI.create("http://127.0.0.1:" + this.attacker.getAddress().getPort() + "/"));
		this.browser.waitAtMost(Duration.ofSeconds(30))
			.until((driver) -> Boolean.TRUE.equals(this.browser.script("return window.attackDone === true;")));
		String attempts = String.valueOf(this.browser.script("return JSON.stringify(window.attempts);"));

		assertThat(fullCollections()).as("full collections after the page ran: %s", attempts)
			.isEqualTo(fullCollections);
		assertThat(labels()).as("snapshots").containsExactly("kept");
		assertThat(this.client.get("/actuator/leaks/heapdumps").expect(200).body().path("dumps")).as("heap dumps")
			.isEmpty();
		List<String> changed = new ArrayList<>();
		for (JsonNode flag : this.client.get("/actuator/leaks/tuning").expect(200).body().path("flags")) {
			if (flag.path("changed").asBoolean(false)) {
				changed.add(flag.path("name").asString(""));
			}
		}
		assertThat(changed).as("tuning changes").isEmpty();
		assertThat(this.client.get("/actuator/leaks/allocations").expect(200).body().path("recordings"))
			.as("allocation recordings")
			.isEmpty();

		List<String> all = accessLog();
		List<String> log = all.subList(logged, all.size());
		for (String attempt : List.of("POST /actuator/leaks/gc 403",
				"POST /actuator/leaks/snapshots?label=fetch&liveOnly=false 403", "POST /actuator/leaks/snapshots 403",
				"POST /actuator/leaks/heapdumps?label=fetch&live=false 403",
				"POST /actuator/leaks/tuning?preset=aggressive 403",
				"POST /actuator/leaks/tuning?flag=MaxHeapFreeRatio&value=42 403",
				"POST /actuator/leaks/compare?from=kept&to=now 403",
				"POST /actuator/leaks/allocations?duration=1s&oldObjects=false 403",
				"POST /actuator/leaks/heapdumps?label=beacon&live=false 403",
				"GET /actuator/leaks/compare?from=kept&to=now 405")) {
			assertThat(log).as("access log; page saw %s", attempts).contains(attempt);
		}
		assertThat(log).as("the fetch, the three form posts and the beacon to gc arrived and were refused")
			.filteredOn((line) -> line.equals("POST /actuator/leaks/gc 403"))
			.hasSize(5);
		assertThat(log).as("every write the page sent was refused")
			.filteredOn((line) -> line.startsWith("POST"))
			.allSatisfy((line) -> assertThat(line).endsWith(" 403"));
		assertThat(log).as("the CORS DELETE never got past its preflight")
			.noneMatch((line) -> line.startsWith("DELETE"));

		JsonNode gc = this.client.post("/actuator/leaks/gc").expect(200).body();
		assertThat(gc.path("performed").asBoolean(false)).isTrue();
		assertThat(fullCollections()).as("curl -X POST .../gc still collects").isGreaterThan(fullCollections);
	}

	private long fullCollections() {
		long count = 0;
		for (JsonNode collector : this.client.get("/actuator/leaks").expect(200).body().path("collectors")) {
			if (!collector.path("name").asString("").contains("Young")) {
				count += collector.path("count").asLong(0);
			}
		}
		return count;
	}

	private List<String> labels() {
		List<String> labels = new ArrayList<>();
		for (JsonNode snapshot : this.client.get("/actuator/leaks/snapshots").expect(200).body().path("snapshots")) {
			labels.add(snapshot.path("label").asString(""));
		}
		return labels;
	}

	private List<String> accessLog() throws IOException {
		return Files.readAllLines(this.work.resolve("access").resolve("access.log"), StandardCharsets.UTF_8)
			.stream()
			.map((line) -> line.replace(" HTTP/1.1", ""))
			.toList();
	}

	/**
	 * The page an operator might visit: it tries every write, records what the browser let
	 * it see (opaque answers, or errors), and sets {@code window.attackDone}.
	 */
	private static String attackPage(String app) {
		return """
				<!doctype html>
				<html><head><title>cute cats</title></head><body>
				<p>Nothing to see here.</p>
				<script>
				const app = '%s';
				const leaks = app + '/actuator/leaks';
				window.attempts = [];
				function note(what, outcome) { window.attempts.push(what + ': ' + outcome); }
				async function noCors(path, body) {
				  const init = { method: 'POST', mode: 'no-cors', credentials: 'include' };
				  if (body !== undefined) { init.body = body; }
				  try { const r = await fetch(leaks + path, init); note('fetch ' + path, r.type); }
				  catch (e) { note('fetch ' + path, 'error ' + e); }
				}
				function formPost(path, enctype, fields) {
				  return new Promise((resolve) => {
				    const frame = document.createElement('iframe');
				    frame.name = 'sink' + Math.random().toString(36).slice(2);
				    frame.style.display = 'none';
				    frame.addEventListener('load', () => {
				      // The first load is about:blank, still readable; the answer's origin is not.
				      try { frame.contentWindow.location.href; return; } catch (e) { }
				      note('form ' + path + ' ' + enctype, 'answered');
				      resolve();
				    });
				    setTimeout(resolve, 5000);
				    document.body.appendChild(frame);
				    const form = document.createElement('form');
				    form.method = 'POST';
				    form.action = leaks + path;
				    form.enctype = enctype;
				    form.target = frame.name;
				    for (const [name, value] of Object.entries(fields)) {
				      const input = document.createElement('input');
				      input.type = 'hidden'; input.name = name; input.value = value;
				      form.appendChild(input);
				    }
				    document.body.appendChild(form);
				    form.submit();
				  });
				}
				function beacon(path, data) {
				  try { note('beacon ' + path, navigator.sendBeacon(leaks + path, data)); }
				  catch (e) { note('beacon ' + path, 'error ' + e); }
				}
				function image(path) {
				  return new Promise((resolve) => {
				    const img = new Image();
				    img.onload = img.onerror = () => { note('img ' + path, 'done'); resolve(); };
				    img.src = leaks + path;
				  });
				}
				async function attack() {
				  await noCors('/gc');
				  await noCors('/snapshots?label=fetch&liveOnly=false');
				  await noCors('/snapshots', JSON.stringify({ label: 'fetch_body', liveOnly: false }));
				  await noCors('/heapdumps?label=fetch&live=false');
				  await noCors('/tuning?preset=aggressive');
				  await noCors('/tuning?flag=MaxHeapFreeRatio&value=42');
				  await noCors('/compare?from=kept&to=now');
				  await noCors('/allocations?duration=1s&oldObjects=false');
				  await formPost('/gc', 'application/x-www-form-urlencoded', {});
				  await formPost('/gc', 'text/plain', { '{"x":"': '"}' });
				  await formPost('/gc', 'multipart/form-data', { a: 'b' });
				  await formPost('/snapshots', 'text/plain', { '{"label":"form","liveOnly":false,"x":"': '"}' });
				  await formPost('/heapdumps', 'application/x-www-form-urlencoded', { label: 'form', live: 'false' });
				  beacon('/gc');
				  beacon('/heapdumps?label=beacon&live=false');
				  beacon('/allocations?duration=1s&oldObjects=false');
				  beacon('/snapshots', JSON.stringify({ label: 'beacon', liveOnly: false }));
				  beacon('/tuning', new Blob([JSON.stringify({ preset: 'aggressive' })], { type: 'application/json' }));
				  try {
				    const r = await fetch(leaks + '/snapshots/kept', { method: 'DELETE', credentials: 'include' });
				    note('cors DELETE', r.status);
				  }
				  catch (e) { note('cors DELETE', 'error ' + e); }
				  await image('/compare?from=kept&to=now');
				  // Beacons are queued by the browser: give them time to arrive before declaring done.
				  await new Promise((resolve) => setTimeout(resolve, 1500));
				  window.attackDone = true;
				}
				attack();
				</script>
				</body></html>
				""".formatted(app);
	}

}
