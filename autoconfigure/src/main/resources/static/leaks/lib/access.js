/*
 * What this page may change. The overview says what access the endpoint grants; a refused
 * write (405 from the endpoint, 401/403 from the application's security rules) says the rest.
 * Either way the page turns read-only and says why and how to change it.
 */

const UNRESTRICTED_HINT = 'set management.endpoint.leaks.access=unrestricted (and keep /actuator/** secured)';

/**
 * The access after an overview: { writable, readOnly: { cause, reason, hint } | null }. A
 * refusal seen earlier stands while the endpoint still grants write access, since it came
 * from the security rules the overview cannot show.
 */
export function accessAfterOverview(overview, previous) {
  const access = overview.supports && overview.supports.access;
  if (access !== 'UNRESTRICTED') {
    return { writable: false, readOnly: { cause: 'access',
      reason: 'The leaks endpoint grants read access only (' + (access || 'unknown') + '), so snapshots, GC, heap '
        + 'dumps and tuning are switched off here; figures and comparisons of stored snapshots still work.',
      hint: 'read-only access. To enable them, ' + UNRESTRICTED_HINT + '.' } };
  }
  if (previous && previous.readOnly && previous.readOnly.cause !== 'access') {
    return previous;
  }
  // Write access granted, also when it was granted since the page opened (a restart with new settings).
  return { writable: true, readOnly: null };
}

/** The access after a refused write when the refusal is about access, otherwise null. */
export function accessAfterRefusal(answer) {
  if (answer.status === 405) {
    return { writable: false, readOnly: { cause: 'refused',
      reason: 'The endpoint refused a change (405): ' + answer.message,
      hint: 'the endpoint refuses changes. To enable them, ' + UNRESTRICTED_HINT + '.' } };
  }
  if (answer.status === 401 || answer.status === 403) {
    return { writable: false, readOnly: { cause: 'refused',
      reason: 'Your account may read the leaks endpoint but not change anything (HTTP ' + answer.status + ': '
        + answer.message + ').',
      hint: 'your account may not change anything here: it needs the role that protects the endpoint\'s write '
        + 'operations.' } };
  }
  return null;
}
