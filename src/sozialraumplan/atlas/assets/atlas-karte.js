/* Sozialstrukturatlas: helpers for the Leaflet maps that folium writes into the pages.
 * - the hatch pattern for districts without a value (referenced as fill „url(#atlas-schraffur)“),
 * - district names, shown only where the district is wide enough on screen for its name,
 * - the attribution prefix as plain text (no link to an outside host),
 * - a name for every district: Leaflet makes each one with a tooltip a Tab stop,
 * - zoom buttons labelled in German.
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

  /* The generator escapes the properties for HTML; an attribute wants the plain text. */
  function klartext(html) {
    var feld = document.createElement("textarea");
    feld.innerHTML = html;
    return feld.value;
  }

  /* Leaflet (1.9) puts every district with a tooltip into the Tab order so keyboard users can
     open it; without a name a screen reader announces nothing there (WCAG 4.1.2). The name is
     what the tooltip shows: district, value, class. */
  function benennen(ebene) {
    ebene.eachLayer(function (flaeche) {
      var element = flaeche.getElement && flaeche.getElement();
      if (!element) { return; }
      var p = flaeche.feature.properties;
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", klartext(p.name) + ": " + klartext(p.wert) + ", Klasse " + klartext(p.klasse));
    });
  }

  function einrichten(karte, ebene) {
    muster();
    /* The page layout may still change (fonts, sidebars): keep Leaflet's idea of the size right. */
    if (window.ResizeObserver) {
      new ResizeObserver(function () { karte.invalidateSize(); }).observe(karte.getContainer());
    }
    karte.attributionControl.setPrefix("Leaflet");
    if (karte.zoomControl) {
      karte.removeControl(karte.zoomControl);
      karte.zoomControl = L.control.zoom({ zoomInTitle: "Karte vergrößern", zoomOutTitle: "Karte verkleinern" }).addTo(karte);
    }
    namen(karte, ebene);
    benennen(ebene);
  }

  window.atlasKarte = { einrichten: einrichten };
})();
