/* Sozialstrukturatlas: helpers for the Leaflet maps that folium writes into the pages.
 * - the hatch pattern for districts without a value (referenced as fill „url(#atlas-schraffur)“),
 * - district names, shown only where the district is wide enough on screen for its name,
 * - the attribution prefix as plain text (no link to an outside host).
 * Everything a map shows is also in the table below it; this script only adds comfort. */
(function () {
  "use strict";

  /* Parsed as HTML, so the browser puts it into the SVG namespace by itself. */
  var MUSTER =
    '<svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute">' +
    '<defs><pattern id="atlas-schraffur" patternUnits="userSpaceOnUse" width="8" height="8" ' +
    'patternTransform="rotate(45)"><rect width="8" height="8" fill="#eeeeee"></rect>' +
    '<rect width="3" height="8" fill="#8c8c8c"></rect></pattern></defs></svg>';

  function muster() {
    if (!document.getElementById("atlas-schraffur")) {
      var huelle = document.createElement("div");
      huelle.innerHTML = MUSTER;
      document.body.appendChild(huelle.firstChild);
    }
  }

  function namen(karte, ebene) {
    var schilder = [];
    ebene.eachLayer(function (flaeche) {
      var p = flaeche.feature.properties;
      var schild = L.tooltip({ permanent: true, direction: "center", className: "atlas-name", interactive: false })
        .setLatLng(p.beschriftung)
        .setContent(p.name); /* escaped by the generator */
      schilder.push({ schild: schild, flaeche: flaeche, breite: p.name.length * 6.5 + 6 });
    });
    function zeigen() {
      schilder.forEach(function (s) {
        var rahmen = s.flaeche.getBounds();
        var a = karte.latLngToContainerPoint(rahmen.getNorthWest());
        var b = karte.latLngToContainerPoint(rahmen.getSouthEast());
        var passt = b.x - a.x > s.breite && b.y - a.y > 16;
        if (passt && !karte.hasLayer(s.schild)) {
          s.schild.addTo(karte);
        } else if (!passt && karte.hasLayer(s.schild)) {
          karte.removeLayer(s.schild);
        }
      });
    }
    karte.on("zoomend", zeigen);
    karte.whenReady(zeigen);
  }

  function einrichten(karte, ebene) {
    muster();
    /* The page layout may still change (fonts, sidebars): keep Leaflet's idea of the size right. */
    if (window.ResizeObserver) {
      new ResizeObserver(function () { karte.invalidateSize(); }).observe(karte.getContainer());
    }
    karte.attributionControl.setPrefix("Leaflet");
    namen(karte, ebene);
  }

  window.atlasKarte = { einrichten: einrichten };
})();
