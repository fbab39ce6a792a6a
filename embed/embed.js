/* Alliance Readiness Quiz: embed loader. Turns every <div data-alliance-quiz>
   into an iframe of the quiz and re-dispatches its messages as DOM events.
   Options, events and protocol: docs/embedding.md. No dependencies. */
(function (w, d) {
  'use strict';
  var P = 'alliance-quiz:';
  var H = 640; // initial height, reserved so nothing below jumps
  var me = d.currentScript;
  if (!me) { // currentScript is null in some old or wrapped loads
    var all = d.querySelectorAll('script[src*="embed.js"]');
    me = all[all.length - 1];
  }
  if (!me) return;
  var app = new URL('./', me.src); // the app lives next to embed.js
  var widgets = {};

  function opt(box, name) { return box.getAttribute('data-' + name); }

  function mount(box) {
    if (box.getAttribute('data-alliance-quiz-id')) return; // another copy of the loader got it
    var id = String((w.__allianceQuizCount = (w.__allianceQuizCount || 0) + 1));
    box.setAttribute('data-alliance-quiz-id', id);
    var q = new URLSearchParams({ embed: '1', id: id, host: location.origin });
    // Only values the app could take go into the frame's address: a huge
    // one would make it longer than servers accept (docs/security.md).
    var v = opt(box, 'language');
    if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/.test(v)) q.set('lang', v);
    v = opt(box, 'theme');
    if (/^(light|dark|auto)$/.test(v)) q.set('theme', v);
    v = opt(box, 'accent');
    if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) q.set('accent', v);
    v = opt(box, 'compact');
    if (v != null && !/^(off|false|0)$/.test(v)) q.set('compact', '1');
    if (opt(box, 'start-screen') == 'off') q.set('start', 'off');
    v = opt(box, 'share-base');
    if (/^https?:\/\//i.test(v) && v.length <= 2000) q.set('share', v);
    var f = d.createElement('iframe');
    f.title = opt(box, 'title') || 'Alliance readiness quiz';
    f.loading = 'lazy';
    // Copying and the share sheet inside the frame. A browser that knows
    // no web-share feature (Chromium on Linux) warns about it on every page.
    var pp = d.permissionsPolicy || d.featurePolicy;
    var known = pp && pp.features ? pp.features() : ['web-share'];
    f.allow = 'clipboard-write' + (known.indexOf('web-share') >= 0 ? '; web-share' : '');
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads');
    // Share links point to this page when data-share-base does (docs/
    // embedding.md): a result or comparison in this page's own address
    // opens in the widget. Anything else in it is the host's own business.
    var at = q.has('share') && /^#\/(r|compare)(\/[\w.~%-]{1,2000}){1,2}$/.test(location.hash) ? location.hash : '#/';
    f.src = app.origin + app.pathname + '?' + q + at;
    f.style.cssText = 'display:block;width:100%;border:0;height:' + H + 'px';
    box.style.minHeight = H + 'px';
    box.appendChild(f);
    widgets[id] = { box: box, frame: f };
  }

  // Only messages from one of our frames, from the app's origin, count:
  // anything else on the page may post whatever it likes.
  w.addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== app.origin || !m || m.version !== 1 || typeof m.type != 'string' || m.type.indexOf(P)) return;
    var x = widgets[m.id];
    if (!x || e.source !== x.frame.contentWindow) return;
    if (m.type == P + 'height') {
      var h = Math.ceil(m.height); // a number only: not '700' or [700]
      if (typeof m.height == 'number' && h > 0 && h < 1e5) x.frame.style.height = h + 'px';
    } else {
      // The frame's title in the language it shows, unless the site owner
      // chose one (data-title): screen readers announce it in that language.
      if (m.type == P + 'language' && !opt(x.box, 'title') && typeof m.title == 'string' && m.title && m.title.length <= 200) {
        x.frame.title = m.title;
        if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(m.language)) x.frame.lang = m.language;
      }
      x.box.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
    }
  });

  function scan() { d.querySelectorAll('[data-alliance-quiz]').forEach(mount); }
  if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', scan);
  else scan();
})(window, document);
