/*
 * The verdict banner: the trend analysis of GET /trend in a headline that follows its finding,
 * the analysis' own reason and evidence, the suspect classes, and the verdicts outside the heap.
 */
import { $, code, el, replaceRows, setText, show } from '../lib/dom.js';
import { bytes, clock, count, duration, durationMillis, rate, roughDuration, signedBytes, signedCount, toMillis }
  from '../lib/format.js';
import { canAnalyse, whoHoldsItButton } from '../lib/holders.js';
import { exhaustionOf } from '../lib/series.js';

/** The kind of banner each finding of GET /trend makes: what a user must make of it. */
const KINDS = {
  GROWING: 'leak', FILLS_SOON: 'leak', PRESSURE: 'leak',
  FILLING: 'filling',
  CONFIRMING: 'confirming',
  WARMING_UP: 'collecting', NEEDS_OBSERVATIONS: 'collecting', NEEDS_SPAN: 'collecting',
  NEEDS_OLD_COLLECTION: 'collecting',
  NOT_JUDGED: 'not-judged',
  FLAT: 'no-leak', LEVELLING_OFF: 'no-leak', REFUTED: 'no-leak'
};

/** What a finding in the "collecting" kind still lacks. */
const MISSING = {
  WARMING_UP: 'warming up',
  NEEDS_OBSERVATIONS: 'too few collections yet',
  NEEDS_SPAN: 'the collections span too short a time yet',
  NEEDS_OLD_COLLECTION: 'waiting for an old-generation collection'
};

// Older servers name no finding: as they documented their evidence, a trend statistic above
// about 2.3 is a real rise, a pace near 0 growth levelling off (TrendSettings.MIN_TREND_Z, KEEP_PACE).
const REAL_RISE_Z = 2.33;
const KEEP_PACE = 0.5;

/** The finding of a server that sends only a status, or null for a status this page does not know. */
function findingFromStatus(verdict) {
  const evidence = verdict.evidence || {};
  const growing = verdict.growthBytesPerMinute > 0 && evidence.points > 0;
  const rose = growing && evidence.trendZ >= REAL_RISE_Z;
  switch (String(verdict.status)) {
    case 'LEAK_SUSPECTED': return 'GROWING';
    case 'COLLECTING': return verdict.suspicion ? 'CONFIRMING' : growing ? 'FILLING' : null;
    case 'STABLE': return verdict.suspicion ? 'CONFIRMING' : rose && evidence.pace < KEEP_PACE ? 'LEVELLING_OFF'
      : rose ? 'FILLING' : 'FLAT';
    default: return null;
  }
}

/**
 * What the analysis found: { finding, kind, known }. The finding is GET /trend's own, or, from
 * a server that sends only a status, the nearest one; known is the finding this page words
 * (the nearest by status for a finding it does not know); the kind is 'leak', 'filling',
 * 'confirming', 'collecting', 'no-leak', 'not-judged', or 'unknown' for a status it does not
 * know. A LEAK_SUSPECTED status is always a leak: the page never says less than the server.
 */
export function findingOf(verdict) {
  const named = typeof verdict.finding === 'string' && verdict.finding ? verdict.finding : null;
  const known = named && KINDS[named] ? named : findingFromStatus(verdict);
  const status = String(verdict.status);
  const kind = status === 'LEAK_SUSPECTED' ? 'leak' : known ? KINDS[known]
    : status === 'COLLECTING' ? 'collecting' : 'unknown';
  return { finding: named || known, kind: kind, known: known };
}

/**
 * When the heap is full at the fitted pace: 'full in ~53 min (around 14:02:10, between 13:59:00
 * and 14:06:40)', or without the time left ('full around ...') for a headline that gives it;
 * '' without a projection ahead.
 */
function exhaustionPhrase(verdict, now, { withTimeLeft = true } = {}) {
  const exhaustion = exhaustionOf(verdict);
  if (!exhaustion || !(exhaustion.time > now)) {
    return '';
  }
  const [time, earliest, latest] = [exhaustion.time, exhaustion.earliest, exhaustion.latest].map(clock);
  // So close to exhaustion the range shrinks to the same second: then it says nothing more.
  const range = !exhaustion.latest ? 'at the earliest ' + earliest
    : earliest === time && latest === time ? '' : 'between ' + earliest + ' and ' + latest;
  return withTimeLeft ? 'full in ~' + duration(exhaustion.time - now) + ' (around ' + time + (range ? ', ' + range : '')
    + ')' : 'full around ' + time + (range ? ' (' + range + ')' : '');
}

