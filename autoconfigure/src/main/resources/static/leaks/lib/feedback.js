/*
 * The result box under the actions: what the last action did or why it failed. Every panel
 * with a button reports there, so there is one place to look after a click.
 */
import { $, show } from './dom.js';

/** Shows a result: a node, text or a list of them; kind is 'busy', 'error' or none. */
export function showResult(content, kind) {
  const box = $('action-result');
  box.className = 'result' + (kind ? ' ' + kind : '');
  box.replaceChildren(...(Array.isArray(content) ? content : [content]));
  show(box, true);
}

/** Runs an action with its button disabled and a busy text in the result box meanwhile. */
export async function runAction(button, busyText, work) {
  button.disabled = true;
  showResult(busyText, 'busy');
  try {
    await work();
  }
  finally {
    button.disabled = false;
  }
}
