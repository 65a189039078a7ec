/*
 * Snapshots and their diff: take a labelled class histogram, list and delete them, pick
 * from and to, and compare them into a table of what grew, sortable by bytes or instances,
 * with JDK classes dimmed and the top growers of the application's own classes highlighted.
 */
import { $, code, el, replaceRows, setText, show } from '../lib/dom.js';
import { refusalText } from '../lib/api.js';
import { bytes, clock, count, duration, isNumber, signedBytes, signedCount, toMillis } from '../lib/format.js';
import { whoHoldsItButton } from '../lib/holders.js';
import { runAction, showResult } from '../lib/feedback.js';

const DIFF_TOP = 30;
const HIGHLIGHTED_GROWERS = 3;
const GROWER_SHARE = 0.1;

const selection = { from: null, to: null };

const diffState = { diff: null, sort: 'bytes' };

function snapshotsOf(page) {
  const listing = page.data('snapshots');
  return listing && Array.isArray(listing.snapshots) ? listing.snapshots : [];
}

function renderSnapshots(page) {
  const snapshots = snapshotsOf(page);
  const listing = page.data('snapshots') || {};
  const writable = page.writable;
  show($('snapshot-form'), writable);
  setText('snapshot-count', snapshots.length + (isNumber(listing.maxCount) ? ' of ' + listing.maxCount + ' kept' : ''));
  const empty = $('snapshot-empty');
  if (!snapshots.length) {
    empty.textContent = writable
      ? 'No snapshots yet. Take one now (say "baseline"), exercise the service, take another, then compare them.'
      : 'No snapshots yet, and read-only access cannot take them: take them with POST ' + page.config.endpoint
        + '/snapshots where write access is granted, then compare them here.';
  }
  show(empty, snapshots.length === 0);
  show($('snapshot-table'), snapshots.length > 0);
  const labels = snapshots.map((s) => s.label);
  if (!labels.includes(selection.to)) {
    selection.to = labels.length ? labels[labels.length - 1] : null;
  }
  if (!labels.includes(selection.from) || selection.from === selection.to) {
    const others = labels.filter((label) => label !== selection.to);
    selection.from = others.length ? others[others.length - 1] : null;
  }
  replaceRows($('snapshot-list'), [snapshots, writable, selection.from, selection.to],
    () => snapshots.map((snapshot) => snapshotRow(page, snapshot)));
  $('compare').disabled = !(selection.from && selection.to && selection.from !== selection.to);
}

function snapshotRow(page, snapshot) {
  const taken = toMillis(snapshot.takenAt);
  const radio = (name, checked) => el('input', {
    type: 'radio', name: name, value: snapshot.label, checked: checked,
    'aria-label': 'compare ' + name + ' ' + snapshot.label,
    onchange: () => {
      selection[name] = snapshot.label;
      renderSnapshots(page);
    }
  });
  return el('tr', { 'data-label': snapshot.label },
    el('td', null, radio('from', selection.from === snapshot.label)),
    el('td', null, radio('to', selection.to === snapshot.label)),
    el('td', null, code(snapshot.label), snapshot.liveOnly ? null : el('span', { className: 'muted',
      text: ' (all objects)', title: 'Counted garbage too: taken without a GC' })),
    el('td', { title: snapshot.takenAt }, clock(taken)),
    el('td', { className: 'num' }, count(snapshot.classCount)),
    el('td', { className: 'num' }, count(snapshot.totalInstances)),
    el('td', { className: 'num' }, bytes(snapshot.totalBytes)),
    el('td', null, page.writable ? el('button', { type: 'button', className: 'link', text: 'delete',
      'aria-label': 'delete snapshot ' + snapshot.label, onclick: () => deleteSnapshot(page, snapshot.label) })
      : null));
}

async function takeSnapshot(page, event) {
  event.preventDefault();
  const input = $('snapshot-label');
  const label = input.value.trim();
  if (!input.reportValidity()) {
    return;
  }
  const liveOnly = $('snapshot-live').checked;
  await runAction($('snapshot-take'), liveOnly ? 'Taking a live snapshot (forces a full GC)…'
    : 'Taking a snapshot of all objects…', async () => {
    const answer = await page.write('POST', '/snapshots', { label: label, liveOnly: liveOnly });
    if (!answer.ok) {
      if (!answer.refusedAccess) {
        showResult(refusalText('The snapshot', answer), 'error');
      }
      return;
    }
    const taken = answer.body;
    const previous = selection.to;
    showResult([
      el('strong', { text: 'Snapshot ' }), code(taken.label), el('strong', { text: ' taken' }),
      ' in ' + duration(taken.durationMillis) + ': ' + count(taken.classCount) + ' classes, '
        + count(taken.totalInstances) + ' instances, ' + bytes(taken.totalBytes) + '.',
      taken.evicted && taken.evicted.length ? el('div', { className: 'muted small-text',
        text: 'Evicted to stay within the limit: ' + taken.evicted.join(', ') }) : null
    ].filter(Boolean));
    input.value = '';
    await page.reload('snapshots');
    selection.to = taken.label;
    selection.from = previous && previous !== taken.label ? previous : null;
    renderSnapshots(page);
  });
}

