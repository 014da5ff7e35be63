// Filters and sorting for the Maßnahmen catalogue. Without this script the full table
// stays readable; the filter form is hidden until the script shows it.
(function () {
  "use strict";

  function filtern(form, tabelle) {
    var auswahl = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) { auswahl[s.dataset.filter] = s.value; });
    var zeilen = tabelle.tBodies[0].rows, sichtbar = 0;
    Array.prototype.forEach.call(zeilen, function (zeile) {
      var passt = Object.keys(auswahl).every(function (schluessel) {
        var wert = auswahl[schluessel];
        return !wert || (zeile.dataset[schluessel] || "").split(" ").indexOf(wert) !== -1;
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
        form.addEventListener("change", function () { filtern(form, tabelle); });
        form.addEventListener("submit", function (e) { e.preventDefault(); });
        filtern(form, tabelle);
      }
    });
  }

  if (typeof document$ !== "undefined") { document$.subscribe(einrichten); } else { einrichten(); }
})();
