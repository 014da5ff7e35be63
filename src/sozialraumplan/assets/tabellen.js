// Tables wider than the screen: a visible line above the table says that it scrolls sideways
// (its first column stays put, see barrierefreiheit.css). Shown only while the table does not
// fit; without this script the shadow at the right edge is the cue.
(function () {
  "use strict";

  var RAHMEN = ".atlas-tabelle-rahmen, .srp-tabelle-rahmen, .md-typeset__scrollwrap";
  var TEXT = "Weitere Spalten: Tabelle seitlich verschieben. Die erste Spalte bleibt stehen.";

  function beobachten(rahmen) {
    if (rahmen.dataset.wischhinweis) { return; }
    rahmen.dataset.wischhinweis = "ja";
    var hinweis = document.createElement("p");
    hinweis.className = "srp-wischen";
    hinweis.textContent = TEXT;
    rahmen.parentNode.insertBefore(hinweis, rahmen);
    function pruefen() {
      hinweis.hidden = rahmen.scrollWidth <= rahmen.clientWidth + 1;
    }
    pruefen();
    if (window.ResizeObserver) {
      new ResizeObserver(pruefen).observe(rahmen);
    }
  }

  function einrichten() {
    document.querySelectorAll(RAHMEN).forEach(function (rahmen) {
      if (rahmen.querySelector("table")) { beobachten(rahmen); }
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(einrichten); } else { einrichten(); }
  // Tables drawn later by another script of the site (the comparison) announce themselves.
  document.addEventListener("srp:tabellen", einrichten);
})();
