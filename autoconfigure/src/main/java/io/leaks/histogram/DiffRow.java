package io.leaks.histogram;

import org.jspecify.annotations.Nullable;

/**
 * How one class changed between two histograms.
 *
 * @param className the class name as the JVM prints it
 * @param module the class's module, if any
 * @param instancesFrom instances in the first histogram
 * @param instancesTo instances in the second histogram
 * @param bytesFrom bytes in the first histogram
 * @param bytesTo bytes in the second histogram
 * @param ambiguous whether several classes of this name (from different class loaders)
 * exist, so the rows were paired by size rank rather than by identity
 */
public record DiffRow(String className, @Nullable String module, long instancesFrom, long instancesTo,
		long bytesFrom, long bytesTo, boolean ambiguous) {

	public long instancesDelta() {
		return this.instancesTo - this.instancesFrom;
	}

	public long bytesDelta() {
		return this.bytesTo - this.bytesFrom;
	}

	public boolean jdk() {
		return JdkClasses.isJdk(this.className, this.module);
	}

	boolean changed() {
		return this.instancesFrom != this.instancesTo || this.bytesFrom != this.bytesTo;
	}

}
