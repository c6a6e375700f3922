/* embdiff serve: the page. Every text from the server goes into the DOM through textContent; the
   only HTML strings are ECharts tooltips, which pass through esc(). The view and its inputs live in
   the address (#view=word&w=apple&k=10), so a view can be shared as a link. */
(function () {
  'use strict';
  var meta = null;
  var charts = [];
  var pending = 0;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function fmt(v, digits) {
    if (v === null || v === undefined) { return '\u2014'; }
    if (typeof v !== 'number') { return String(v); }
    return v.toFixed(digits === undefined ? 3 : digits);
  }
  function whole(v) { return v === null || v === undefined ? '\u2014' : String(v); }
  function pct(v) { return v === null || v === undefined ? '\u2014' : (100 * v).toFixed(1) + '%'; }

  function state() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = {};
    p.forEach(function (v, k) { s[k] = v; });
    if (!s.view) { s.view = 'word'; }
    return s;
  }
  function go(s) {
    var p = new URLSearchParams();
    Object.keys(s).forEach(function (k) { if (s[k] !== '' && s[k] !== null && s[k] !== undefined) { p.set(k, s[k]); } });
    var h = '#' + p.toString();
    if (location.hash === h) { render(); } else { location.hash = h; }
  }
  function wordLink(w) {
    var a = el('a', {'class': 'word', href: '#' + new URLSearchParams({view: 'word', w: w}).toString()}, w);
    return a;
  }

  function api(path, params) {
    var q = new URLSearchParams(params || {}).toString();
    pending++;
    document.documentElement.setAttribute('data-busy', String(pending));
    return fetch('/api/' + path + (q ? '?' + q : ''), {headers: {Accept: 'application/json'}}).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body && body.error ? body.error : 'HTTP ' + r.status); }
        return body;
      });
    }).finally(function () {
      pending--;
      document.documentElement.setAttribute('data-busy', String(pending));
    });
  }
  function fail(node, e) { clear(node).appendChild(el('p', {'class': 'error'}, e.message)); }
  function done(view) { document.documentElement.setAttribute('data-view-ready', view); }

  function disposeCharts() { charts.forEach(function (c) { c.dispose(); }); charts = []; }
  function chart(node) { var c = echarts.init(node, null, {renderer: 'canvas'}); charts.push(c); return c; }

  // ---------- word view ----------
  var completeTimer = null;
  var completeGeneration = 0;
  function setupCompletion() {
    var input = document.getElementById('word-input');
    var list = document.getElementById('suggestions');
    var sel = -1;
    function hide() { list.hidden = true; sel = -1; }
    function pick(w) { input.value = w; hide(); submitWord(); }
    input.addEventListener('input', function () {
      clearTimeout(completeTimer);
      var q = input.value.trim();
      if (!q) { hide(); return; }
      var generation = completeGeneration;
      completeTimer = setTimeout(function () {
        api('complete', {q: q, limit: 10}).then(function (words) {
          if (input.value.trim() !== q || generation !== completeGeneration) { return; }
          clear(list);
          words.forEach(function (w) {
            var li = el('li', null, w);
            li.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(w); });
            list.appendChild(li);
          });
          list.hidden = words.length === 0;
          sel = -1;
        }).catch(function () { hide(); });
      }, 80);
    });
    input.addEventListener('keydown', function (ev) {
      var items = list.querySelectorAll('li');
      if (list.hidden || items.length === 0) { return; }
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        sel = (sel + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items.forEach(function (li, i) { li.classList.toggle('sel', i === sel); });
      } else if (ev.key === 'Enter' && sel >= 0) {
        ev.preventDefault();
        pick(items[sel].textContent);
      } else if (ev.key === 'Escape') { hide(); }
    });
    input.addEventListener('blur', function () { setTimeout(hide, 100); });
  }
  function submitWord() {
    completeGeneration++;
    clearTimeout(completeTimer);
    document.getElementById('suggestions').hidden = true;
    var w = document.getElementById('word-input').value.trim();
    go({view: 'word', w: w, k: document.getElementById('word-k').value});
  }

  function renderWord(s) {
    var out = document.getElementById('word-result');
    var input = document.getElementById('word-input');
    if (s.w && document.activeElement !== input) { input.value = s.w; }
    if (s.k) { document.getElementById('word-k').value = s.k; }
    if (!s.w) {
      clear(out).appendChild(el('p', {'class': 'note'}, 'Type a word both spaces have; suggestions come from the shared '
        + 'vocabulary (' + meta.shared + ' words), most frequent first.'));
      done('word');
      return;
    }
    api('word', {w: s.w, k: s.k || 10}).then(function (v) {
      clear(out);
      var card = el('div', {'class': 'card', id: 'word-card'});
      var h = el('h2', null, v.word);
      (v.tags || []).forEach(function (t) { h.appendChild(document.createTextNode(' ')); h.appendChild(el('span', {'class': 'badge ' + t}, t)); });
      card.appendChild(h);
      if (!v.found) {
        card.appendChild(el('p', {'class': 'error'}, v.message));
        if (v.suggestions && v.suggestions.length) {
          var p = el('p', null, 'Shared words that start alike: ');
          v.suggestions.forEach(function (w) { p.appendChild(wordLink(w)); p.appendChild(document.createTextNode(' ')); });
          card.appendChild(p);
        }
        out.appendChild(card);
        appendExamples(out, v);
        done('word');
        return;
      }
      var stats = el('div', {'class': 'stats'});
      function stat(label, value) { var d = el('div'); d.appendChild(el('span', null, label)); d.appendChild(document.createTextNode(value)); stats.appendChild(d); }
      stat('overlap@' + v.k, fmt(v.overlapK, 2));
      var sh = v.shift;
      if (sh) {
        stat('\u0394w', fmt(sh.delta));
        stat('band', sh.band);
        stat('\u0394w percentile in band (band null)', pct(v.deltaPercentile) + ' of ' + v.bandSize);
        stat('band p', fmt(sh.bandP));
        stat('cos distance', fmt(sh.cosineDistance));
        stat(meta.overlapK >= 1000 ? 'overlap@10/100/1000' : 'overlap@10/100', fmt(sh.overlap10, 2) + ' / ' + fmt(sh.overlap100, 2)
          + (meta.overlapK >= 1000 ? ' / ' + fmt(sh.overlap1000, 2) : ''));
        stat('second-order', fmt(sh.secondOrder));
      } else if (!v.shiftReady) {
        stat('shift', 'the shift table is still being computed; this view updates when it is ready');
      } else {
        stat('shift', 'beyond the table (' + meta.tableNote + ')');
      }
      card.appendChild(stats);
      var freq = el('div', {'class': 'stats'});
      [[meta.a.name, v.countA, v.perMillionA, v.rankA], [meta.b.name, v.countB, v.perMillionB, v.rankB]].forEach(function (r) {
        var d = el('div');
        d.appendChild(el('span', null, r[0]));
        d.appendChild(document.createTextNode('count ' + (r[1] === null ? '\u2014' : r[1]) + ', '
          + (r[2] === null ? '\u2014' : fmt(r[2], 2)) + ' per million, rank ' + (r[3] === null ? '\u2014' : r[3])));
        freq.appendChild(d);
      });
      card.appendChild(freq);
      var pair = el('div', {'class': 'pair'});
      [[meta.a.name, v.neighboursA, 'neighbours-a'], [meta.b.name, v.neighboursB, 'neighbours-b']].forEach(function (side) {
        var box = el('div');
        box.appendChild(el('h3', null, 'Nearest neighbours in ' + side[0]));
        var t = el('table', {'class': 'data', id: side[2]});
        var head = el('tr');
        ['#', 'word', 'cosine'].forEach(function (x) { head.appendChild(el('th', null, x)); });
        t.appendChild(el('thead')).appendChild(head);
        var body = t.appendChild(el('tbody'));
        side[1].forEach(function (n, i) {
          var tr = el('tr', n.shared ? {'class': 'shared'} : null);
          tr.appendChild(el('td', {'class': 'num'}, i + 1));
          var td = el('td');
          td.appendChild(wordLink(n.word));
          tr.appendChild(td);
          tr.appendChild(el('td', {'class': 'num'}, fmt(n.similarity)));
          body.appendChild(tr);
        });
        box.appendChild(t);
        pair.appendChild(box);
      });
      card.appendChild(pair);
      card.appendChild(el('p', {'class': 'note'}, 'Highlighted: neighbours both spaces have among their top ' + v.k
        + '. Neighbours are searched within the shared vocabulary, as for the overlap measures (Gonen et al. 2020): '
        + (meta.searchWords >= meta.shared ? 'all ' + meta.shared + ' shared words.' : 'its ' + meta.searchWords
          + ' most frequent words (of ' + meta.shared + '; --search-words sets how many).')));
      out.appendChild(card);
      appendExamples(out, v);
      done('word');
    }).catch(function (e) { fail(out, e); done('word'); });
  }
  function appendExamples(out, v) {
    if ((!v.examplesA || !v.examplesA.length) && (!v.examplesB || !v.examplesB.length)) {
      if (meta.a.exampleLines || meta.b.exampleLines) {
        out.appendChild(el('p', {'class': 'note'}, 'No corpus line contains this word.'));
      }
      return;
    }
    var card = el('div', {'class': 'card pair', id: 'examples'});
    [[meta.a.name, v.examplesA], [meta.b.name, v.examplesB]].forEach(function (side) {
      var box = el('div');
      box.appendChild(el('h3', null, 'In context: ' + side[0] + ' corpus'));
      (side[1] || []).forEach(function (x) {
        var p = el('p', {'class': 'kwic'});
        p.appendChild(document.createTextNode(x.left ? '\u2026' + x.left + ' ' : ''));
        if (x.match !== null) { p.appendChild(el('span', {'class': 'match'}, x.match)); }
        p.appendChild(document.createTextNode(' ' + x.right + '\u2026'));
        box.appendChild(p);
      });
      card.appendChild(box);
    });
    out.appendChild(card);
  }

  // ---------- shift table ----------
  var PAGE = 50;
  function renderTable(s) {
    var sort = s.sort || 'delta', order = s.order || 'desc', page = parseInt(s.page || '0', 10) || 0;
    document.getElementById('table-sort').value = sort;
    document.getElementById('table-order').value = order;
    document.getElementById('table-band').value = s.band || '';
    document.getElementById('table-tag').value = s.tag || '';
    document.getElementById('table-sig').checked = s.maxp === '0.05';
    document.getElementById('table-q').value = s.q || '';
    document.querySelectorAll('#shift-table th[data-sort]').forEach(function (th) {
      th.classList.remove('asc', 'desc');
      if (th.getAttribute('data-sort') === sort) { th.classList.add(order); }
    });
    var params = {sort: sort, order: order, offset: page * PAGE, limit: PAGE};
    ['band', 'tag', 'maxp', 'q'].forEach(function (k) { if (s[k]) { params[k] = s[k]; } });
    var body = document.querySelector('#shift-table tbody');
    api('shift', params).then(function (r) {
      clear(body);
      if (!r.ready) {
        document.getElementById('table-summary').textContent = 'The shift table is being computed: ' + r.progress
          + '. It appears here when it is ready; the word view works meanwhile.';
        document.getElementById('table-page').textContent = '';
        done('table');
        return;
      }
      r.rows.forEach(function (row) {
        var tr = el('tr', {'class': 'row', 'data-word': row.word});
        tr.appendChild(el('td', null, row.word));
        tr.appendChild(el('td', {'class': 'num'}, whole(row.rankA) + ' / ' + whole(row.rankB)));
        tr.appendChild(el('td', null, row.band));
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.delta)));
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.bandP)));
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.cosineDistance)));
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.overlap10, 2)));
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.overlap100, 2)));
        if (meta.overlapK >= 1000) { tr.appendChild(el('td', {'class': 'num'}, fmt(row.overlap1000, 2))); }
        tr.appendChild(el('td', {'class': 'num'}, fmt(row.secondOrder)));
        var tags = el('td');
        row.tags.forEach(function (t) { tags.appendChild(el('span', {'class': 'badge ' + t}, t)); });
        tr.appendChild(tags);
        tr.addEventListener('click', function () { go({view: 'word', w: row.word}); });
        body.appendChild(tr);
      });
      var pages = Math.max(1, Math.ceil(r.total / PAGE));
      document.getElementById('table-page').textContent = 'page ' + (page + 1) + ' of ' + pages;
      document.getElementById('table-prev').disabled = page === 0;
      document.getElementById('table-next').disabled = page + 1 >= pages;
      document.getElementById('table-summary').textContent = r.total + ' of ' + meta.tableWords + ' words (' + meta.tableNote
        + '). Click a row for the word view, a header to sort. ' + meta.nullModel;
      done('table');
    }).catch(function (e) { fail(document.getElementById('table-summary'), e); done('table'); });
  }
  function tableState(overrides) {
    var s = state();
    var t = {view: 'table', sort: document.getElementById('table-sort').value, order: document.getElementById('table-order').value,
      band: document.getElementById('table-band').value, tag: document.getElementById('table-tag').value,
      maxp: document.getElementById('table-sig').checked ? '0.05' : '', q: document.getElementById('table-q').value.trim(),
      page: s.page || '0'};
    Object.keys(overrides || {}).forEach(function (k) { t[k] = overrides[k]; });
    return t;
  }

  // ---------- small multiples ----------
  function miniOption(points, color) {
    return {
      animation: false, grid: {left: 4, right: 4, top: 4, bottom: 4},
      xAxis: {type: 'value', show: false, min: -1.35, max: 1.35}, yAxis: {type: 'value', show: false, min: -1.2, max: 1.2},
      tooltip: {formatter: function (p) { return esc(p.data.name); }},
      series: [{type: 'scatter', symbolSize: function (v, p) { return p.data.self ? 9 : 6; },
        data: points.map(function (p) {
          return {name: p.word, value: [p.x, p.y], self: p.self,
            itemStyle: {color: p.self ? '#1d2430' : (p.shared ? '#e8910c' : color)}};
        }),
        label: {show: true, formatter: function (p) { return p.data.name; }, fontSize: 9, position: 'right', color: '#333'},
        labelLayout: {hideOverlap: true}}]
    };
  }
  function renderMultiples(s) {
    var n = s.n || '12', k = s.k || '10';
    document.getElementById('multiples-n').value = n;
    document.getElementById('multiples-k').value = k;
    var out = document.getElementById('multiples');
    api('multiples', {n: n, k: k}).then(function (r) {
      clear(out);
      if (!r.ready) {
        document.getElementById('multiples-note').textContent = 'The shift table is being computed: ' + r.progress + '.';
        done('multiples');
        return;
      }
      document.getElementById('multiples-note').textContent = 'The ' + r.words.length + ' table words whose ' + r.k
        + ' nearest neighbours differ most between ' + meta.a.name + ' and ' + meta.b.name + ' (lowest overlap@10; ties by '
        + '\u0394w). Each plot is the word (black) and its neighbours in one space, projected on their own first two principal '
        + 'components; orange neighbours are shared by both spaces.';
      r.words.forEach(function (m) {
        var box = el('div', {'class': 'multiple'});
        var h = el('h3', null, m.word + '  overlap ' + fmt(m.overlapK, 2) + (m.delta === null ? '' : ', \u0394w ' + fmt(m.delta, 2)));
        h.addEventListener('click', function () { go({view: 'word', w: m.word}); });
        box.appendChild(h);
        var minis = el('div', {'class': 'minis'});
        [[meta.a.name, m.a, '#3b6fb6'], [meta.b.name, m.b, '#2f9a6a']].forEach(function (side) {
          var d = el('div');
          var c = el('div', {'class': 'mini chart'});
          d.appendChild(c);
          d.appendChild(el('div', {'class': 'side'}, side[0]));
          minis.appendChild(d);
          setTimeout(function () { chart(c).setOption(miniOption(side[1], side[2])); }, 0);
        });
        box.appendChild(minis);
        out.appendChild(box);
      });
      setTimeout(function () { done('multiples'); }, 0);
    }).catch(function (e) { fail(out, e); done('multiples'); });
  }

  // ---------- domain terms ----------
  function renderDomain() {
    var node = document.getElementById('domain-chart');
    api('domain').then(function (r) {
      if (!r.ready) {
        document.getElementById('domain-note').textContent = 'The domain terms are being computed: ' + r.message + '.';
        done('domain');
        return;
      }
      if (!r.available) {
        document.getElementById('domain-note').textContent = 'Not available: ' + r.message;
        done('domain');
        return;
      }
      document.getElementById('domain-note').textContent = 'Each word at its frequency per million in ' + meta.a.name
        + ' (x) and ' + meta.b.name + ' (y), log10, counts + 0.5; colour: log-odds z-score (log scale) with an informative Dirichlet prior '
        + '(Monroe et al. 2008, alpha0 = ' + r.priorStrength + '): positive = characteristic of ' + meta.a.name
        + ', negative = of ' + meta.b.name + '. Labelled: the 15 most extreme words per side. Click a word for its word view. '
        + r.terms.length + ' of ' + r.unionTypes + ' words drawn (the most frequent, plus the extremes).';
      // colour by sign(z) log10(1 + |z|): with corpus-sized counts z spans several orders of magnitude
      function shade(z) { return (z < 0 ? -1 : 1) * Math.log10(1 + Math.abs(z)); }
      var maxZ = 0.5;
      r.terms.forEach(function (t) { maxZ = Math.max(maxZ, Math.abs(shade(t.z))); });
      var c = chart(node);
      c.setOption({
        animation: false,
        grid: {left: 60, right: 90, top: 20, bottom: 50},
        xAxis: {type: 'value', name: 'log10 per million, ' + meta.a.name, nameLocation: 'middle', nameGap: 30, scale: true},
        yAxis: {type: 'value', name: 'log10 per million, ' + meta.b.name, nameLocation: 'middle', nameGap: 40, scale: true},
        visualMap: {type: 'continuous', dimension: 2, min: -maxZ, max: maxZ, calculable: true, right: 0, top: 'middle',
          text: [meta.a.name, meta.b.name], formatter: function (v) { return (v < 0 ? '-' : '') + (Math.pow(10, Math.abs(v)) - 1).toFixed(0); }, inRange: {color: ['#2f9a6a', '#d9dde3', '#3b6fb6']}},
        tooltip: {formatter: function (p) {
          var t = p.data.term;
          return '<b>' + esc(t.word) + '</b><br>' + esc(meta.a.name) + ': ' + t.countA + '<br>' + esc(meta.b.name) + ': ' + t.countB
            + '<br>z = ' + t.z.toFixed(2) + (t.inVectors ? '' : '<br>(not in both vector vocabularies)');
        }},
        series: [{type: 'scatter', symbolSize: 5, large: false,
          data: r.terms.map(function (t) { return {value: [t.x, t.y, shade(t.z)], term: t, name: t.word}; }),
          label: {show: true, fontSize: 11, color: '#222', position: 'right', formatter: function (p) { return p.data.term.label ? p.data.name : ''; }},
          labelLayout: {hideOverlap: true, moveOverlap: 'shiftY'}}]
      });
      c.on('click', function (p) {
        var t = p.data && p.data.term;
        if (t && t.inVectors) { go({view: 'word', w: t.word}); }
        else if (t) { document.getElementById('domain-note').textContent = '\u2018' + t.word + '\u2019 is not in both vector vocabularies.'; }
      });
      done('domain');
    }).catch(function (e) { fail(document.getElementById('domain-note'), e); done('domain'); });
  }

  // ---------- analogy and similarity ----------
  function renderAnalogy(s) {
    ['a', 'b', 'c'].forEach(function (k) { document.getElementById('analogy-' + k).value = s[k] || ''; });
    document.getElementById('sim-w1').value = s.w1 || '';
    document.getElementById('sim-w2').value = s.w2 || '';
    var res = document.getElementById('analogy-result');
    var sim = document.getElementById('similarity-result');
    clear(res);
    clear(sim);
    var jobs = [];
    if (s.a && s.b && s.c) {
      jobs.push(api('analogy', {a: s.a, b: s.b, c: s.c, k: 10}).then(function (r) {
        [[meta.a.name, r.inA], [meta.b.name, r.inB]].forEach(function (side) {
          var box = el('div', {'class': 'card'});
          box.appendChild(el('h3', null, r.a + ' : ' + r.b + ' :: ' + r.c + ' : ? in ' + side[0]));
          if (side[1].message) { box.appendChild(el('p', {'class': 'error'}, side[1].message)); }
          var ol = el('ol');
          side[1].answers.forEach(function (n) {
            var li = el('li');
            li.appendChild(wordLink(n.word));
            li.appendChild(document.createTextNode(' ' + fmt(n.similarity)));
            ol.appendChild(li);
          });
          box.appendChild(ol);
          res.appendChild(box);
        });
      }).catch(function (e) { fail(res, e); }));
    }
    if (s.w1 && s.w2) {
      jobs.push(api('similarity', {w1: s.w1, w2: s.w2}).then(function (r) {
        var box = el('div', {'class': 'card'});
        box.appendChild(el('h3', null, 'cos(' + r.w1 + ', ' + r.w2 + ')'));
        box.appendChild(el('p', null, meta.a.name + ': ' + (r.cosineA === null ? r.messageA : fmt(r.cosineA))));
        box.appendChild(el('p', null, meta.b.name + ': ' + (r.cosineB === null ? r.messageB : fmt(r.cosineB))));
        sim.appendChild(box);
      }).catch(function (e) { fail(sim, e); }));
    }
    Promise.all(jobs).then(function () { done('analogy'); });
  }

  // ---------- projection ----------
  function renderProjection(s) {
    document.getElementById('projection-words').value = s.words || '';
    var node = document.getElementById('projection-chart');
    api('projection', s.words ? {words: s.words} : {}).then(function (r) {
      if (!r.ready) {
        document.getElementById('projection-note').textContent = 'The aligned space is being computed: ' + r.note + '.';
        done('projection');
        return;
      }
      var note = 'Each word twice in the aligned space: where ' + meta.b.name + ' puts it (arrow tail) and where ' + meta.a.name
        + ' puts it (labelled head). Each side is centred on its own mean over these words and scaled to unit RMS norm; axes are '
        + 'the first two principal components of all points (' + pct(r.explainedVariance) + ' of their variance). ' + r.note;
      if (r.missing.length) { note += ' Not in the aligned table: ' + r.missing.join(', ') + '.'; }
      document.getElementById('projection-note').textContent = note;
      var c = chart(node);
      c.setOption({
        animation: false, grid: {left: 50, right: 30, top: 20, bottom: 40},
        xAxis: {type: 'value', name: 'PC 1', nameLocation: 'middle', nameGap: 25, scale: true},
        yAxis: {type: 'value', name: 'PC 2', nameLocation: 'middle', nameGap: 35, scale: true},
        tooltip: {formatter: function (p) { return esc(p.name || (p.data && p.data.name) || ''); }},
        series: [
          {type: 'lines', coordinateSystem: 'cartesian2d', symbol: ['none', 'arrow'], symbolSize: 8,
            lineStyle: {color: '#8a94a6', width: 1.2},
            data: r.arrows.map(function (a) { return {name: a.word, coords: [[a.xb, a.yb], [a.xa, a.ya]]}; })},
          {type: 'scatter', symbolSize: 6, itemStyle: {color: '#3b6fb6'},
            data: r.arrows.map(function (a) { return {name: a.word, value: [a.xa, a.ya]}; }),
            label: {show: true, position: 'right', fontSize: 11, formatter: function (p) { return p.data.name; }},
            labelLayout: {hideOverlap: true}},
          {type: 'scatter', symbolSize: 4, itemStyle: {color: '#2f9a6a'},
            data: r.arrows.map(function (a) { return {name: a.word + ' (' + meta.b.name + ')', value: [a.xb, a.yb]}; })}
        ]
      });
      c.on('click', function (p) { if (p.seriesIndex === 1) { go({view: 'word', w: p.data.name}); } });
      done('projection');
    }).catch(function (e) { fail(document.getElementById('projection-note'), e); done('projection'); });
  }

  // ---------- routing ----------
  var renderers = {word: renderWord, table: renderTable, multiples: renderMultiples, domain: renderDomain,
    analogy: renderAnalogy, projection: renderProjection};
  function render() {
    var s = state();
    if (!renderers[s.view]) { s.view = 'word'; }
    document.documentElement.removeAttribute('data-view-ready');
    disposeCharts();
    document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + s.view; });
    document.querySelectorAll('#tabs a').forEach(function (a) { a.classList.toggle('active', a.getAttribute('data-view') === s.view); });
    renderers[s.view](s);
  }

  // the parts of the page that depend on the background preparation (bands, alignment), refreshed when it finishes
  var bandsShown = false;
  function applyMeta() {
    document.getElementById('meta').textContent = 'embdiff ' + meta.version + '. Alignment: ' + meta.alignment + '. '
      + meta.a.name + ': ' + meta.a.vectors + ', counts from ' + meta.a.counts + '. ' + meta.b.name + ': ' + meta.b.vectors
      + ', counts from ' + meta.b.counts + '. Shift table and domain terms ' + meta.source + '.';
    if (!bandsShown && meta.bands.length) {
      var bandSel = document.getElementById('table-band');
      meta.bands.forEach(function (b) { bandSel.appendChild(el('option', {value: b}, b)); });
      bandSel.value = state().band || '';
      bandsShown = true;
    }
    var note = document.getElementById('preparing');
    var ready = meta.shiftReady && meta.domainReady;
    note.hidden = ready;
    note.textContent = ready ? '' : 'Preparing the shift table and domain terms in the background: ' + meta.progress
      + '. Word views work meanwhile.';
  }
  function watchPreparation() {
    if (meta.shiftReady && meta.domainReady) { return; }
    setTimeout(function () {
      api('meta').then(function (m) {
        var was = meta.shiftReady && meta.domainReady, wasDomain = meta.domainReady;
        meta = m;
        applyMeta();
        var v = state().view || 'word';
        if ((!was && meta.shiftReady && meta.domainReady && v !== 'analogy') || (!wasDomain && meta.domainReady && v === 'domain')) {
          render();
        }
        watchPreparation();
      }).catch(function () { watchPreparation(); });
    }, 1000);
  }

  function setup() {
    var sides = document.getElementById('sides');
    sides.textContent = meta.a.name + ' (' + meta.a.words + ' \u00d7 ' + meta.a.dim + ') vs ' + meta.b.name + ' (' + meta.b.words
      + ' \u00d7 ' + meta.b.dim + '), ' + meta.shared + ' shared words';
    document.title = 'embdiff serve: ' + meta.a.name + ' vs ' + meta.b.name;
    var sortSel = document.getElementById('table-sort');
    meta.measures.filter(function (m) { return m !== 'overlap1000' || meta.overlapK >= 1000; })
      .forEach(function (m) { sortSel.appendChild(el('option', {value: m}, m)); });
    applyMeta();
    if (meta.overlapK < 1000) {
      var th = document.querySelector('#shift-table th[data-sort=overlap1000]');
      th.parentNode.removeChild(th);
    }
    var tagSel = document.getElementById('table-tag');
    meta.tags.forEach(function (t) { tagSel.appendChild(el('option', {value: t}, t)); });

    setupCompletion();
    document.getElementById('word-form').addEventListener('submit', function (ev) { ev.preventDefault(); submitWord(); });
    document.getElementById('word-k').addEventListener('change', submitWord);
    document.getElementById('table-form').addEventListener('submit', function (ev) { ev.preventDefault(); go(tableState({page: '0'})); });
    ['table-sort', 'table-order', 'table-band', 'table-tag', 'table-sig'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', function () { go(tableState({page: '0'})); });
    });
    document.querySelectorAll('#shift-table th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var s = state(), key = th.getAttribute('data-sort');
        var cur = s.sort || 'delta', order = s.order || 'desc';
        var next = key === cur ? (order === 'desc' ? 'asc' : 'desc') : (key === 'word' || key === 'rank' || key === 'bandp'
          || key.indexOf('overlap') === 0 ? 'asc' : 'desc');
        go(tableState({sort: key, order: next, page: '0'}));
      });
    });
    document.getElementById('table-prev').addEventListener('click', function () {
      go(tableState({page: String(Math.max(0, (parseInt(state().page || '0', 10) || 0) - 1))}));
    });
    document.getElementById('table-next').addEventListener('click', function () {
      go(tableState({page: String((parseInt(state().page || '0', 10) || 0) + 1)}));
    });
    document.getElementById('multiples-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      go({view: 'multiples', n: document.getElementById('multiples-n').value, k: document.getElementById('multiples-k').value});
    });
    document.getElementById('analogy-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var s = state();
      go({view: 'analogy', a: document.getElementById('analogy-a').value.trim(), b: document.getElementById('analogy-b').value.trim(),
        c: document.getElementById('analogy-c').value.trim(), w1: s.w1, w2: s.w2});
    });
    document.getElementById('similarity-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var s = state();
      go({view: 'analogy', a: s.a, b: s.b, c: s.c, w1: document.getElementById('sim-w1').value.trim(),
        w2: document.getElementById('sim-w2').value.trim()});
    });
    document.getElementById('projection-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      go({view: 'projection', words: document.getElementById('projection-words').value.trim()});
    });
    window.addEventListener('hashchange', render);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    render();
    watchPreparation();
    document.documentElement.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var tries = 0;
    function loadMeta() {
      api('meta').then(function (m) { meta = m; setup(); }).catch(function (e) {
        // the server answers 503 while it is still loading the two spaces
        if (/still loading/.test(e.message) && tries++ < 600) { setTimeout(loadMeta, 500); return; }
        document.body.appendChild(el('p', {'class': 'error'}, 'cannot load /api/meta: ' + e.message));
      });
    }
    loadMeta();
  });
})();
