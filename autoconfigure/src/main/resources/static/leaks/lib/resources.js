/*
 * The endpoint's sub-resources the page reads on every poll, besides the overview. A panel
 * that needs another one adds it to RESOURCES and reads it with page.data(name).
 *
 * Each entry:
 *   path       under the endpoint
 *   core       always served: never asked whether the application serves it
 *   supported  (supports) => whether this JVM can provide it (from the overview's supports)
 *   absent     what provides it, for the sentence shown while the application does not
 *              (the server lists the optional resources it serves in <meta name="leaks-resources">)
 *   after      another resource that must be read first in each poll
 *   due        (resource, page) => whether to read it again in this poll; default: always
 */
import { call } from './api.js';
import { config } from './config.js';

const TREND_OFF = 'the trend analyzer, which is off in this application (leaks.trend.enabled=false)';

export const RESOURCES = {
  snapshots: { path: '/snapshots', core: true },
  trend: { path: '/trend', absent: TREND_OFF },
  // Up to a thousand samples and collections, and a new sample only when the analyzer has judged
  // again: read again only then, not on every poll.
  history: { path: '/history', absent: TREND_OFF, after: 'trend',
    due: (history, page) => {
      const verdict = page.data('trend');
      const judgedAt = verdict ? verdict.judgedAt : null;
      const due = !history.data || !judgedAt || judgedAt !== history.judgedAt;
      history.judgedAt = judgedAt;
      return due;
    } },
  heapdumps: { path: '/heapdumps', supported: (supports) => supports.heapDumps !== false,
    absent: 'heap dump support, which this application\'s leaks starter does not include' },
  analyses: { path: '/analyses', supported: (supports) => supports.heapDumps !== false,
    absent: 'heap dump analysis, which is off in this application (leaks.analysis.enabled=false)' },
  tuning: { path: '/tuning', supported: (supports) => supports.tuning !== false,
    absent: 'runtime GC tuning, which this application\'s leaks starter does not include' }
};

/** What the page knows of each resource: its data, why it is missing, or the last failure. */
export function createResourceStates() {
  const states = {};
  for (const name of Object.keys(RESOURCES)) {
    states[name] = { name: name, data: null, missing: null, error: null };
  }
  return states;
}

/**
 * Reads one resource into its state. Missing means 'unsupported' (the JVM cannot), 'absent'
 * (the application does not serve it) or '404'; a 404 stands until the page is reloaded, since
 * asking again every few seconds would only repeat it. A failure keeps the last data.
 */
export async function readResource(state, page) {
  const definition = RESOURCES[state.name];
  if (definition.supported && !definition.supported(page.supports)) {
    state.missing = 'unsupported';
    return;
  }
  if (!definition.core && !config.resources.has(state.name)) {
    state.missing = 'absent';
    return;
  }
  if (state.missing === '404') {
    return;
  }
  state.missing = null;
  const answer = await call('GET', definition.path);
  if (answer.ok && answer.body) {
    state.data = answer.body;
    state.error = null;
  }
  else if (answer.status === 404 && !definition.core) {
    state.data = null;
    state.missing = '404';
  }
  else {
    state.error = answer;
  }
}

/** Reads every resource that is due, each after the one it depends on, the rest in parallel. */
export async function readAll(states, page) {
  const reads = {};
  const read = (name) => {
    if (!reads[name]) {
      const definition = RESOURCES[name];
      reads[name] = (definition.after ? read(definition.after) : Promise.resolve()).then(() => {
        const state = states[name];
        if (!definition.due || definition.due(state, page)) {
          return readResource(state, page);
        }
        return undefined;
      });
    }
    return reads[name];
  };
  await Promise.all(Object.keys(RESOURCES).map(read));
}

/** Why a resource has nothing to show, or null when it has (or may soon have) data. */
export function missingText(state, what) {
  const definition = RESOURCES[state.name];
  if (state.missing === 'absent') {
    return what + ' needs ' + definition.absent + '.';
  }
  if (state.missing === '404') {
    return what + ' comes from GET ' + config.endpoint + definition.path + ', which answered 404.';
  }
  return null;
}
