/*
 * The verdict banner: the trend analysis of GET /trend in a headline, its reason and evidence,
 * the suspect classes, and the verdicts outside the heap.
 */
import { $, code, el, setText, show } from '../lib/dom.js';
import { bytes, clock, count, duration, rate, signedBytes, signedCount, toMillis } from '../lib/format.js';
import { exhaustionOf } from '../lib/series.js';

/** 'full in ~2 h 5 min (around 14:02:10, between 13:40:00 and 14:30:00)', or '' without a projection. */
function exhaustionPhrase(verdict, now) {
  const exhaustion = exhaustionOf(verdict);
  if (!exhaustion) {
    return '';
  }
  return 'full in ~' + duration(exhaustion.time - now) + ' (around ' + clock(exhaustion.time)
    + (exhaustion.latest ? ', between ' + clock(exhaustion.earliest) + ' and ' + clock(exhaustion.latest)
      : ', at the earliest ' + clock(exhaustion.earliest)) + ')';
}

/** The banner's headline for a verdict: { label, summary }, the one place that words it. */
export function headline(verdict, now = Date.now()) {
  const status = String(verdict.status);
  const label = status.replace(/_/g, ' ');
  if (status === 'LEAK_SUSPECTED') {
    return { label: label, summary: ['Heap growing ' + rate(verdict.growthBytesPerMinute),
      exhaustionPhrase(verdict, now),
      verdict.suspectedAt ? 'suspected since ' + clock(toMillis(verdict.suspectedAt)) : ''].filter(Boolean).join(' · ') };
  }
  if (status === 'STABLE') {
    return { label: label, summary: 'The heap after collections is not growing.' };
  }
  if (verdict.suspicion) {
    return { label: label, summary: 'Young collections show growth: live histograms are checking it before any verdict.' };
  }
  return { label: label, summary: 'Collecting evidence before a verdict.' };
}

/** The live histograms under way: the one thing the analysis does that costs a full GC each. */
function progressText(verdict) {
  const histograms = verdict.histograms || {};
  const round = histograms.round;
  if (round) {
    return 'Taking live histograms to ' + (round.purpose === 'confirm' ? 'confirm the growth' : 'name the suspects')
      + ': ' + round.taken + ' of ' + round.count + '.';
  }
  return histograms.lastRefutation ? 'Last suspicion refuted: ' + histograms.lastRefutation : '';
}

function evidenceText(evidence) {
  if (!evidence || !evidence.points) {
    return '';
  }
  return 'Evidence: ' + count(evidence.points) + ' points' + (evidence.kinds.length ? ' ('
    + evidence.kinds.join(', ').toLowerCase() + ')' : '') + ' over ' + duration(evidence.spanSeconds * 1000)
    + ', trend statistic ' + evidence.trendZ + '.';
}

function othersText(verdict) {
  const others = [['metaspace', 'Metaspace', rate], ['threads', 'Threads', (perMinute) => count(perMinute)
    + ' threads/min']].filter(([name]) => verdict[name]).map(([name, label, unit]) => {
    const other = verdict[name];
    return label + ': ' + other.status.replace(/_/g, ' ') + (other.status === 'LEAK_SUSPECTED'
      ? ' (+' + unit(other.growthPerMinute) + (other.projectedExhaustion ? ', limit around '
        + clock(toMillis(other.projectedExhaustion)) : '') + ')' : '');
  });
  const notes = (verdict.notes || []).concat(verdict.warnings > 0 ? [verdict.warnings + ' collection-usage '
    + 'warning' + (verdict.warnings === 1 ? '' : 's') + ' logged'] : []);
  return others.concat(notes).join(' · ');
}

function renderNoVerdict(page) {
  const trend = page.resource('trend');
  $('verdict').dataset.status = 'UNKNOWN';
  setText('verdict-status', 'No verdict');
  if (trend.missing) {
    setText('verdict-summary', 'No trend analysis here.');
    setText('verdict-detail', page.unavailable('trend', 'A verdict') + ' Meanwhile, take a snapshot, exercise '
      + 'the service, take another and compare them below: what keeps growing is the suspect.');
  }
  else if (trend.error) {
    setText('verdict-summary', 'The verdict could not be read.');
    setText('verdict-detail', 'GET ' + page.config.endpoint + '/trend answered ' + trend.error.status + ': '
      + trend.error.message);
  }
  else {
    setText('verdict-summary', 'Waiting for the first verdict…');
    setText('verdict-detail', '');
  }
  show($('verdict-suspects'), false);
  setText('verdict-others', '');
}

export default {
  name: 'verdict',

  render(page) {
    const verdict = page.data('trend');
    if (!verdict) {
      renderNoVerdict(page);
      return;
    }
    const banner = $('verdict');
    const head = headline(verdict);
    banner.dataset.status = String(verdict.status);
    setText('verdict-status', head.label);
    setText('verdict-summary', head.summary);
    setText('verdict-detail', [verdict.reason, progressText(verdict), evidenceText(verdict.evidence)]
      .filter(Boolean).join(' '));
    const suspects = verdict.suspects || [];
    $('verdict-suspects').replaceChildren(...suspects.map((suspect) => el('li', {
      className: suspect.jdk ? 'muted' : null, 'data-class': suspect.className },
    code(suspect.displayName), ' ',
    el('span', { className: 'muted', text: signedCount(suspect.instancesDelta) + ' instances, '
      + signedBytes(suspect.bytesDelta) + ' (now ' + count(suspect.instances) + ', ' + bytes(suspect.bytes) + ')' }))));
    show($('verdict-suspects'), suspects.length > 0);
    setText('verdict-others', othersText(verdict));
    document.title = (verdict.status === 'LEAK_SUSPECTED' ? '⚠ leak suspected · ' : '') + 'leaks · memory dashboard';
  }
};
