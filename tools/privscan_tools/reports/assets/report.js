// Draws the report's bar charts from the embedded JSON (no network, no library).
// Labels go in with textContent, so data can never become markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";  // the SVG namespace name; nothing is fetched
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function draw(root, series) {
    var row = 26, labelWidth = 300, barWidth = 420, width = labelWidth + barWidth + 70;
    var max = Math.max.apply(null, series.map(function (d) { return d.value; }).concat([1]));
    var height = Math.max(series.length, 1) * row + 8;
    var svg = el("svg", {width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
                         "aria-label": root.getAttribute("aria-label") || ""});  // scales down in narrow figures
    if (!series.length) {
      svg.appendChild(el("text", {x: 0, y: 18, "class": "empty"}, "none"));
    }
    series.forEach(function (d, i) {
      var y = i * row + 4, w = Math.max(2, Math.round(barWidth * d.value / max));
      var label = el("text", {x: labelWidth - 8, y: y + 15, "text-anchor": "end", "class": "label"}, d.label);
      label.appendChild(el("title", {}, d.title || d.label));
      svg.appendChild(label);
      svg.appendChild(el("rect", {x: labelWidth, y: y, width: w, height: row - 8, fill: d.color, "class": "bar",
                                  "data-value": d.value}));
      svg.appendChild(el("text", {x: labelWidth + w + 6, y: y + 15, "class": "value"}, String(d.value)));
    });
    root.appendChild(svg);
    root.setAttribute("data-rendered", String(series.length));
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), function (root) {
    draw(root, data.charts[root.getAttribute("data-chart")] || []);
  });
  document.body.setAttribute("data-charts-drawn", "true");
})();
