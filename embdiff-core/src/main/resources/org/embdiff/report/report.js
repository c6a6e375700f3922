/* embdiff report: draws every table and chart from the embedded report.json.
 * Text from input files is data: the DOM is built with textContent, never innerHTML, and the only
 * HTML strings (ECharts tooltips) pass through esc(). */
(function () {
  'use strict';
  var SIDE_COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#64748b', '#db2777', '#ca8a04'];
  var report = JSON.parse(document.getElementById('embdiff-report').textContent);
  var app = document.getElementById('app');
  var charts = [];
  var pending = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function esc(s) {
    return String(s).replace(/[&<>"'`=\/]/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function isNum(v) { return typeof v === 'number' && isFinite(v); }

  function fmt(v) {
    if (!isNum(v)) { return '\u2014'; }
    var a = Math.abs(v);
    if (Number.isInteger(v) && a < 1e15) { return v.toLocaleString('en-US'); }
    if (a !== 0 && (a < 1e-3 || a >= 1e9)) { return v.toExponential(2); }
    if (a >= 1000) { return v.toLocaleString('en-US', { maximumFractionDigits: 1 }); }
    return String(Number(v.toPrecision(4)));
  }

  function cellNode(c) {
    var span = el('span');
    if (c === null || c === undefined) { span.textContent = '\u2014'; return span; }
    if (isNum(c.v)) {
      span.appendChild(el('span', 'value', fmt(c.v)));
      if (isNum(c.lo) || isNum(c.hi)) {
        span.appendChild(el('span', 'ci', '[' + fmt(c.lo) + ', ' + fmt(c.hi) + ']'));
      }
      if (c.text) { span.appendChild(el('span', 'unit', c.text)); }
    } else {
      span.textContent = c.text ? c.text : '\u2014';
    }
    return span;
  }

  function sideClass(name) {
    if (name === report.header.sideA) { return 'side-a'; }
    if (name === report.header.sideB) { return 'side-b'; }
    return null;
  }

  function sideColor(name, i) {
    var words = String(name).split(' ');
    var light = words.indexOf('corpus') > 0;
    if (words[0] === report.header.sideA) { return light ? '#7dd3fc' : SIDE_COLORS[0]; }
    if (words[0] === report.header.sideB) { return light ? '#fbbf24' : SIDE_COLORS[1]; }
    return SIDE_COLORS[(i + 2) % SIDE_COLORS.length];
  }

  /* ---------- tables ---------- */

  function keyTable(t) {
    var box = el('div', t.columns.length > 2 ? 'wide' : null);
    if (t.title) { box.appendChild(el('h3', null, t.title)); }
    var table = el('table', 'key');
    var head = el('tr');
    head.appendChild(el('th', null, ''));
    t.columns.forEach(function (c) { head.appendChild(el('th', 'num ' + (sideClass(c) || ''), c)); });
    head.appendChild(el('th', null, ''));
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    t.rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', null, r.label));
      r.cells.forEach(function (c) {
        var td = el('td', 'num');
        td.appendChild(cellNode(c));
        tr.appendChild(td);
      });
      tr.appendChild(el('td', 'note-cell', r.note || ''));
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    return box;
  }

  function valueText(v, type) {
    if (v === null || v === undefined) { return '\u2014'; }
    if (type === 'list' && Array.isArray(v)) { return v.length ? v.join(', ') : '(none)'; }
    if (type === 'number') { return fmt(v); }
    return String(v);
  }

  function compareValues(x, y, type) {
    var xn = x === null || x === undefined, yn = y === null || y === undefined;
    if (xn || yn) { return xn === yn ? 0 : (xn ? 1 : -1); }
    if (type === 'number') { return x - y; }
    var xs = Array.isArray(x) ? x.join(' ') : String(x);
    var ys = Array.isArray(y) ? y.join(' ') : String(y);
    return xs < ys ? -1 : (xs > ys ? 1 : 0);
  }

  function dataTable(t) {
    var box = el('div');
    if (t.title) { box.appendChild(el('h3', null, t.title)); }
    var scroll = el('div', 'table-scroll');
    var table = el('table', t.sortable ? 'sortable data' : 'data');
    table.id = 'table-' + t.id;
    var head = el('tr');
    var rows = t.rows.slice();
    var body = el('tbody');
    function fill() {
      while (body.firstChild) { body.removeChild(body.firstChild); }
      rows.forEach(function (r) {
        var tr = el('tr');
        r.forEach(function (v, i) {
          var type = t.columns[i].type;
          tr.appendChild(el('td', type === 'number' ? 'num' : (type === 'list' ? 'list' : null), valueText(v, type)));
        });
        body.appendChild(tr);
      });
    }
    t.columns.forEach(function (c, i) {
      var th = el('th', c.type === 'number' ? 'num' : null, c.label);
      th.setAttribute('data-key', c.key);
      if (t.sortable) {
        th.setAttribute('title', 'Sort by ' + c.label);
        th.addEventListener('click', function () {
          var desc = !th.classList.contains('desc');
          Array.prototype.forEach.call(head.children, function (h) { h.classList.remove('asc', 'desc'); });
          th.classList.add(desc ? 'desc' : 'asc');
          rows.sort(function (x, y) {
            var d = compareValues(x[i], y[i], c.type);
            var nullish = x[i] === null || x[i] === undefined || y[i] === null || y[i] === undefined;
            return nullish ? d : (desc ? -d : d);
          });
          fill();
        });
      }
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    fill();
    table.appendChild(body);
    scroll.appendChild(table);
    box.appendChild(scroll);
    if (t.note) { box.appendChild(el('div', 'chart-note', t.note)); }
    return box;
  }

  /* ---------- charts ---------- */

  function tooltipFor(chart) {
    return {
      trigger: 'item',
      confine: true,
      formatter: function (p) {
        var v = p.value || [];
        var parts = [esc(p.seriesName)];
        if (p.name) { parts.push('<b>' + esc(p.name) + '</b>'); }
        if (chart.kind === 'heatmap') {
          parts.push(esc((chart.yCategories || [])[v[1]]) + ' \u2192 ' + esc((chart.xCategories || [])[v[0]]) + ': ' + esc(fmt(v[2])));
        } else if (chart.kind === 'bar') {
          parts.push(esc((chart.xCategories || [])[v[0]]) + ': ' + esc(fmt(v[1])));
        } else if (Array.isArray(v)) {
          parts.push(esc(v.map(fmt).join(', ')));
        }
        return parts.join('<br>');
      }
    };
  }

  function axisNumber(v) {
    var a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) { return v.toExponential(0).replace('e+', 'e'); }
    return fmt(v);
  }

  var measureCanvas = document.createElement('canvas').getContext('2d');

  /* The width in pixels of a text as ECharts draws it (its default font family). */
  function textWidth(text, size) {
    measureCanvas.font = size + 'px sans-serif';
    return measureCanvas.measureText(String(text)).width;
  }

  function axis(label, log, extra) {
    var a = { type: log ? 'log' : 'value', name: label || '', nameLocation: 'middle', nameGap: 30, scale: !log,
      splitLine: { lineStyle: { color: '#eef2f7' } }, axisLabel: { hideOverlap: true, formatter: axisNumber } };
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { a[k] = extra[k]; } }
    return a;
  }

  /* A y axis whose name sits above the axis, left-aligned: it can never cover the tick labels. */
  function yAxis(label, log, extra) {
    var a = axis(label, log, { nameLocation: 'end', nameGap: 12,
      nameTextStyle: { align: 'left', verticalAlign: 'bottom', color: '#475569' } });
    for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { a[k] = extra[k]; } }
    return a;
  }

  function xyOption(c) {
    var series = c.series.map(function (s, i) {
      var data = s.points.filter(function (p) {
        return isNum(p[0]) && isNum(p[1]) && (!c.xLog || p[0] > 0) && (!c.yLog || p[1] > 0);
      }).map(function (p, j) {
        return s.labels ? { value: p, name: s.labels[j] } : p;
      });
      var color = sideColor(s.name, i);
      var out = { name: s.name, data: data, color: color, animation: false };
      if (s.style === 'scatter') {
        out.type = 'scatter'; out.symbolSize = 5;
      } else if (s.style === 'bar') {
        out.type = 'bar'; out.barCategoryGap = '5%';
      } else {
        out.type = 'line'; out.showSymbol = false; out.lineStyle = { width: s.style === 'dashed' ? 1.5 : 2 };
        if (s.style === 'dashed') { out.lineStyle.type = 'dashed'; out.lineStyle.opacity = 0.85; }
      }
      return out;
    });
    var bars = series.some(function (s) { return s.type === 'bar'; });
    return {
      xAxis: axis(c.xLabel, c.xLog), yAxis: yAxis(c.yLabel, c.yLog, bars && !c.yLog ? { scale: false } : {}), series: series
    };
  }

  /* Bars start at 0; category labels rotate when they do not fit side by side, and the axis name is
   * placed below the rotated labels' measured extent. */
  function barOption(c, width) {
    var series = c.series.map(function (s, i) {
      var values = c.xCategories.map(function () { return null; });
      s.points.forEach(function (p) { values[p[0]] = isNum(p[1]) ? [p[0], p[1]] : null; });
      return { name: s.name, type: 'bar', data: values.map(function (v, j) { return v === null ? [j, null] : v; }),
        color: sideColor(s.name, i), animation: false };
    });
    var size = 11;
    var labels = c.xCategories.map(function (s) { return s.length > 34 ? s.slice(0, 33) + '\u2026' : s; });
    var widest = labels.reduce(function (m, s) { return Math.max(m, textWidth(s, size)); }, 0);
    var slot = Math.max(1, (width - 90) / Math.max(1, labels.length));
    var rotate = widest + 6 > slot ? (widest > 3 * slot ? 60 : 35) : 0;
    var rad = rotate * Math.PI / 180;
    var extent = rotate ? widest * Math.sin(rad) + size * Math.cos(rad) : size;
    var nameGap = Math.ceil(extent) + 18;
    return {
      xAxis: { type: 'category', data: c.xCategories.map(function (_, i) { return i; }),
        axisLabel: { interval: 0, rotate: rotate, fontSize: size, formatter: function (i) { return labels[i]; } },
        name: c.xLabel || '', nameLocation: 'middle', nameGap: nameGap },
      yAxis: yAxis(c.yLabel, c.yLog, c.yLog ? {} : { scale: false, min: 0 }), series: series,
      gridBottom: nameGap + (c.xLabel ? 26 : 8)
    };
  }

  function heatmapOption(c) {
    var values = [];
    c.series.forEach(function (s) { s.points.forEach(function (p) { if (isNum(p[2])) { values.push(p[2]); } }); });
    var max = values.length ? Math.max.apply(null, values) : 1;
    return {
      grid: { left: 90, right: 60, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: c.xCategories.map(function (_, i) { return i; }), splitArea: { show: true },
        axisLabel: { interval: 0, rotate: 45, formatter: function (i) { return c.xCategories[i]; } } },
      yAxis: { type: 'category', data: c.yCategories.map(function (_, i) { return i; }), inverse: true,
        axisLabel: { interval: 0, formatter: function (i) { return c.yCategories[i]; } } },
      visualMap: { min: 0, max: max, calculable: false, orient: 'vertical', right: 0, top: 'center', itemHeight: 120,
        text: [fmt(max), '0'], textGap: 6,
        inRange: { color: ['#f8fafc', '#93c5fd', '#1d4ed8', '#172554'] }, textStyle: { fontSize: 10 } },
      series: c.series.map(function (s) {
        return { name: s.name, type: 'heatmap', data: s.points, animation: false, progressive: 0 };
      })
    };
  }

  function arrowsOption(c) {
    var series = [];
    c.series.forEach(function (s, i) {
      var color = sideColor(s.name, i);
      var starts = [], ends = [], lines = [];
      s.points.forEach(function (p, j) {
        var name = s.labels ? s.labels[j] : '';
        starts.push({ value: [p[0], p[1]], name: name });
        ends.push({ value: [p[2], p[3]], name: name });
        lines.push({ coords: [[p[0], p[1]], [p[2], p[3]]] });
      });
      series.push({ name: s.name + ' (from)', type: 'scatter', data: starts, symbolSize: 6, color: SIDE_COLORS[1],
        animation: false });
      series.push({ name: s.name + ' (to)', type: 'scatter', data: ends, symbolSize: 7, color: SIDE_COLORS[0],
        animation: false, label: { show: true, position: 'right', fontSize: 11, color: '#1f2933',
          formatter: function (p) { return p.name; } }, labelLayout: { hideOverlap: true } });
      series.push({ name: s.name, type: 'lines', coordinateSystem: 'cartesian2d', data: lines, animation: false,
        symbol: ['none', 'arrow'], symbolSize: 7, lineStyle: { color: color, width: 1.2, opacity: 0.6 }, silent: true });
    });
    return { xAxis: axis(c.xLabel, false), yAxis: yAxis(c.yLabel, false), series: series };
  }

  function drawChart(c, container) {
    var box = el('div', c.series.length > 4 ? 'chart-box wide' : 'chart-box');
    var div = el('div', 'chart');
    div.id = 'chart-' + c.id;
    div.setAttribute('data-kind', c.kind);
    if (c.kind === 'heatmap') { div.style.height = Math.max(320, 60 + 24 * (c.yCategories || []).length + 90) + 'px'; }
    if (c.kind === 'arrows') { div.style.height = '520px'; box.className = 'chart-box wide'; }
    if (c.series.length > 4) { div.style.height = '420px'; }
    box.appendChild(div);
    if (c.note) { box.appendChild(el('div', 'chart-note', c.note)); }
    container.appendChild(box);
    // drawn once the page is attached to the document: ECharts sizes the canvas from the layout, and the
    // bar labels and the legend are laid out for the chart's width
    pending.push(function () {
      var width = div.clientWidth || 560;
      var option;
      if (c.kind === 'bar') { option = barOption(c, width); }
      else if (c.kind === 'heatmap') { option = heatmapOption(c); }
      else if (c.kind === 'arrows') { option = arrowsOption(c); }
      else { option = xyOption(c); }
      option.animation = false;
      option.title = { text: c.title, left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 600, color: '#334155' } };
      option.tooltip = tooltipFor(c);
      if (c.kind !== 'heatmap') {
        // every series stays visible: the legend wraps onto as many rows as it needs (no pages)
        var rows = legendRows(option.series, width - 40);
        option.legend = { top: 26, left: 'center', type: 'plain', itemGap: 10, textStyle: { fontSize: 11 } };
        var top = 26 + rows * 22 + 26;
        option.grid = { left: 64, right: 28, top: top, bottom: option.gridBottom || 52 };
        div.style.height = (div.clientHeight + Math.max(0, top - 64) + Math.max(0, option.grid.bottom - 110)) + 'px';
      }
      delete option.gridBottom;
      var chart = echarts.init(div, null, { renderer: 'canvas' });
      chart.setOption(option);
      charts.push(chart);
    });
  }

  /* How many rows ECharts' plain legend takes for these series at this width. */
  function legendRows(series, width) {
    var names = [];
    series.forEach(function (s) { if (s.name && names.indexOf(s.name) < 0) { names.push(s.name); } });
    var rows = names.length ? 1 : 0, x = 0;
    names.forEach(function (n) {
      var w = 25 + 5 + textWidth(n, 11) + 10;
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }


  /* ---------- sections ---------- */

  function statusBadge(status) {
    return el('span', 'badge ' + status, status);
  }

  function sectionCard(s) {
    var card = el('section', 'card ' + s.status);
    card.id = 'section-' + s.id;
    var h = el('h2', null, s.title);
    if (s.status !== 'ok') { h.appendChild(statusBadge(s.status)); }
    card.appendChild(h);
    if (s.status !== 'ok') {
      card.appendChild(el('p', 'skip', s.status + ': ' + s.reason));
      return card;
    }
    var d = s.data || {};
    if (d.howToRead) { card.appendChild(el('p', 'how', d.howToRead)); }
    if (d.keyTables && d.keyTables.length) {
      var kt = el('div', 'keytables');
      d.keyTables.forEach(function (t) { kt.appendChild(keyTable(t)); });
      card.appendChild(kt);
    }
    if (d.charts && d.charts.length) {
      var grid = el('div', 'charts');
      card.appendChild(grid);
      d.charts.forEach(function (c) { drawChart(c, grid); });
    }
    (d.tables || []).forEach(function (t) { card.appendChild(dataTable(t)); });
    if (d.notes && d.notes.length) {
      var ul = el('ul', 'notes');
      d.notes.forEach(function (n) { ul.appendChild(el('li', null, n)); });
      card.appendChild(ul);
    }
    return card;
  }

  function claimsCard(s) {
    var card = el('section', 'card claims ' + s.status);
    card.id = 'section-' + s.id;
    var h = el('h2', null, s.title);
    if (s.status !== 'ok') { h.appendChild(statusBadge(s.status)); }
    card.appendChild(h);
    if (s.status !== 'ok') {
      card.appendChild(el('p', 'skip', s.status + ': ' + s.reason));
      return card;
    }
    var d = s.data;
    if (d.howToRead) { card.appendChild(el('p', 'how', d.howToRead)); }
    var tally = {};
    d.rows.forEach(function (r) { tally[r.verdict] = (tally[r.verdict] || 0) + 1; });
    var summary = el('div', 'verdict-summary');
    ['supported', 'contradicted', 'no difference', 'inconclusive', 'confounded', 'not measurable'].forEach(function (v) {
      if (tally[v]) { summary.appendChild(el('span', 'badge ' + v.replace(/ /g, '-'), tally[v] + ' ' + v)); }
    });
    card.appendChild(summary);
    var table = el('table', 'claims-table');
    table.id = 'claims-table';
    var head = el('tr');
    [['Claim', 'claim'], ['Verdict', null], ['First value', 'num'], ['Second value', 'num'],
      ['Naive difference [95% CI]', 'num'], ['Controlled difference [95% CI]', 'num'], ['Changed by', null],
      ['Margin', 'num'], ['Holm p', 'num'], ['Test and notes', null]].forEach(function (t) {
      head.appendChild(el('th', t[1], t[0]));
    });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    // long text folded so that a row stays a few lines high; the text is in the page either way
    function folded(label, text) {
      var details = el('details', 'claim-note');
      details.appendChild(el('summary', null, label));
      details.appendChild(el('div', null, text));
      return details;
    }
    function verdictBadge(v) {
      return v ? el('span', 'badge small ' + v.replace(/ /g, '-'), v) : el('span', 'muted', '\u2014');
    }
    d.rows.forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-verdict', r.verdict);
      tr.appendChild(el('td', 'claim', r.claim));
      var v = el('td');
      v.appendChild(el('span', 'badge ' + r.verdict.replace(/ /g, '-'), r.verdict));
      tr.appendChild(v);
      [[r.labelA, r.a, sideClass(r.labelA)], [r.labelB, r.b, sideClass(r.labelB)]].forEach(function (p) {
        var td = el('td', 'num value-cell');
        td.appendChild(el('div', 'value-label' + (p[2] ? ' ' + p[2] : ''), p[0]));
        td.appendChild(cellNode(p[1]));
        tr.appendChild(td);
      });
      [[r.difference, r.naiveVerdict], [r.controlled, r.controlledVerdict]].forEach(function (p) {
        var td = el('td', 'num');
        if (p[0]) {
          td.appendChild(cellNode(p[0]));
          td.appendChild(el('div', null)).appendChild(verdictBadge(p[1]));
        } else {
          td.appendChild(el('span', 'muted', r.verdict === 'not measurable' ? '\u2014' : 'no control'));
        }
        tr.appendChild(td);
      });
      var changed = el('td', 'changed-by');
      changed.appendChild(el('div', r.changedBy === 'none' ? 'muted' : 'changed', r.changedBy));
      if (r.control) { changed.appendChild(folded('how', r.control)); }
      tr.appendChild(changed);
      tr.appendChild(el('td', 'num', isNum(r.margin) ? fmt(r.margin) + (r.marginOverridden ? ' (set)' : '') : '\u2014'));
      tr.appendChild(el('td', 'num', isNum(r.adjustedP) ? (r.adjustedP < 0.001 ? '< 0.001' : fmt(r.adjustedP)) : '\u2014'));
      var notes = el('td', 'note-cell');
      if (r.test) { notes.appendChild(el('div', null, r.test)); }
      if (r.note) { notes.appendChild(folded('notes', r.note)); }
      tr.appendChild(notes);
      body.appendChild(tr);
    });
    table.appendChild(body);
    var scroll = el('div', 'table-wide');
    scroll.appendChild(table);
    card.appendChild(scroll);
    if (d.margins && d.margins.length) {
      card.appendChild(el('h3', null, 'Margins used'));
      var mt = el('table', 'margins-table');
      mt.id = 'margins-table';
      var mh = el('tr');
      ['Claims', 'Margin', 'Set by', 'Rows', 'Why this size'].forEach(function (t) { mh.appendChild(el('th', null, t)); });
      mt.appendChild(el('thead')).appendChild(mh);
      var mb = el('tbody');
      d.margins.forEach(function (m) {
        var tr = el('tr');
        tr.appendChild(el('td', 'claim', m.key));
        tr.appendChild(el('td', 'num', fmt(m.value)));
        tr.appendChild(el('td', null, m.overridden ? 'user' : 'default'));
        tr.appendChild(el('td', 'num', String(m.claims)));
        tr.appendChild(el('td', 'note-cell', m.reason));
        mb.appendChild(tr);
      });
      mt.appendChild(mb);
      var ms = el('div', 'table-wide');
      ms.appendChild(mt);
      card.appendChild(ms);
    }
    if (d.notes && d.notes.length) {
      var ul = el('ul', 'notes');
      d.notes.forEach(function (n) { ul.appendChild(el('li', null, n)); });
      card.appendChild(ul);
    }
    return card;
  }

  function humanBytes(n) {
    if (!isNum(n)) { return '\u2014'; }
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  }

  function provenanceCard(h) {
    var card = el('footer', 'card prov');
    card.id = 'section-provenance';
    card.appendChild(el('h2', null, 'Provenance: inputs, settings and timing'));
    card.appendChild(el('p', 'how', 'Every input is named by its SHA-256, so the report says exactly which bytes were compared. '
      + 'With the same inputs, settings and seed, embdiff reproduces these numbers.'));
    var inputs = el('table');
    inputs.id = 'inputs-table';
    var head = el('tr');
    ['Side', 'Role', 'Path', 'Size', 'SHA-256', 'Format', 'Rows', 'Dim', 'Warnings'].forEach(function (t, i) {
      head.appendChild(el('th', i === 3 || i === 6 || i === 7 ? 'num' : null, t));
    });
    inputs.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    h.inputs.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', null, f.side));
      tr.appendChild(el('td', null, f.role));
      tr.appendChild(el('td', 'path mono', f.path));
      tr.appendChild(el('td', 'num', humanBytes(f.sizeBytes)));
      var sha = el('td', 'sha', f.sha256 ? f.sha256.slice(0, 16) + '\u2026' : '\u2014');
      if (f.sha256) { sha.setAttribute('title', f.sha256); }
      tr.appendChild(sha);
      tr.appendChild(el('td', null, [f.format, f.compression].filter(Boolean).join(', ')));
      tr.appendChild(el('td', 'num', f.rows >= 0 ? fmt(f.rows) : '\u2014'));
      tr.appendChild(el('td', 'num', f.dim > 0 ? fmt(f.dim) : '\u2014'));
      var w = Object.keys(f.warnings || {}).map(function (k) { return k + ': ' + fmt(f.warnings[k]); }).join('; ');
      tr.appendChild(el('td', 'note-cell', w || 'none'));
      body.appendChild(tr);
    });
    inputs.appendChild(body);
    card.appendChild(el('h3', null, 'Inputs'));
    var inputsScroll = el('div', 'table-wide');
    inputsScroll.appendChild(inputs);
    card.appendChild(inputsScroll);

    var grid = el('div', 'keytables');
    var settings = el('table');
    settings.id = 'settings-table';
    var sb = el('tbody');
    var env = { 'embdiff version': h.version, 'created (UTC)': h.created, 'seed': String(h.seed), 'threads': String(h.threads),
      'Java': h.java, 'OS': h.os, 'vector kernels': h.kernelProvider || 'unknown' };
    Object.keys(env).forEach(function (k) {
      var tr = el('tr'); tr.appendChild(el('td', null, k)); tr.appendChild(el('td', 'mono', env[k])); sb.appendChild(tr);
    });
    Object.keys(h.settings).forEach(function (k) {
      if (Object.prototype.hasOwnProperty.call(env, k)) { return; }
      var tr = el('tr'); tr.appendChild(el('td', null, k)); tr.appendChild(el('td', 'mono', h.settings[k])); sb.appendChild(tr);
    });
    settings.appendChild(sb);
    var left = el('div'); left.appendChild(el('h3', null, 'Settings and environment')); left.appendChild(settings);
    grid.appendChild(left);

    var stages = el('table');
    stages.id = 'stages-table';
    var sh = el('tr');
    ['Stage', 'Seconds', 'Result'].forEach(function (t, i) { sh.appendChild(el('th', i === 1 ? 'num' : null, t)); });
    stages.appendChild(el('thead')).appendChild(sh);
    var stb = el('tbody');
    h.stages.forEach(function (s) {
      var tr = el('tr');
      tr.appendChild(el('td', null, s.stage));
      tr.appendChild(el('td', 'num', s.seconds.toFixed(2)));
      var st = el('td'); st.appendChild(statusBadge(s.status)); tr.appendChild(st);
      stb.appendChild(tr);
    });
    var total = el('tr');
    total.appendChild(el('td', null, 'total (wall clock, stages overlap)'));
    total.appendChild(el('td', 'num', h.totalSeconds.toFixed(2)));
    total.appendChild(el('td'));
    stb.appendChild(total);
    stages.appendChild(stb);
    var right = el('div'); right.appendChild(el('h3', null, 'Time per stage')); right.appendChild(stages);
    grid.appendChild(right);
    card.appendChild(grid);
    return card;
  }

  function hero() {
    var h = report.header;
    var header = el('header', 'hero');
    var wrap = el('div', 'wrap');
    var title = el('h1');
    title.appendChild(el('span', 'side-a', h.sideA));
    title.appendChild(document.createTextNode(' vs '));
    title.appendChild(el('span', 'side-b', h.sideB));
    title.appendChild(document.createTextNode(': how the two embedding spaces differ'));
    wrap.appendChild(title);
    wrap.appendChild(el('div', 'sub', 'embdiff ' + h.version + ' \u00b7 ' + h.created + ' \u00b7 seed ' + h.seed
      + ' \u00b7 ' + h.totalSeconds.toFixed(1) + ' s'));
    var all = [report.claims].concat(report.sections);
    var counts = { ok: 0, skipped: 0, failed: 0 };
    all.forEach(function (s) { counts[s.status]++; });
    var chips = el('div', 'summary-chips');
    chips.appendChild(el('span', 'chip', counts.ok + ' analyses with results'));
    if (counts.skipped) { chips.appendChild(el('span', 'chip', counts.skipped + ' skipped (reasons below)')); }
    if (counts.failed) { chips.appendChild(el('span', 'chip', counts.failed + ' failed')); }
    wrap.appendChild(chips);
    var nav = el('nav', 'toc');
    all.forEach(function (s) {
      var a = el('a');
      a.setAttribute('href', '#section-' + s.id);
      a.appendChild(el('span', 'dot ' + s.status));
      a.appendChild(document.createTextNode(s.title));
      nav.appendChild(a);
    });
    var p = el('a');
    p.setAttribute('href', '#section-provenance');
    p.appendChild(el('span', 'dot ok'));
    p.appendChild(document.createTextNode('Provenance'));
    nav.appendChild(p);
    wrap.appendChild(nav);
    header.appendChild(wrap);
    return header;
  }

  app.appendChild(hero());
  var main = el('main', 'wrap');
  app.appendChild(main);
  main.appendChild(claimsCard(report.claims));
  report.sections.forEach(function (s) { main.appendChild(sectionCard(s)); });
  main.appendChild(provenanceCard(report.header));
  // a key table wider than its grid cell takes the whole row instead of scrolling in half of it
  Array.prototype.forEach.call(document.querySelectorAll('.keytables > div'), function (box) {
    if (box.scrollWidth > box.clientWidth + 1) { box.classList.add('wide'); }
  });
  pending.forEach(function (draw) { draw(); });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-rendered', String(charts.length));
}());
