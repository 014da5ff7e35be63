/* Sozialstrukturatlas: draws every map of the page from the JSON in its `data-karte` attribute.
 * - Leaflet (a file of this site) is loaded only on pages that have a map;
 * - every text from the data goes in as text (textContent), never as HTML or code;
 * - districts without a value are hatched, names shown where a district is wide enough;
 * - every district with a tooltip is a Tab stop, so it gets a name for screen readers;
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
    [["Stadtteil", p.name], [daten.titel, p.wert], [daten.klassenTitel, p.klasse]].forEach(function (zeile) {
      var tr = tabelle.insertRow();
      var th = document.createElement("th");
      th.textContent = zeile[0];
      tr.appendChild(th);
      tr.insertCell().textContent = zeile[1];
    });
    return tabelle;
  }

  function namen(karte, ebene) {
    var schilder = [];
    ebene.eachLayer(function (flaeche) {
      var p = flaeche.feature.properties;
      var schild = L.tooltip({ permanent: true, direction: "center", className: "atlas-name", interactive: false })
        .setLatLng(p.beschriftung)
        .setContent(text(p.name));
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

  /* Leaflet (1.9) puts every district with a tooltip into the Tab order so keyboard users can
     open it; without a name a screen reader announces nothing there (WCAG 4.1.2). */
  function benennen(ebene) {
    ebene.eachLayer(function (flaeche) {
      var element = flaeche.getElement && flaeche.getElement();
      if (!element) { return; }
      var p = flaeche.feature.properties;
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", p.name + ": " + p.wert + ", Klasse " + p.klasse);
    });
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
        flaeche.bindTooltip(tooltip(daten, f.properties), { className: "atlas-tooltip", sticky: true });
      }
    }).addTo(karte);
    standorte(karte, daten);
    karte.fitBounds(daten.rahmen);
    /* The page layout may still change (fonts, sidebars): keep Leaflet's idea of the size right. */
    if (window.ResizeObserver) {
      new ResizeObserver(function () { karte.invalidateSize(); }).observe(behaelter);
    }
    namen(karte, ebene);
    benennen(ebene);
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
