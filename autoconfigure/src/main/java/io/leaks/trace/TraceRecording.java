package io.leaks.trace;

import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The recording of this run, if {@code leaks.trend.record-to} asked for one and it could
 * start: the bean an application injects to annotate its trace (a workload's phases).
 */
public final class TraceRecording implements AutoCloseable {

	private final @Nullable TraceRecorder recorder;

	public TraceRecording(@Nullable TraceRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * The file being written.
	 * @return the file, or empty if nothing is recorded
	 */
	public Optional<Path> file() {
		return Optional.ofNullable(this.recorder).map(TraceRecorder::file);
	}

	/**
	 * Annotates the trace, if there is one.
	 * @param text what happened
	 */
	public void mark(String text) {
		if (this.recorder != null) {
			this.recorder.mark(text);
		}
	}

	@Override
	public void close() {
		if (this.recorder != null) {
			this.recorder.close();
		}
	}

}
