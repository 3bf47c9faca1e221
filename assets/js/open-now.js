// "Open now" on a place page: marks today in the opening hours and says
// whether the place is open now, in a polite live region. It only reads
// what the page already shows, and the page is complete without it.
//
// What it reads (layouts/place.html and its partials): the element
// [data-open-now] holds the opening hours and names the place's time zone
// (data-time-zone) and the words to use (data-open-text, data-closed-text,
// data-today-text); each weekday is a row tr[data-day="monday"] whose
// opening spans are pairs of <time datetime="08:30">; each exception is an
// item of ul.exceptions with its first and last day as
// <time datetime="2026-12-24"> and its spans as the rows have them. An
// exception for today wins over the weekday's row.
//
// The time is the place's, not the reader's: Intl.DateTimeFormat with the
// page's time zone, so a citizen abroad is told what holds at the door.
(function () {
  "use strict";
  var box = document.querySelector("[data-open-now]");
  if (!box || typeof Intl === "undefined" || !Intl.DateTimeFormat.prototype.formatToParts) {
    return;
  }
  var zone = box.getAttribute("data-time-zone") || "Europe/Copenhagen";
  var clockRE = /^(\d{1,2}):(\d{2})$/;
  var dateRE = /^\d{4}-\d{2}-\d{2}$/;

  // now returns the date ("2026-12-24"), the weekday ("thursday") and the
  // minutes since midnight in the place's time zone.
  function now() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", weekday: "long",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      day: String(parts.weekday).toLowerCase(),
      minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute)
    };
  }

  // times returns the datetime values in el that match re.
  function times(el, re) {
    var out = [];
    var list = el.querySelectorAll("time[datetime]");
    for (var i = 0; i < list.length; i++) {
      var v = list[i].getAttribute("datetime");
      if (re.test(v)) {
        out.push(v);
      }
    }
    return out;
  }

  // openAt reports whether el's spans hold the minute m.
  function openAt(el, m) {
    var t = times(el, clockRE).map(function (v) {
      var c = clockRE.exec(v);
      return Number(c[1]) * 60 + Number(c[2]);
    });
    for (var i = 0; i + 1 < t.length; i += 2) {
      if (t[i] <= m && m < t[i + 1]) {
        return true;
      }
    }
    return false;
  }

  var status = null;
  var marked = [];

  // mark adds "(i dag)" after the first cell of a row, or to an item.
  function mark(el) {
    var where = el.querySelector("th") || el;
    var note = document.createElement("span");
    note.className = "today-note";
    note.setAttribute("data-enhancement", "");
    note.textContent = " (" + box.getAttribute("data-today-text") + ")";
    where.appendChild(note);
    el.classList.add("today");
    marked.push([el, note]);
  }

  function update() {
    var n;
    try {
      n = now();
    } catch (e) {
      return; // an unknown time zone: say nothing rather than something wrong
    }
    marked.forEach(function (m) {
      m[0].classList.remove("today");
      m[1].remove();
    });
    marked = [];
    var rule = null;
    var items = box.querySelectorAll(".exceptions li");
    for (var i = 0; i < items.length; i++) {
      var d = times(items[i], dateRE);
      if (d.length > 0 && d[0] <= n.date && n.date <= (d[1] || d[0])) {
        rule = items[i];
        mark(rule);
        break;
      }
    }
    var row = box.querySelector('tr[data-day="' + n.day + '"]');
    if (row) {
      mark(row);
    }
    rule = rule || row;
    if (!rule) {
      return; // no regular hours and no exception: nothing is known
    }
    var text = box.getAttribute(openAt(rule, n.minutes) ? "data-open-text" : "data-closed-text");
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  // The live region goes into the page empty and is filled a moment
  // later, so that screen readers have seen it when its text arrives.
  status = document.createElement("p");
  status.className = "open-now";
  status.setAttribute("role", "status");
  status.setAttribute("data-enhancement", "");
  var heading = box.querySelector("h2");
  if (heading) {
    heading.after(status);
  } else {
    box.prepend(status);
  }
  setTimeout(function () {
    update();
    setInterval(update, 60000);
  }, 250);
})();
