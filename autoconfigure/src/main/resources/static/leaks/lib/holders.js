/*
 * "Who holds it?" from anywhere on the page: a suspect or a diff row asks the holders panel
 * (panels/holders.js) to analyse the latest heap dump for a class.
 */
import { config } from './config.js';
import { el } from './dom.js';

const EVENT = 'leaks:who-holds-it';

/** Whether the page can start an analysis: the application serves them and the page may write. */
export function canAnalyse(page) {
  return page.writable && config.resources.has('analyses');
}

/** A small button that asks who holds instances of the class, or null where the page cannot. */
export function whoHoldsItButton(page, className) {
  if (!canAnalyse(page)) {
    return null;
  }
  return el('button', { type: 'button', className: 'link who-holds-it', text: 'who holds it?',
    'aria-label': 'who holds ' + className, 'data-class': className,
    onclick: () => document.dispatchEvent(new CustomEvent(EVENT, { detail: { className: className } })) });
}

/** Calls the listener with the class name each time someone asks. */
export function onWhoHoldsIt(listener) {
  document.addEventListener(EVENT, (event) => listener(event.detail.className));
}
