/**
 * The healthy scenarios, the hard negatives: memory that rises and then levels off, rises
 * and falls, or never moves. None of them leaks.
 */
@NullMarked
package io.leaks.workloads.healthy;

import org.jspecify.annotations.NullMarked;
