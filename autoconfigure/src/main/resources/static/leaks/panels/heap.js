/*
 * The heap chart: used and committed over time, the heap after each collection by kind, the
 * old-generation floor, GC pauses on their own axis, the fitted trend drawn on to the
 * projected exhaustion when that fits, and the max heap.
 */
import { setText } from '../lib/dom.js';
import { bytes, clock, count, duration } from '../lib/format.js';
import { bytesAxis, chart, chartsAvailable, dots, fitTimeTicks, line } from '../lib/charts.js';
import { exhaustionOf, heapSeries, liveSampling } from '../lib/series.js';

const MAX_HEAP = 'max';

// Whether the user chose in the legend to show or hide the max heap.
let maxToggled = false;

/** Young, mixed, or a collection that reached the whole old generation (full, concurrent cycle). */
function postGcKind(kind) {
  return kind === 'YOUNG' ? 'young' : kind === 'MIXED' ? 'mixed' : 'old';
}

function heapChart() {
  const created = !!window.Chart.getChart('heap-chart');
  const instance = chart('heap-chart', [
    line('used', '#2563eb', { fill: 'origin', backgroundColor: 'rgba(37, 99, 235, 0.10)' }),
    line('committed', '#64748b'),
    line(MAX_HEAP, '#b91c1c', { borderDash: [6, 4], borderWidth: 1.5 }),
    dots('after young GC', '#0ea5e9', 'circle', { pointRadius: 3 }),
    dots('after mixed GC', '#a855f7', 'triangle'),
    dots('after full/old GC', '#dc2626', 'rectRot', { pointRadius: 5 }),
    line('old-gen floor', '#15803d', { borderWidth: 2, pointRadius: 2 }),
    line('trend', '#f59e0b', { borderDash: [3, 3], borderWidth: 2 }),
    dots('GC pause', '#94a3b8', 'line', { yAxisID: 'pause', pointRadius: 5, format: duration }),
    dots('projected exhaustion', '#b91c1c', 'crossRot', { pointRadius: 9, borderWidth: 3 })
  ], {
    y: bytesAxis(),
    pause: { position: 'right', beginAtZero: true, display: false, grid: { drawOnChartArea: false },
      ticks: { callback: (value) => duration(value) } }
  });
  if (!created) {
    const toggle = window.Chart.defaults.plugins.legend.onClick;
    instance.options.plugins.legend.onClick = function (event, item, legend) {
      if (item.datasetIndex === 2) {
        maxToggled = true;
      }
      toggle.call(legend, event, item, legend);
    };
  }
  return instance;
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
    if (!maxToggled && series.used.length) {
      // A max far above the used heap flattens the chart; show it when it matters, unless
      // the user chose otherwise in the legend.
      const used = series.used[series.used.length - 1].y;
      instance.setDatasetVisibility(2, !(maxNow && used < 0.2 * maxNow) || !!exhaustion);
    }
    fitTimeTicks(instance, series.used);
    instance.update('none');
  }
};
