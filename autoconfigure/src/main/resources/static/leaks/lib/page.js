/*
 * The page: what it has read from the endpoint, what it may change, and the panels that show
 * it. Every poll reads the overview and the resources that are due, then renders every panel.
 *
 * A panel is a module whose default export is { init(page) (optional, once), render(page)
 * (after every poll and every change) }; it reads page.overview, page.supports,
 * page.data(name), page.unavailable(name, what) and page.writable, and changes things with
 * page.write(...), page.reload(name) and page.refreshNow().
 */
import { call } from './api.js';
import { accessAfterOverview, accessAfterRefusal } from './access.js';
import { config } from './config.js';
import { duration } from './format.js';
import { hideNotice, showNotice } from './notices.js';
import { createPoller } from './poller.js';
import { createResourceStates, missingText, readAll, readResource } from './resources.js';
import { recordLiveSample } from './series.js';

export function createPage(panels) {
  const resources = createResourceStates();
  let access = { writable: false, readOnly: null };

  const page = {
    config: config,
    /** The last overview (GET the endpoint itself), or null before the first answer. */
    overview: null,
    polls: 0,

    /** What this JVM supports, from the overview: histograms, heapDumps, tuning, explicitGc, access. */
    get supports() {
      return (this.overview && this.overview.supports) || {};
    },

    get writable() {
      return access.writable;
    },

    /** Why the page is read-only ({ cause, reason, hint }), or null while it may write. */
    get readOnly() {
      return access.readOnly;
    },

    /** The last answer of a resource, or null. */
    data(name) {
      return resources[name].data;
    },

    /** { data, missing, error } of a resource. */
    resource(name) {
      return resources[name];
    },

    /**
     * Why a resource shows nothing, or null when it has data: the JVM cannot provide it
     * (unsupportedText), the application does not serve it, or it could not be read.
     */
    unavailable(name, what, unsupportedText) {
      const resource = resources[name];
      if (resource.missing === 'unsupported') {
        return unsupportedText || what + ' is not supported by this JVM.';
      }
      if (resource.missing) {
        return missingText(resource, what);
      }
      if (resource.error) {
        return what + ' could not be read (HTTP ' + resource.error.status + '): ' + resource.error.message;
      }
      return null;
    },

    /** A request that only reads, answered as api.call answers. */
    read(path) {
      return call('GET', path);
    },

    /**
     * A request that changes something. A refusal about access turns the page read-only and
     * comes back with refusedAccess set: the page already says why, the caller need not.
     */
    async write(method, path, body) {
      const answer = await call(method, path, body);
      const refused = answer.ok ? null : accessAfterRefusal(answer);
      if (refused) {
        access = refused;
        answer.refusedAccess = true;
        render();
      }
      return answer;
    },

    /** Reads one resource again and renders. */
    async reload(name) {
      await readResource(resources[name], page);
      render();
    },

    /** Polls at once (after an action, so its effect shows without waiting). */
    refreshNow() {
      return poller.now();
    },

    setPaused(paused) {
      poller.setPaused(paused);
    },

    get paused() {
      return poller.paused;
    },

    render: render
  };

  async function poll() {
    const overview = await call('GET', '');
    if (!overview.ok || !overview.body) {
      connectionProblem(overview);
      return;
    }
    page.overview = overview.body;
    page.polls++;
    recordLiveSample(overview.body);
    access = accessAfterOverview(overview.body, access);
    await readAll(resources, page);
    hideNotice('connection');
    render();
    document.body.dataset.polls = String(page.polls);
  }

  function render() {
    if (!page.overview) {
      return;
    }
    if (access.readOnly) {
      showNotice('access', 'Read-only. ' + access.readOnly.reason);
    }
    else {
      hideNotice('access');
    }
    for (const panel of panels) {
      try {
        panel.render(page);
      }
      catch (failure) {
        // One broken panel must not blank the others; the console keeps the stack.
        console.error('The ' + (panel.name || 'unnamed') + ' panel failed to render', failure);
        showNotice('panel:' + panel.name, 'Part of the page could not be shown (' + failure.message + ').', true);
      }
    }
  }

  function connectionProblem(answer) {
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
    document.getElementById('jvm').textContent = 'not connected';
  }

  const poller = createPoller({
    intervalMillis: config.pollMillis,
    poll: poll,
    onError: (failure) => showNotice('connection', 'The page could not update: ' + failure.message, true)
  });

  return {
    page: page,
    start() {
      for (const panel of panels) {
        if (panel.init) {
          panel.init(page);
        }
      }
      poller.start();
    }
  };
}
