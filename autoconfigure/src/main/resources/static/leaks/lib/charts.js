/*
 * Chart.js, the way every chart on the page uses it: line charts over time, no animation,
 * one instance per canvas kept across polls, byte axes in binary units.
 */
import { $ } from './dom.js';
import { bytes, clock } from './format.js';
import { showNotice } from './notices.js';

const instances = {};

let styled = false;

/** Whether Chart.js loaded; says so in a notice when it did not. */
export function chartsAvailable() {
  if (typeof window.Chart === 'function') {
    if (!styled) {
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      window.Chart.defaults.color = '#5d6677';
      styled = true;
    }
    return true;
  }
  showNotice('charts', 'Charts are unavailable: Chart.js did not load from /webjars/chart.js/dist/chart.umd.js. '
    + 'The application needs org.webjars.npm:chart.js and org.webjars:webjars-locator-lite (the starter brings '
    + 'both) and static resources enabled.', true);
  return false;
}

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
  .map((seconds) => seconds * 1000);

function timeAxis() {
  return {
    type: 'linear',
    ticks: { callback: (value) => clock(value).slice(-8), maxRotation: 0, autoSkipPadding: 24 },
    grid: { display: false }
  };
}

/** Whole seconds, minutes or hours between ticks, so no two ticks read the same time. */
export function fitTimeTicks(instance, points) {
  const span = points.length > 1 ? points[points.length - 1].x - points[0].x : 0;
  const width = instance.width || 600;
  const fitting = Math.max(2, Math.floor(width / 90));
  const step = TICK_STEPS.find((candidate) => span / candidate <= fitting) || TICK_STEPS[TICK_STEPS.length - 1];
  instance.options.scales.x.ticks.stepSize = step;
}

/**
 * The chart on a canvas, created on first use with these datasets and value axes; later
 * calls return the same instance, whose datasets the caller fills.
 */
export function chart(id, datasets, scales) {
  if (instances[id]) {
    return instances[id];
  }
  const instance = new window.Chart($(id), {
    type: 'line',
    data: { datasets: datasets },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      elements: { point: { radius: 0, hitRadius: 6 }, line: { borderWidth: 2, tension: 0 } },
      scales: Object.assign({ x: timeAxis() }, scales),
      plugins: {
        legend: {
          labels: { boxWidth: 12, filter: (item, data) => data.datasets[item.datasetIndex].data.length > 0 }
        },
        tooltip: {
          callbacks: {
            title: (items) => items.length ? clock(items[0].parsed.x) : '',
            label: (item) => item.dataset.label + ': ' + (item.dataset.format || bytes)(item.parsed.y)
              + (item.raw && item.raw.kind ? ' (' + item.raw.kind + ')' : '')
          }
        }
      }
    }
  });
  instances[id] = instance;
  return instance;
}

export function line(label, color, extra) {
  return Object.assign({ label: label, data: [], borderColor: color, backgroundColor: color }, extra || {});
}

export function dots(label, color, style, extra) {
  return Object.assign({ label: label, data: [], borderColor: color, backgroundColor: color, showLine: false,
    pointRadius: 4, pointHoverRadius: 6, pointStyle: style }, extra || {});
}

export function bytesAxis(extra) {
  return Object.assign({ beginAtZero: true, ticks: { callback: (value) => bytes(value) } }, extra || {});
}
