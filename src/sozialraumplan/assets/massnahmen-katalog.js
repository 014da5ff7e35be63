// Filters and sorting for the Maßnahmen catalogue. Without this script the full table
// stays readable; the filter form is hidden until the script shows it. The filters are in the
// address (?stadtteile=…&status=…), so a filtered list can be shared; filtering by a district
// keeps the Maßnahmen for the whole city (data-gesamtstadt names their key).
(function () {
  "use strict";

  function filtern(form, tabelle) {
    var auswahl = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) { auswahl[s.dataset.filter] = s.value; });
    var gesamtstadt = form.dataset.gesamtstadt;
    var zeilen = tabelle.tBodies[0].rows, sichtbar = 0;
    Array.prototype.forEach.call(zeilen, function (zeile) {
      var passt = Object.keys(auswahl).every(function (schluessel) {
        var wert = auswahl[schluessel];
        var werte = (zeile.dataset[schluessel] || "").split(" ");
        var ganzeStadt = schluessel === "stadtteile" && gesamtstadt && werte.indexOf(gesamtstadt) !== -1;
        return !wert || werte.indexOf(wert) !== -1 || ganzeStadt;
      });
      zeile.hidden = !passt;
      if (passt) { sichtbar += 1; }
    });
    form.querySelector(".srp-filter-ergebnis").textContent =
      sichtbar + " von " + zeilen.length + " Maßnahmen angezeigt";
  }

  function sortierbar(tabelle) {
    var koepfe = tabelle.tHead.rows[0].cells;
    Array.prototype.forEach.call(koepfe, function (kopf, spalte) {
      var knopf = document.createElement("button");
      knopf.type = "button";
      knopf.className = "srp-sortieren";
      knopf.textContent = kopf.textContent;
      kopf.textContent = "";
      kopf.appendChild(knopf);
      kopf.setAttribute("aria-sort", "none");
      knopf.addEventListener("click", function () {
        var aufsteigend = kopf.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(koepfe, function (k) { k.setAttribute("aria-sort", "none"); });
        kopf.setAttribute("aria-sort", aufsteigend ? "ascending" : "descending");
        var koerper = tabelle.tBodies[0];
        var zeilen = Array.prototype.slice.call(koerper.rows);
        zeilen.sort(function (a, b) {
          var x = a.cells[spalte], y = b.cells[spalte];
          var vx = x.dataset.sortwert, vy = y.dataset.sortwert;
          var ergebnis = vx !== undefined
            ? Number(vx) - Number(vy)
            : x.textContent.trim().localeCompare(y.textContent.trim(), "de");
          return aufsteigend ? ergebnis : -ergebnis;
        });
        zeilen.forEach(function (z) { koerper.appendChild(z); });
      });
    });
  }

  function einrichten() {
    document.querySelectorAll("table.srp-katalog").forEach(function (tabelle) {
      if (tabelle.dataset.eingerichtet) { return; }
      tabelle.dataset.eingerichtet = "ja";
      sortierbar(tabelle);
      var rahmen = tabelle.closest(".srp-tabelle-rahmen");
      var form = rahmen && rahmen.previousElementSibling;
      if (form && form.classList.contains("srp-filter")) {
        form.hidden = false;
        var adresse = new URLSearchParams(window.location.search);
        form.querySelectorAll("select[data-filter]").forEach(function (s) {
          var wert = adresse.get(s.dataset.filter);
          if (wert && Array.prototype.some.call(s.options, function (o) { return o.value === wert; })) { s.value = wert; }
        });
        form.addEventListener("change", function () {
          var neu = new URLSearchParams(window.location.search);
          form.querySelectorAll("select[data-filter]").forEach(function (s) {
            if (s.value) { neu.set(s.dataset.filter, s.value); } else { neu.delete(s.dataset.filter); }
          });
          var suche = neu.toString();
          window.history.replaceState(null, "", suche ? "?" + suche : window.location.pathname);
          filtern(form, tabelle);
        });
        form.addEventListener("submit", function (e) { e.preventDefault(); });
        filtern(form, tabelle);
      }
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(einrichten); } else { einrichten(); }
})();
