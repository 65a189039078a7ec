/*
 * The heap chart: used and committed over time, the heap after each collection by kind, the
 * old-generation floor, GC pauses on their own axis, the fitted trend drawn on to the
 * projected exhaustion when that fits, and the max heap as a marked line.
 *
 * The y axis scales to the heap in use, not to the max heap: a leak on a 6 GiB heap that has
 * used 300 MiB so far is a climb across the chart, not a flat line at its bottom. The max
 * heap's line is labelled where the axis reaches it, and marked at the top edge where not;
 * so is the committed heap when the JVM has reserved far more than it uses.
 */
import { setText } from '../lib/dom.js';
import { bytes, clock, count, duration } from '../lib/format.js';
import { chart, chartsAvailable, dots, fitByteAxis, fitTimeTicks, highest, line, markLevels } from '../lib/charts.js';
import { exhaustionOf, heapSeries, liveSampling } from '../lib/series.js';

// The committed heap is on the axis while it is at most this many times the heap in use;
// beyond, it would squash the used heap into the bottom of the chart again.
const COMMITTED_IN_VIEW = 1.5;

// The axis reaches up to the max heap once the data is this close to it, so its line shows
// where it starts to matter; below, the data keeps the chart's height to itself.
const MAX_HEAP_IN_VIEW = 0.6;

const HEADROOM = 1.05;

const MAX_HEAP = 'max heap';

const COMMITTED = 'committed';

/**
 * The top the heap axis must reach: the highest heap in use (used, after collections, the
 * floor, the trend), the committed heap when it is near that, the max heap when the data
 * comes near it, and a little headroom.
 */
export function heapAxisTop(usedTop, committedTop, maxHeap) {
  let top = usedTop > 0 ? usedTop : committedTop;
  if (committedTop > top && committedTop <= COMMITTED_IN_VIEW * top) {
    top = committedTop;
  }
  if (!(top > 0)) {
    return maxHeap > 0 ? maxHeap * HEADROOM : 1;
  }
  if (maxHeap > 0 && top >= MAX_HEAP_IN_VIEW * maxHeap) {
    top = Math.max(top, maxHeap);
  }
  return top * HEADROOM;
}

/** Young, mixed, or a collection that reached the whole old generation (full, concurrent cycle). */
function postGcKind(kind) {
  return kind === 'YOUNG' ? 'young' : kind === 'MIXED' ? 'mixed' : 'old';
}

function heapChart() {
  return chart('heap-chart', [
    line('used', '#2563eb', { fill: 'origin', backgroundColor: 'rgba(37, 99, 235, 0.10)' }),
    line(COMMITTED, '#64748b'),
    line(MAX_HEAP, '#b91c1c', { borderDash: [6, 4], borderWidth: 1.5 }),
    dots('after young GC', '#0ea5e9', 'circle', { pointRadius: 3 }),
    dots('after mixed GC', '#a855f7', 'triangle'),
    dots('after full/old GC', '#dc2626', 'rectRot', { pointRadius: 5 }),
    line('old-gen floor', '#15803d', { borderWidth: 2, pointRadius: 2 }),
    line('trend', '#f59e0b', { borderDash: [3, 3], borderWidth: 2 }),
    dots('GC pause', '#94a3b8', 'line', { yAxisID: 'pause', pointRadius: 5, format: duration }),
    dots('projected exhaustion', '#b91c1c', 'crossRot', { pointRadius: 9, borderWidth: 3 })
  ], {
    y: { beginAtZero: true, ticks: {} },
    pause: { position: 'right', beginAtZero: true, display: false, grid: { drawOnChartArea: false },
      ticks: { callback: (value) => duration(value) } }
  });
}

function sourceText(page, series, exhaustion) {
  let source;
  if (series.recorded) {
    source = 'Recorded by the trend analyzer. Points mark the heap after each collection, by kind; the floor is '
      + 'what collections that reached the old generation left' + (series.trendBasis ? '; the dashed line is the '
      + 'fitted trend (' + series.trendBasis.toLowerCase().replace(/_/g, ' ') + ')' : '') + '.';
  }
  else {
    const sampling = liveSampling();
    const history = page.unavailable('history', 'The recorded history (post-GC floor, pauses, fitted trend)');
    source = 'Sampled by this page every ' + duration(page.config.pollMillis) + ' since ' + clock(sampling.since)
      + ' (' + count(sampling.count) + ' samples). ' + (history || '');
  }
  if (exhaustion) {
    source += ' Projected exhaustion of the max heap at ' + clock(exhaustion.x) + '.';
  }
  return source;
}

export default {
  name: 'heap',

  render(page) {
    const series = heapSeries(page.data('history'));
    const latest = page.overview.heap || {};
    const maxNow = latest.max > 0 ? latest.max : null;
    const oldPool = (page.overview.pools || []).find((pool) => pool.type === 'HEAP'
      && /old|tenured/i.test(pool.name) && pool.usedAfterLastGc > 0);
    setText('heap-figures', 'used ' + bytes(latest.used) + ' · committed ' + bytes(latest.committed) + ' · max '
      + (maxNow ? bytes(maxNow) : 'unbounded')
      + (oldPool ? ' · ' + oldPool.name + ' after last GC ' + bytes(oldPool.usedAfterLastGc) : ''));
    const projected = exhaustionOf(page.data('trend'));
    const exhaustion = series.exhaustion || (projected && { x: projected.time, y: projected.limit });
    setText('heap-source', sourceText(page, series, exhaustion));
    if (!chartsAvailable()) {
      return;
    }
    const instance = heapChart();
    const datasets = instance.data.datasets;
    datasets[0].data = series.used;
    datasets[1].data = series.committed;
    datasets[2].data = series.max;
    datasets[3].data = series.postGc.filter((p) => postGcKind(p.kind) === 'young');
    datasets[4].data = series.postGc.filter((p) => postGcKind(p.kind) === 'mixed');
    datasets[5].data = series.postGc.filter((p) => postGcKind(p.kind) === 'old');
    datasets[6].data = series.floor;
    datasets[8].data = series.pauses;
    instance.options.scales.pause.display = series.pauses.length > 0;
    const lastTime = series.used.length ? series.used[series.used.length - 1].x : Date.now();
    const firstTime = series.used.length ? series.used[0].x : Date.now();
    // The projection is drawn only when it fits on a chart that still shows the history; a
    // time days ahead would squash the recorded hours into a sliver. The banner says it anyway.
    const nearby = exhaustion && exhaustion.x - lastTime <= 2 * Math.max(lastTime - firstTime, 60000);
    datasets[7].data = series.trend.concat(nearby && series.trend.length ? [exhaustion] : []);
    datasets[9].data = nearby ? [exhaustion] : [];
    const usedTop = highest(series.used, series.postGc, series.floor, datasets[7].data, datasets[9].data);
    const committedNow = series.committed.length ? series.committed[series.committed.length - 1].y : latest.committed;
    const maxHeap = series.max.length ? series.max[series.max.length - 1].y : maxNow;
    fitByteAxis(instance, 'y', heapAxisTop(usedTop, highest(series.committed), maxHeap));
    markLevels(instance, [
      { value: maxHeap, label: 'max heap ' + bytes(maxHeap), color: '#b91c1c', dataset: MAX_HEAP },
      { value: committedNow, label: 'committed ' + bytes(committedNow), color: '#475569', dataset: COMMITTED,
        labelInside: false }
    ]);
    fitTimeTicks(instance, series.used);
    instance.update('none');
  }
};
