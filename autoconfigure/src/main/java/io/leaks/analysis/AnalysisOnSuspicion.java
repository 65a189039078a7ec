package io.leaks.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.leaks.heapdump.HeapDump;
import io.leaks.heapdump.HeapDumpRepository;
import io.leaks.trend.Suspect;
import io.leaks.trend.SuspicionAction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Analyses the heap dump taken when a heap leak is first suspected, for the suspects. The
 * dump is written at once, while the suspects are named by live histograms a while later,
 * so the analysis is reserved on the suspicion (its id goes into the trend's notes, which
 * link it) and started when the suspects are known. When it finishes, a
 * {@link LeakAnalyzedEvent} says who holds the main suspect. Never throws.
 */
public final class AnalysisOnSuspicion implements SuspicionAction {

	/** Suspects analysed at most; application classes come first. */
	static final int MAX_SUSPECTS = 5;

	/** How long before the suspicion the automatic dump may have started. */
	private static final Duration DUMP_SLACK = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(AnalysisOnSuspicion.class);

	static final String HEAP = "heap";

	private final Analyses analyses;

	private final HeapDumpRepository dumps;

	private final Consumer<Object> publisher;

	private final Clock clock;

	private @Nullable Reserved reserved;

	public AnalysisOnSuspicion(Analyses analyses, HeapDumpRepository dumps, Consumer<Object> publisher, Clock clock) {
		this.analyses = analyses;
		this.dumps = dumps;
		this.publisher = publisher;
		this.clock = clock;
		analyses.onFinished(this::finished);
	}

	@Override
	public @Nullable String onSuspicion(String resource) {
		if (!HEAP.equals(resource)) {
			return null;
		}
		try {
			Analysis placeholder = this.analyses.reserve("suspects");
			synchronized (this) {
				this.reserved = new Reserved(placeholder.id(), this.clock.instant());
			}
			return "analysis " + placeholder.id() + " of the automatic heap dump, for the suspects (GET "
					+ "/actuator/leaks/analyses/" + placeholder.id() + ")";
		}
		catch (RuntimeException ex) {
			logger.warn("Leak suspected, but no analysis could be reserved: " + ex.getMessage());
			return null;
		}
	}

	/**
	 * Starts the reserved analysis once the suspects are named (the
	 * {@code LeakSuspectedEvent}).
	 * @param resource what leaks
	 * @param suspects the suspects, most suspicious first
	 */
	public void suspectsNamed(String resource, List<Suspect> suspects) {
		Reserved pending;
		synchronized (this) {
			pending = this.reserved;
			this.reserved = null;
		}
		if (!HEAP.equals(resource) || pending == null) {
			return;
		}
		try {
			HeapDump dump = automaticDumpSince(pending.at().minus(DUMP_SLACK));
			List<String> classes = classes(suspects);
			if (dump == null) {
				this.analyses.failReserved(pending.id(), "No heap dump was written when the leak was suspected "
						+ "(leaks.heap-dump.on-suspicion=true writes one, at most every leaks.heap-dump.min-interval)");
			}
			else if (classes.isEmpty()) {
				this.analyses.failReserved(pending.id(), "The live histograms named no suspects to analyse");
			}
			else {
				this.analyses.startReserved(pending.id(), dump.name(), classes);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not analyse the automatic heap dump: " + ex.getMessage());
			try {
				this.analyses.failReserved(pending.id(), ex.getMessage());
			}
			catch (RuntimeException failed) {
				logger.debug("Could not record the failure of analysis " + pending.id(), failed);
			}
		}
	}

	private void finished(Analysis analysis) {
		if (analysis.automatic()) {
			this.publisher.accept(new LeakAnalyzedEvent(this, analysis));
		}
	}

	private @Nullable HeapDump automaticDumpSince(Instant since) {
		HeapDump newest = null;
		for (HeapDump dump : this.dumps.list()) {
			if (dump.automatic() && !dump.createdAt().isBefore(since)) {
				newest = dump;
			}
		}
		return newest;
	}

	/**
	 * The suspects worth analysing: application classes first (they own what the JDK
	 * classes grow by), at most a few.
	 * @param suspects the suspects, most suspicious first
	 * @return their class names
	 */
	public static List<String> classes(List<Suspect> suspects) {
		List<String> classes = new ArrayList<>();
		suspects.stream().filter((suspect) -> !suspect.jdk()).map(Suspect::className).forEach(classes::add);
		suspects.stream().filter(Suspect::jdk).map(Suspect::className).forEach(classes::add);
		return classes.subList(0, Math.min(MAX_SUSPECTS, classes.size()));
	}

	private record Reserved(String id, Instant at) {

	}

}
