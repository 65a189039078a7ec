/*
 * The actions: Run GC, take a heap dump, apply a tuning preset. Offered only with write
 * access and where the JVM and the application provide them; each shows its result below.
 */
import { $, code, el, setText, show } from '../lib/dom.js';
import { refusalText } from '../lib/api.js';
import { bytes, duration } from '../lib/format.js';
import { runAction, showResult } from '../lib/feedback.js';

async function runGc(page) {
  await runAction($('gc-run'), 'Collecting…', async () => {
    const answer = await page.write('POST', '/gc', {});
    if (!answer.ok) {
      if (!answer.refusedAccess) {
        showResult(refusalText('GC', answer), 'error');
      }
      return;
    }
    const result = answer.body;
    if (!result.performed) {
      showResult(result.message || 'The JVM did not collect.', 'error');
      return;
    }
    const collections = (result.collections || []).filter((c) => c.count > 0)
      .map((c) => c.collector + ' ×' + c.count + ' (' + duration(c.timeMillis) + ')');
    showResult([
      el('strong', { text: 'Freed ' + bytes(result.freedBytes) }),
      ' in ' + duration(result.durationMillis) + ': heap used ' + bytes(result.heapBefore && result.heapBefore.used)
        + ' → ' + bytes(result.heapAfter && result.heapAfter.used) + '.',
      collections.length ? el('div', { className: 'muted small-text', text: collections.join(', ') }) : null,
      result.message ? el('div', { className: 'muted small-text', text: result.message }) : null
    ].filter(Boolean));
    await page.refreshNow();
  });
}

async function takeHeapDump(page, event) {
  event.preventDefault();
  const label = $('heapdump-label').value.trim();
  const body = { live: $('heapdump-live').checked };
  if (label) {
    body.label = label;
  }
  await runAction($('heapdump-take'), 'Writing a heap dump… (this pauses the application for about a second per '
    + 'few hundred MiB of live heap)', async () => {
    const answer = await page.write('POST', '/heapdumps', body);
    if (!answer.ok) {
      if (!answer.refusedAccess) {
        showResult(refusalText('The heap dump', answer), 'error');
      }
      return;
    }
    const dump = answer.body;
    const listing = page.data('heapdumps');
    const directory = listing && listing.directory;
    showResult([
      el('strong', { text: 'Wrote ' }), code(dump.name),
      ' (' + bytes(dump.sizeBytes) + (dump.compressed ? ', gzip' : '') + ') in ' + duration(dump.durationMillis)
        + (directory ? ' to ' + directory : '') + '.',
      ...(dump.warnings || []).map((warning) => el('div', { className: 'small-text', text: warning })),
      dump.deleted && dump.deleted.length ? el('div', { className: 'muted small-text',
        text: 'Deleted to stay within the limits: ' + dump.deleted.join(', ') }) : null,
      el('div', { className: 'muted small-text',
        text: 'It contains every secret in the heap: open it with Eclipse MAT or VisualVM on a trusted machine.' })
    ].filter(Boolean));
    $('heapdump-label').value = '';
    await page.refreshNow();
  });
}

async function applyPreset(page, event) {
  event.preventDefault();
  const preset = $('tuning-preset').value;
  await runAction($('tuning-apply'), 'Applying ' + preset + '…', async () => {
    const answer = await page.write('POST', '/tuning', { preset: preset });
    if (!answer.ok) {
      if (!answer.refusedAccess) {
        showResult(refusalText('The preset', answer), 'error');
      }
      return;
    }
    const applied = answer.body;
    const items = (applied.changes || []).map((change) => el('li', null,
      code(change.flag), ': ' + change.before + ' → ' + change.after));
    showResult([
      el('strong', { text: 'Preset ' + preset + ': ' + (applied.message || 'applied') + '.' }),
      items.length ? el('ul', null, ...items) : el('div', { className: 'muted small-text',
        text: 'No flag needed to change.' }),
      ...(applied.skipped || []).map((skipped) => el('div', { className: 'muted small-text',
        text: 'Left ' + skipped.flag + ' alone: ' + skipped.reason })),
      ...(applied.warnings || []).map((warning) => el('div', { className: 'small-text', text: warning }))
    ].filter(Boolean));
    await page.refreshNow();
  });
}

/** The presets this JVM offers, each described by what it would set here. */
function renderPresets(presets) {
  if (!Array.isArray(presets) || !presets.length) {
    return;
  }
  const select = $('tuning-preset');
  const key = JSON.stringify(presets);
  if (select.dataset.key === key) {
    return;
  }
  const chosen = select.value;
  // The option says what the preset is for in a few words; the hint below says the rest.
  select.replaceChildren(...presets.map((preset) => el('option', { value: preset.name },
    preset.name + ': ' + String(preset.description).split(/ \(|;/)[0])));
  if (presets.some((preset) => preset.name === chosen)) {
    select.value = chosen;
  }
  select.dataset.key = key;
  describePreset(presets);
}

function describePreset(presets) {
  const preset = (presets || []).find((candidate) => candidate.name === $('tuning-preset').value);
  const values = preset ? Object.entries(preset.values || {}).map(([flag, value]) => flag + '=' + value) : [];
  setText('tuning-preset-hint', preset ? preset.description + (values.length ? '. Sets ' + values.join(', ')
    : '') + '.' : '');
}

function presetsOf(page) {
  const tuning = page.data('tuning');
  return tuning ? tuning.presets : null;
}

export default {
  name: 'actions',

  init(page) {
    $('gc-run').addEventListener('click', () => runGc(page));
    $('heapdump-form').addEventListener('submit', (event) => takeHeapDump(page, event));
    $('tuning-form').addEventListener('submit', (event) => applyPreset(page, event));
    $('tuning-preset').addEventListener('change', () => describePreset(presetsOf(page)));
  },

  render(page) {
    const writable = page.writable;
    const readOnly = $('actions-readonly');
    readOnly.textContent = writable ? '' : 'No actions: ' + (page.readOnly ? page.readOnly.hint : 'read-only access.');
    show(readOnly, !writable);
    show($('actions-controls'), writable);
    const supports = page.supports;
    show($('gc-run').parentElement, writable);
    show($('heapdump-form'), writable && supports.heapDumps !== false && !!page.data('heapdumps'));
    show($('tuning-form'), writable && supports.tuning !== false && !!page.data('tuning'));
    $('gc-run').title = supports.explicitGc === false
      ? 'This JVM ignores System.gc() (-XX:+DisableExplicitGC): the request will say so.' : '';
    renderPresets(presetsOf(page));
  }
};
