namespace Superposition.Reports.Html;

/// <summary>
/// The page's own script (no library): sorts a data table by the clicked column (numbers as numbers, blanks
/// last, stable), filters rows by the controls above a table, and shows the value under the pointer on charts
/// from the targets the layout recorded (<see cref="TipsJson"/>).
/// </summary>
public sealed partial class HtmlReportRenderer
{
    private const string Script = """
        (function () {
          'use strict';
          var NUM = /^\s*([-+\u2212]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(k|M|G|\s?%)?/;
          var SCALE = { k: 1e3, M: 1e6, G: 1e9 };

          // Sort key of a cell: its data-v, else the number its text starts with, else null (blank, "—", "NaN").
          function key(td) {
            var v = td.getAttribute('data-v');
            if (v !== null) return v === '' ? null : parseFloat(v);
            var t = td.textContent.trim();
            if (t === '\u221e') return Infinity;
            if (t === '-\u221e') return -Infinity;
            var m = NUM.exec(t);
            if (!m) return t === '' || t === '\u2014' ? null : t.toLowerCase();
            var x = parseFloat(m[1].replace('\u2212', '-'));
            return m[2] && SCALE[m[2]] ? x * SCALE[m[2]] : x;
          }

          function sortBy(table, col, th) {
            var body = table.tBodies[0];
            var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
            table.querySelectorAll('thead th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
            th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
            var rows = Array.prototype.map.call(body.rows, function (tr, i) {
              return { tr: tr, i: i, k: tr.cells[col] ? key(tr.cells[col]) : null };
            });
            var numeric = rows.every(function (r) { return r.k === null || typeof r.k === 'number'; });
            rows.sort(function (a, b) {
              if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
              var c = numeric || (typeof a.k === typeof b.k)
                ? (typeof a.k === 'number' ? (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) : a.k.localeCompare(b.k, 'en', { numeric: true }))
                : (typeof a.k === 'number' ? -1 : 1);
              return c !== 0 ? dir * c : a.i - b.i;
            });
            rows.forEach(function (r) { body.appendChild(r.tr); });
          }

          document.querySelectorAll('table.data').forEach(function (table) {
            table.querySelectorAll('thead th').forEach(function (th, col) {
              th.addEventListener('click', function () { sortBy(table, col, th); });
            });
          });

          function tags(td) {
            var t = td.getAttribute('data-tags');
            return t !== null ? t.split('|') : [td.textContent.trim()];
          }

          document.querySelectorAll('.filters').forEach(function (bar) {
            var table = document.getElementById(bar.getAttribute('data-table'));
            var controls = bar.querySelectorAll('[data-col]');
            var count = bar.querySelector('.count');
            function apply() {
              var shown = 0, total = table.tBodies[0].rows.length;
              Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
                var ok = Array.prototype.every.call(controls, function (c) {
                  var want = c.value.trim().toLowerCase(), td = tr.cells[+c.getAttribute('data-col')];
                  if (want === '') return true;
                  if (!td) return false;
                  if (c.getAttribute('data-match') === 'tag') return tags(td).some(function (t) { return t.toLowerCase() === want; });
                  return td.textContent.toLowerCase().indexOf(want) >= 0;
                });
                tr.hidden = !ok;
                if (ok) shown++;
              });
              count.textContent = shown + ' of ' + total + ' rows';
            }
            controls.forEach(function (c) { c.addEventListener('input', apply); c.addEventListener('change', apply); });
          });

          var tip = document.createElement('div');
          tip.className = 'tip';
          tip.hidden = true;
          tip.setAttribute('role', 'status');
          document.body.appendChild(tip);

          function show(lines, e) {
            tip.textContent = '';
            lines.forEach(function (l, i) {
              var el = document.createElement(i === 0 ? 'b' : 'div');
              el.textContent = l;
              tip.appendChild(el);
            });
            tip.hidden = false;
            var w = tip.offsetWidth, h = tip.offsetHeight, x = e.clientX + 14, y = e.clientY + 14;
            if (x + w > window.innerWidth - 4) x = Math.max(4, e.clientX - w - 14);
            if (y + h > window.innerHeight - 4) y = Math.max(4, e.clientY - h - 14);
            tip.style.left = x + 'px';
            tip.style.top = y + 'px';
          }

          // What lies under drawing point (px, py): the nearest point within reach, else the heatmap cell, else the bars.
          function lookup(d, px, py, reach, hl) {
            var best = -1, bestD = reach * reach, p = d.p, i;
            for (i = 0; i < p.length; i += 5) {
              var dx = p[i + 1] - px, dy = p[i + 2] - py, dd = dx * dx + dy * dy;
              if (dd <= bestD) { bestD = dd; best = i; }
            }
            if (best >= 0) {
              hl.setAttribute('cx', p[best + 1]);
              hl.setAttribute('cy', p[best + 2]);
              hl.style.display = '';
              return [d.s[p[best]], d.x + ': ' + p[best + 3], d.y + ': ' + p[best + 4]];
            }
            hl.style.display = 'none';
            var h = d.h;
            if (h && px >= h.box[0] && px < h.box[0] + h.box[2] && py >= h.box[1] && py < h.box[1] + h.box[3]) {
              var c = Math.min(h.bc - 1, Math.floor((px - h.box[0]) / h.box[2] * h.bc));
              var r = Math.min(h.br - 1, Math.floor((py - h.box[1]) / h.box[3] * h.br));
              var v = h.v[r * h.bc + c];
              var mr = h.flipR ? h.br - 1 - r : r, mc = h.flipC ? h.bc - 1 - c : c;
              function span(b, f, n) { var lo = b * f, hi = Math.min(n, lo + f) - 1; return hi > lo ? lo + '\u2013' + hi : '' + lo; }
              if (mr * h.fr >= h.rows || mc * h.fc >= h.cols) return null;
              return [h.name + ': ' + (v === null ? 'no value' : String(v)), d.y + ': ' + span(mr, h.fr, h.rows), d.x + ': ' + span(mc, h.fc, h.cols)];
            }
            var pl = d.plot;
            if (px < pl[0] || px > pl[0] + pl[2] || py < pl[1] || py > pl[1] + pl[3]) return null;
            var lines = [], b = d.b, bin = null;
            for (i = 0; i < b.length; i += 7) {
              if (px >= b[i + 1] && px < b[i + 2]) {
                if (bin === null) bin = d.x + ' ' + b[i + 5];
                lines.push(d.s[b[i]] + ': ' + b[i + 6]);
              }
            }
            return lines.length ? [bin].concat(lines) : null;
          }

          document.querySelectorAll('figure').forEach(function (fig) {
            var svg = fig.querySelector('svg.chart'), data = fig.querySelector('script.tips');
            if (!svg || !data) return;
            var d = JSON.parse(data.textContent);
            var hl = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
            hl.setAttribute('r', '3.5');
            hl.setAttribute('class', 'hl');
            hl.setAttribute('fill', 'none');
            hl.setAttribute('stroke', '#000');
            hl.setAttribute('stroke-width', '1.2');
            hl.style.display = 'none';
            svg.appendChild(hl);
            svg.addEventListener('pointermove', function (e) {
              var m = svg.getScreenCTM();
              if (!m) return;
              var q = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
              var lines = lookup(d, q.x, q.y, 10 / m.a, hl);
              if (lines) show(lines, e); else tip.hidden = true;
            });
            svg.addEventListener('pointerleave', function () { tip.hidden = true; hl.style.display = 'none'; });
          });
        })();

        """;
}
