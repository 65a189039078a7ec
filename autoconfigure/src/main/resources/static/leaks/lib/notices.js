/*
 * The notice bar above the banner: one line per ongoing condition (no connection, read-only,
 * charts missing), each under its own key so it can be lifted when the condition ends.
 */
import { $, el, show } from './dom.js';

const notices = new Map();

export function showNotice(key, message, error) {
  const previous = notices.get(key);
  if (previous && previous.message === message && previous.error === !!error) {
    return;
  }
  notices.set(key, { message: message, error: !!error });
  renderNotices();
}

export function hideNotice(key) {
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