async function deleteSnapshot(page, label) {
  const answer = await page.write('DELETE', '/snapshots/' + encodeURIComponent(label));
  if (!answer.ok && !answer.refusedAccess) {
    showResult(refusalText('Deleting ' + label, answer), 'error');
  }
  await page.reload('snapshots');
}

async function compare(page) {
  if (!(selection.from && selection.to)) {
    return;
  }
  const button = $('compare');
  button.disabled = true;
  const query = '?from=' + encodeURIComponent(selection.from) + '&to=' + encodeURIComponent(selection.to) + '&sort='
    + diffState.sort + '&top=' + DIFF_TOP + '&excludeJdk=' + $('compare-hide-jdk').checked;
  try {
    const answer = await page.read('/compare' + query);
    if (!answer.ok) {
      show($('diff'), false);
      showResult(refusalText('The comparison', answer), 'error');
      return;
    }
    diffState.diff = answer.body;
    renderDiff(page);
  }
  finally {
    button.disabled = false;
  }
}

function sign(value) {
  return value > 0 ? 'pos' : value < 0 ? 'neg' : '';
}

/**
 * The rows to highlight: the application's own classes that grew by more than a one-off (a
 * new cache entry, the snapshot just taken) and by at least a tenth of the top grower, so
 * framework caches warming up beside a real leak are not marked as if they leaked too.
 */
export function growers(rows, sort) {
  const key = sort === 'instances' ? 'instancesDelta' : 'bytesDelta';
  const own = rows.filter((row) => !row.jdk && row[key] > 0 && row.instancesDelta > 1)
    .sort((a, b) => b[key] - a[key]);
  const threshold = own.length ? own[0][key] * GROWER_SHARE : 0;
  return new Set(own.filter((row) => row[key] >= threshold).slice(0, HIGHLIGHTED_GROWERS));
}

function renderDiff(page) {
  const diff = diffState.diff;
  if (!diff) {
    return;
  }
  show($('diff'), true);
  setText('diff-title', 'What grew from ' + diff.from + ' to ' + diff.to);
  const totals = diff.totals || {};
  setText('diff-totals', 'total ' + signedCount(totals.instancesTo - totals.instancesFrom) + ' instances, '
    + signedBytes(totals.bytesTo - totals.bytesFrom) + ' · ' + count(diff.classesAdded) + ' classes added, '
    + count(diff.classesRemoved) + ' removed · over ' + duration(toMillis(diff.toTakenAt) - toMillis(diff.fromTakenAt)));
  $('diff-warnings').replaceChildren(...(diff.warnings || []).map((warning) => el('li', { text: warning })));
  for (const button of document.querySelectorAll('#diff-table button.sort')) {
    button.setAttribute('aria-pressed', String(button.dataset.sort === diff.sort));
  }
  const highlighted = growers(diff.rows || [], diff.sort);
  const rows = (diff.rows || []).map((row) => el('tr', {
    className: [row.jdk ? 'jdk' : '', highlighted.has(row) ? 'grower' : ''].join(' ').trim() || null,
    'data-class': row.className
  },
  el('td', { className: 'class-name', title: row.className + (row.module ? ' (' + row.module + ')' : '') },
    row.displayName || row.className,
    row.ambiguous ? el('span', { className: 'muted', text: ' (several class loaders)' }) : null,
    row.jdk ? null : ' ', row.jdk ? null : whoHoldsItButton(page, row.className)),
  el('td', { className: 'num ' + sign(row.instancesDelta) }, signedCount(row.instancesDelta)),
  el('td', { className: 'num hide-narrow muted' }, count(row.instancesFrom) + ' → ' + count(row.instancesTo)),
  el('td', { className: 'num ' + sign(row.bytesDelta) }, signedBytes(row.bytesDelta)),
  el('td', { className: 'num hide-narrow muted' }, bytes(row.bytesFrom) + ' → ' + bytes(row.bytesTo))));
  if (!rows.length) {
    rows.push(el('tr', null, el('td', { colspan: '5', className: 'muted',
      text: 'Nothing changed between these snapshots.' })));
  }
  $('diff-rows').replaceChildren(...rows);
}

export default {
  name: 'snapshots',

  init(page) {
    $('snapshot-form').addEventListener('submit', (event) => takeSnapshot(page, event));
    $('compare').addEventListener('click', () => compare(page));
    $('compare-hide-jdk').addEventListener('change', () => {
      if (diffState.diff) {
        compare(page);
      }
    });
    for (const button of document.querySelectorAll('#diff-table button.sort')) {
      button.addEventListener('click', () => {
        diffState.sort = button.dataset.sort;
        compare(page);
      });
    }
  },

  render(page) {
    renderSnapshots(page);
  }
};