function atThisPace(phrase) {
  return phrase ? phrase + ' at this pace' : '';
}

/** 'fills in about 2 h (hours)': the time left at its pace, and the severity a user routes on. */
function urgency(verdict, finding, now) {
  const exhaustion = exhaustionOf(verdict);
  const left = exhaustion && exhaustion.time > now ? 'fills in about ' + roughDuration(exhaustion.time - now)
    : finding === 'PRESSURE' ? 'collections no longer free memory' : exhaustion ? 'fills about now' : '';
  const severity = verdict.severity ? '(' + String(verdict.severity).toLowerCase() + ')' : '';
  return [left, severity].filter(Boolean).join(' ');
}

function span(verdict) {
  const seconds = verdict.evidence && verdict.evidence.spanSeconds;
  return seconds > 0 ? ' over ' + duration(seconds * 1000) : '';
}

function rising(verdict, what) {
  return verdict.growthBytesPerMinute > 0 ? what + ' rising ' + rate(verdict.growthBytesPerMinute) + span(verdict) : '';
}

/** The round of live histograms under way, in a few words. */
function roundPhrase(verdict) {
  const round = verdict.histograms && verdict.histograms.round;
  return round ? 'live histogram ' + round.taken + ' of ' + round.count + ' taken' : '';
}

/** The headline's title and its figures, by kind, for the finding this page knows. */
const HEADLINES = {
  leak: (verdict, finding, now) => {
    const urgent = urgency(verdict, finding, now);
    return {
      title: 'Leak suspected' + (urgent ? ' — ' + urgent : ''),
      summary: [verdict.growthBytesPerMinute > 0 ? 'heap growing ' + rate(verdict.growthBytesPerMinute) : '',
        exhaustionPhrase(verdict, now, { withTimeLeft: false }),
        verdict.suspectedAt ? 'suspected since ' + clock(toMillis(verdict.suspectedAt)) : '']
    };
  },
  filling: (verdict, finding, now) => ({
    title: 'Filling — not yet a leak',
    summary: [rising(verdict, 'retained heap'), atThisPace(exhaustionPhrase(verdict, now)),
      'a cache filling up looks the same until it levels off']
  }),
  confirming: (verdict, finding, now) => ({
    title: 'Confirming with live histograms',
    summary: [rising(verdict, 'heap after young collections'), atThisPace(exhaustionPhrase(verdict, now)),
      roundPhrase(verdict)]
  }),
  collecting: (verdict, finding) => ({
    title: 'Collecting evidence' + (MISSING[finding] ? ' — ' + MISSING[finding] : ''),
    summary: [rising(verdict, 'heap after young collections')]
  }),
  'no-leak': (verdict, finding) => ({
    title: 'No leak',
    summary: [finding === 'LEVELLING_OFF' ? 'the retained heap rose' + (verdict.growthBytesPerMinute > 0 ? ' '
      + rate(verdict.growthBytesPerMinute) + span(verdict) : '') + ' and is levelling off, as warm-up and filling '
      + 'caches do' : finding === 'REFUTED' ? 'live histograms found the climb after young collections was garbage'
      : 'the heap after collections is not growing']
  }),
  'not-judged': () => ({ title: 'Not judged yet', summary: ['the first verdict comes one interval after start'] }),
  unknown: (verdict) => ({ title: String(verdict.finding || verdict.status).replace(/_/g, ' '), summary: [] })
};

/**
 * The banner's headline for a verdict: { finding, kind, title, summary }, where finding is
 * GET /trend's (or the nearest for an older server), kind what a user must make of it, title
 * the headline itself and summary its figures. The one place that words it.
 */
export function headline(verdict, now = Date.now()) {
  const { finding, kind, known } = findingOf(verdict);
  const { title, summary } = HEADLINES[kind](verdict, known, now);
  return { finding: finding, kind: kind, title: title, summary: summary.filter(Boolean).join(' · ') };
}

