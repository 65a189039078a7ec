package io.leaks.workloads.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real HTTP requests the service sends itself, on the caller's thread.
 */
public final class SelfTraffic {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	private final AtomicLong answered = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private long sent;

	/**
	 * @param port the port the service listens on
	 */
	public SelfTraffic(int port) {
		this.base = URI.create("http://127.0.0.1:" + port + "/api/orders/");
	}

	/**
	 * Sends one request and waits for its answer.
	 */
	public void send() {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(String.valueOf(this.sent++)))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			(response.statusCode() == 200 ? this.answered : this.failed).incrementAndGet();
		}
		catch (IOException | RuntimeException ex) {
			this.failed.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public long answered() {
		return this.answered.get();
	}

	public long failed() {
		return this.failed.get();
	}

}
