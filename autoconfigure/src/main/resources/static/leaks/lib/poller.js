/*
 * Polling: one poll at a time, the next one an interval after the last one finished, none
 * while the user paused or while the tab is hidden (nobody looks at a hidden tab, so the
 * application is not asked for figures), and one at once when the tab is shown again.
 */

/**
 * Creates a poller that is not running yet.
 *
 * @param options.intervalMillis time from the end of one poll to the start of the next
 * @param options.poll the async work of one poll
 * @param options.onError called with what a poll threw; polling goes on
 * @param options.visibility what tells whether the page is hidden: an EventTarget with a
 * hidden property that fires visibilitychange (the document)
 */
export function createPoller({ intervalMillis, poll, onError = () => {}, visibility = document }) {
  let timer = null;
  let running = null;
  let again = false;
  let paused = false;
  let started = false;

  function schedule() {
    clearTimeout(timer);
    timer = null;
    if (started && !paused && !visibility.hidden) {
      timer = setTimeout(run, intervalMillis);
    }
  }

  /** Polls now; asked while a poll is running, polls once more as soon as it ends. */
  function run() {
    clearTimeout(timer);
    timer = null;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        await poll();
      }
      catch (failure) {
        onError(failure);
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
      else {
        schedule();
      }
    });
    return running;
  }

  visibility.addEventListener('visibilitychange', () => {
    if (!started) {
      return;
    }
    if (!visibility.hidden && !paused) {
      run();
    }
    else {
      schedule();
    }
  });

  return {
    /** Starts polling with a poll at once. */
    start() {
      started = true;
      return run();
    },
    /** Polls at once, also while paused or hidden (after an action the user asked for). */
    now() {
      return run();
    },
    setPaused(value) {
      paused = !!value;
      if (paused) {
        schedule();
      }
      else {
        run();
      }
    },
    get paused() {
      return paused;
    },
    /** Whether a next poll is due: false while paused, hidden or not started. */
    get scheduled() {
      return timer !== null;
    }
  };
}
