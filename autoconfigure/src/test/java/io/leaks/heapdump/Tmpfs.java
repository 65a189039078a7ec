package io.leaks.heapdump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real tmpfs mounted for a test, to give heap dumps a small, a full, an in-memory or a
 * read-only file system, as they meet it in production. Mounting needs root, which CI has;
 * where it cannot be done at all (not root, or a container without the capability) the
 * test is skipped with the reason, printed and in the report.
 */
public final class Tmpfs implements AutoCloseable {

	private final Path mountPoint;

	private Tmpfs(Path mountPoint) {
		this.mountPoint = mountPoint;
	}

	/**
	 * Mounts a tmpfs.
	 * @param mountPoint an existing empty directory
	 * @param size its size, as {@code mount} takes it ({@code 4m})
	 * @return the mounted file system
	 */
	public static Tmpfs mount(Path mountPoint, String size) {
		if (!"root".equals(System.getProperty("user.name"))) {
			skip("mounting a tmpfs needs root (CI runs as root); this JVM runs as " + System.getProperty("user.name"));
		}
		String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "leaks-test",
				mountPoint.toString());
		if (failure != null) {
			skip("mount -t tmpfs failed although this JVM runs as root (a container without CAP_SYS_ADMIN?): "
					+ failure);
		}
		return new Tmpfs(mountPoint);
	}

	public Path path() {
		return this.mountPoint;
	}

	/**
	 * Changes the size; what is stored must still fit.
	 * @param size the new size ({@code 4m})
	 */
	public void resize(String size) {
		remount("size=" + size);
	}

	/**
	 * Makes the file system read-only, which root cannot write through either.
	 */
	public void readOnly() {
		remount("ro");
	}

	public void readWrite() {
		remount("rw");
	}

	@Override
	public void close() {
		if (run("umount", this.mountPoint.toString()) != null) {
			// Something still holds a file open: detach it now, it goes when they close.
			run("umount", "-l", this.mountPoint.toString());
		}
	}

	private void remount(String options) {
		String failure = run("mount", "-o", "remount," + options, this.mountPoint.toString());
		if (failure != null) {
			throw new IllegalStateException("remount," + options + " of " + this.mountPoint + " failed: " + failure);
		}
	}

	/**
	 * The names in a directory, the hidden ones included.
	 * @param directory the directory
	 * @return the names, sorted; none if it does not exist
	 */
	public static List<String> filesIn(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void skip(String reason) {
		System.err.println("SKIPPED (cannot run here): " + reason);
		Assumptions.abort(reason);
	}

	/**
	 * Runs a command.
	 * @return {@code null} on success, otherwise its exit code and output
	 */
	private static String run(String... command) {
		try {
			Path output = Files.createTempFile("leaks-mount", ".out");
			try {
				Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return String.join(" ", command) + " did not finish in 30 s";
				}
				return (process.exitValue() == 0) ? null : String.join(" ", command) + " exited with "
						+ process.exitValue() + ": " + Files.readString(output, StandardCharsets.UTF_8).strip();
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			return String.join(" ", command) + " could not run: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
