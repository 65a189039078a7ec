/*
 * The heap dumps in the dump directory: name, time, size, retention limits, delete, and a
 * download link only where the application allows downloads and the page may write.
 */
import { $, code, el, replaceRows, setText, show, showEmpty } from '../lib/dom.js';
import { refusalText } from '../lib/api.js';
import { bytes, clock, count, toMillis } from '../lib/format.js';
import { showResult } from '../lib/feedback.js';

async function deleteHeapDump(page, name) {
  const answer = await page.write('DELETE', '/heapdumps/' + encodeURIComponent(name));
  if (!answer.ok && !answer.refusedAccess) {
    showResult(refusalText('Deleting ' + name, answer), 'error');
  }
  await page.reload('heapdumps');
}

function dumpRow(page, dump, downloadable) {
  return el('tr', { 'data-name': dump.name },
    el('td', { className: 'class-name' }, downloadable
      ? el('a', { href: page.config.endpoint + '/heapdumps/' + encodeURIComponent(dump.name), download: dump.name },
        code(dump.name)) : code(dump.name),
    dump.live ? null : el('span', { className: 'muted', text: ' (all objects)' }),
    dump.automatic ? el('span', { className: 'muted', text: ' (taken on a suspected leak)' }) : null),
    el('td', { title: dump.createdAt }, clock(toMillis(dump.createdAt))),
    el('td', { className: 'num' }, bytes(dump.sizeBytes)),
    el('td', null, page.writable ? el('button', { type: 'button', className: 'link', text: 'delete',
      'aria-label': 'delete heap dump ' + dump.name, onclick: () => deleteHeapDump(page, dump.name) }) : null));
}

export default {
  name: 'heap dumps',

  render(page) {
    const listing = page.data('heapdumps');
    const dumps = listing && Array.isArray(listing.dumps) ? listing.dumps : [];
    showEmpty($('heapdump-empty'), page.unavailable('heapdumps', 'The heap dump list',
      'This JVM cannot write heap dumps (no HotSpot diagnostic MBean).')
      || (dumps.length ? null : page.writable
        ? 'No heap dumps yet. Take one with the Actions above when a leak is suspected.' : 'No heap dumps yet.'));
    show($('heapdump-table'), dumps.length > 0);
    setText('heapdump-figures', listing ? count(dumps.length) + ' of ' + count(listing.maxCount) + ' kept, '
      + bytes(listing.totalSizeBytes) + ' of ' + bytes(listing.maxTotalSizeBytes) + ' in ' + listing.directory
      + (listing.writing ? ' · writing one now' : '') : '');
    // Downloads hand out every secret in the heap: offered only where the application allows them.
    const downloadable = !!listing && listing.download === true && page.writable;
    replaceRows($('heapdump-list'), [dumps, downloadable, page.writable],
      () => dumps.map((dump) => dumpRow(page, dump, downloadable)));
  }
};
