package io.leaks.demo.threadlocals;

import java.time.Instant;

/**
 * What a request did, recorded for the audit log.
 *
 * @param requestId the request
 * @param at when it was recorded
 * @param details the recorded request details
 */
public record AuditEntry(String requestId, Instant at, byte[] details) {

	/** Size of the recorded details: a few KB per request. */
	static final int DETAILS_BYTES = 2048;

}
