/*
 * The page's frame: the top bar (the JVM and its uptime, the endpoint's access, the last
 * update, Pause) and the footer's poll interval.
 */
import { $, setText } from '../lib/dom.js';
import { clock, duration } from '../lib/format.js';

export default {
  name: 'frame',

  init(page) {
    setText('poll-interval', duration(page.config.pollMillis));
    const pause = $('pause');
    pause.addEventListener('click', () => {
      page.setPaused(!page.paused);
      pause.textContent = page.paused ? 'Resume' : 'Pause';
      pause.setAttribute('aria-pressed', String(page.paused));
    });
  },

  render(page) {
    const jvm = page.overview.jvm;
    if (jvm) {
      setText('jvm', jvm.name + ' ' + jvm.version + ' · up ' + duration(jvm.uptimeMillis));
    }
    setText('updated', 'updated ' + clock(Date.now()));
    const access = page.supports.access;
    const badge = $('access');
    badge.hidden = !access;
    badge.textContent = access === 'UNRESTRICTED' ? 'read & write' : 'read-only';
    badge.className = 'badge ' + (access === 'UNRESTRICTED' ? 'unrestricted' : 'read-only');
  }
};
