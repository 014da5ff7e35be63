// A heading whose longest word is wider than the screen („Stadtteilentwicklungskonzeption“ on a
// phone) gets a smaller type until the word fits, instead of breaking it in the middle.
// Without this script the stylesheet breaks such a word as a last resort (barrierefreiheit.css).
(function () {
  "use strict";

  function breitestesWort(ueberschrift) {
    var breitestes = 0;
    var gehen = document.createTreeWalker(ueberschrift, NodeFilter.SHOW_TEXT);
    for (var knoten = gehen.nextNode(); knoten; knoten = gehen.nextNode()) {
      var muster = /[^\s\-\/\u2013\u2014]+/g, treffer;
      while ((treffer = muster.exec(knoten.data))) {
        var bereich = document.createRange();
        bereich.setStart(knoten, treffer.index);
        bereich.setEnd(knoten, treffer.index + treffer[0].length);
        var rechtecke = bereich.getClientRects();
        var breite = 0;
        for (var i = 0; i < rechtecke.length; i += 1) { breite += rechtecke[i].width; }
        breitestes = Math.max(breitestes, breite);
      }
    }
    return breitestes;
  }

  function anpassen() {
    document.querySelectorAll(".md-content :is(h1, h2, h3, h4)").forEach(function (ueberschrift) {
      ueberschrift.style.fontSize = "";
      var groesse = parseFloat(getComputedStyle(ueberschrift).fontSize);
      var platz = ueberschrift.clientWidth;
      var schritte = 0;
      while (platz > 0 && breitestesWort(ueberschrift) > platz && schritte < 8) {
        groesse *= 0.92;
        schritte += 1;
        ueberschrift.style.fontSize = groesse + "px";
      }
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(anpassen); } else { anpassen(); }
  window.addEventListener("resize", anpassen);
})();
