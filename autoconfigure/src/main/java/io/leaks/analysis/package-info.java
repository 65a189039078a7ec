/**
 * Who holds it: heap dumps analysed in a child JVM (so that a big dump never uses the
 * application's heap) for the owners of the suspect classes, their paths from GC roots and
 * retained sizes, and the growth between two dumps. The engine reads dumps with Apache
 * NetBeans' profiler heap library; results are values, failures included, and the sentences
 * describing them are made in one place ({@link io.leaks.analysis.AnalysisText}).
 */
@NullMarked
package io.leaks.analysis;

import org.jspecify.annotations.NullMarked;
