/*
 * Building the page without innerHTML: every value from the API becomes a text node or an attribute set with
 * setAttribute, so nothing a case holds (a patient's name, a form value) is ever parsed as HTML.
 */

/** An element with attributes (on* functions become listeners) and children (strings become text nodes). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends nodes and texts (null, undefined and false are left out; arrays are flattened). */
export function append(element, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

/** A table: column titles and rows of cells (each cell a value or a node). */
export function table(titles, rows, attributes) {
  return h('table', Object.assign({ class: 'table table-bordered table-hover grv-table' }, attributes),
    h('thead', null, h('tr', null, titles.map((t) => h('th', null, t)))),
    h('tbody', null, rows.map((cells) => h('tr', null, cells.map((c) => h('td', null, c))))));
}

/** A notice in Cockpit's style: kind is "info", "warning" or "danger". */
export function notice(kind, text) {
  return h('div', { class: `alert alert-${kind} grv-notice`, role: kind === 'danger' ? 'alert' : 'status' }, text);
}

/** Loads the plugin's stylesheet once (style-src 'self' in the webapps' CSP). */
export function ensureStyles() {
  if (document.getElementById('grv-styles')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'grv-styles';
  link.rel = 'stylesheet';
  link.href = new URL('./grievances.css', import.meta.url).pathname;
  document.head.appendChild(link);
}
