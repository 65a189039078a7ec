package io.leaks.workloads.leak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.leaks.workloads.scenario.Rate;
import io.leaks.workloads.scenario.ScenarioSettings;

/**
 * A long-lived index keeps a description lambda per upload; the lambda reads the document's
 * name, so it captured the whole document, content included.
 */
public final class ClosureLeak extends SteadyLeak {

	static final int CONTENT_BYTES = 4096;

	static final Duration FILL = Duration.ofMinutes(25);

	private final List<Supplier<String>> index = new ArrayList<>();

	public ClosureLeak(ScenarioSettings settings) {
		super(settings.byteRateOr(Rate.ofBytes(settings.heap().free(), FILL), "closure-leak"),
				settings.onsetOr(Duration.ZERO), CONTENT_BYTES + 96);
	}

	@Override
	void keep(long index) {
		UploadedDocument document = new UploadedDocument("scan-" + index + ".pdf", new byte[CONTENT_BYTES]);
		this.index.add(() -> document.name() + " (" + document.content().length + " bytes)");
	}

	@Override
	void drop() {
		this.index.clear();
	}

	@Override
	public String describe() {
		return "captured-closure leak: an index keeps a lambda per upload that captured its UploadedDocument (4 KiB) "
				+ pace();
	}

	/**
	 * An upload.
	 *
	 * @param name its file name
	 * @param content its bytes
	 */
	record UploadedDocument(String name, byte[] content) {

	}

}
