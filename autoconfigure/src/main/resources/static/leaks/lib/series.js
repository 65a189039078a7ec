/*
 * The series the charts draw, in the page's own terms: recorded by the trend analyzer
 * (GET /history) when the application has it, otherwise sampled by this page from the
 * overview on every poll, so the heap chart has data either way.
 */
import { isNumber, toMillis } from './format.js';

// Bounded like everything else the starter keeps.
const MAX_LIVE_SAMPLES = 720;

// Stop-the-world collections; a concurrent cycle's duration is not a pause of the application.
const PAUSING_KINDS = new Set(['YOUNG', 'MIXED', 'FULL', 'OTHER']);

const live = [];

/** Keeps the overview's heap and metaspace figures as one sample of the page's own series. */
export function recordLiveSample(overview) {
  const heap = overview.heap || {};
  const metaspace = (overview.pools || []).find((pool) => pool.name === 'Metaspace');
  live.push({
    t: Date.now(),
    used: heap.used,
    committed: heap.committed,
    max: heap.max > 0 ? heap.max : null,
    metaspaceUsed: metaspace ? metaspace.usage.used : null,
    metaspaceCommitted: metaspace ? metaspace.usage.committed : null
  });
  if (live.length > MAX_LIVE_SAMPLES) {
    live.splice(0, live.length - MAX_LIVE_SAMPLES);
  }
}

/** How many samples this page took, and since when. */
export function liveSampling() {
  return { count: live.length, since: live.length ? live[0].t : null };
}

/** The recorded history as series of { x, y } points, or null while the endpoint records none. */
export function recordedSeries(history) {
  if (!history || !history.samples.length) {
    return null;
  }
  const at = (item) => toMillis(item.at);
  // -1 marks a figure this JVM does not report.
  const sampled = (key) => history.samples.filter((sample) => sample[key] >= 0)
    .map((sample) => ({ x: at(sample), y: sample[key] }));
  const trend = history.trend;
  return {
    recorded: true,
    used: sampled('heapUsed'),
    committed: sampled('heapCommitted'),
    max: sampled('heapMax'),
    postGc: history.collections.map((gc) => ({ x: at(gc), y: gc.heapAfter, kind: gc.kind })),
    floor: history.floor.map((level) => ({ x: at(level), y: level.bytes })),
    pauses: history.collections.filter((gc) => PAUSING_KINDS.has(gc.kind))
      .map((gc) => ({ x: at(gc), y: gc.durationMillis, kind: gc.kind })),
    trend: trend ? [{ x: at(trend.from), y: trend.from.bytes }, { x: at(trend.to), y: trend.to.bytes }] : [],
    trendBasis: trend ? trend.basis : null,
    exhaustion: trend && trend.exhaustion ? { x: at(trend.exhaustion), y: trend.exhaustion.bytes } : null,
    metaspaceUsed: sampled('metaspaceUsed'),
    metaspaceCommitted: [],
    classes: sampled('loadedClasses'),
    threads: sampled('liveThreads'),
    direct: sampled('directBytes'),
    mapped: sampled('mappedBytes'),
    rss: sampled('residentBytes')
  };
}

/** The page's own samples in the same shape as the recorded series. */
export function liveSeries() {
  const of = (key) => live.filter((s) => isNumber(s[key])).map((s) => ({ x: s.t, y: s[key] }));
  return {
    recorded: false,
    used: of('used'), committed: of('committed'), max: of('max'), postGc: [], floor: [], pauses: [], trend: [],
    trendBasis: null, exhaustion: null, metaspaceUsed: of('metaspaceUsed'),
    metaspaceCommitted: of('metaspaceCommitted'), classes: [], threads: [], direct: [], mapped: [], rss: []
  };
}

/** The recorded series when there are any, otherwise the page's own. */
export function heapSeries(history) {
  return recordedSeries(history) || liveSeries();
}

/** When the verdict projects the heap to be full: { time, earliest, latest, limit }, or null. */
export function exhaustionOf(verdict) {
  const projection = verdict && verdict.projection;
  if (!projection) {
    return null;
  }
  return { time: toMillis(projection.exhaustion), earliest: toMillis(projection.earliest),
    latest: toMillis(projection.latest), limit: projection.limit };
}
