/*
 * Outside the heap: metaspace and loaded classes, live threads, direct and mapped buffers,
 * and the resident memory of the process, one small chart each, or a sentence saying why a
 * series is missing.
 */
import { $, show } from '../lib/dom.js';
import { count } from '../lib/format.js';
import { bytesAxis, chart, chartsAvailable, fitByteAxis, fitTimeTicks, highest, line } from '../lib/charts.js';
import { heapSeries } from '../lib/series.js';

// Each chart: its canvas, its series in the order of its datasets, and how many of the first
// series are bytes (their axis is scaled to them with round ticks; counts have their own axis).
const CHARTS = [
  { id: 'metaspace', series: (s) => [s.metaspaceUsed, s.metaspaceCommitted, s.classes], byteSeries: 2,
    build: () => chart('metaspace-chart', [
      line('metaspace used', '#2563eb'),
      line('committed', '#64748b', { borderWidth: 1 }),
      line('loaded classes', '#16a34a', { yAxisID: 'classes', format: count })
    ], { y: bytesAxis(), classes: { position: 'right', display: false,
      grid: { drawOnChartArea: false }, ticks: { callback: (value) => count(value) } } }) },
  { id: 'threads', series: (s) => [s.threads], byteSeries: 0,
    build: () => chart('threads-chart', [line('live threads', '#7c3aed', { format: count })],
      { y: { beginAtZero: true, ticks: { callback: (value) => count(value) } } }) },
  { id: 'buffers', series: (s) => [s.direct, s.mapped], byteSeries: 2,
    build: () => chart('buffers-chart', [line('direct', '#0891b2'), line('mapped', '#ca8a04')], { y: bytesAxis() }) },
  { id: 'rss', series: (s) => [s.rss], byteSeries: 1,
    build: () => chart('rss-chart', [line('resident', '#db2777')], { y: bytesAxis() }) }
];

export default {
  name: 'outside the heap',

  render(page) {
    const series = heapSeries(page.data('history'));
    const chartsOk = chartsAvailable();
    const historyMissing = page.unavailable('history', 'This series');
    for (const panel of CHARTS) {
      const data = panel.series(series);
      const hasData = data.some((points) => points.length > 0);
      const empty = $(panel.id + '-empty');
      if (!hasData) {
        empty.textContent = series.recorded ? 'Not recorded on this JVM.'
          : historyMissing || 'Waiting for the first samples…';
      }
      show(empty, !hasData);
      if (hasData && chartsOk) {
        const instance = panel.build();
        data.forEach((points, index) => {
          instance.data.datasets[index].data = points;
        });
        if (panel.byteSeries) {
          fitByteAxis(instance, 'y', highest(...data.slice(0, panel.byteSeries)) * 1.05);
        }
        fitTimeTicks(instance, data.find((points) => points.length > 0));
        if (instance.options.scales.classes) {
          instance.options.scales.classes.display = series.classes.length > 0;
        }
        instance.update('none');
      }
    }
  }
};
