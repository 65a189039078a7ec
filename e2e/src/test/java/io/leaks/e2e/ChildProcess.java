package io.leaks.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (a demo app, a Prometheus server), its output captured to a log
 * file, and stopped on {@link #close()} or, should the test JVM be stopped first, when the
 * test JVM exits.
 */
final class ChildProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final Thread killOnExit;

	private ChildProcess(Process process, Path log, String name) {
		this.process = process;
		this.log = log;
		this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
		Runtime.getRuntime().addShutdownHook(this.killOnExit);
	}

	/**
	 * Starts the command.
	 * @param name names the process in the shutdown hook
	 * @param command the command and its arguments
	 * @param log the file its output (stdout and stderr) goes to
	 * @return the running process
	 * @throws IOException if it cannot be started
	 */
	static ChildProcess start(String name, List<String> command, Path log) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ChildProcess(process, log, name);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * The end of the process's output, for failure messages.
	 * @param lines how many lines at most
	 * @return the last lines
	 */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
		Runtime.getRuntime().removeShutdownHook(this.killOnExit);
	}

}
