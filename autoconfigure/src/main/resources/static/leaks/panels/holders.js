/*
 * Who holds it: the latest analysis of a heap dump, drawn. For each class, the owners with a
 * bar for what they retain, the path from its GC root to the instances as boxes and arrows
 * (plain SVG), and the allocation sites where the application records them. An analysis is
 * started from a suspect or a diff row ("who holds it?") or the form here: it analyses the
 * latest dump, or takes one first after asking.
 */
import { $, code, el, setText, show, showEmpty } from '../lib/dom.js';
import { refusalText } from '../lib/api.js';
import { config } from '../lib/config.js';
import { bytes, clock, count, duration, toMillis } from '../lib/format.js';
import { showResult } from '../lib/feedback.js';
import { canAnalyse, onWhoHoldsIt } from '../lib/holders.js';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_WIDTH = 460;
const BOX_HEIGHT = 34;
const GAP = 30;

/** Characters that fit a box; longer labels are cut, and the whole text is the box's tooltip. */
const BOX_CHARS = 60;

/** The detail of the analysis shown, fetched once it is finished, and what is drawn now. */
let shown = { id: null, analysis: null };

let drawn = null;

/** Replaces the findings only when what they show changed, so a poll never redraws under a click. */
function drawFindings(key, build) {
  if (drawn === key) {
    return;
  }
  drawn = key;
  $('holders-findings').replaceChildren(...build());
}

function simple(className) {
  const stable = String(className).replace(/\$\$Lambda(\$\d+)?([+/]0x[0-9a-fA-F]+)?/, '$$$$Lambda');
  return stable.substring(stable.lastIndexOf('.') + 1);
}

