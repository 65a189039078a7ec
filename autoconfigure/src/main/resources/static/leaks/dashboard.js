/*
 * The leaks dashboard. Everything it shows is read from the leaks actuator endpoint and every
 * action is a request to it, so the endpoint's access level and the application's security
 * rules decide what this page may do. No framework and no build step: plain DOM and Chart.js.
 */
(function () {
  'use strict';

  const doc = document;

  function meta(name) {
    const element = doc.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  const config = {
    endpoint: (meta('leaks-endpoint') || '/actuator/leaks').replace(/\/+$/, ''),
    pollMillis: Math.min(3600000, Math.max(500, Number(meta('leaks-poll-millis')) || 5000)),
    // The optional sub-resources this application's endpoint serves: the page asks for no other,
    // so a feature that is switched off costs no request and logs no 404.
    resources: new Set((meta('leaks-resources') || '').split(/\s+/).filter(Boolean)),
    csrfToken: meta('_csrf'),
    csrfHeader: meta('_csrf_header')
  };

  // Samples this page takes itself from the overview, so the heap chart has data even where
  // the endpoint records no history. Bounded like everything else the starter keeps.
  const MAX_LIVE_SAMPLES = 720;
  const DIFF_TOP = 30;
  const HIGHLIGHTED_GROWERS = 3;
  const GROWER_SHARE = 0.1;

  const state = {
    overview: null,
    writable: false,
    readOnly: null,
    live: [],
    optional: {
      history: { path: '/history', data: null, missing: null, error: null },
      trend: { path: '/trend', data: null, missing: null, error: null },
      heapdumps: { path: '/heapdumps', data: null, missing: null, error: null },
      tuning: { path: '/tuning', data: null, missing: null, error: null }
    },
    snapshots: [],
    snapshotKey: null,
    maxCount: null,
    from: null,
    to: null,
    diff: null,
    diffSort: 'bytes',
    presets: null,
    historyJudgedAt: null,
    polls: 0,
    paused: false,
    timer: null,
    inFlight: false,
    charts: {},
    maxToggled: false
  };

  // ---------------------------------------------------------------- formatting

  const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

  function isNumber(value) {
    return typeof value === 'number' && isFinite(value);
  }

  function bytes(value) {
    if (!isNumber(value)) {
      return '–';
    }
    let magnitude = Math.abs(value);
    let unit = 0;
    while (magnitude >= 1024 && unit < BYTE_UNITS.length - 1) {
      magnitude /= 1024;
      unit++;
    }
    const digits = unit === 0 ? 0 : magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
    return (value < 0 ? '-' : '') + magnitude.toFixed(digits) + ' ' + BYTE_UNITS[unit];
  }

  function signedBytes(value) {
    return isNumber(value) && value > 0 ? '+' + bytes(value) : bytes(value);
  }

  function count(value) {
    return isNumber(value) ? Math.round(value).toLocaleString('en-US') : '–';
  }

  function signedCount(value) {
    return isNumber(value) && value > 0 ? '+' + count(value) : count(value);
  }

  function duration(millis) {
    if (!isNumber(millis)) {
      return '–';
    }
    const ms = Math.abs(millis);
    if (ms < 1000) {
      return Math.round(ms) + ' ms';
    }
    const seconds = ms / 1000;
    if (seconds < 60) {
      return seconds.toFixed(seconds < 10 ? 1 : 0) + ' s';
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      const rest = Math.round(seconds - minutes * 60);
      return minutes + ' min' + (rest ? ' ' + rest + ' s' : '');
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
      const rest = minutes - hours * 60;
      return hours + ' h' + (rest ? ' ' + rest + ' min' : '');
    }
    const days = Math.floor(hours / 24);
    const restHours = hours - days * 24;
    return days + ' d' + (restHours ? ' ' + restHours + ' h' : '');
  }

  function pad(value) {
    return value < 10 ? '0' + value : String(value);
  }

  function clock(time) {
    if (!isNumber(time)) {
      return '–';
    }
    const date = new Date(time);
    const hms = pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds());
    if (date.toDateString() === new Date().toDateString()) {
      return hms;
    }
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + hms;
  }

  function toMillis(value) {
    if (isNumber(value)) {
      // Seconds since the epoch are below 1e11 for centuries; milliseconds are above.
      return value < 1e11 ? value * 1000 : value;
    }
    if (typeof value === 'string' && value) {
      const parsed = Date.parse(value);
      return isNaN(parsed) ? null : parsed;
    }
    return null;
  }

  // ---------------------------------------------------------------- DOM helpers

  function $(id) {
    return doc.getElementById(id);
  }

  function el(tag, attributes, ...children) {
    const element = doc.createElement(tag);
    if (attributes) {
      for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) {
          continue;
        }
        if (name === 'className') {
          element.className = value;
        }
        else if (name === 'text') {
          element.textContent = value;
        }
        else if (name.startsWith('on') && typeof value === 'function') {
          element.addEventListener(name.substring(2), value);
        }
        else {
          element.setAttribute(name, value === true ? '' : value);
        }
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    }
    return element;
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function setText(id, text) {
    const element = $(id);
    if (element.textContent !== text) {
      element.textContent = text;
    }
  }

  function code(text) {
    return el('code', { text: text });
  }

  // ---------------------------------------------------------------- the endpoint

  /**
   * One request to the endpoint. Never throws: a network failure, a refusal or an answer
   * that is not JSON (a login page after a session expired) all come back as values.
   */
  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (method !== 'GET' && config.csrfToken && config.csrfHeader) {
      headers[config.csrfHeader] = config.csrfToken;
    }
    let response;
    try {
      response = await fetch(config.endpoint + path, init);
    }
    catch (failure) {
      return { ok: false, status: 0, body: null, message: 'The application did not answer (' + failure.message + ')' };
    }
    let text = '';
    try {
      text = await response.text();
    }
    catch (failure) {
      text = '';
    }
    let parsed = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      }
      catch (notJson) {
        parsed = null;
      }
    }
    if (response.ok && text && parsed === null) {
      return { ok: false, status: response.status, body: null, notJson: true,
        message: 'The answer was not JSON' + (response.redirected ? ' (redirected, probably to a login page)' : '')
          + ': reload the page and sign in' };
    }
    const message = parsed && typeof parsed.message === 'string' ? parsed.message : 'HTTP ' + response.status;
    return { ok: response.ok, status: response.status, body: parsed, message: message };
  }

  // ---------------------------------------------------------------- polling

  async function refresh() {
    const overview = await call('GET', '');
    if (!overview.ok || !overview.body) {
      showConnectionProblem(overview);
      return;
    }
    state.overview = overview.body;
    state.polls++;
    recordLiveSample(overview.body);
    applyAccess(overview.body);
    const supports = overview.body.supports || {};
    await Promise.all([
      refreshSnapshots(),
      refreshTrendAndHistory(),
      refreshOptional('heapdumps', supports.heapDumps !== false),
      refreshOptional('tuning', supports.tuning !== false)
    ]);
    hideNotice('connection');
    render();
    doc.body.dataset.polls = String(state.polls);
  }

  async function refreshOptional(name, supported) {
    const resource = state.optional[name];
    if (!supported) {
      resource.missing = 'unsupported';
      return;
    }
    if (!config.resources.has(name)) {
      resource.missing = 'absent';
      return;
    }
    // A resource that answered 404 stays absent until the page is reloaded: asking again
    // every few seconds would only repeat the same 404.
    if (resource.missing) {
      return;
    }
    const answer = await call('GET', resource.path);
    if (answer.ok && answer.body) {
      resource.data = answer.body;
      resource.error = null;
    }
    else if (answer.status === 404) {
      resource.data = null;
      resource.missing = '404';
    }
    else {
      resource.error = answer;
    }
  }

  /**
   * The history holds up to a thousand samples and collections, and gains a sample only when
   * the analyzer judges again: it is fetched again only then, not on every poll.
   */
  async function refreshTrendAndHistory() {
    await refreshOptional('trend', true);
    const verdict = state.optional.trend.data;
    const judgedAt = verdict ? verdict.judgedAt : null;
    if (!state.optional.history.data || !judgedAt || judgedAt !== state.historyJudgedAt) {
      await refreshOptional('history', true);
      state.historyJudgedAt = judgedAt;
    }
  }

  async function refreshSnapshots() {
    const answer = await call('GET', '/snapshots');
    if (!answer.ok || !answer.body) {
      return;
    }
    state.snapshots = Array.isArray(answer.body.snapshots) ? answer.body.snapshots : [];
    state.maxCount = answer.body.maxCount;
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = null;
    if (!state.paused && !doc.hidden) {
      state.timer = setTimeout(tick, config.pollMillis);
    }
  }

  async function tick() {
    if (state.inFlight) {
      return;
    }
    state.inFlight = true;
    try {
      await refresh();
    }
    catch (failure) {
      showNotice('connection', 'The page could not update: ' + failure.message, true);
    }
    finally {
      state.inFlight = false;
      schedule();
    }
  }

  function recordLiveSample(overview) {
    const heap = overview.heap || {};
    const metaspace = (overview.pools || []).find((pool) => pool.name === 'Metaspace');
    state.live.push({
      t: Date.now(),
      used: heap.used,
      committed: heap.committed,
      max: heap.max > 0 ? heap.max : null,
      metaspaceUsed: metaspace ? metaspace.usage.used : null,
      metaspaceCommitted: metaspace ? metaspace.usage.committed : null
    });
    if (state.live.length > MAX_LIVE_SAMPLES) {
      state.live.splice(0, state.live.length - MAX_LIVE_SAMPLES);
    }
  }

  // ---------------------------------------------------------------- access

  const UNRESTRICTED_HINT = 'set management.endpoint.leaks.access=unrestricted (and keep /actuator/** secured)';

  function applyAccess(overview) {
    const access = overview.supports && overview.supports.access;
    const badge = $('access');
    badge.hidden = !access;
    badge.textContent = access === 'UNRESTRICTED' ? 'read & write' : 'read-only';
    badge.className = 'badge ' + (access === 'UNRESTRICTED' ? 'unrestricted' : 'read-only');
    if (access !== 'UNRESTRICTED') {
      makeReadOnly('access', 'The leaks endpoint grants read access only (' + (access || 'unknown') + '), so '
        + 'snapshots, GC, heap dumps and tuning are switched off here; figures and comparisons of stored snapshots '
        + 'still work.', 'read-only access. To enable them, ' + UNRESTRICTED_HINT + '.');
    }
    else if (!state.readOnly || state.readOnly.cause === 'access') {
      // Access was granted since the page opened (the application restarted with new settings).
      state.readOnly = null;
      state.writable = true;
      hideNotice('access');
    }
  }

  function makeReadOnly(cause, reason, hint) {
    state.writable = false;
    state.readOnly = { cause: cause, reason: reason, hint: hint };
  }

  /** Turns a refused write into the page's read-only state when the refusal is about access. */
  function handleWriteRefusal(answer) {
    if (answer.status === 405) {
      makeReadOnly('refused', 'The endpoint refused a change (405): ' + answer.message,
        'the endpoint refuses changes. To enable them, ' + UNRESTRICTED_HINT + '.');
      render();
      return true;
    }
    if (answer.status === 401 || answer.status === 403) {
      makeReadOnly('refused', 'Your account may read the leaks endpoint but not change anything (HTTP '
        + answer.status + ': ' + answer.message + ').', 'your account may not change anything here: it needs the '
        + 'role that protects the endpoint\'s write operations.');
      render();
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- notices

  const notices = new Map();

  function showNotice(key, message, error) {
    notices.set(key, { message: message, error: !!error });
    renderNotices();
  }

  function hideNotice(key) {
    if (notices.delete(key)) {
      renderNotices();
    }
  }

  function renderNotices() {
    const box = $('notice');
    const messages = Array.from(notices.values());
    box.replaceChildren(...messages.map((notice) => el('div', { text: notice.message })));
    box.classList.toggle('error', messages.some((notice) => notice.error));
    show(box, messages.length > 0);
  }

  function showConnectionProblem(answer) {
    let message;
    if (answer.status === 401) {
      message = 'Not signed in: the leaks endpoint answered 401. Reload the page and sign in with a user who may '
        + 'read the actuator endpoints.';
    }
    else if (answer.status === 403) {
      message = 'Your account may not read the leaks endpoint (403). It needs the role that protects '
        + config.endpoint + '.';
    }
    else if (answer.status === 404) {
      message = 'Nothing answers at ' + config.endpoint + ' (404): expose the endpoint with '
        + 'management.endpoints.web.exposure.include=leaks.';
    }
    else {
      message = 'Cannot read ' + config.endpoint + ': ' + answer.message
        + '. The page keeps trying every ' + duration(config.pollMillis) + '.';
    }
    showNotice('connection', message, true);
    setText('jvm', 'not connected');
  }

  // ---------------------------------------------------------------- rendering

  function render() {
    const overview = state.overview;
    if (!overview) {
      return;
    }
    if (overview.jvm) {
      setText('jvm', overview.jvm.name + ' ' + overview.jvm.version + ' · up ' + duration(overview.jvm.uptimeMillis));
    }
    setText('updated', 'updated ' + clock(Date.now()));
    if (state.readOnly) {
      showNotice('access', 'Read-only. ' + state.readOnly.reason);
    }
    renderVerdict();
    renderHeap();
    renderNonHeap();
    renderActions();
    renderSnapshots();
    renderHeapDumps();
    renderTuning();
  }

  const ABSENT = {
    history: 'the trend analyzer, which is off in this application (leaks.trend.enabled=false)',
    trend: 'the trend analyzer, which is off in this application (leaks.trend.enabled=false)',
    heapdumps: 'heap dump support, which this application\'s leaks starter does not include',
    tuning: 'runtime GC tuning, which this application\'s leaks starter does not include'
  };

  /** Why an optional resource has nothing to show, or null when it has or may soon have data. */
  function missingText(name, what) {
    const resource = state.optional[name];
    if (resource.missing === 'absent') {
      return what + ' needs ' + ABSENT[name] + '.';
    }
    if (resource.missing === '404') {
      return what + ' comes from GET ' + config.endpoint + resource.path + ', which answered 404.';
    }
    return null;
  }

  // -- verdict

  function renderVerdict() {
    const banner = $('verdict');
    const trend = state.optional.trend;
    const suspectsList = $('verdict-suspects');
    if (!trend.data) {
      banner.dataset.status = 'UNKNOWN';
      setText('verdict-status', 'No verdict');
      if (trend.missing) {
        setText('verdict-summary', 'No trend analysis here.');
        setText('verdict-detail', missingText('trend', 'A verdict') + ' Meanwhile, take a snapshot, exercise '
          + 'the service, take another and compare them below: what keeps growing is the suspect.');
      }
      else if (trend.error) {
        setText('verdict-summary', 'The verdict could not be read.');
        setText('verdict-detail', 'GET ' + config.endpoint + '/trend answered ' + trend.error.status + ': '
          + trend.error.message);
      }
      else {
        setText('verdict-summary', 'Waiting for the first verdict…');
        setText('verdict-detail', '');
      }
      show(suspectsList, false);
      setText('verdict-others', '');
      return;
    }
    const verdict = trend.data;
    const status = String(verdict.status);
    banner.dataset.status = status;
    setText('verdict-status', status.replace(/_/g, ' '));
    setText('verdict-summary', verdictSummary(verdict, status));
    setText('verdict-detail', [verdict.reason, progressText(verdict), evidenceText(verdict.evidence)]
      .filter(Boolean).join(' '));
    const suspects = verdict.suspects || [];
    suspectsList.replaceChildren(...suspects.map((suspect) => el('li', { className: suspect.jdk ? 'muted' : null,
      'data-class': suspect.className },
    code(suspect.displayName), ' ',
    el('span', { className: 'muted', text: signedCount(suspect.instancesDelta) + ' instances, '
      + signedBytes(suspect.bytesDelta) + ' (now ' + count(suspect.instances) + ', ' + bytes(suspect.bytes) + ')' }))));
    show(suspectsList, suspects.length > 0);
    const others = [['metaspace', 'Metaspace', bytes], ['threads', 'Threads', (rate) => count(rate) + ' threads']]
      .map(([name, label, unit]) => {
        const other = verdict[name];
        return label + ': ' + other.status.replace(/_/g, ' ') + (other.status === 'LEAK_SUSPECTED'
          ? ' (+' + unit(other.growthPerMinute) + '/min' + (other.projectedExhaustion ? ', limit around '
            + clock(toMillis(other.projectedExhaustion)) : '') + ')' : '');
      });
    const notes = (verdict.notes || []).concat(verdict.warnings > 0 ? [verdict.warnings + ' collection-usage '
      + 'warning' + (verdict.warnings === 1 ? '' : 's') + ' logged'] : []);
    setText('verdict-others', others.concat(notes).join(' · '));
    doc.title = (status === 'LEAK_SUSPECTED' ? '⚠ leak suspected · ' : '') + 'leaks · memory dashboard';
  }

  function verdictSummary(verdict, status) {
    const rate = verdict.growthBytesPerMinute;
    if (status === 'LEAK_SUSPECTED') {
      let summary = 'Heap growing ' + bytes(rate) + '/min (' + bytes(rate * 60) + '/h)';
      const exhaustion = exhaustionOf(verdict);
      if (exhaustion) {
        summary += ' · full in ~' + duration(exhaustion.time - Date.now()) + ' (around ' + clock(exhaustion.time)
          + (exhaustion.latest ? ', between ' + clock(exhaustion.earliest) + ' and ' + clock(exhaustion.latest)
            : ', at the earliest ' + clock(exhaustion.earliest)) + ')';
      }
      return summary + (verdict.suspectedAt ? ' · suspected since ' + clock(toMillis(verdict.suspectedAt)) : '');
    }
    if (status === 'STABLE') {
      return 'The heap after collections is not growing.';
    }
    if (verdict.suspicion) {
      return 'Young collections show growth: live histograms are checking it before any verdict.';
    }
    return 'Collecting evidence before a verdict.';
  }

  function exhaustionOf(verdict) {
    const projection = verdict.projection;
    if (!projection) {
      return null;
    }
    return { time: toMillis(projection.exhaustion), earliest: toMillis(projection.earliest),
      latest: toMillis(projection.latest), limit: projection.limit };
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

  // -- series

  // Stop-the-world collections; a concurrent cycle's duration is not a pause of the application.
  const PAUSING_KINDS = new Set(['YOUNG', 'MIXED', 'FULL', 'OTHER']);

  /** The recorded history in the page's own terms, or null while the endpoint records none. */
  function recordedSeries() {
    const history = state.optional.history.data;
    if (!history || !history.samples.length) {
      return null;
    }
    const at = (item) => toMillis(item.at);
    // -1 marks a figure this JVM does not report.
    const sampled = (key) => history.samples.filter((sample) => sample[key] >= 0)
      .map((sample) => ({ x: at(sample), y: sample[key] }));
    const trend = history.trend;
    return {
      used: sampled('heapUsed'),
      committed: sampled('heapCommitted'),
      max: sampled('heapMax'),
      postGc: history.collections.map((gc) => ({ x: at(gc), y: gc.heapAfter, kind: gc.kind })),
      floor: history.floor.map((level) => ({ x: at(level), y: level.bytes })),
      pauses: history.collections.filter((gc) => PAUSING_KINDS.has(gc.kind))
        .map((gc) => ({ x: at(gc), y: gc.durationMillis, kind: gc.kind })),
      trend: trend ? [{ x: at(trend.from), y: trend.from.bytes }, { x: at(trend.to), y: trend.to.bytes }] : [],
      exhaustion: trend && trend.exhaustion ? { x: at(trend.exhaustion), y: trend.exhaustion.bytes } : null,
      metaspaceUsed: sampled('metaspaceUsed'),
      metaspaceCommitted: [],
      classes: sampled('loadedClasses'),
      threads: sampled('liveThreads'),
      direct: sampled('directBytes'),
      mapped: sampled('mappedBytes'),
      rss: sampled('residentBytes')
    };
  }

  function liveSeries() {
    const samples = state.live;
    const of = (key) => samples.filter((s) => isNumber(s[key])).map((s) => ({ x: s.t, y: s[key] }));
    return {
      used: of('used'), committed: of('committed'), max: of('max'), postGc: [], floor: [], pauses: [], trend: [],
      exhaustion: null, metaspaceUsed: of('metaspaceUsed'), metaspaceCommitted: of('metaspaceCommitted'),
      classes: [], threads: [], direct: [], mapped: [], rss: []
    };
  }

  // -- charts

  function chartsAvailable() {
    if (typeof window.Chart === 'function') {
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
  function fitTimeTicks(instance, points) {
    const span = points.length > 1 ? points[points.length - 1].x - points[0].x : 0;
    const width = instance.width || 600;
    const fitting = Math.max(2, Math.floor(width / 90));
    const step = TICK_STEPS.find((candidate) => span / candidate <= fitting) || TICK_STEPS[TICK_STEPS.length - 1];
    instance.options.scales.x.ticks.stepSize = step;
  }

  function chart(id, datasets, scales, extra) {
    if (state.charts[id]) {
      return state.charts[id];
    }
    const canvas = $(id);
    const instance = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: Object.assign({
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
            labels: { boxWidth: 12, filter: (item, data) => data.datasets[item.datasetIndex].data.length > 0 },
            onClick: (event, item, legend) => {
              if (id === 'heap-chart' && item.datasetIndex === 2) {
                state.maxToggled = true;
              }
              window.Chart.defaults.plugins.legend.onClick.call(legend, event, item, legend);
            }
          },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? clock(items[0].parsed.x) : '',
              label: (item) => item.dataset.label + ': ' + (item.dataset.format || bytes)(item.parsed.y)
                + (item.raw && item.raw.kind ? ' (' + item.raw.kind + ')' : '')
            }
          }
        }
      }, extra || {})
    });
    state.charts[id] = instance;
    return instance;
  }

  function bytesAxis(extra) {
    return Object.assign({ beginAtZero: true, ticks: { callback: (value) => bytes(value) } }, extra || {});
  }

  function line(label, color, extra) {
    return Object.assign({ label: label, data: [], borderColor: color, backgroundColor: color }, extra || {});
  }

  function dots(label, color, style, extra) {
    return Object.assign({ label: label, data: [], borderColor: color, backgroundColor: color, showLine: false,
      pointRadius: 4, pointHoverRadius: 6, pointStyle: style }, extra || {});
  }

  /** Young, mixed, or a collection that reached the whole old generation (full, concurrent cycle). */
  function postGcKind(kind) {
    return kind === 'YOUNG' ? 'young' : kind === 'MIXED' ? 'mixed' : 'old';
  }

  function renderHeap() {
    const recorded = recordedSeries();
    const series = recorded || liveSeries();
    const latest = state.overview.heap || {};
    const oldPool = (state.overview.pools || []).find((pool) => pool.type === 'HEAP' && /old|tenured/i.test(pool.name)
      && pool.usedAfterLastGc > 0);
    setText('heap-figures', 'used ' + bytes(latest.used) + ' · committed ' + bytes(latest.committed) + ' · max '
      + (latest.max > 0 ? bytes(latest.max) : 'unbounded')
      + (oldPool ? ' · ' + oldPool.name + ' after last GC ' + bytes(oldPool.usedAfterLastGc) : ''));
    const verdict = state.optional.trend.data;
    const projected = verdict ? exhaustionOf(verdict) : null;
    const exhaustion = series.exhaustion || (projected && { x: projected.time, y: projected.limit });
    let source;
    if (recorded) {
      const trend = state.optional.history.data.trend;
      source = 'Recorded by the trend analyzer. Points mark the heap after each collection, by kind; the floor is '
        + 'what collections that reached the old generation left' + (trend ? '; the dashed line is the fitted trend ('
        + trend.basis.toLowerCase().replace(/_/g, ' ') + ')' : '') + '.';
    }
    else {
      const history = missingText('history', 'The recorded history (post-GC floor, pauses, fitted trend)');
      source = 'Sampled by this page every ' + duration(config.pollMillis) + ' since ' + clock(state.live[0].t)
        + ' (' + count(state.live.length) + ' samples). ' + (history || '');
    }
    if (exhaustion) {
      source += ' Projected exhaustion of the max heap at ' + clock(exhaustion.x) + '.';
    }
    setText('heap-source', source);
    if (!chartsAvailable()) {
      return;
    }
    const heapChart = chart('heap-chart', [
      line('used', '#2563eb', { fill: 'origin', backgroundColor: 'rgba(37, 99, 235, 0.10)' }),
      line('committed', '#64748b'),
      line('max', '#b91c1c', { borderDash: [6, 4], borderWidth: 1.5 }),
      dots('after young GC', '#0ea5e9', 'circle', { pointRadius: 3 }),
      dots('after mixed GC', '#a855f7', 'triangle'),
      dots('after full/old GC', '#dc2626', 'rectRot', { pointRadius: 5 }),
      line('old-gen floor', '#15803d', { borderWidth: 2, pointRadius: 2 }),
      line('trend', '#f59e0b', { borderDash: [3, 3], borderWidth: 2 }),
      dots('GC pause', '#94a3b8', 'line', { yAxisID: 'pause', pointRadius: 5, format: duration }),
      dots('projected exhaustion', '#b91c1c', 'crossRot', { pointRadius: 9, borderWidth: 3 })
    ], {
      y: bytesAxis(),
      pause: { position: 'right', beginAtZero: true, display: false, grid: { drawOnChartArea: false },
        ticks: { callback: (value) => duration(value) } }
    });
    const datasets = heapChart.data.datasets;
    datasets[0].data = series.used;
    datasets[1].data = series.committed;
    datasets[2].data = series.max;
    datasets[3].data = series.postGc.filter((p) => postGcKind(p.kind) === 'young');
    datasets[4].data = series.postGc.filter((p) => postGcKind(p.kind) === 'mixed');
    datasets[5].data = series.postGc.filter((p) => postGcKind(p.kind) === 'old');
    datasets[6].data = series.floor;
    datasets[8].data = series.pauses;
    heapChart.options.scales.pause.display = series.pauses.length > 0;
    const lastTime = series.used.length ? series.used[series.used.length - 1].x : Date.now();
    const firstTime = series.used.length ? series.used[0].x : Date.now();
    const maxNow = latest.max > 0 ? latest.max : null;
    // The projection is drawn only when it fits on a chart that still shows the history;
    // a time days ahead would squash the recorded hours into a sliver. The banner says it anyway.
    const nearby = exhaustion && exhaustion.x - lastTime <= 2 * Math.max(lastTime - firstTime, 60000);
    datasets[7].data = series.trend.concat(nearby && series.trend.length ? [exhaustion] : []);
    datasets[9].data = nearby ? [exhaustion] : [];
    if (!state.maxToggled && series.used.length) {
      // A max far above the used heap flattens the chart; show it when it matters, unless
      // the user chose otherwise in the legend.
      const used = series.used[series.used.length - 1].y;
      heapChart.setDatasetVisibility(2, !(maxNow && used < 0.2 * maxNow) || !!exhaustion);
    }
    fitTimeTicks(heapChart, series.used);
    heapChart.update('none');
  }

  function renderNonHeap() {
    const recorded = recordedSeries();
    const series = recorded || liveSeries();
    const chartsOk = chartsAvailable();
    const historyMissing = missingText('history', 'This series');
    const panels = [
      { id: 'metaspace', data: [series.metaspaceUsed, series.metaspaceCommitted, series.classes],
        build: () => chart('metaspace-chart', [
          line('metaspace used', '#2563eb'),
          line('committed', '#64748b', { borderWidth: 1 }),
          line('loaded classes', '#16a34a', { yAxisID: 'classes', format: count })
        ], { y: bytesAxis(), classes: { position: 'right', display: false, grid: { drawOnChartArea: false },
          ticks: { callback: (value) => count(value) } } }) },
      { id: 'threads', data: [series.threads],
        build: () => chart('threads-chart', [line('live threads', '#7c3aed', { format: count })],
          { y: { beginAtZero: true, ticks: { callback: (value) => count(value) } } }) },
      { id: 'buffers', data: [series.direct, series.mapped],
        build: () => chart('buffers-chart', [line('direct', '#0891b2'), line('mapped', '#ca8a04')],
          { y: bytesAxis() }) },
      { id: 'rss', data: [series.rss],
        build: () => chart('rss-chart', [line('resident', '#db2777')], { y: bytesAxis() }) }
    ];
    for (const panel of panels) {
      const hasData = panel.data.some((points) => points.length > 0);
      const empty = $(panel.id + '-empty');
      if (!hasData) {
        empty.textContent = recorded ? 'Not recorded on this JVM.' : historyMissing || 'Waiting for the first samples…';
      }
      show(empty, !hasData);
      if (hasData && chartsOk) {
        const instance = panel.build();
        panel.data.forEach((points, index) => {
          instance.data.datasets[index].data = points;
        });
        fitTimeTicks(instance, panel.data.find((points) => points.length > 0));
        if (instance.options.scales.classes) {
          instance.options.scales.classes.display = series.classes.length > 0;
        }
        instance.update('none');
      }
    }
  }

  // -- actions

  function renderActions() {
    const writable = state.writable;
    const readOnly = $('actions-readonly');
    readOnly.textContent = writable ? '' : 'No actions: ' + (state.readOnly ? state.readOnly.hint : 'read-only access.');
    show(readOnly, !writable);
    show($('actions-controls'), writable);
    const supports = state.overview.supports || {};
    show($('gc-run').parentElement, writable);
    const heapDumpsServed = !!state.optional.heapdumps.data;
    const tuningServed = !!state.optional.tuning.data;
    show($('heapdump-form'), writable && supports.heapDumps !== false && heapDumpsServed);
    show($('tuning-form'), writable && supports.tuning !== false && tuningServed);
    $('gc-run').title = supports.explicitGc === false
      ? 'This JVM ignores System.gc() (-XX:+DisableExplicitGC): the request will say so.' : '';
  }

  function showResult(content, kind) {
    const box = $('action-result');
    box.className = 'result' + (kind ? ' ' + kind : '');
    box.replaceChildren(...(Array.isArray(content) ? content : [content]));
    show(box, true);
  }

  function refusalText(what, answer) {
    if (answer.status === 429) {
      return what + ' is busy: ' + answer.message;
    }
    return what + ' failed' + (answer.status ? ' (HTTP ' + answer.status + ')' : '') + ': ' + answer.message;
  }

  async function runAction(button, busyText, work) {
    button.disabled = true;
    showResult(busyText, 'busy');
    try {
      await work();
    }
    finally {
      button.disabled = false;
    }
  }

  async function runGc() {
    await runAction($('gc-run'), 'Collecting…', async () => {
      const answer = await call('POST', '/gc', {});
      if (!answer.ok) {
        if (!handleWriteRefusal(answer)) {
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
      await tickNow();
    });
  }

  async function takeHeapDump(event) {
    event.preventDefault();
    const label = $('heapdump-label').value.trim();
    const body = { live: $('heapdump-live').checked };
    if (label) {
      body.label = label;
    }
    await runAction($('heapdump-take'), 'Writing a heap dump… (this pauses the application for about a second per '
      + 'few hundred MB of live heap)', async () => {
      const answer = await call('POST', '/heapdumps', body);
      if (!answer.ok) {
        if (!handleWriteRefusal(answer)) {
          showResult(refusalText('The heap dump', answer), 'error');
        }
        return;
      }
      const dump = answer.body;
      const directory = state.optional.heapdumps.data && state.optional.heapdumps.data.directory;
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
      await tickNow();
    });
  }

  async function applyPreset(event) {
    event.preventDefault();
    const preset = $('tuning-preset').value;
    await runAction($('tuning-apply'), 'Applying ' + preset + '…', async () => {
      const answer = await call('POST', '/tuning', { preset: preset });
      if (!answer.ok) {
        if (!handleWriteRefusal(answer)) {
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
      await tickNow();
    });
  }

  async function tickNow() {
    clearTimeout(state.timer);
    await tick();
  }

  // -- snapshots

  function renderSnapshots() {
    const snapshots = state.snapshots;
    const writable = state.writable;
    show($('snapshot-form'), writable);
    setText('snapshot-count', snapshots.length + (isNumber(state.maxCount) ? ' of ' + state.maxCount + ' kept' : ''));
    const empty = $('snapshot-empty');
    if (!snapshots.length) {
      empty.textContent = writable
        ? 'No snapshots yet. Take one now (say "baseline"), exercise the service, take another, then compare them.'
        : 'No snapshots yet, and read-only access cannot take them: take them with POST ' + config.endpoint
          + '/snapshots where write access is granted, then compare them here.';
    }
    show(empty, snapshots.length === 0);
    show($('snapshot-table'), snapshots.length > 0);
    const labels = snapshots.map((s) => s.label);
    if (!labels.includes(state.to)) {
      state.to = labels.length ? labels[labels.length - 1] : null;
    }
    if (!labels.includes(state.from) || state.from === state.to) {
      const others = labels.filter((label) => label !== state.to);
      state.from = others.length ? others[others.length - 1] : null;
    }
    const key = JSON.stringify([snapshots.map((s) => [s.label, s.takenAt]), writable, state.from, state.to]);
    if (key !== state.snapshotKey) {
      state.snapshotKey = key;
      $('snapshot-list').replaceChildren(...snapshots.map(snapshotRow));
    }
    $('compare').disabled = !(state.from && state.to && state.from !== state.to);
  }

  function snapshotRow(snapshot) {
    const taken = toMillis(snapshot.takenAt);
    const radio = (name, checked) => el('input', {
      type: 'radio', name: name, value: snapshot.label, checked: checked,
      'aria-label': 'compare ' + name + ' ' + snapshot.label,
      onchange: () => {
        state[name] = snapshot.label;
        renderSnapshots();
      }
    });
    return el('tr', { 'data-label': snapshot.label },
      el('td', null, radio('from', state.from === snapshot.label)),
      el('td', null, radio('to', state.to === snapshot.label)),
      el('td', null, code(snapshot.label), snapshot.liveOnly ? null : el('span', { className: 'muted',
        text: ' (all objects)', title: 'Counted garbage too: taken without a GC' })),
      el('td', { title: snapshot.takenAt }, clock(taken)),
      el('td', { className: 'num' }, count(snapshot.classCount)),
      el('td', { className: 'num' }, count(snapshot.totalInstances)),
      el('td', { className: 'num' }, bytes(snapshot.totalBytes)),
      el('td', null, state.writable ? el('button', { type: 'button', className: 'link', text: 'delete',
        'aria-label': 'delete snapshot ' + snapshot.label, onclick: () => deleteSnapshot(snapshot.label) }) : null));
  }

  async function takeSnapshot(event) {
    event.preventDefault();
    const input = $('snapshot-label');
    const label = input.value.trim();
    if (!input.reportValidity()) {
      return;
    }
    const liveOnly = $('snapshot-live').checked;
    await runAction($('snapshot-take'), liveOnly ? 'Taking a live snapshot (forces a full GC)…'
      : 'Taking a snapshot of all objects…', async () => {
      const answer = await call('POST', '/snapshots', { label: label, liveOnly: liveOnly });
      if (!answer.ok) {
        if (!handleWriteRefusal(answer)) {
          showResult(refusalText('The snapshot', answer), 'error');
        }
        return;
      }
      const taken = answer.body;
      const previous = state.to;
      showResult([
        el('strong', { text: 'Snapshot ' }), code(taken.label), el('strong', { text: ' taken' }),
        ' in ' + duration(taken.durationMillis) + ': ' + count(taken.classCount) + ' classes, '
          + count(taken.totalInstances) + ' instances, ' + bytes(taken.totalBytes) + '.',
        taken.evicted && taken.evicted.length ? el('div', { className: 'muted small-text',
          text: 'Evicted to stay within the limit: ' + taken.evicted.join(', ') }) : null
      ].filter(Boolean));
      input.value = '';
      await refreshSnapshots();
      state.to = taken.label;
      state.from = previous && previous !== taken.label ? previous : null;
      renderSnapshots();
    });
  }

  async function deleteSnapshot(label) {
    await deleteItem('/snapshots/', label, async () => {
      await refreshSnapshots();
      renderSnapshots();
    });
  }

  async function deleteItem(collection, name, reload) {
    const answer = await call('DELETE', collection + encodeURIComponent(name));
    if (!answer.ok && !handleWriteRefusal(answer)) {
      showResult(refusalText('Deleting ' + name, answer), 'error');
    }
    await reload();
  }

  async function compare() {
    if (!(state.from && state.to)) {
      return;
    }
    const button = $('compare');
    button.disabled = true;
    const query = '?from=' + encodeURIComponent(state.from) + '&to=' + encodeURIComponent(state.to) + '&sort='
      + state.diffSort + '&top=' + DIFF_TOP + '&excludeJdk=' + $('compare-hide-jdk').checked;
    try {
      const answer = await call('GET', '/compare' + query);
      if (!answer.ok) {
        show($('diff'), false);
        showResult(refusalText('The comparison', answer), 'error');
        return;
      }
      state.diff = answer.body;
      renderDiff();
    }
    finally {
      button.disabled = false;
    }
  }

  function renderDiff() {
    const diff = state.diff;
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
    for (const button of doc.querySelectorAll('#diff-table button.sort')) {
      button.setAttribute('aria-pressed', String(button.dataset.sort === diff.sort));
    }
    const key = diff.sort === 'instances' ? 'instancesDelta' : 'bytesDelta';
    // Highlighted: your own classes that grew by more than a one-off (a new cache entry, the
    // snapshot just taken) and by at least a tenth of the top grower, so framework caches
    // warming up beside a real leak are not marked as if they leaked too.
    const own = (diff.rows || []).filter((row) => !row.jdk && row[key] > 0 && row.instancesDelta > 1)
      .sort((a, b) => b[key] - a[key]);
    const threshold = own.length ? own[0][key] * GROWER_SHARE : 0;
    const growers = new Set(own.filter((row) => row[key] >= threshold).slice(0, HIGHLIGHTED_GROWERS));
    const rows = (diff.rows || []).map((row) => el('tr', {
      className: [row.jdk ? 'jdk' : '', growers.has(row) ? 'grower' : ''].join(' ').trim() || null,
      'data-class': row.className
    },
    el('td', { className: 'class-name', title: row.className + (row.module ? ' (' + row.module + ')' : '') },
      row.displayName || row.className,
      row.ambiguous ? el('span', { className: 'muted', text: ' (several class loaders)' }) : null),
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

  function sign(value) {
    return value > 0 ? 'pos' : value < 0 ? 'neg' : '';
  }

  // -- heap dumps and tuning

  /** Why an optional resource shows nothing, or null when it has data to show. */
  function emptyState(name, supported, unsupportedText, what) {
    const resource = state.optional[name];
    if (!supported) {
      return unsupportedText;
    }
    if (resource.missing) {
      return missingText(name, what);
    }
    if (resource.error) {
      return what + ' could not be read (HTTP ' + resource.error.status + '): ' + resource.error.message;
    }
    return null;
  }

  function showEmpty(element, text) {
    element.textContent = text || '';
    show(element, !!text);
  }

  function renderHeapDumps() {
    const resource = state.optional.heapdumps;
    const supports = state.overview.supports || {};
    const empty = $('heapdump-empty');
    const listing = resource.data || {};
    const dumps = Array.isArray(listing.dumps) ? listing.dumps : [];
    showEmpty(empty, emptyState('heapdumps', supports.heapDumps !== false,
      'This JVM cannot write heap dumps (no HotSpot diagnostic MBean).', 'The heap dump list')
      || (dumps.length ? null : state.writable
        ? 'No heap dumps yet. Take one with the Actions above when a leak is suspected.' : 'No heap dumps yet.'));
    show($('heapdump-table'), dumps.length > 0);
    setText('heapdump-figures', resource.data ? count(dumps.length) + ' of ' + count(listing.maxCount) + ' kept, '
      + bytes(listing.totalSizeBytes) + ' of ' + bytes(listing.maxTotalSizeBytes) + ' in ' + listing.directory
      + (listing.writing ? ' · writing one now' : '') : '');
    // Downloads hand out every secret in the heap: offered only where the application allows them.
    const downloadable = listing.download === true && state.writable;
    $('heapdump-list').replaceChildren(...dumps.map((dump) => el('tr', { 'data-name': dump.name },
      el('td', { className: 'class-name' }, downloadable
        ? el('a', { href: config.endpoint + '/heapdumps/' + encodeURIComponent(dump.name), download: dump.name },
          code(dump.name)) : code(dump.name),
      dump.live ? null : el('span', { className: 'muted', text: ' (all objects)' }),
      dump.automatic ? el('span', { className: 'muted', text: ' (taken on a suspected leak)' }) : null),
      el('td', { title: dump.createdAt }, clock(toMillis(dump.createdAt))),
      el('td', { className: 'num' }, bytes(dump.sizeBytes)),
      el('td', null, state.writable ? el('button', { type: 'button', className: 'link', text: 'delete',
        'aria-label': 'delete heap dump ' + dump.name, onclick: () => deleteHeapDump(dump.name) }) : null))));
  }

  async function deleteHeapDump(name) {
    await deleteItem('/heapdumps/', name, async () => {
      await refreshOptional('heapdumps', true);
      renderHeapDumps();
    });
  }

  function renderTuning() {
    const resource = state.optional.tuning;
    const supports = state.overview.supports || {};
    const empty = $('tuning-empty');
    const view = resource.data || {};
    const flags = Array.isArray(view.flags) ? view.flags : [];
    showEmpty(empty, emptyState('tuning', supports.tuning !== false,
      'This JVM does not let flags change at runtime (no HotSpot diagnostic MBean).', 'GC tuning')
      || (resource.data && !flags.length ? 'No manageable flags reported.' : null));
    show($('tuning-table'), flags.length > 0);
    setText('tuning-collector', view.collector ? 'collector: ' + view.collector : '');
    $('tuning-list').replaceChildren(...flags.map((flag) => el('tr', { 'data-flag': flag.name },
      el('td', { title: flag.purpose || '' }, code(flag.name)),
      el('td', { className: flag.changed ? 'pos' : null, title: flag.value + ' (' + flag.origin + ')' },
        flagValue(flag, flag.value)),
      el('td', { className: 'hide-narrow muted' }, flag.startupValue === null ? '' : flagValue(flag,
        flag.startupValue)),
      el('td', { className: 'muted', title: flag.effect || '' }, flag.effective === false
        ? 'none under ' + (view.collector || 'this collector') : flag.changed ? 'changed at runtime' : ''))));
    renderPresets(view.presets);
  }

  function flagValue(flag, value) {
    return flag.type === 'size' && /^\d+$/.test(value) && Number(value) > 0 ? bytes(Number(value)) : value;
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
    state.presets = presets;
    describePreset();
  }

  function describePreset() {
    const preset = (state.presets || []).find((candidate) => candidate.name === $('tuning-preset').value);
    const values = preset ? Object.entries(preset.values || {}).map(([flag, value]) => flag + '=' + value) : [];
    setText('tuning-preset-hint', preset ? preset.description + (values.length ? '. Sets ' + values.join(', ')
      : '') + '.' : '');
  }

  // ---------------------------------------------------------------- wiring

  function start() {
    setText('poll-interval', duration(config.pollMillis));
    $('gc-run').addEventListener('click', runGc);
    $('heapdump-form').addEventListener('submit', takeHeapDump);
    $('tuning-form').addEventListener('submit', applyPreset);
    $('tuning-preset').addEventListener('change', describePreset);
    $('snapshot-form').addEventListener('submit', takeSnapshot);
    $('compare').addEventListener('click', compare);
    $('compare-hide-jdk').addEventListener('change', () => {
      if (state.diff) {
        compare();
      }
    });
    for (const button of doc.querySelectorAll('#diff-table button.sort')) {
      button.addEventListener('click', () => {
        state.diffSort = button.dataset.sort;
        compare();
      });
    }
    $('pause').addEventListener('click', () => {
      state.paused = !state.paused;
      $('pause').textContent = state.paused ? 'Resume' : 'Pause';
      $('pause').setAttribute('aria-pressed', String(state.paused));
      if (state.paused) {
        schedule();
      }
      else {
        tickNow();
      }
    });
    // Nobody looks at a hidden tab: stop asking the application for figures until it is shown.
    doc.addEventListener('visibilitychange', () => {
      if (!doc.hidden && !state.paused) {
        tickNow();
      }
      else {
        schedule();
      }
    });
    if (window.Chart) {
      window.Chart.defaults.font.family = getComputedStyle(doc.body).fontFamily;
      window.Chart.defaults.color = '#5d6677';
    }
    tick();
  }

  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
