/**
 * The traffic every scenario runs on: request garbage and medium-lived sessions, and the
 * service's own small HTTP API that real requests reach.
 */
@NullMarked
package io.leaks.workloads.load;

import org.jspecify.annotations.NullMarked;
