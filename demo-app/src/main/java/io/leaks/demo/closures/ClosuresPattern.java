package io.leaks.demo.closures;

import io.leaks.demo.pattern.PatternInfo;
import io.leaks.demo.pattern.SequentialPattern;
import io.leaks.demo.pattern.Variant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Receives an upload and registers a lambda that describes it in a long-lived index.
 */
@Component
@Order(3)
public class ClosuresPattern extends SequentialPattern {

	private final UploadIndex leakingIndex = new UploadIndex();

	private final UploadIndex fixedIndex = new UploadIndex();

	public ClosuresPattern() {
		super(new PatternInfo("closures", "Closure capture", UploadedDocument.class,
				"The description lambda kept by a long-lived index captured the whole UploadedDocument, so every "
						+ "upload's content stays reachable",
				"The lambda captures only the name and size it prints; the index still keeps one small lambda per "
						+ "upload, but no document",
				0));
	}

	@Override
	protected long runLeaking(long operation) {
		UploadedDocument document = receive(operation);
		this.leakingIndex.add(operation, () -> document.name() + " (" + document.content().length + " bytes)");
		return 1;
	}

	@Override
	protected long runFixed(long operation) {
		UploadedDocument document = receive(operation);
		String name = document.name();
		int size = document.content().length;
		this.fixedIndex.add(operation, () -> name + " (" + size + " bytes)");
		return 1;
	}

	private static UploadedDocument receive(long upload) {
		return new UploadedDocument("scan-" + upload + ".pdf", new byte[UploadedDocument.CONTENT_BYTES]);
	}

	/**
	 * Each leaking lambda holds exactly one document; a fixed lambda holds none, which the
	 * end-to-end tests check against a real class histogram.
	 */
	@Override
	public long retained(Variant variant) {
		return (variant == Variant.LEAKING) ? this.leakingIndex.size() : 0;
	}

	/**
	 * What the index says about an upload, whichever variant indexed it.
	 * @param upload the operation number that received it
	 * @return a description such as {@code scan-7.pdf (4096 bytes)}
	 */
	String describe(long upload) {
		String leaking = this.leakingIndex.describe(upload);
		return (leaking != null) ? leaking : this.fixedIndex.describe(upload);
	}

	@Override
	public void reset() {
		this.leakingIndex.clear();
		this.fixedIndex.clear();
	}

}
