/* sdmonitor.js: draws every figure.grafiek with Chart.js from the JSON in its
   script.grafiek-data. Plain ES2017, no modules; needs the global Chart from
   chart.umd.js. No eval, no inline styles, no requests: works from file://,
   under a sub-path and under Content-Security-Policy default-src 'self'. */
(function () {
  'use strict';

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var TEXT = '#1a1a1a';
  var GRID = '#d8dde3';
  // Every colour has >= 3:1 contrast against white; neighbours alternate in
  // hue and lightness so that adjacent stacked segments stay apart.
  var COLOURS = ['#154273', '#e17000', '#007bc7', '#ca005d', '#39870c', '#673327', '#42145f', '#6b6b6b'];
  // Lines also differ without colour: dash pattern and point marker.
  var DASHES = [[], [8, 4], [2, 3], [12, 3, 3, 3]];
  var POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
  // Reference lines carry no markers; each year's budget has its own long-dash rhythm, so the
  // three begroting lines stay apart in greyscale, and the prognosis is dotted.
  var REF_DASH = {
    begroting: [[16, 5], [16, 4, 2, 4], [16, 3, 2, 3, 2, 3], [16, 3, 6, 3]],
    prognose: [[2, 4], [2, 4, 6, 4], [2, 4, 2, 8]]
  };
  var YEAR = /^\d{4}$/;
  // Canvas pixels per CSS pixel: at least 2, so charts stay sharp on paper too.
  var RATIO = function () { return Math.max(window.devicePixelRatio || 1, 2); };

  // One formatter per precision: creating an Intl.NumberFormat is slow, and
  // ticks are formatted several times per drawing.
  var formats = {};
  var nl = function (digits) {
    return formats[digits] || (formats[digits] = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits }));
  };
  var whole = nl(0);

  // Tick label for value v on an axis running to max, in the chart's unit.
  function tick(unit, percent, v, max) {
    if (percent || unit === 'procent') return nl(1).format(v) + '%';
    if (unit === 'euro') {
      if (v === 0) return '€ 0';
      return Math.abs(max) >= 1e6 ? '€ ' + nl(2).format(v / 1e6) + ' mln' : '€ ' + whole.format(v);
    }
    if (unit === 'cijfer') return nl(2).format(v);
    return whole.format(v);
  }

  // "1e kwartaal 2024" → ["1e kwartaal", "2024"]: long axis labels on two
  // lines instead of slanted (tooltips keep the label as given).
  function twoLines(label) {
    var s = String(label), cut = s.lastIndexOf(' ');
    return s.length > 5 && cut > 0 ? [s.slice(0, cut), s.slice(cut + 1)] : s;
  }

  // A long category name in lines of at most max characters (words kept whole).
  function wrap(label, max) {
    return String(label).split(' ').reduce(function (lines, word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + ' ' + word).length <= max) lines[last] += ' ' + word;
      else lines.push(word);
      return lines;
    }, []);
  }

  // Bars differ without colour by their fill: solid, then white hatching, dots or lines per
  // series, so that neighbours of a similar grey (blue and green) still look different.
  var FILLS = [null, 'diagonal', 'dots', 'backslash', 'horizontal', 'cross', 'vertical', 'grid'];
  function fill(colour, kind) {
    if (!kind) return colour;
    var c = document.createElement('canvas');
    c.width = c.height = 10;
    var g = c.getContext('2d');
    g.fillStyle = colour;
    g.fillRect(0, 0, 10, 10);
    g.strokeStyle = g.fillStyle = '#fff';
    g.lineWidth = 2;
    g.beginPath();
    if (kind === 'diagonal' || kind === 'cross') {
      g.moveTo(-2, 2); g.lineTo(2, -2);
      g.moveTo(0, 10); g.lineTo(10, 0);
      g.moveTo(8, 12); g.lineTo(12, 8);
    }
    if (kind === 'backslash' || kind === 'cross') {
      g.moveTo(-2, 8); g.lineTo(2, 12);
      g.moveTo(0, 0); g.lineTo(10, 10);
      g.moveTo(8, -2); g.lineTo(12, 2);
    }
    if (kind === 'horizontal' || kind === 'grid') { g.moveTo(0, 5); g.lineTo(10, 5); }
    if (kind === 'vertical' || kind === 'grid') { g.moveTo(5, 0); g.lineTo(5, 10); }
    g.stroke();
    if (kind === 'dots') {
      g.beginPath();
      g.arc(2.5, 2.5, 1.6, 0, 2 * Math.PI);
      g.arc(7.5, 7.5, 1.6, 0, 2 * Math.PI);
      g.fill();
    }
    return g.createPattern(c, 'repeat');
  }

  // In a chart of one line per year, each data series' age: 0 for the newest year. Null in
  // other charts.
  function yearRanks(series) {
    var years = series.filter(function (s) { return (s.role || 'data') === 'data'; }).map(function (s) { return s.label; });
    if (years.length < 2 || !years.every(function (y) { return YEAR.test(y); })) return null;
    var sorted = years.slice().sort().reverse();
    var ranks = {};
    years.forEach(function (y) { ranks[y] = sorted.indexOf(y); });
    return ranks;
  }

  function dataset(spec, s, i, data, ranks) {
    var role = s.role || 'data';
    var ref = role !== 'data';
    var colour = COLOURS[i % COLOURS.length];
    // "Begroting 2024" belongs to the line "2024" when there is one: its colour and rank.
    var twin = ref ? data.filter(function (d) { return (d.role || 'data') === 'data' && s.label.indexOf(d.label) >= 0; })[0] : s;
    var rank = ranks && twin ? ranks[twin.label] : null;
    if (ref) colour = twin ? COLOURS[data.indexOf(twin) % COLOURS.length] : '#595959';
    // The newest year is the line that matters: navy, solid, thickest and drawn on top; older
    // years follow in the order of the palette, whatever their place in the data.
    if (rank !== null) colour = COLOURS[rank % COLOURS.length];
    var d = { label: s.label, data: s.data, texts: s.display || [], borderColor: colour };
    if (spec.type === 'line' || ref) {
      var n = rank !== null ? rank : i;
      var dashes = ref ? REF_DASH[role] || REF_DASH.begroting : DASHES;
      var newest = !ref && rank === 0;
      Object.assign(d, {
        type: 'line', backgroundColor: colour, fill: false, tension: 0, spanGaps: false,
        borderWidth: newest ? 4 : ref || rank !== null ? 2 : 2.5,
        borderDash: dashes[n % dashes.length],
        pointStyle: POINTS[n % POINTS.length],
        pointRadius: ref ? 0 : newest ? 4.5 : 3.5, pointHoverRadius: ref ? 0 : 6, pointHitRadius: ref ? 0 : 6,
        // Highest order is drawn first: reference lines below, then the oldest year, the
        // newest year on top.
        order: ref ? 2 * data.length + n : rank !== null ? rank : data.length - i
      });
    } else {
      Object.assign(d, {
        backgroundColor: fill(colour, FILLS[i % FILLS.length]),
        borderWidth: 1,
        borderColor: spec.stacked ? '#fff' : colour,
        order: 3 * data.length
      });
    }
    return d;
  }

  // Writes the display text ("<10", "x") where a bar is suppressed, so an
  // empty spot never reads as zero: at the foot of its own bar, or once per
  // stack, after its end, where it cannot sit on a coloured segment.
  var suppressedLabels = {
    id: 'sdmSuppressed',
    afterDatasetsDraw: function (chart) {
      var lying = chart.options.indexAxis === 'y';
      var value = lying ? chart.scales.x : chart.scales.y;
      var stacked = !!value.options.stacked;
      var marks = {};
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.type !== 'bar' || meta.hidden) return;
        ds.data.forEach(function (v, j) {
          var bar = meta.data[j];
          if (!bar) return;
          var key = stacked ? j : i + ':' + j;
          var m = marks[key] || (marks[key] = { texts: [], at: lying ? bar.y : bar.x, end: value.getPixelForValue(0) });
          if (v === null && ds.texts[j] && m.texts.indexOf(ds.texts[j]) < 0) m.texts.push(ds.texts[j]);
          else if (v !== null && stacked) m.end = lying ? Math.max(m.end, bar.x) : Math.min(m.end, bar.y);
        });
      });
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '12px ' + FONT;
      ctx.fillStyle = TEXT;
      ctx.textAlign = lying ? 'left' : 'center';
      ctx.textBaseline = lying ? 'middle' : 'alphabetic';
      Object.keys(marks).forEach(function (k) {
        var m = marks[k];
        if (!m.texts.length) return;
        if (lying) ctx.fillText(m.texts.join(', '), m.end + 4, m.at);
        else ctx.fillText(m.texts.join(', '), m.at, m.end - 4);
      });
      ctx.restore();
    }
  };

  // The legend is HTML under the chart rather than drawn in the canvas: a long series name
  // wraps on a narrow phone instead of being cut off, and grows with the reader's text size.
  // Each swatch is drawn with its series' own colour, dash, width and marker, or its bars' fill,
  // so the legend works in greyscale too. Not a control: series cannot be hidden.
  var SWATCH = { width: 44, height: 16 };
  function swatch(ds, ratio) {
    var c = document.createElement('canvas');
    var w = SWATCH.width, h = SWATCH.height;
    c.className = 'grafiek-staal';
    c.width = w * ratio;
    c.height = h * ratio;
    var g = c.getContext('2d');
    g.scale(ratio, ratio);
    if (ds.type === 'line') {
      g.strokeStyle = ds.borderColor;
      g.lineWidth = ds.borderWidth;
      g.setLineDash(ds.borderDash || []);
      g.beginPath();
      g.moveTo(0, h / 2);
      g.lineTo(w, h / 2);
      g.stroke();
      var helpers = window.Chart.helpers;
      if (ds.pointRadius && helpers && helpers.drawPoint) {
        g.setLineDash([]);
        g.lineWidth = 1;
        g.fillStyle = ds.backgroundColor;
        helpers.drawPoint(g, { pointStyle: ds.pointStyle, radius: ds.pointRadius, borderWidth: 1, rotation: 0 }, w / 2, h / 2);
      }
    } else {
      g.fillStyle = ds.backgroundColor;
      g.fillRect(4, 1, w - 8, h - 2);
      g.strokeStyle = ds.borderColor;
      g.lineWidth = 1;
      g.strokeRect(4.5, 1.5, w - 9, h - 3);
    }
    return c;
  }

  function legend(datasets, ratio) {
    var list = document.createElement('ul');
    list.className = 'grafiek-legenda';
    // The table under the chart names the series for a screen reader; the canvas is hidden too.
    list.setAttribute('aria-hidden', 'true');
    datasets.forEach(function (ds) {
      var item = document.createElement('li');
      item.appendChild(swatch(ds, ratio));
      var name = document.createElement('span');
      name.textContent = ds.label;
      item.appendChild(name);
      list.appendChild(item);
    });
    return list;
  }

  // Narrow charts (phones) drop the axis titles, so the plot keeps its room;
  // re-checked whenever the chart is resized.
  function adapt(o, spec, width) {
    var narrow = width < 480;
    var lying = o.indexAxis === 'y';
    (lying ? o.scales.y : o.scales.x).title.display = !narrow && !!spec.xTitle;
    (lying ? o.scales.x : o.scales.y).title.display = !narrow && !!spec.yTitle;
  }

  function options(spec) {
    var isLine = spec.type === 'line';
    var title = function (t) { return { display: !!t, text: t || '', color: TEXT }; };
    // Bars of categories with long names (the participatieladder) lie down, so that
    // every name is shown instead of one in two or three.
    var lying = spec.type === 'bar' && (spec.labels || []).some(function (l) { return String(l).length > 16; });
    var categories = {
      stacked: !!spec.stacked, title: title(spec.xTitle), grid: { display: isLine, color: GRID },
      ticks: {
        color: TEXT, maxRotation: 0, autoSkip: !lying,
        callback: function (v) {
          var label = this.getLabelForValue(v);
          return lying ? wrap(label, this.chart.width < 480 ? 18 : 28) : twoLines(label);
        }
      }
    };
    var values = {
      stacked: !!spec.stacked,
      // Every axis starts at zero: a line zoomed in on 1.680–1.760 makes 4% look like a doubling.
      beginAtZero: true,
      min: spec.percent ? 0 : undefined,
      max: spec.percent ? 100 : undefined,
      title: title(spec.yTitle),
      grid: { color: GRID },
      ticks: {
        color: TEXT,
        precision: spec.unit === 'cijfer' ? undefined : 0,
        callback: function (v) { return tick(spec.unit, spec.percent, v, Math.max(Math.abs(this.max), Math.abs(this.min))); }
      }
    };
    return {
      indexAxis: lying ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      locale: 'nl-NL',
      // No animation: a figure in a report appears as it is, prints and
      // photographs the same, and costs no frames on a slow phone.
      animation: false,
      devicePixelRatio: RATIO(), // sharp on paper too
      interaction: { mode: 'index', intersect: false, axis: lying ? 'y' : 'x' },
      onResize: function (chart, size) { adapt(chart.options, spec, size.width); },
      scales: lying ? { x: values, y: categories } : { x: categories, y: values },
      plugins: {
        legend: { display: false }, // an HTML list under the canvas instead: see legend()
        tooltip: {
          itemSort: function (a, b) { return a.datasetIndex - b.datasetIndex; },
          callbacks: {
            label: function (c) {
              return c.dataset.label + ': ' + (c.dataset.texts[c.dataIndex] || '–');
            },
            // Lines skip null points, so name suppressed values ("<10") here.
            afterBody: function (items) {
              if (!items.length) return [];
              var j = items[0].dataIndex, shown = items.map(function (t) { return t.datasetIndex; });
              return items[0].chart.data.datasets.filter(function (ds, i) {
                return shown.indexOf(i) < 0 && ds.data[j] === null && ds.texts[j];
              }).map(function (ds) { return ds.label + ': ' + ds.texts[j]; });
            }
          }
        }
      }
    };
  }

  // Falls back to the table: hide the empty chart area, open the figures.
  function fallback(fig) {
    var area = fig.querySelector('.grafiek-vlak');
    var details = fig.querySelector('details.grafiek-cijfers');
    if (area) area.hidden = true;
    if (details) details.open = true;
  }

  var charts = [];

  function draw(fig) {
    var canvas = fig.querySelector('canvas');
    var source = fig.querySelector('script.grafiek-data');
    var spec;
    try {
      spec = JSON.parse(source.textContent);
    } catch (e) {
      return fallback(fig);
    }
    if (!canvas || !Array.isArray(spec.series) || typeof window.Chart !== 'function') return fallback(fig);
    var series = spec.series;
    var ranks = spec.type === 'line' ? yearRanks(series) : null;
    var datasets = series.map(function (s, i) { return dataset(spec, s, i, series, ranks); });
    var opts = options(spec);
    var area = canvas.parentNode;
    // Lying bars need the height for their names, on a phone most.
    if (opts.indexAxis === 'y') area.classList.add('grafiek-vlak-liggend');
    adapt(opts, spec, area.clientWidth);
    // The canvas gets its own box, the legend the rest of the chart's reserved height, before
    // Chart.js measures: nothing on the page moves when a chart is drawn.
    var box = document.createElement('div');
    box.className = 'grafiek-tekening';
    area.insertBefore(box, canvas);
    box.appendChild(canvas);
    area.appendChild(legend(datasets, RATIO()));
    var chart = new window.Chart(canvas, {
      type: spec.type === 'bar' ? 'bar' : 'line',
      data: { labels: spec.labels || [], datasets: datasets },
      options: opts,
      plugins: [suppressedLabels]
    });
    charts.push(chart);
    fig.sdmExplore = explorer(chart, spec);
  }

  // What a screen reader says for a point: the same text as the table, the
  // marks in words.
  function spoken(spec, i, j) {
    var s = spec.series[i];
    var text = (s.display || [])[j] || '';
    var said = text === '<10' ? 'minder dan 10' : text === 'x' ? 'niet getoond (x)' : text || 'geen cijfer';
    var mark = (s.marks || [])[j];
    var label = (spec.spoken || spec.labels || [])[j];
    return s.label + ', ' + label + ': ' + said + (mark ? ' (' + mark + ')' : '');
  }

  // Keyboard exploration, as in Highcharts' and Open SDG's accessible charts:
  // left and right step through the points, up and down through the series,
  // Home and End go to the first and last point. The value is written to the
  // live region under the chart and shown as the tooltip.
  function explorer(chart, spec) {
    var at = { i: 0, j: -1 };
    var points = (spec.labels || []).length;
    return function (key, say) {
      if (!points || !spec.series.length) return false;
      var n = spec.series.length;
      if (key === 'ArrowRight') at.j = Math.min(points - 1, at.j + 1);
      else if (key === 'ArrowLeft') at.j = Math.max(0, at.j - 1);
      else if (key === 'Home') at.j = 0;
      else if (key === 'End') at.j = points - 1;
      else if (key === 'ArrowDown') at.i = (at.i + 1) % n;
      else if (key === 'ArrowUp') at.i = (at.i + n - 1) % n;
      else if (key === 'Escape') {
        chart.setActiveElements([]);
        chart.tooltip.setActiveElements([], { x: 0, y: 0 });
        chart.update('none');
        return false;
      } else return false;
      if (at.j < 0) at.j = 0;
      say(spoken(spec, at.i, at.j));
      var active = chart.data.datasets[at.i].data[at.j] == null ? [] : [{ datasetIndex: at.i, index: at.j }];
      var meta = chart.getDatasetMeta(at.i).data[at.j];
      chart.setActiveElements(active);
      chart.tooltip.setActiveElements(active, meta ? { x: meta.x, y: meta.y } : { x: 0, y: 0 });
      chart.update('none');
      return true;
    };
  }

  // The chart area takes focus and the keys; its canvas is only a picture
  // of what the table and the live region say, so screen readers skip it.
  function explorable(fig) {
    var area = fig.querySelector('.grafiek-vlak');
    var canvas = area && area.querySelector('canvas');
    if (!canvas) return;
    var number = (fig.id || '').replace('grafiek-', '');
    var live = document.createElement('p');
    live.className = 'grafiek-voorlezer';
    live.setAttribute('aria-live', 'polite');
    area.parentNode.insertBefore(live, area.nextSibling);
    canvas.setAttribute('aria-hidden', 'true');
    area.tabIndex = 0;
    area.setAttribute('role', 'application');
    area.setAttribute('aria-roledescription', 'grafiek');
    area.setAttribute('aria-label', 'Grafiek ' + number + '. Pijltjes links en rechts: vorige en volgende waarde; ' +
      'omhoog en omlaag: andere reeks.');
    area.addEventListener('focus', function () { drawOnce(fig); });
    area.addEventListener('keydown', function (e) {
      drawOnce(fig);
      if (fig.sdmExplore && fig.sdmExplore(e.key, function (text) { live.textContent = text; })) e.preventDefault();
    });
    area.addEventListener('blur', function () {
      live.textContent = '';
      if (fig.sdmExplore) fig.sdmExplore('Escape');
    });
  }

  // The iframe code under a chart: on a web server it gets the full address
  // (the page itself knows it), and a button copies it.
  function embedCode(details) {
    var link = details.querySelector('a[href]');
    var code = details.querySelector('pre code');
    if (!link || !code) return;
    if (/^https?:$/.test(window.location.protocol)) {
      code.textContent = code.textContent.replace('src="' + link.getAttribute('href') + '"', 'src="' + link.href + '"');
      var note = details.querySelector('.insluiten-relatief');
      if (note) note.hidden = true;
    }
    var button = document.createElement('button');
    var status = document.createElement('span');
    button.type = 'button';
    button.textContent = 'Kopieer de code';
    status.className = 'insluiten-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      var manual = function () {
        var range = document.createRange();
        range.selectNodeContents(code);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        status.textContent = 'De code is geselecteerd; kopieer met Ctrl+C.';
      };
      if (!navigator.clipboard) return manual();
      navigator.clipboard.writeText(code.textContent).then(function () { status.textContent = 'De code is gekopieerd.'; }, manual);
    });
    details.appendChild(button);
    details.appendChild(status);
  }

  function drawOnce(fig) {
    if (fig.sdmDrawn) return;
    fig.sdmDrawn = true;
    try { draw(fig); } catch (e) { fallback(fig); }
  }

  function start() {
    if (window.Chart) {
      window.Chart.defaults.font.family = FONT;
      window.Chart.defaults.font.size = 13;
      window.Chart.defaults.color = TEXT;
    }
    Array.prototype.forEach.call(document.querySelectorAll('details.insluiten'), embedCode);
    var figures = Array.prototype.slice.call(document.querySelectorAll('figure.grafiek'));
    if (window.Chart) figures.forEach(explorable);
    var drawAll = function () { figures.forEach(drawOnce); };
    // A chart is drawn when it comes near the screen, so a long chapter does
    // not keep a phone busy with charts nobody has scrolled to yet. The space
    // is reserved in the CSS, so nothing moves. The printable document draws
    // everything at once.
    if ('IntersectionObserver' in window && !document.body.classList.contains('afdruk')) {
      // One chart per task, so the page stays responsive between them.
      var queue = [];
      var next = function () {
        drawOnce(queue.shift());
        if (queue.length) setTimeout(next, 0);
      };
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (!e.isIntersecting) return;
          observer.unobserve(e.target);
          if (queue.push(e.target) === 1) setTimeout(next, 0);
        });
      }, { rootMargin: '100px 0px' });
      figures.forEach(function (fig) { observer.observe(fig); });
    } else {
      drawAll();
    }
    // On paper the figures' tables are shown open, and the charts follow the
    // print layout's width (Chart.js does not resize for print by itself).
    var opened = [];
    window.addEventListener('beforeprint', function () {
      drawAll();
      opened = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) {
        return (d.open = true);
      });
      charts.forEach(function (c) { c.resize(); });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      charts.forEach(function (c) { c.resize(); });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
