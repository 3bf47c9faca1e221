// The suite's own checks, run in the page after axe-core. Each function
// returns plain JSON-able data; the Go tests decide what fails. Loaded by
// browser_test.go with Runtime.evaluate (DevTools evaluation is not
// subject to the page's Content-Security-Policy).
(() => {
  if (window.__torv) return;

  // ---- helpers ----

  // sel is a short CSS path for messages: "main > ul.page-list > li:nth-of-type(3) > a".
  const sel = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
      let s = e.localName;
      if (e.id) { parts.unshift(s + "#" + e.id); break; }
      if (e.classList.length) s += "." + [...e.classList].join(".");
      const p = e.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === e.localName);
        if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(e) + 1) + ")";
      }
      parts.unshift(s);
    }
    return parts.join(" > ");
  };

  const text = (el) => (el.innerText || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);

  // parseColor reads rgb(), rgba() and color(srgb …) into [r, g, b, a] (0-255, alpha 0-1).
  const parseColor = (c) => {
    if (!c) return null;
    let m = c.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/);
    if (m) {
      let a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [+m[1], +m[2], +m[3], a];
    }
    m = c.match(/^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\)$/);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    return null;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  const blend = (top, bottom) => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  // canvas is the colour behind everything: the root's or body's
  // background, else the colour scheme's canvas.
  const canvas = () => {
    for (const e of [document.documentElement, document.body]) {
      const c = parseColor(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) return c;
    }
    return matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.documentElement).colorScheme.includes("dark") ? [18, 18, 18, 1] : [255, 255, 255, 1];
  };
  // bgOf is the opaque colour behind an element (its own background
  // included when own is true).
  let bgCache = null; // element -> colour behind it, during one check
  const bgOf = (el, own) => {
    if (!own && bgCache && el.parentElement) {
      if (bgCache.has(el.parentElement)) return bgCache.get(el.parentElement);
      const c = bgOf(el.parentElement, true);
      bgCache.set(el.parentElement, c);
      return c;
    }
    const layers = [];
    for (let e = own ? el : el.parentElement; e; e = e.parentElement) {
      const c = parseColor(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    let c = canvas();
    for (let i = layers.length - 1; i >= 0; i--) c = blend(layers[i], c);
    return c;
  };

  const rendered = (el) => {
    if (!el.getClientRects().length) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== "hidden" && cs.display !== "none";
  };

  const focusableSelector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';

  // inRunningText: the target is inline, and the block it sits in has text
  // of its own besides the target (WCAG 2.5.8's inline exception).
  const inRunningText = (el) => {
    if (!getComputedStyle(el).display.startsWith("inline") || getComputedStyle(el).display === "inline-block" || getComputedStyle(el).display === "inline-flex") {
      return false;
    }
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!el.contains(n) && n.data.trim() !== "" && rendered(n.parentElement)) return true;
    }
    return false;
  };

  window.__torv = {
    sel,

    // axe runs axe-core with the given tags (and optionally only some
    // rules) and returns its violations, trimmed.
    axe: async (tags, rules) => {
      // Only css-orientation-lock reads the stylesheets' text (preload);
      // runs of chosen rules skip fetching it.
      const opts = { resultTypes: ["violations"], preload: !rules };
      opts.runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: tags };
      const r = await axe.run(document, opts);
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact || "", help: v.help, url: v.helpUrl,
        nodes: v.nodes.slice(0, 5).map((n) => ({
          target: n.target.join(" "),
          summary: (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 300),
        })),
        count: v.nodes.length,
      }));
    },

    // reflow reports content wider than the viewport (WCAG 1.4.10).
    reflow: () => {
      const w = document.documentElement.clientWidth;
      const out = { viewport: w, scrollWidth: document.documentElement.scrollWidth, wide: [] };
      if (out.scrollWidth <= w) return out;
      // the outermost elements that reach past the viewport
      for (const el of document.body.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.right <= w + 1 || !rendered(el)) continue;
        const p = el.parentElement;
        if (p && p !== document.body && p.getBoundingClientRect().right > w + 1) continue;
        out.wide.push(sel(el) + " (right edge at " + Math.round(r.right + scrollX) + " px)");
        if (out.wide.length >= 5) break;
      }
      return out;
    },

    // targets lists links and controls outside running text smaller than
    // 24×24 CSS px (WCAG 2.5.8; controls the browser draws, like radio
    // buttons, count with their own box).
    targets: () => {
      const small = [];
      for (const el of document.querySelectorAll(focusableSelector)) {
        if (el.tabIndex < 0 && !el.matches("a[href], button, input, select, textarea")) continue;
        if (!rendered(el)) continue;
        const b = el.getBoundingClientRect();
        if (b.bottom < 0 || b.right < 0) continue; // moved out of view until focused (the skip link)
        if (inRunningText(el)) continue;
        const fits = [...el.getClientRects()].some((r) => r.width >= 23.5 && r.height >= 23.5);
        if (!fits) small.push(sel(el) + ' "' + text(el) + '" ' + Math.round(b.width * 10) / 10 + "×" + Math.round(b.height * 10) / 10);
      }
      return small;
    },

    // clipped finds text that an overflow:hidden/clip box (or an SVG
    // viewport) cuts off, text that overlaps other text, and text outside
    // the page's width: what 1.4.12 text spacing and 1.4.4 text zoom must
    // not cause.
    clipped: () => {
      const out = [];
      const lines = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const clippers = new Map();
      const clipBox = (e) => {
        if (clippers.has(e)) return clippers.get(e);
        let box = null;
        const cs = getComputedStyle(e);
        const clips = (v) => v === "hidden" || v === "clip";
        const isSVG = e instanceof SVGSVGElement;
        if (clips(cs.overflowX) || clips(cs.overflowY) || isSVG) {
          const r = e.getBoundingClientRect();
          box = {
            left: clips(cs.overflowX) || isSVG ? r.left + (parseFloat(cs.borderLeftWidth) || 0) : -Infinity,
            right: clips(cs.overflowX) || isSVG ? r.right - (parseFloat(cs.borderRightWidth) || 0) : Infinity,
            top: clips(cs.overflowY) || isSVG ? r.top + (parseFloat(cs.borderTopWidth) || 0) : -Infinity,
            bottom: clips(cs.overflowY) || isSVG ? r.bottom - (parseFloat(cs.borderBottomWidth) || 0) : Infinity,
          };
          if (isSVG && cs.overflow === "visible") box = null;
        }
        clippers.set(e, box);
        return box;
      };
      const pageW = document.documentElement.clientWidth;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.data.trim() === "") continue;
        const parent = n.parentElement;
        if (!parent || !rendered(parent)) continue;
        range.selectNodeContents(n);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
        for (const r of rects) {
          for (let e = parent; e && e !== document.documentElement; e = e.parentElement) {
            const b = clipBox(e);
            if (!b) continue;
            if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
              out.push('text "' + n.data.trim().slice(0, 40) + '" is cut off by ' + sel(e));
              break;
            }
          }
          if (r.right + scrollX > pageW + 1 && r.left + scrollX >= 0) {
            out.push('text "' + n.data.trim().slice(0, 40) + '" reaches past the page width (' + Math.round(r.right + scrollX) + " > " + pageW + " px)");
          }
          lines.push({ r, n, el: parent });
        }
        if (out.length >= 10) return out;
      }
      // Overlap: two text fragments of different elements on top of each
      // other (a fixed height that cannot hold larger spacing).
      lines.sort((a, b) => a.r.top - b.r.top);
      const text2 = (l) => '"' + l.n.data.trim().slice(0, 30) + '"';
      for (let i = 0; i < lines.length && out.length < 10; i++) {
        const a = lines[i];
        for (let j = i + 1; j < lines.length && lines[j].r.top < a.r.bottom - 2; j++) {
          const b = lines[j];
          if (a.n === b.n) continue;
          const ox = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const oy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (ox > 2 && oy > 2) {
            out.push("text " + text2(a) + " (" + sel(a.el) + ") overlaps " + text2(b) + " (" + sel(b.el) + ")");
            break;
          }
        }
      }
      return out;
    },

    // motion lists what still moves under prefers-reduced-motion: reduce:
    // running animations, and style rules in effect that animate or
    // transition an element of the page. (Reading the rules is much
    // cheaper than every element's computed style.)
    motion: () => {
      const out = [];
      const secs = (v) => Math.max(0, ...String(v || "0s").split(",").map((s) => parseFloat(s) * (s.trim().endsWith("ms") ? 0.001 : 1) || 0));
      const visit = (rules) => {
        for (const r of rules) {
          if (r instanceof CSSMediaRule) {
            if (matchMedia(r.media.mediaText).matches) visit(r.cssRules);
          } else if (r instanceof CSSSupportsRule || (window.CSSLayerBlockRule && r instanceof CSSLayerBlockRule)) {
            visit(r.cssRules);
          } else if (r instanceof CSSStyleRule) {
            const st = r.style;
            const anim = st.animationName && st.animationName !== "none" && secs(st.animationDuration) > 0;
            const trans = st.transitionProperty && st.transitionProperty !== "none" && secs(st.transitionDuration) > 0;
            if (!anim && !trans) continue;
            const selector = r.selectorText.replace(/::?(before|after|marker|placeholder|selection)\b/g, "");
            let el = null;
            try { el = document.querySelector(selector || "*"); } catch (e) { el = null; }
            if (!el) continue;
            // the rule may be overridden (by a reduced-motion rule): ask the element
            const cs = getComputedStyle(el);
            if (anim && cs.animationName !== "none" && secs(cs.animationDuration) > 0) out.push(r.selectorText + " animates (" + st.animationName + ")");
            if (trans && secs(cs.transitionDuration) > 0) out.push(r.selectorText + " has a transition (" + st.transitionProperty + " " + st.transitionDuration + ")");
          }
        }
      };
      for (const sheet of document.styleSheets) {
        try { visit(sheet.cssRules); } catch (e) { out.push("cannot read the stylesheet " + sheet.href); }
      }
      const sb = getComputedStyle(document.documentElement).scrollBehavior;
      if (sb !== "auto") out.push("html has scroll-behavior: " + sb);
      for (const a of document.getAnimations()) out.push("a running animation on " + sel(a.effect && a.effect.target));
      return out.slice(0, 10);
    },

    // boundaries remembers, for each element, whether its edge is
    // visible: a border, or a background that stands out (3:1) from what
    // is behind it. lostBoundaries, run after a change of colours (forced
    // colours), lists the edges that were visible and are not any more.
    boundaries: () => {
      bgCache = new Map();
      const seen = new Map();
      for (const el of document.querySelectorAll("body *")) {
        if (!rendered(el) || el instanceof SVGElement) continue;
        const v = boundary(el);
        if (v) seen.set(el, v);
      }
      window.__torvBoundaries = seen;
      bgCache = null;
      return seen.size;
    },
    lostBoundaries: () => {
      bgCache = new Map();
      const out = [];
      for (const [el, was] of window.__torvBoundaries || []) {
        if (!boundary(el)) out.push(sel(el) + " lost its visible " + was);
        if (out.length >= 10) break;
      }
      bgCache = null;
      return out;
    },

    // forcedOptOut lists elements that keep the author's colours in forced
    // colours (forced-color-adjust: none), where text contrast is then the
    // author's, not the user's palette.
    forcedOptOut: () => {
      const out = [];
      for (const el of document.querySelectorAll("body, body *")) {
        if (getComputedStyle(el).forcedColorAdjust === "none" && rendered(el)) out.push(sel(el));
        if (out.length >= 10) break;
      }
      return out;
    },

    // svgShapes checks that chart shapes that are drawn stand out 3:1
    // from the canvas.
    svgShapes: () => {
      const out = [];
      const bg = canvas();
      for (const s of document.querySelectorAll("svg .bar, svg[role=img] rect:not(.track), svg[role=img] path, svg[role=img] circle")) {
        if (!rendered(s) || s.getBoundingClientRect().width === 0) continue;
        const f = parseColor(getComputedStyle(s).fill);
        if (!f) continue;
        const c = contrast(blend(f, bgOf(s.closest("svg"), true)), bg);
        if (c < 3) out.push(sel(s) + " fill " + getComputedStyle(s).fill + " is " + c.toFixed(2) + ":1 against the background");
      }
      return out;
    },

    // printing checks the print stylesheet (with print media emulated):
    // navigation is hidden, links to other sites print their address.
    printing: () => {
      const out = [];
      for (const el of document.querySelectorAll("nav, [role=navigation], .skip-link, form")) {
        if (rendered(el)) out.push(sel(el) + " is printed");
      }
      for (const a of document.querySelectorAll('main a[href^="http"]')) {
        const c = getComputedStyle(a, "::after").content;
        if (!c.includes(a.getAttribute("href"))) out.push(sel(a) + " prints without its address (::after content " + c + ")");
      }
      return out;
    },

    // focusables lists the elements keyboard users can reach, in
    // document order, and remembers them for focusIndex.
    focusables: () => {
      // A group of radio buttons is one Tab stop: the checked one, or the
      // first.
      const radio = (el) => {
        if (el.type !== "radio" || !el.name) return true;
        const group = [...document.querySelectorAll('input[type="radio"]')].filter((r) => r.name === el.name && r.form === el.form);
        return el === (group.find((r) => r.checked) || group[0]);
      };
      const els = [...document.querySelectorAll(focusableSelector)].filter((el) => (el.tabIndex >= 0 && !el.disabled && rendered(el) && radio(el)) || el.classList.contains("skip-link"));
      window.__torvFocusables = els;
      return els.map((el) => sel(el) + ' "' + text(el) + '"');
    },
    positiveTabindex: () => [...document.querySelectorAll("[tabindex]")].filter((el) => el.tabIndex > 0).map(sel),

    // focused describes document.activeElement: its index in
    // focusables(), its box in page coordinates, and whether another
    // element covers it entirely.
    focused: async () => {
      // Wait for scrolling (smooth, where the user has not asked for
      // reduced motion) to come to rest.
      const el = document.activeElement;
      const inView = () => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.right > 0 && r.top < document.documentElement.clientHeight && r.left < document.documentElement.clientWidth;
      };
      let last = -1, still = 0;
      for (let i = 0; i < 180 && still < 3; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = scrollX * 100000 + scrollY;
        still = now === last && inView() ? still + 1 : 0;
        last = now;
      }
      const i = (window.__torvFocusables || []).indexOf(el);
      const r = el.getBoundingClientRect();
      const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
      // sample points inside the part of the element that is in view
      const pts = [];
      for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.2, 0.5, 0.8]) {
        const x = r.left + r.width * fx, y = r.top + r.height * fy;
        if (x >= 0 && y >= 0 && x < vw && y < vh) pts.push([x, y]);
      }
      const covered = [];
      let seen = 0;
      for (const [x, y] of pts) {
        const hit = document.elementFromPoint(x, y);
        if (hit && (el === hit || el.contains(hit) || (el.labels && [...el.labels].some((l) => l.contains(hit))))) seen++;
        else if (hit) covered.push(sel(hit));
      }
      // What decides how focus looks here: elements alike in all of this
      // show the same indicator on the same background.
      const cs = getComputedStyle(el);
      const sig = [el.localName, el.className, cs.outlineColor, cs.outlineStyle, cs.outlineWidth, cs.outlineOffset,
        cs.boxShadow, cs.color, cs.backgroundColor, cs.borderColor, cs.textDecorationLine, bgOf(el, false).join(",")].join("|");
      return {
        index: i, sel: sel(el), text: text(el), tag: el.localName, sig,
        x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
        inView: r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw,
        visiblePoints: seen, coveredBy: covered.slice(0, 2),
        focusVisible: el.matches(":focus-visible"),
        hash: location.hash, isMain: el.localName === "main",
      };
    },
    // refocus focuses focusables()[i] again, as the keyboard left it.
    refocus: (i) => { window.__torvFocusables[i].focus({ preventScroll: true }); return document.activeElement === window.__torvFocusables[i] && document.activeElement.matches(":focus-visible"); },
    blur: () => { document.activeElement.blur(); return document.activeElement === document.body; },

    // csp is the list of Content-Security-Policy violations the page
    // reported (securitypolicyviolation events, recorded from the start).
    csp: () => window.__torvCSP || [],
  };

  function boundary(el) {
    const cs = getComputedStyle(el);
    const behind = bgOf(el, false);
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      const w = parseFloat(cs["border" + side + "Width"]);
      const style = cs["border" + side + "Style"];
      const c = parseColor(cs["border" + side + "Color"]);
      if (w >= 1 && style !== "none" && style !== "hidden" && c && c[3] > 0 && contrast(blend(c, behind), behind) >= 3) return "border";
    }
    const own = parseColor(cs.backgroundColor);
    if (own && own[3] > 0 && contrast(blend(own, behind), behind) >= 3) return "background";
    return "";
  }
})();
