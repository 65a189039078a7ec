/**
 * What every workload scenario is: a function of time that holds memory, the settings it is
 * made with, and the heap it sizes itself from.
 */
@NullMarked
package io.leaks.workloads.scenario;

import org.jspecify.annotations.NullMarked;
