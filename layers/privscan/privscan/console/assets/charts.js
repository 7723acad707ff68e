// Horizontal bar charts drawn as SVG from the datasets view's data: no library, no inline style.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 440;
const LABEL = 170;
const ROW = 22;

function svgElement(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function shorten(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '\u2026' : text;
}

// bars: [{label, value, title?, severity?}]; barClass(bar) picks a CSS class of console.css for its colour
export function barChart(id, caption, bars, barClass = () => 'bar') {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.id = id;
  const title = document.createElement('figcaption');
  title.id = id + '-caption';
  title.textContent = caption;
  figure.append(title);
  if (!bars.length) {
    const none = document.createElement('p');
    none.textContent = 'None.';
    figure.append(none);
    return figure;
  }
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${bars.length * ROW + 4}`,
    width: WIDTH,
    height: bars.length * ROW + 4,
    role: 'img',
    'aria-labelledby': title.id,
  });
  const list = document.createElement('ul');
  list.className = 'visually-hidden';
  bars.forEach((bar, index) => {
    const y = index * ROW + 2;
    const label = svgElement('text', { x: 0, y: y + 15 });
    label.textContent = shorten(String(bar.label), 26);
    const length = Math.max(1, Math.round(((WIDTH - LABEL - 50) * bar.value) / max));
    const rect = svgElement('rect', { x: LABEL, y: y + 3, width: bar.value ? length : 0, height: ROW - 6, class: barClass(bar) });
    const hover = svgElement('title', {});
    hover.textContent = `${bar.title || bar.label}: ${bar.value}`;
    rect.append(hover);
    const value = svgElement('text', { x: LABEL + (bar.value ? length : 0) + 6, y: y + 15 });
    value.textContent = String(bar.value);
    svg.append(label, rect, value);
    const item = document.createElement('li');
    item.textContent = `${bar.title || bar.label}: ${bar.value}`;
    list.append(item);
  });
  figure.append(svg, list);
  figure.dataset.rendered = String(bars.length);
  return figure;
}
