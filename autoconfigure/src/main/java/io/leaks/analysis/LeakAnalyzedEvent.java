package io.leaks.analysis;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when the analysis of the heap dump taken on a suspected leak finishes: who
 * holds the main suspect, by which path, and what it retains. Handle it with
 * {@code @EventListener}.
 */
public class LeakAnalyzedEvent extends ApplicationEvent {

	private final Analysis analysis;

	public LeakAnalyzedEvent(Object source, Analysis analysis) {
		super(source);
		this.analysis = analysis;
	}

	/**
	 * The analysis, with every class's finding.
	 * @return the analysis
	 */
	public Analysis getAnalysis() {
		return this.analysis;
	}

	/**
	 * Whether the analysis has a result.
	 * @return {@code false} when it failed (see the analysis's reason)
	 */
	public boolean isDone() {
		return this.analysis.status() == AnalysisStatus.DONE;
	}

	/**
	 * The main suspect's finding: the first class with an owner.
	 * @return the finding, or {@code null} if no class has one
	 */
	public @Nullable ClassFinding getFinding() {
		HeapAnalysis result = this.analysis.result();
		if (result == null) {
			return null;
		}
		return result.classes().stream().filter((finding) -> !finding.owners().isEmpty()).findFirst().orElse(null);
	}

	/**
	 * What holds most of the main suspect's instances.
	 * @return the owner, or {@code null}
	 */
	public @Nullable Owner getOwner() {
		ClassFinding finding = getFinding();
		return (finding != null) ? finding.owners().get(0) : null;
	}

	/**
	 * The path most of the main suspect's instances share.
	 * @return the path, or {@code null}
	 */
	public @Nullable RootPath getTopPath() {
		ClassFinding finding = getFinding();
		return (finding != null && !finding.paths().isEmpty()) ? finding.paths().get(0).path() : null;
	}

	/**
	 * What the owner retains.
	 * @return bytes, 0 without an owner
	 */
	public long getRetainedBytes() {
		Owner owner = getOwner();
		return (owner != null) ? owner.retainedBytes() : 0;
	}

	/**
	 * The findings in words.
	 * @return one line per class
	 */
	public List<String> getSummary() {
		HeapAnalysis result = this.analysis.result();
		return (result != null) ? AnalysisText.summary(result) : List.of();
	}

	@Override
	public String toString() {
		Owner owner = getOwner();
		ClassFinding finding = getFinding();
		return "LeakAnalyzedEvent[" + this.analysis.id() + " " + this.analysis.status()
				+ ((owner != null && finding != null) ? ": " + AnalysisText.owner(owner, finding.className())
						: (this.analysis.reason() != null) ? ": " + this.analysis.reason() : "")
				+ "]";
	}

}
