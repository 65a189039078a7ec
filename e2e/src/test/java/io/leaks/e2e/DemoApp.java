package io.leaks.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged demo app running as a separate JVM on a free port, its output captured to a
 * file under the {@code e2e.reports} directory.
 */
final class DemoApp implements AutoCloseable {

	private final ChildProcess process;

	private final URI baseUri;

	private DemoApp(ChildProcess process, URI baseUri) {
		this.process = process;
		this.baseUri = baseUri;
	}

	/**
	 * Starts the jar named by the {@code demo.jar} system property.
	 * @return the running process; not yet ready to serve
	 * @throws IOException if the process cannot be started
	 */
	static DemoApp start() throws IOException {
		return start("demo-app", List.of());
	}

	/**
	 * Starts the jar named by the {@code demo.jar} system property with more application
	 * arguments.
	 * @param name names the log file ({@code <name>.log})
	 * @param arguments application arguments, such as {@code --leaks.trend.interval=5s}
	 * @return the running process; not yet ready to serve
	 * @throws IOException if the process cannot be started
	 */
	static DemoApp start(String name, List<String> arguments) throws IOException {
		return start(name, List.of("-Xmx256m"), arguments);
	}

	/**
	 * Starts the jar named by the {@code demo.jar} system property with JVM options and
	 * application arguments (G1 always).
	 * @param name names the log file ({@code <name>.log})
	 * @param jvmOptions options such as {@code -Xmx256m}
	 * @param arguments application arguments, such as {@code --leaks.trend.interval=5s}
	 * @return the running process; not yet ready to serve
	 * @throws IOException if the process cannot be started
	 */
	static DemoApp start(String name, List<String> jvmOptions, List<String> arguments) throws IOException {
		List<String> withG1 = new ArrayList<>(jvmOptions);
		withG1.add("-XX:+UseG1GC");
		return start(name, Path.of(System.getProperty("java.home"), "bin", "java").toString(), withG1, arguments);
	}

	/**
	 * Starts the jar named by the {@code demo.jar} system property on a JVM of choice, with
	 * the collector the options choose.
	 * @param name names the log file ({@code <name>.log})
	 * @param java the {@code java} executable
	 * @param jvmOptions options such as {@code -Xmx256m -XX:+UseZGC}
	 * @param arguments application arguments
	 * @return the running process; not yet ready to serve
	 * @throws IOException if the process cannot be started
	 */
	static DemoApp start(String name, String java, List<String> jvmOptions, List<String> arguments)
			throws IOException {
		Path jar = Path.of(requiredProperty("demo.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No demo app jar at " + jar
					+ ": package it first (mvn -B -ntp -pl demo-app,e2e -am verify does both)");
		}
		Path reports = Files.createDirectories(Path.of(requiredProperty("e2e.reports")));
		int port = freePort();
		Path log = reports.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		// If the test JVM is stopped before @AfterAll runs, don't leave the JVM behind.
		return new DemoApp(ChildProcess.start("demo-app", command, log), URI.create("http://127.0.0.1:" + port));
	}

	URI uri(String path) {
		return this.baseUri.resolve(path);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The end of the app's output, for failure messages.
	 * @param lines how many lines at most
	 * @return the last lines
	 */
	String logTail(int lines) {
		return this.process.logTail(lines);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property '" + name + "' is not set: run these tests through the "
					+ "e2e module (mvn -B -ntp -pl demo-app,e2e -am verify)");
		}
		return value;
	}

}
