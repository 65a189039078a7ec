/**
 * Small seams over JVM management interfaces, looked up through the MBean server so that
 * nothing breaks on a JVM without HotSpot's MBeans.
 */
@NullMarked
package io.leaks.jvm;

import org.jspecify.annotations.NullMarked;
