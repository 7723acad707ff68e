// DOM helpers: every value reaches the page as text (textContent), never as markup.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') element.textContent = String(value);
    else if (key === 'class') element.className = value;
    else if (key.startsWith('data-')) element.setAttribute(key, String(value));
    else if (key in element && typeof element[key] !== 'function') element[key] = value;
    else element.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

export function $(id) {
  return document.getElementById(id);
}

export function show(id, visible = true) {
  $(id).hidden = !visible;
}

export function badge(kind, value) {
  return el('span', { class: `badge ${kind} ${kind}-${value}`, text: String(value).replace(/_/g, ' ') });
}

export function options(select, values, selected, allLabel) {
  // values: [[value, label]]; an "all" option first when allLabel is given
  clear(select);
  if (allLabel !== undefined) select.append(el('option', { value: '', text: allLabel }));
  for (const [value, label] of values) select.append(el('option', { value, text: label }));
  select.value = values.some(([value]) => value === selected) ? selected : allLabel !== undefined ? '' : select.value;
}

export function facts(dl, pairs) {
  clear(dl);
  for (const [term, value] of pairs) {
    if (value === undefined || value === null || value === '') continue;
    dl.append(el('dt', { text: term }), el('dd', {}, value instanceof Node ? value : String(value)));
  }
}
