/*
 * The verdict banner: the trend analysis of GET /trend in a headline, its reason and evidence,
 * the suspect classes, and the verdicts outside the heap.
 */
import { $, code, el, replaceRows, setText, show } from '../lib/dom.js';
import { bytes, clock, count, duration, rate, signedBytes, signedCount, toMillis } from '../lib/format.js';
import { canAnalyse, whoHoldsItButton } from '../lib/holders.js';
import { exhaustionOf } from '../lib/series.js';

// As GET /trend documents its evidence: a trend statistic above about 2.3 is a real rise; a
// pace near 0 is growth levelling off, 1 a steady pace (TrendSettings.MIN_TREND_Z, KEEP_PACE).
const REAL_RISE_Z = 2.33;
const KEEP_PACE = 0.5;

/**
 * What the analysis found, named from today's /trend fields: 'leak', 'checking' (young
 * collections show growth, live histograms are measuring it), 'rising' (a steady rise with a
 * rate, not called a leak yet), 'levelling' (rose, then levelled off), 'flat', 'collecting'
 * (no evidence yet), or 'unknown' for a status this page does not know.
 */
export function findingOf(verdict) {
  const status = String(verdict.status);
  const evidence = verdict.evidence || {};
  const growing = verdict.growthBytesPerMinute > 0 && evidence.points > 0;
  if (status === 'LEAK_SUSPECTED') {
    return 'leak';
  }
  if (verdict.suspicion) {
    return 'checking';
  }
  if (status === 'COLLECTING') {
    // The analyzer says COLLECTING over evidence only for a steady rise that is not yet a leak.
    return growing ? 'rising' : 'collecting';
  }
  if (status === 'STABLE') {
    const rose = growing && evidence.trendZ >= REAL_RISE_Z;
    return rose && evidence.pace < KEEP_PACE ? 'levelling' : rose ? 'rising' : 'flat';
  }
  return 'unknown';
}

/** 'full in ~2 h 5 min (around 14:02:10, between 13:40:00 and 14:30:00)', or '' without a projection. */
function exhaustionPhrase(verdict, now) {
  const exhaustion = exhaustionOf(verdict);
  if (!exhaustion || !(exhaustion.time > now)) {
    return '';
  }
  return 'full in ~' + duration(exhaustion.time - now) + ' (around ' + clock(exhaustion.time)
    + (exhaustion.latest ? ', between ' + clock(exhaustion.earliest) + ' and ' + clock(exhaustion.latest)
      : ', at the earliest ' + clock(exhaustion.earliest)) + ')';
}

function span(verdict) {
  const seconds = verdict.evidence && verdict.evidence.spanSeconds;
  return seconds > 0 ? ' over ' + duration(seconds * 1000) : '';
}

const HEADLINES = {
  leak: (verdict, now) => ({
    label: 'LEAK SUSPECTED',
    summary: ['Heap growing ' + rate(verdict.growthBytesPerMinute), exhaustionPhrase(verdict, now),
      verdict.suspectedAt ? 'suspected since ' + clock(toMillis(verdict.suspectedAt)) : '']
  }),
  checking: (verdict) => ({
    label: 'CHECKING',
    summary: [verdict.growthBytesPerMinute > 0 ? 'Heap rising ' + rate(verdict.growthBytesPerMinute)
      + ' after young collections' : 'Young collections show growth',
    'live histograms are checking it before a verdict']
  }),
  rising: (verdict, now) => {
    const exhaustion = exhaustionPhrase(verdict, now);
    return {
      label: 'HEAP RISING',
      summary: ['Heap after collections rising ' + rate(verdict.growthBytesPerMinute) + span(verdict),
        exhaustion ? exhaustion + ' at this pace' : '', 'not called a leak yet']
    };
  },
  levelling: (verdict) => ({
    label: 'LEVELLING OFF',
    summary: ['Heap after collections rose ' + rate(verdict.growthBytesPerMinute) + span(verdict)
      + ' and is levelling off, as warm-up and filling caches do']
  }),
  flat: () => ({ label: 'STABLE', summary: ['The heap after collections is not growing.'] }),
  collecting: () => ({ label: 'COLLECTING', summary: ['Collecting evidence before a verdict.'] }),
  unknown: (verdict) => ({ label: String(verdict.status).replace(/_/g, ' '), summary: [] })
};

/**
 * The banner's headline for a verdict: { finding, label, summary }. The one place that words
 * it: when /trend names its finding and severity itself, map them here.
 */
export function headline(verdict, now = Date.now()) {
  const finding = findingOf(verdict);
  const { label, summary } = HEADLINES[finding](verdict, now);
  return { finding: finding, label: label, summary: summary.filter(Boolean).join(' · ') };
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
  $('verdict').dataset.finding = 'none';
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
    banner.dataset.finding = head.finding;
    setText('verdict-status', head.label);
    setText('verdict-summary', head.summary);
    setText('verdict-detail', [verdict.reason, progressText(verdict), evidenceText(verdict.evidence)]
      .filter(Boolean).join(' '));
    const suspects = verdict.suspects || [];
    replaceRows($('verdict-suspects'), [suspects, canAnalyse(page)], () => suspects.map((suspect) => el('li', {
      className: suspect.jdk ? 'muted' : null, 'data-class': suspect.className },
    code(suspect.displayName), ' ',
    el('span', { className: 'muted', text: signedCount(suspect.instancesDelta) + ' instances, '
      + signedBytes(suspect.bytesDelta) + ' (now ' + count(suspect.instances) + ', ' + bytes(suspect.bytes) + ')' }),
    ' ', whoHoldsItButton(page, suspect.className))));
    show($('verdict-suspects'), suspects.length > 0);
    setText('verdict-others', othersText(verdict));
    document.title = (head.finding === 'leak' ? '⚠ leak suspected · ' : '') + 'leaks · memory dashboard';
  }
};
