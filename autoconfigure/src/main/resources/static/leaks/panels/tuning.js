/*
 * GC tuning: every manageable VM flag with its value now and at start-up, and whether it
 * does anything under the running collector. The presets are applied from the actions.
 */
import { $, code, el, replaceRows, setText, show, showEmpty } from '../lib/dom.js';
import { bytes } from '../lib/format.js';

function flagValue(flag, value) {
  return flag.type === 'size' && /^\d+$/.test(value) && Number(value) > 0 ? bytes(Number(value)) : value;
}

function flagRow(flag, collector) {
  return el('tr', { 'data-flag': flag.name },
    el('td', { title: flag.purpose || '' }, code(flag.name)),
    el('td', { className: flag.changed ? 'pos' : null, title: flag.value + ' (' + flag.origin + ')' },
      flagValue(flag, flag.value)),
    el('td', { className: 'hide-narrow muted' }, flag.startupValue === null ? '' : flagValue(flag,
      flag.startupValue)),
    el('td', { className: 'muted', title: flag.effect || '' }, flag.effective === false
      ? 'none under ' + (collector || 'this collector') : flag.changed ? 'changed at runtime' : ''));
}

export default {
  name: 'tuning',

  render(page) {
    const view = page.data('tuning');
    const flags = view && Array.isArray(view.flags) ? view.flags : [];
    showEmpty($('tuning-empty'), page.unavailable('tuning', 'GC tuning',
      'This JVM does not let flags change at runtime (no HotSpot diagnostic MBean).')
      || (view && !flags.length ? 'No manageable flags reported.' : null));
    show($('tuning-table'), flags.length > 0);
    setText('tuning-collector', view && view.collector ? 'collector: ' + view.collector : '');
    replaceRows($('tuning-list'), [flags, view && view.collector],
      () => flags.map((flag) => flagRow(flag, view.collector)));
  }
};
