/*
 * The few DOM helpers every panel uses: look-ups by id, elements built from a tag, attributes
 * and children, and updates that leave the DOM alone when nothing changed.
 */

export function $(id) {
  return document.getElementById(id);
}

/**
 * An element: attributes (className, text, on<event> handlers; false, null and undefined are
 * left out) and children (nodes or text; false, null and undefined are skipped).
 */
export function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
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

export function code(text) {
  return el('code', { text: text });
}

export function show(element, visible) {
  element.hidden = !visible;
}

export function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

/** Shows the text in an empty-state paragraph, or hides the paragraph when there is none. */
export function showEmpty(element, text) {
  element.textContent = text || '';
  show(element, !!text);
}

/**
 * Replaces the children of an element with rows built from items, unless the key (anything
 * JSON can hold that says what the rows show) is the same as last time: rows rebuilt on every
 * poll would swallow a click that lands while they are replaced, and flicker.
 */
export function replaceRows(element, key, build) {
  const text = JSON.stringify(key);
  if (element.dataset.rowsKey === text) {
    return;
  }
  element.dataset.rowsKey = text;
  element.replaceChildren(...build());
}