function rootText(root) {
  switch (root.kind) {
    case 'STATIC_FIELD': return 'static field of ' + simple(root.className);
    case 'THREAD_LOCAL': return 'thread-local of thread \'' + root.thread + '\'';
    case 'THREAD_STACK': return 'stack of thread \'' + root.thread + '\'' + (root.frame ? ' at ' + root.frame : '');
    case 'THREAD': return 'thread \'' + root.thread + '\'';
    default: return root.kind.toLowerCase().replace(/_/g, ' ') + ' ' + simple(root.className);
  }
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The path as a column of boxes, root first, each arrow labelled with its reference. */
export function pathPicture(path, instances) {
  const boxes = [{ text: 'GC root: ' + rootText(path.root), kind: 'root' }]
    .concat(path.steps.map((step, index) => ({ text: simple(step.className),
      kind: index === path.steps.length - 1 ? 'target' : 'step',
      reference: step.referenceKind === 'ARRAY_ELEMENT' ? step.reference
        : step.reference ? (step.referenceKind === 'STATIC_FIELD' ? 'static ' : '') + step.reference : null })));
  const height = boxes.length * BOX_HEIGHT + (boxes.length - 1) * GAP + 4;
  const picture = svg('svg', { class: 'path-picture', width: String(BOX_WIDTH + 4), height: String(height),
    viewBox: '0 0 ' + (BOX_WIDTH + 4) + ' ' + height, role: 'img',
    'aria-label': 'path from a GC root: ' + boxes.map((box) => box.text).join(' → ') });
  const defs = svg('defs', {});
  const marker = svg('marker', { id: 'arrow-head', markerWidth: '10', markerHeight: '10', refX: '5', refY: '8',
    orient: 'auto' });
  marker.append(svg('path', { d: 'M0,0 L5,8 L10,0', class: 'arrow-head' }));
  defs.append(marker);
  picture.append(defs);
  boxes.forEach((box, index) => {
    const y = 2 + index * (BOX_HEIGHT + GAP);
    const group = svg('g', { class: 'box ' + box.kind });
    group.append(svg('rect', { x: '2', y: String(y), width: String(BOX_WIDTH), height: String(BOX_HEIGHT), rx: '6' }));
    const label = box.kind === 'target' && instances ? box.text + ' ×' + count(instances) : box.text;
    group.append(svg('title', {}, label));
    group.append(svg('text', { x: String(2 + BOX_WIDTH / 2), y: String(y + BOX_HEIGHT / 2 + 5),
      'text-anchor': 'middle' }, label.length > BOX_CHARS ? label.substring(0, BOX_CHARS - 1) + '…' : label));
    picture.append(group);
    if (index < boxes.length - 1) {
      const from = y + BOX_HEIGHT;
      const next = boxes[index + 1];
      picture.append(svg('line', { x1: String(2 + BOX_WIDTH / 2), y1: String(from),
        x2: String(2 + BOX_WIDTH / 2), y2: String(from + GAP - 2), class: 'arrow', 'marker-end': 'url(#arrow-head)' }));
      const reference = index === 0 ? null : boxes[index].reference;
      if (reference || (index === 0 && next)) {
        picture.append(svg('text', { x: String(2 + BOX_WIDTH / 2 + 10), y: String(from + GAP / 2 + 4),
          class: 'reference' }, index === 0 ? '' : reference));
      }
    }
  });
  return picture;
}

function ownerRows(finding) {
  const owners = finding.owners || [];
  const largest = Math.max(1, ...owners.map((owner) => owner.retainedBytes));
  return owners.map((owner) => {
    const steps = owner.path.steps;
    const holder = steps.length > 1 ? steps[steps.length - 2] : null;
    const heldBy = holder ? simple(holder.className) + (holder.reference ? '.' + holder.reference : '')
      : rootText(owner.path.root);
    return el('li', { className: 'owner', 'data-class': owner.className },
      el('div', { className: 'owner-text' }, code(heldBy), ' → ', code(simple(owner.className)),
        ' holds ' + count(owner.instances) + ', retains ' + (owner.exact ? '' : '≥ ') + bytes(owner.retainedBytes),
        owner.path.root.thread && owner.path.root.kind === 'THREAD_LOCAL'
          ? el('span', { className: 'muted', text: ' (thread ' + owner.path.root.thread + ')' }) : null),
      el('div', { className: 'bar' }, el('span', { style: 'width: '
        + Math.max(1, Math.round(100 * owner.retainedBytes / largest)) + '%' })));
  });
}

function allocationSites(finding) {
  if (!config.resources.has('allocations')) {
    return el('p', { className: 'muted small-text', text: 'Allocation sites come from a JFR recording '
      + '(POST ' + config.endpoint + '/allocations), which this application does not serve.' });
  }
  const sites = (finding.allocationSites || []);
  return sites.length ? el('table', { className: 'allocation-sites' },
    el('thead', null, el('tr', null, el('th', { text: 'Allocated at' }), el('th', { className: 'num', text: 'Samples' }),
      el('th', { className: 'num', text: 'Sampled bytes' }))),
    el('tbody', null, ...sites.map((site) => el('tr', null, el('td', null, code(site.site)),
      el('td', { className: 'num' }, count(site.count)), el('td', { className: 'num' }, bytes(site.bytes))))))
    : el('p', { className: 'muted small-text', text: 'No allocation sites recorded for this class yet: a JFR '
      + 'recording (POST ' + config.endpoint + '/allocations with this class) names the methods that allocate it.' });
}

function findingCard(finding, summary) {
  if (!finding.found) {
    return el('div', { className: 'finding', 'data-class': finding.className },
      el('h3', null, code(simple(finding.className))), el('p', { className: 'muted', text: summary }));
  }
  const group = (finding.paths || [])[0];
  return el('div', { className: 'finding', 'data-class': finding.className },
    el('h3', null, code(simple(finding.className)), el('span', { className: 'muted', text: ' '
      + count(finding.instances) + ' instances, retaining ' + (finding.retainedExact ? '' : '≥ ')
      + bytes(finding.retainedBytes) })),
    el('p', { className: 'summary small-text', text: summary }),
    finding.owners && finding.owners.length ? el('ul', { className: 'owners' }, ...ownerRows(finding))
      : el('p', { className: 'muted', text: 'No single object holds most instances.' }),
    group ? el('div', { className: 'path' }, el('div', { className: 'muted small-text', text: count(group.instances)
      + ' of ' + count(finding.reachable) + ' instances share this path'
      + (group.threads && group.threads.length ? ' (threads ' + group.threads.join(', ') + ')' : '') + ':' }),
    pathPicture(group.path, group.instances)) : null,
    allocationSites(finding));
}

async function fetchDetail(page, id) {
  const answer = await page.read('/analyses/' + encodeURIComponent(id));
  if (answer.ok && answer.body) {
    shown = { id: id, analysis: answer.body };
    page.render();
  }
}

async function analyse(page, classNames) {
  const classes = classNames.map((name) => name.trim()).filter(Boolean);
  const dumps = page.data('heapdumps');
  if (dumps && Array.isArray(dumps.dumps) && dumps.dumps.length === 0) {
    if (!window.confirm('There is no heap dump yet. Take a live one now? It runs a full collection and pauses '
      + 'the application while it writes every object, secrets included, to ' + dumps.directory + '.')) {
      return;
    }
    const taken = await page.write('POST', '/heapdumps', { live: true, label: 'who-holds-it' });
    if (!taken.ok) {
      if (!taken.refusedAccess) {
        showResult(refusalText('The heap dump', taken), 'error');
      }
      return;
    }
  }
  const answer = await page.write('POST', '/analyses',
    classes.length ? { heapDump: 'latest', classes: classes } : { heapDump: 'latest' });
  if (!answer.ok) {
    if (!answer.refusedAccess) {
      showResult(refusalText('The analysis', answer), 'error');
    }
    return;
  }
  shown = { id: null, analysis: null };
  $('holders').scrollIntoView({ block: 'start' });
  await page.reload('analyses');
}

export default {
  name: 'who holds it',

  init(page) {
    onWhoHoldsIt((className) => analyse(page, [className]));
    $('holders-form').addEventListener('submit', (event) => {
      event.preventDefault();
      analyse(page, $('holders-classes').value.split(','));
    });
  },

  render(page) {
    const listing = page.data('analyses');
    const analyses = listing && Array.isArray(listing.analyses) ? listing.analyses : [];
    show($('holders-form'), canAnalyse(page));
    const latest = analyses.length ? analyses[analyses.length - 1] : null;
    showEmpty($('holders-empty'), page.unavailable('analyses', 'Heap dump analysis')
      || (latest ? null : 'No analysis yet. Ask "who holds it?" on a suspect or a diff row, or name a class here.'));
    if (!latest) {
      setText('holders-status', '');
      drawFindings('none', () => []);
      return;
    }
    const when = latest.finishedAt || latest.startedAt || latest.requestedAt;
    setText('holders-status', latest.status
      + (latest.status === 'RUNNING' && latest.stepDescription ? ': ' + latest.stepDescription.toLowerCase() : '')
      + ' · ' + latest.heapDump + (latest.from ? ' compared with ' + latest.from : '') + ' · ' + clock(toMillis(when))
      + (latest.durationMillis ? ' · ' + duration(latest.durationMillis) : ''));
    $('holders').dataset.status = latest.status;
    if (latest.status === 'FAILED') {
      drawFindings(latest.id + ' failed', () => [el('p', { className: 'error', text: latest.reason || 'Failed.' })]);
      return;
    }
    if (latest.status !== 'DONE') {
      drawFindings(latest.id + ' waiting', () => [el('p', { className: 'muted', text: 'The analyzer works in a JVM '
        + 'of its own; the result shows here when it is done.' })]);
      return;
    }
    if (shown.id !== latest.id) {
      fetchDetail(page, latest.id);
      return;
    }
    const detail = shown.analysis;
    drawFindings(detail.id + ' done', () => detail.result
      ? detail.result.classes.map((finding, index) => findingCard(finding, (detail.summary || [])[index] || ''))
      : (detail.summary || []).map((line) => el('p', { className: 'summary', text: line })));
  }
};
