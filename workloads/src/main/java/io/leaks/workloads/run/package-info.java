/**
 * Running one scenario in the service: the catalog of scenarios, the run with its phases,
 * and its status over HTTP.
 */
@NullMarked
package io.leaks.workloads.run;

import org.jspecify.annotations.NullMarked;
