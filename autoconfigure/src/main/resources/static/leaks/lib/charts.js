/*
 * Chart.js, the way every chart on the page uses it: line charts over time, no animation,
 * one instance per canvas kept across polls, byte axes in binary units with round ticks, and
 * labelled levels (the max heap) that stay marked when the data is far below them.
 */
import { $ } from './dom.js';
import { bytes, clock, UNIT_BYTES } from './format.js';
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
    plugins: [levelMarksPlugin],
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

const STEP_MULTIPLES = [1, 2, 5, 10, 20, 50, 100, 200, 500];

const MAX_TICKS = 6;

/**
 * A byte axis from 0 to just above top, in steps of 1, 2 or 5 times a power of ten of one
 * binary unit, so every tick is a round figure in the same unit: { max, stepSize, unit }.
 */
export function byteScale(top) {
  const target = top > 0 ? top : 1;
  for (const [unit, size] of Object.entries(UNIT_BYTES)) {
    for (const multiple of STEP_MULTIPLES) {
      const step = multiple * size;
      if (target / step <= MAX_TICKS) {
        return { max: Math.ceil(target / step) * step, stepSize: step, unit: unit };
      }
    }
  }
  const step = 500 * UNIT_BYTES.TiB;
  return { max: Math.ceil(target / step) * step, stepSize: step, unit: 'TiB' };
}

/** Sets a byte axis of the chart to reach just above top, with round ticks. */
export function fitByteAxis(instance, axisId, top) {
  const scale = byteScale(top);
  const axis = instance.options.scales[axisId];
  axis.min = 0;
  axis.max = scale.max;
  axis.ticks.stepSize = scale.stepSize;
  axis.ticks.callback = (value) => bytes(value, { unit: scale.unit });
  return scale;
}

/** The largest y of the points of several series, or 0. */
export function highest(...series) {
  let top = 0;
  for (const points of series) {
    for (const point of points) {
      if (point.y > top) {
        top = point.y;
      }
    }
  }
  return top;
}

const levels = new WeakMap();

/**
 * Marks levels on the chart's y axis, each { value, label, color, dataset, labelInside }. The
 * line is the named dataset's; the mark is its label: on the line where the axis reaches the
 * level (unless labelInside is false), or at the top edge with an arrow where the level is
 * above the axis, so a limit far above the data is still in view.
 */
export function markLevels(instance, marks) {
  levels.set(instance, marks);
}

/**
 * Draws the marks of levels whose dataset is shown. What it drew is left on the canvas as
 * data-levels, a JSON list of { label, position: 'inside' | 'above' }.
 */
const levelMarksPlugin = {
  id: 'leaksLevelMarks',
  afterDatasetsDraw(instance) {
    const axis = instance.scales.y;
    const area = instance.chartArea;
    const context = instance.ctx;
    const drawn = [];
    let above = 0;
    for (const mark of levels.get(instance) || []) {
      const index = instance.data.datasets.findIndex((set) => set.label === mark.dataset);
      if (!(mark.value > 0) || (index >= 0 && !instance.isDatasetVisible(index))) {
        continue;
      }
      const inside = mark.value <= axis.max;
      const label = inside ? mark.label : mark.label + ' ↑';
      drawn.push({ label: label, position: inside ? 'inside' : 'above' });
      if (inside && mark.labelInside === false) {
        continue;
      }
      context.save();
      context.font = '600 12px ' + window.Chart.defaults.font.family;
      context.fillStyle = mark.color;
      context.strokeStyle = mark.color;
      if (inside) {
        // At the left end: the right end is where the trend meets the limit at its exhaustion.
        context.textAlign = 'left';
        context.textBaseline = 'bottom';
        context.fillText(label, area.left + 4, axis.getPixelForValue(mark.value) - 3);
      }
      else {
        // Far above the data: a short dashed stub in the level's colour and its label, one row
        // per level, at the top edge.
        const y = area.top + 2 + above * 15;
        above++;
        context.setLineDash([6, 4]);
        context.lineWidth = 1.5;
        context.beginPath();
        context.moveTo(area.right - 36, y + 0.5);
        context.lineTo(area.right, y + 0.5);
        context.stroke();
        context.textAlign = 'right';
        context.textBaseline = 'top';
        context.fillText(label, area.right - 40, y - 5);
      }
      context.restore();
    }
    instance.canvas.dataset.levels = JSON.stringify(drawn);
  }
};
