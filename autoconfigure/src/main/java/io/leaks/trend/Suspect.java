package io.leaks.trend;

/**
 * A class that grew in every step of a round of live histograms.
 *
 * @param className the name as the JVM prints it
 * @param displayName the name as Java source writes it
 * @param instancesDelta instances gained from the first histogram to the last
 * @param bytesDelta bytes gained from the first histogram to the last
 * @param instances instances in the last histogram
 * @param bytes bytes in the last histogram
 * @param jdk whether it is a JDK class (which grows alongside whatever holds it)
 */
public record Suspect(String className, String displayName, long instancesDelta, long bytesDelta, long instances,
		long bytes, boolean jdk) {

}
