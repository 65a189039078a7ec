package io.leaks.heapdump;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the JVM's heap to a file. The one JVM-specific piece of heap dumping, kept this
 * small so that another JVM (or a test) can supply its own.
 */
@FunctionalInterface
public interface HeapDumper {

	/**
	 * Writes the heap.
	 * @param file where to write; does not exist yet and ends with {@code .hprof}
	 * @param live whether to dump live objects only (forces a full collection first)
	 * @throws IOException if the dump could not be written
	 * @throws HeapDumpException with {@link HeapDumpException.Reason#UNAVAILABLE} if this
	 * JVM cannot dump its heap
	 */
	void dumpHeap(Path file, boolean live) throws IOException;

	/**
	 * Whether this JVM can dump its heap through this dumper.
	 * @return {@code true} unless the dumper knows it cannot work here
	 */
	default boolean isAvailable() {
		return true;
	}

}
