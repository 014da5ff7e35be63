// „Stadtteile vergleichen“ (atlas/gegenueberstellung.py): the two districts named in the address
// (?a=…&b=…) side by side with the city, from the JSON in the form's `data-vergleich`. Choosing
// others updates the table and the address, so the comparison can be shared. Every text goes in
// with textContent. Without this script the form reloads the page and the full table below
// holds the same numbers.
(function () {
  "use strict";

  function zelle(zeile, text, kopf) {
    var element = document.createElement(kopf ? "th" : "td");
    if (kopf) { element.scope = kopf; }
    element.textContent = text;
    zeile.appendChild(element);
    return element;
  }

  function zeichnen(form, daten, ziel) {
    var a = form.elements.a.value, b = form.elements.b.value;
    var sa = daten.stadtteile[a], sb = daten.stadtteile[b];
    ziel.textContent = "";
    if (!sa || !sb) { return; }
    var rahmen = document.createElement("div");
    rahmen.className = "atlas-tabelle-rahmen";
    rahmen.tabIndex = 0;
    rahmen.setAttribute("role", "region");
    rahmen.setAttribute("aria-label", sa.name + " und " + sb.name + " im Vergleich");
    var tabelle = document.createElement("table");
    tabelle.className = "atlas-werte";
    tabelle.createCaption().textContent = sa.name + " und " + sb.name + " im Vergleich mit der Gesamtstadt";
    var kopf = tabelle.createTHead().insertRow();
    ["Angabe", sa.name, sb.name, "Gesamtstadt"].forEach(function (t) { zelle(kopf, t, "col"); });
    var koerper = tabelle.createTBody();
    function zeile(name, x, y, stadt, zahl) {
      var tr = koerper.insertRow();
      zelle(tr, name, "row");
      [x, y, stadt].forEach(function (t) { var td = zelle(tr, t); if (zahl) { td.className = "atlas-zahl"; } });
    }
    zeile("Sozialindex-Klasse", sa.klasse, sb.klasse, "–", false);
    zeile("Ergebnis der Bedarfsermittlung", sa.urteil, sb.urteil, "–", false);
    daten.indikatoren.forEach(function (i) {
      zeile(i.name, sa.werte[i.id], sb.werte[i.id], daten.stadt[i.id], true);
    });
    rahmen.appendChild(tabelle);
    var block = document.createElement("div");
    block.className = "atlas-tabelle";
    block.appendChild(rahmen);
    ziel.appendChild(block);
    var links = document.createElement("p");
    [sa, sb].forEach(function (s, n) {
      var verweis = document.createElement("a");
      verweis.href = s.url;
      verweis.textContent = "Profil von " + s.name;
      if (n) { links.appendChild(document.createTextNode(" · ")); }
      links.appendChild(verweis);
    });
    ziel.appendChild(links);
    document.dispatchEvent(new Event("srp:tabellen"));
  }

  function einrichten() {
    document.querySelectorAll("form.srp-vergleich[data-vergleich]").forEach(function (form) {
      if (form.dataset.eingerichtet) { return; }
      form.dataset.eingerichtet = "ja";
      var daten = JSON.parse(form.dataset.vergleich);
      var ziel = form.parentNode.querySelector(".srp-vergleich-ergebnis");
      var adresse = new URLSearchParams(window.location.search);
      ["a", "b"].forEach(function (name, n) {
        var gewuenscht = adresse.get(name);
        var feld = form.elements[name];
        if (gewuenscht && daten.stadtteile[gewuenscht]) {
          feld.value = gewuenscht;
        } else if (n === 1 && feld.value === form.elements.a.value && feld.options.length > 1) {
          feld.selectedIndex = feld.selectedIndex === 0 ? 1 : 0;
        }
      });
      function aktualisieren() {
        var neu = new URLSearchParams(window.location.search);
        neu.set("a", form.elements.a.value);
        neu.set("b", form.elements.b.value);
        window.history.replaceState(null, "", "?" + neu.toString());
        zeichnen(form, daten, ziel);
      }
      form.addEventListener("change", aktualisieren);
      form.addEventListener("submit", function (e) { e.preventDefault(); aktualisieren(); });
      zeichnen(form, daten, ziel);
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(einrichten); } else { einrichten(); }
})();
