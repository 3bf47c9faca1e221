// The search page's script: it reads the index that package search writes
// (search/<lang>/index.json and the shards and chunks it names) and
// queries it by the rules of package search's documentation, which its Go
// reader (search.Index) follows too: keep the two in step. It shows the
// results as the citizen types, without moving focus, keeps the query in
// the address (Back works) and says the number of results in the page's
// status region once the citizen pauses.
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root || !window.fetch || !window.Map) return;
  var data = root.dataset;
  var base = data.index.replace(/[^/]*$/, '');
  var input = document.getElementById('search-q');
  var form = input.form;
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var PAGE = 10, SHOW_MS = 60, SAY_MS = 700;
  var files = {}, man = null, seq = 0, showTimer = 0, sayTimer = 0, said = '', shown = 0, found = null;
  document.getElementById('search-nojs').hidden = true;

  function get(name) {
    if (!files[name]) {
      files[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(name);
        return r.json();
      });
    }
    return files[name];
  }

  // key writes a word as language.SearchKey(Fold(word)) does.
  function key(w) {
    w = w.toLowerCase().replace(/\u00ad/g, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    w = w.replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/œ/g, 'oe');
    return w.replace(/aa/g, 'a').replace(/oe/g, 'o');
  }
  function len(s) { return Array.from(s).length; }
  function keep(w) { return len(w) >= 2 || /^[0-9]/.test(w); }
  function keys(q) {
    return q.split(/[^\p{L}\p{N}\p{M}]+/u).filter(function (w) {
      return keep(w.toLowerCase().normalize('NFC'));
    }).map(key);
  }

  function shardOf(k) {
    var f = man.f, lo = 0, hi = f.length;
    while (lo < hi) {
      var m = (lo + hi) >> 1;
      if (f[m] > k) hi = m; else lo = m + 1;
    }
    return lo - 1;
  }
  function range(p) {
    var i = Math.max(shardOf(p), 0), out = [i];
    for (var j = i + 1; j < man.f.length && man.f[j].startsWith(p); j++) out.push(j);
    return out;
  }
  function oneEdit(a, b) {
    a = Array.from(a); b = Array.from(b);
    if (a.length < b.length) { var t = a; a = b; b = t; }
    if (a.length - b.length > 1) return false;
    var i = 0;
    while (i < b.length && a[i] === b[i]) i++;
    if (i === a.length) return false;
    var rest = function (x, y) { return a.slice(x).join('') === b.slice(y).join(''); };
    if (a.length > b.length) return rest(i + 1, i);
    if (rest(i + 1, i + 1)) return true;
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2);
  }
  // sc.cut: a group lists only its best pages (as query.go's score).
  function score(s, refs, w, sc) {
    refs.forEach(function (r) {
      var ww = r % 2 ? w * 0.7 : w, g = s.g[r >> 1], idf = Math.log(1 + man.n / Math.max(g[0], 1)), d = 0;
      if (g[0] > (g.length - 1) / 2) sc.cut = true;
      for (var i = 1; i + 1 < g.length; i += 2) {
        d += g[i];
        var v = ww * g[i + 1] * idf;
        if (!(sc.get(d) >= v)) sc.set(d, v);
      }
    });
  }
  async function word(q) {
    var n = len(q), stems = [], want = [shardOf(q)];
    man.e.forEach(function (e) {
      if (q.endsWith(e) && n - len(e) >= 3) stems.push(q.slice(0, q.length - e.length));
    });
    stems.forEach(function (s) { want.push(shardOf(s)); });
    if (n >= 3) want = want.concat(range(q).slice(0, 3));
    if (n >= 5) {
      var r = range(Array.from(q).slice(0, 2).join(''));
      if (r.length <= 2) want = want.concat(r);
    }
    var loaded = [];
    for (var i = 0; i < want.length; i++) {
      if (want[i] < 0 || want[i] >= man.s.length) continue;
      var s = await get(man.s[want[i]]);
      if (loaded.indexOf(s) < 0) loaded.push(s);
    }
    var sc = new Map(), hit = false;
    loaded.forEach(function (s) {
      s.k.forEach(function (k, i) {
        var w = k === q ? 1 : stems.indexOf(k) >= 0 ? 0.9 : n >= 3 && k.startsWith(q) ? 0.7 : 0;
        if (w) { hit = true; score(s, s.r[i], w, sc); }
      });
    });
    if (hit || n < 5) return sc;
    loaded.forEach(function (s) {
      s.k.forEach(function (k, i) { if (oneEdit(k, q)) score(s, s.r[i], 0.5, sc); });
    });
    return sc;
  }
  async function row(d) {
    var rows = await get(man.r[Math.floor(d / man.c)]);
    return rows[d % man.c];
  }
  async function search(query) {
    man = man || await get('index.json');
    var qs = keys(query), total = null, soft = [], hits = new Map();
    if (!qs.length) return { qs: qs, docs: [] };
    // As query.go's Search: a word whose groups are cut only adds its scores.
    for (var i = 0; i < qs.length; i++) {
      var sc = await word(qs[i]);
      if (sc.cut) { soft.push(sc); continue; }
      if (!total) { total = sc; continue; }
      Array.from(total.keys()).forEach(function (d) {
        if (sc.has(d)) total.set(d, total.get(d) + sc.get(d)); else total.delete(d);
      });
    }
    if (!total) {
      total = new Map();
      soft.forEach(function (sc) { sc.forEach(function (v, d) { total.set(d, 0); }); });
    }
    soft.forEach(function (sc) {
      sc.forEach(function (v, d) {
        if (total.has(d)) { total.set(d, total.get(d) + v); hits.set(d, (hits.get(d) || 0) + 1); }
      });
    });
    var docs = Array.from(total.keys()).sort(function (a, b) {
      return (hits.get(b) || 0) - (hits.get(a) || 0) || total.get(b) - total.get(a) || a - b;
    });
    var first = await Promise.all(docs.slice(0, PAGE).map(row)), want = qs.join(' ');
    var exact = first.map(function (r) { return keys(r[1]).join(' ') === want; });
    var order = first.map(function (r, i) { return i; }).sort(function (a, b) { return exact[b] - exact[a] || a - b; });
    return { qs: qs, docs: order.map(function (i) { return docs[i]; }).concat(docs.slice(PAGE)) };
  }

  // marked appends text to el with the words the query found in <mark>.
  function marked(el, text, qs) {
    text.split(/([\p{L}\p{N}\p{M}]+)/u).forEach(function (part, i) {
      var k = i % 2 ? key(part) : '';
      var hit = k && qs.some(function (q) {
        return k === q || (len(q) >= 3 && k.startsWith(q)) || (len(q) >= 4 && k.endsWith(q)) || (len(k) >= 4 && q.startsWith(k));
      });
      if (hit) {
        var m = document.createElement('mark');
        m.textContent = part;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(part));
      }
    });
  }
  async function showMore(qs, n) {
    var docs = found.docs.slice(shown, shown + n), rows = await Promise.all(docs.map(row));
    rows.forEach(function (r) {
      var li = document.createElement('li'), a = document.createElement('a'), p = document.createElement('p');
      a.href = r[0];
      a.textContent = r[1];
      li.appendChild(a);
      if (r[2]) {
        var sec = document.createElement('span');
        sec.className = 'search-section';
        sec.textContent = r[2];
        li.appendChild(sec);
      }
      marked(p, r[3], qs);
      li.appendChild(p);
      list.appendChild(li);
    });
    shown += rows.length;
    more.hidden = shown >= found.docs.length;
  }
  function message(query) {
    var n = found.docs.length;
    var t = n === 0 ? data.none : n === 1 ? data.one : data.other;
    return t.replace('%d', n).replace('%s', '»' + query.trim() + '«');
  }
  function say(query, now) {
    clearTimeout(sayTimer);
    var text = found && found.qs.length ? message(query) : '';
    if (text === said) return;
    sayTimer = setTimeout(function () { said = status.textContent = text; }, now ? 0 : SAY_MS);
  }
  async function run(query, now) {
    var mine = ++seq, t0 = performance.now();
    var res = await search(query);
    if (mine !== seq) return;
    found = res;
    shown = 0;
    list.textContent = '';
    await showMore(res.qs, PAGE);
    if (mine !== seq) return;
    list.hidden = shown === 0;
    root.dataset.ms = Math.round(performance.now() - t0);
    say(query, now);
  }
  function address(query, push) {
    var u = new URL(location.href);
    if (query.trim()) u.searchParams.set('q', query); else u.searchParams.delete('q');
    if (u.href === location.href) return;
    if (push) history.pushState(null, '', u); else history.replaceState(null, '', u);
  }
  function fail() { status.textContent = ''; list.hidden = true; document.getElementById('search-nojs').hidden = false; }

  input.addEventListener('input', function () {
    clearTimeout(showTimer);
    clearTimeout(sayTimer);
    showTimer = setTimeout(function () {
      address(input.value, false);
      run(input.value, false).catch(fail);
    }, SHOW_MS);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(showTimer);
    address(input.value, true);
    said = '';
    run(input.value, true).catch(fail);
  });
  more.addEventListener('click', function () { showMore(found.qs, PAGE).catch(fail); });
  function fromAddress() {
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    said = '';
    run(q, true).catch(fail);
  }
  window.addEventListener('popstate', fromAddress);
  fromAddress();
})();
