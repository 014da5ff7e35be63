/* Sozialstrukturatlas: draws every map of the page from the JSON in its `data-karte` attribute.
 * - Leaflet (a file of this site) is loaded only on pages that have a map;
 * - every text from the data goes in as text (textContent), never as HTML or code;
 * - districts without a value are hatched; names are placed without overlapping, high-need
 *   districts first and always, then the larger ones where there is room;
 * - the zoom buttons come before the districts in the Tab order; every district with a tooltip
 *   is a Tab stop with a name, and its info box opens above it, never on top of it;
 * - districts with planned or running Maßnahmen are outlined in a layer of their own;
 * - zoom buttons labelled in German, the attribution as plain text (no link to another host).
 * Everything a map shows is also in the table below it; this script only adds the picture. */
(function () {
  "use strict";

  var skript = document.currentScript;
  var ordner = skript ? skript.src.replace(/[^/]*$/, "") : "";
  var SVG = "http://www.w3.org/2000/svg";

  function text(inhalt, klasse) {
    var element = document.createElement("span");
    if (klasse) { element.className = klasse; }
    element.textContent = inhalt;
    return element;
  }

  /* Leaflet's attribution control takes HTML: the text escaped by the browser itself. */
  function alsHtml(inhalt) {
    return text(inhalt).innerHTML;
  }

  function leafletLaden(fertig) {
    if (window.L) { fertig(); return; }
    var stil = document.createElement("link");
    stil.rel = "stylesheet";
    stil.href = ordner + "leaflet/leaflet.css";
    document.head.appendChild(stil);
    var bibliothek = document.createElement("script");
    bibliothek.src = ordner + "leaflet/leaflet.js";
    bibliothek.addEventListener("load", fertig);
    document.head.appendChild(bibliothek);
  }

  /* The hatch pattern that districts without a value are filled with (fill „url(#atlas-schraffur)“). */
  function muster() {
    if (document.getElementById("atlas-schraffur")) { return; }
    function knoten(name, werte) {
      var element = document.createElementNS(SVG, name);
      Object.keys(werte).forEach(function (k) { element.setAttribute(k, werte[k]); });
      return element;
    }
    var svg = knoten("svg", { width: "0", height: "0", "aria-hidden": "true", focusable: "false" });
    svg.style.position = "absolute";
    var defs = knoten("defs", {});
    var schraffur = knoten("pattern", { id: "atlas-schraffur", patternUnits: "userSpaceOnUse", width: "8",
      height: "8", patternTransform: "rotate(45)" });
    schraffur.appendChild(knoten("rect", { width: "8", height: "8", fill: "#eeeeee" }));
    schraffur.appendChild(knoten("rect", { width: "3", height: "8", fill: "#8c8c8c" }));
    defs.appendChild(schraffur);
    svg.appendChild(defs);
    document.body.appendChild(svg);
  }

  function tooltip(daten, p) {
    var tabelle = document.createElement("table");
    var zeilen = [["Stadtteil", p.name], [daten.titel, p.wert], [daten.klassenTitel, p.klasse]];
    if (p.massnahmen) { zeilen.push(["Laufende und geplante Maßnahmen", String(p.massnahmen)]); }
    zeilen.forEach(function (zeile) {
      var tr = tabelle.insertRow();
      var th = document.createElement("th");
      th.textContent = zeile[0];
      tr.appendChild(th);
      tr.insertCell().textContent = zeile[1];
    });
    return tabelle;
  }

  /* Names without overlap: high-need districts first (always named), then by size on screen; a
     name is shown where its district is wide enough and no shown name is in the way. A high-need
     name with no free place (a dense centre on a phone) becomes a number, explained in a list
     below the map; zooming in gives the names back. */
  function namen(karte, ebene, behaelter) {
    var schilder = [];
    ebene.eachLayer(function (flaeche) {
      var p = flaeche.feature.properties;
      var schild = L.tooltip({ permanent: true, direction: "center", className: "atlas-name" + (p.hoch ? " atlas-name--hoch" : ""),
        interactive: false })
        .setLatLng(p.beschriftung)
        .setContent(text(p.name));
      schilder.push({ schild: schild, flaeche: flaeche, name: p.name, hoch: !!p.hoch, nummer: 0 });
    });
    var liste = document.createElement("p");
    liste.className = "atlas-namenliste";
    liste.hidden = true;
    behaelter.parentNode.parentNode.insertBefore(liste, behaelter.parentNode.nextSibling);
    function verschoben(k, dx, dy) {
      return { x1: k.x1 + dx, x2: k.x2 + dx, y1: k.y1 + dy, y2: k.y2 + dy };
    }
    function ueberlappt(a, b) {
      return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    }
    /* The size a label really takes (the theme's font size depends on the screen): measured on the map. */
    function messen(s) {
      if (s.breite) { return; }
      s.schild.addTo(karte);
      var element = s.schild.getElement();
      s.breite = element.offsetWidth + 2;
      s.hoehe = element.offsetHeight + 1;
    }
    function beschriften(s, nummer) {
      if (s.nummer === nummer && s.breite) { return; }
      s.nummer = nummer;
      s.schild.setContent(text(nummer ? String(nummer) : s.name));
      s.breite = 0;
      messen(s);
    }
    function kasten(s) {
      return { x1: s.mitte.x - s.breite / 2, x2: s.mitte.x + s.breite / 2, y1: s.mitte.y - s.hoehe / 2, y2: s.mitte.y + s.hoehe / 2 };
    }
    function zeigen() {
      var belegt = [], nummern = [];
      var groesse = karte.getSize();
      var frei = function (k) {  // on the map, where no other label is
        return k.x1 >= 0 && k.y1 >= 0 && k.x2 <= groesse.x && k.y2 <= groesse.y
          && !belegt.some(function (b) { return ueberlappt(b, k); });
      };
      /* The first free place near the district: the middle, a name a line or two up or down or a
         little sideways (further would put it on a neighbour), a small number in rings up to three
         of its sizes around. */
      function platz(s) {
        var k = kasten(s), orte = [[0, 0]];
        if (s.hoch && !s.nummer) {  // a quarter of its width sideways keeps a name over its district
          var h = s.hoehe, v = s.breite / 4;
          orte.push([0, -h], [0, h], [-v, 0], [v, 0], [-v, -h], [v, -h], [-v, h], [v, h], [0, -2 * h], [0, 2 * h]);
        }
        for (var ring = 1; s.nummer && ring <= 3; ring++) {
          var dx = ring * s.breite, dy = ring * s.hoehe;
          orte.push([0, -dy], [0, dy], [-dx, 0], [dx, 0], [-dx, -dy], [dx, -dy], [-dx, dy], [dx, dy]);
        }
        return orte.filter(function (o) { return frei(verschoben(k, o[0], o[1])); })[0];
      }
      schilder.forEach(function (s) {
        beschriften(s, 0);
        var rahmen = s.flaeche.getBounds();
        var a = karte.latLngToContainerPoint(rahmen.getNorthWest());
        var b = karte.latLngToContainerPoint(rahmen.getSouthEast());
        s.flaeche_px = (b.x - a.x) * (b.y - a.y);
        s.gross = b.x - a.x > s.breite && b.y - a.y > 16;
        s.mitte = karte.latLngToContainerPoint(s.flaeche.feature.properties.beschriftung);
      });
      schilder.slice().sort(function (x, y) {
        return (y.hoch - x.hoch) || (y.flaeche_px - x.flaeche_px);
      }).forEach(function (s) {
        var o = platz(s);
        if (s.hoch && o === undefined) {
          nummern.push(s);
          beschriften(s, nummern.length);
          o = platz(s) || [0, 0];
        }
        var zeigen = s.hoch || (s.gross && o !== undefined);
        if (zeigen) {
          s.schild.setLatLng(karte.containerPointToLatLng(L.point(s.mitte.x + o[0], s.mitte.y + o[1])));
          belegt.push(verschoben(kasten(s), o[0], o[1]));
        }
        if (zeigen && !karte.hasLayer(s.schild)) {
          s.schild.addTo(karte);
        } else if (!zeigen && karte.hasLayer(s.schild)) {
          karte.removeLayer(s.schild);
        }
      });
      liste.textContent = nummern.length ? "Nummern auf der Karte: " + nummern.map(function (s) {
        return s.nummer + " " + s.name;
      }).join("; ") + "." : "";
      liste.hidden = !nummern.length;
    }
    karte.on("zoomend", zeigen);
    karte.whenReady(zeigen);
  }

  /* Leaflet (1.9) puts every district with a tooltip into the Tab order so keyboard users can
     open it; without a name a screen reader announces nothing there (WCAG 4.1.2). */
  function benennen(karte, ebene) {
    ebene.eachLayer(function (flaeche) {
      var element = flaeche.getElement && flaeche.getElement();
      if (!element) { return; }
      var p = flaeche.feature.properties;
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", p.name + ": " + p.wert + ", " + p.klasse
        + (p.hoch ? ", hoher Bedarf" : "") + (p.massnahmen ? ", Maßnahmen: " + p.massnahmen : ""));
      /* Leaflet opens the info box of a focused district on its centre, where it hides the
         district: open it beside the district instead, towards the middle of the map. */
      element.addEventListener("focus", function () {
        var rahmen = flaeche.getBounds();
        var links = karte.latLngToContainerPoint(rahmen.getCenter()).x < karte.getSize().x / 2;
        var info = flaeche.getTooltip();
        info.options.direction = links ? "right" : "left";
        info.options.offset = [links ? 8 : -8, 0];
        flaeche.openTooltip(L.latLng(rahmen.getCenter().lat, links ? rahmen.getEast() : rahmen.getWest()));
      });
      element.addEventListener("mouseover", function () {
        var info = flaeche.getTooltip();
        info.options.direction = "top";
        info.options.offset = [0, -8];
      });
    });
  }

  /* The zoom buttons before the districts in the Tab order: Leaflet puts its controls after the
     map pane, so a keyboard user would pass every district to reach them. */
  function steuerungZuerst(karte) {
    var behaelter = karte.getContainer();
    var steuerung = behaelter.querySelector(".leaflet-control-container");
    if (steuerung) { behaelter.insertBefore(steuerung, behaelter.firstChild); }
  }

  function massnahmenEbene(karte, daten) {
    var mit = daten.flaechen.features.filter(function (f) { return f.properties.massnahmen; });
    if (!mit.length) { return; }
    var ebene = L.geoJSON({ type: "FeatureCollection", features: mit }, {
      interactive: false,
      style: function () { return { color: "#000000", weight: 3, dashArray: "6 4", fill: false }; }
    }).addTo(karte);
    var schalter = L.control.layers(null, { "Maßnahmen (gestrichelt)": ebene }, { collapsed: false, position: "topright" })
      .addTo(karte);
    /* The switch is always open; Leaflet's hidden „Layers“ toggle would be an English Tab stop. */
    var umschalter = schalter.getContainer().querySelector(".leaflet-control-layers-toggle");
    if (umschalter) { umschalter.remove(); }
  }

  function standorte(karte, daten) {
    daten.standorte.forEach(function (s) {
      var symbol = text("", "atlas-symbol atlas-symbol--" + s.art);
      L.marker([s.breite, s.laenge], {
        icon: L.divIcon({ html: symbol, iconSize: [18, 18], iconAnchor: [9, 9], className: "atlas-standort" }),
        title: s.titel, alt: s.titel, keyboard: true
      }).bindTooltip(text(s.titel)).addTo(karte);
    });
  }

  function zeichnen(behaelter) {
    var daten = JSON.parse(behaelter.getAttribute("data-karte"));
    var karte = L.map(behaelter, { zoomSnap: 0.25, scrollWheelZoom: false, zoomControl: false });
    L.control.zoom({ zoomInTitle: "Karte vergrößern", zoomOutTitle: "Karte verkleinern" }).addTo(karte);
    karte.attributionControl.setPrefix("Leaflet");
    if (daten.kacheln) {
      L.tileLayer(daten.kacheln.adresse, { maxZoom: daten.kacheln.maxZoom,
        attribution: alsHtml(daten.kacheln.namensnennung) }).addTo(karte);
    }
    var ebene = L.geoJSON(daten.flaechen, {
      attribution: alsHtml(daten.namensnennung),
      style: function (f) {
        var farbe = f.properties.farbe;
        return { color: daten.umriss, weight: 1, fillColor: farbe || daten.fehlt, fillOpacity: farbe ? 0.85 : 1 };
      },
      onEachFeature: function (f, flaeche) {
        flaeche.bindTooltip(tooltip(daten, f.properties), { className: "atlas-tooltip", sticky: true, direction: "top",
          offset: [0, -8] });
      }
    }).addTo(karte);
    massnahmenEbene(karte, daten);
    standorte(karte, daten);
    karte.fitBounds(daten.rahmen);
    /* The page layout may still change (fonts, sidebars): keep Leaflet's idea of the size right. */
    if (window.ResizeObserver) {
      new ResizeObserver(function () { karte.invalidateSize(); }).observe(behaelter);
    }
    namen(karte, ebene, behaelter);
    benennen(karte, ebene);
    steuerungZuerst(karte);
  }

  function einrichten() {
    var karten = Array.prototype.filter.call(document.querySelectorAll(".atlas-karte-flaeche[data-karte]"),
      function (k) { return !k.classList.contains("leaflet-container"); });
    if (!karten.length) { return; }
    leafletLaden(function () {
      muster();
      karten.forEach(zeichnen);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", einrichten);
  } else {
    einrichten();
  }
})();
