// Building the page without markup strings: every piece of text becomes a text node, so card
// text such as "<script>" is shown as it is and never run.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// h('p', {class: 'x'}, 'text', h('b', {}, 'bold')): an HTML element.
export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

// s('rect', {x: 1}): an SVG element.
export function s(tag, attributes, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

export function plural(count, word, words = word + 's') {
  return `${count} ${count === 1 ? word : words}`;
}
