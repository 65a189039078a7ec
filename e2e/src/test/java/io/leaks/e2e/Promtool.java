package io.leaks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} (package {@code prometheus}, which scripts/test.sh installs),
 * and the rule files under {@code monitoring/}.
 */
final class Promtool {

	private Promtool() {
	}

	/**
	 * The repository's {@code monitoring/} directory, named by the {@code monitoring.dir}
	 * system property.
	 * @return the directory
	 */
	static Path monitoringDir() {
		String dir = System.getProperty("monitoring.dir");
		if (dir == null || dir.isBlank()) {
			throw new IllegalStateException("System property 'monitoring.dir' is not set: run these tests through "
					+ "the e2e module (mvn -B -ntp -pl demo-app,e2e -am verify)");
		}
		return Path.of(dir);
	}

	/**
	 * Runs promtool.
	 * @param arguments its arguments, such as {@code test rules a.yml}
	 * @return its exit code and output (stdout and stderr together)
	 * @throws IOException if it cannot be run
	 * @throws InterruptedException if interrupted while it runs
	 */
	static Result run(List<String> arguments) throws IOException, InterruptedException {
		return run(executable("promtool"), arguments);
	}

	static Result run(String executable, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(executable);
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(command + " did not finish within 2 minutes");
		}
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	/**
	 * Finds a Prometheus binary in {@code /usr/bin} or on the PATH.
	 * @param name {@code promtool} or {@code prometheus}
	 * @return its path
	 */
	static String executable(String name) {
		List<Path> candidates = new ArrayList<>();
		candidates.add(Path.of("/usr/bin", name));
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!dir.isBlank()) {
				candidates.add(Path.of(dir, name));
			}
		}
		for (Path candidate : candidates) {
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException("No '" + name + "' found in /usr/bin or on the PATH: install Debian's "
				+ "prometheus package (scripts/test.sh does: apt-get install prometheus)");
	}

	/**
	 * What promtool answered.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed
	 */
	record Result(int exitCode, String output) {

	}

}