/** What the last round of live histograms found, or the round under way. */
function progressText(verdict) {
  const histograms = verdict.histograms || {};
  const round = histograms.round;
  if (round) {
    return 'Taking live histograms to ' + (round.purpose === 'confirm' ? 'confirm the growth' : 'name the suspects')
      + ': ' + round.taken + ' of ' + round.count + '.';
  }
  const last = histograms.lastConfirmation;
  if (last && last.outcome) {
    return 'Last live histograms (' + clock(toMillis(last.at)) + '): ' + String(last.outcome).toLowerCase()
      + (last.liveBytes && last.liveBytes.length ? ', live heap ' + last.liveBytes.map((value) => bytes(value))
        .join(' → ') : '') + '.';
  }
  return histograms.lastRefutation ? 'Last suspicion refuted: ' + histograms.lastRefutation : '';
}

/** The reason as a sentence of its own: the endpoint writes it without a full stop. */
function sentence(text) {
  return text && !/[.!?:]$/.test(text) ? text + '.' : text || '';
}

function evidenceText(evidence) {
  if (!evidence || !evidence.points) {
    return '';
  }
  return 'Evidence: ' + count(evidence.points) + ' points' + (evidence.kinds.length ? ' ('
    + evidence.kinds.join(', ').toLowerCase() + ')' : '') + ' over ' + duration(evidence.spanSeconds * 1000)
    + ', trend statistic ' + evidence.trendZ + '.';
}

const RESOURCE_NAMES = { metaspace: 'Metaspace', threads: 'Threads', direct: 'Direct buffers',
  mapped: 'Mapped buffers', resident: 'Resident memory' };

/** The verdicts outside the heap: every resource GET /trend judges, or metaspace and threads from older servers. */
function outsideTheHeap(verdict) {
  const resources = verdict.resources && typeof verdict.resources === 'object' ? verdict.resources
    : { metaspace: verdict.metaspace, threads: verdict.threads };
  return Object.entries(resources).filter(([name, other]) => name !== 'heap' && other).map(([name, other]) => {
    const label = RESOURCE_NAMES[name] || name;
    const { kind } = findingOf({ status: other.status, finding: other.finding, evidence: other.evidence,
      growthBytesPerMinute: other.growthPerMinute });
    const growth = name === 'threads' ? count(other.growthPerMinute) + ' threads/min' : rate(other.growthPerMinute);
    const words = kind === 'leak' ? 'leak suspected (+' + growth + (other.projectedExhaustion ? ', limit around '
      + clock(toMillis(other.projectedExhaustion)) : '') + (other.severity ? ', ' + String(other.severity)
      .toLowerCase() : '') + ')' : kind === 'no-leak' ? 'no leak' : kind === 'filling' ? 'rising, not yet a leak'
      : kind === 'unknown' ? String(other.finding || other.status).replace(/_/g, ' ').toLowerCase()
        : 'collecting evidence';
    return label + ': ' + words;
  });
}

/** The full collections forced so far, the analysis' own against its budget: what watching cost. */
function forcedText(verdict) {
  const forced = verdict.forcedCollections;
  if (!forced || !forced.byReason) {
    return '';
  }
  const requested = ['gc', 'snapshot', 'dump'].reduce((sum, reason) => sum + (forced.byReason[reason] || 0), 0);
  const period = durationMillis(forced.budgetPeriod);
  return 'Full collections forced: ' + count(forced.own) + ' by the analysis (' + count(forced.usedInPeriod) + ' of '
    + count(forced.budget) + ' allowed' + (period ? ' per ' + duration(period) : '') + ')'
    + (requested ? ', ' + count(requested) + ' on request' : '');
}

function othersText(verdict) {
  const notes = (verdict.notes || []).concat(verdict.warnings > 0 ? [verdict.warnings + ' collection-usage '
    + 'warning' + (verdict.warnings === 1 ? '' : 's') + ' logged'] : []);
  return outsideTheHeap(verdict).concat([forcedText(verdict)].filter(Boolean), notes).join(' · ');
}

function renderNoVerdict(page) {
  const trend = page.resource('trend');
  $('verdict').dataset.status = 'UNKNOWN';
  $('verdict').dataset.finding = 'none';
  $('verdict').dataset.kind = 'none';
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
    banner.dataset.finding = head.finding || 'none';
    banner.dataset.kind = head.kind;
    setText('verdict-status', head.title);
    setText('verdict-summary', head.summary);
    setText('verdict-detail', [sentence(verdict.reason), progressText(verdict), evidenceText(verdict.evidence)]
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
    document.title = (head.kind === 'leak' ? '⚠ leak suspected · ' : '') + 'leaks · memory dashboard';
  }
};
