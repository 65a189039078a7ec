package io.leaks.heapdump;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A process that writes dumps, told apart from any other process on the host, also
 * one that later reuses its process id, by when it started, and from the processes of
 * other hosts (replicas sharing a volume) by the host's name.
 *
 * @param pid its process id
 * @param host the name of its host, in {@code [A-Za-z0-9._-]}
 * @param startedAt when it started, in milliseconds since the epoch ({@code 0} if
 * unknown)
 */
record DumpWriter(long pid, String host, long startedAt) {

	private static final String HOST = safeHost(hostName());

	static DumpWriter current() {
		return of(ProcessHandle.current());
	}

	/**
	 * A process of this host.
	 * @param process the process
	 * @return its writer
	 */
	static DumpWriter of(ProcessHandle process) {
		return new DumpWriter(process.pid(), HOST, process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
	}

	/**
	 * Whether this writer runs on the host of this JVM, the only host whose processes
	 * can be asked whether they still run.
	 * @return whether its host is this JVM's
	 */
	boolean isOnThisHost() {
		return HOST.equals(this.host);
	}

	/**
	 * Whether this process still runs, so that its partial dumps may still be in
	 * progress. A process of another host cannot be asked, so it counts as running.
	 * @return {@code false} once it has exited (or its id belongs to a later process)
	 */
	boolean isRunning() {
		if (!isOnThisHost()) {
			return true;
		}
		return ProcessHandle.of(this.pid)
			.filter(ProcessHandle::isAlive)
			.map((process) -> this.startedAt == 0 || of(process).startedAt() == this.startedAt)
			.orElse(false);
	}

	static String safeHost(@Nullable String host) {
		String safe = (host != null) ? HeapDumpNames.safe(host.strip()) : "";
		if (safe.isEmpty()) {
			return "unknown-host";
		}
		return (safe.length() > HeapDumpNames.MAX_HOST_LENGTH) ? safe.substring(0, HeapDumpNames.MAX_HOST_LENGTH) : safe;
	}

	// The kernel's name of the host is what every process of a container or machine
	// shares; asking the resolver could wait for DNS.
	private static @Nullable String hostName() {
		try {
			Path kernel = Path.of("/proc/sys/kernel/hostname");
			if (Files.isReadable(kernel)) {
				return Files.readString(kernel, StandardCharsets.US_ASCII).strip();
			}
			String fromEnvironment = System.getenv("HOSTNAME");
			if (fromEnvironment != null && !fromEnvironment.isBlank()) {
				return fromEnvironment;
			}
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException | SecurityException ex) {
			return null;
		}
	}

}
