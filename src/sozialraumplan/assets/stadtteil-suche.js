// „Find my district“: the search form of atlas/suche.py. Districts come from the form's
// `data-stadtteile` JSON, streets from the site's own JSON file (`data-strassen`), fetched on
// first use. Every text goes in with textContent. Without this script the form stays hidden
// and the A–Z lists below it do the job.
(function () {
  "use strict";

  var HOECHSTENS = 8;

  function normal(text) {
    return text.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/str\.?(?=\s|$)/g, "strasse").replace(/[^a-z0-9]+/g, " ").trim();
  }

  // Names that start with the query first, then names with a word that starts with it, then the rest.
  function rang(name, anfrage) {
    if (name.indexOf(anfrage) === 0) { return 0; }
    if (name.indexOf(" " + anfrage) !== -1) { return 1; }
    return name.indexOf(anfrage) !== -1 ? 2 : -1;
  }

  function finden(eintraege, anfrage) {
    return eintraege
      .map(function (e) { return { e: e, r: rang(e.normal, anfrage) }; })
      .filter(function (t) { return t.r !== -1; })
      .sort(function (a, b) { return a.r - b.r || a.e.text.localeCompare(b.e.text, "de"); })
      .slice(0, HOECHSTENS)
      .map(function (t) { return t.e; });
  }

  function einrichten(form) {
    if (form.dataset.eingerichtet) { return; }
    form.dataset.eingerichtet = "ja";
    var stadtteile = JSON.parse(form.dataset.stadtteile);
    var nachId = {};
    var bezirke = stadtteile.map(function (s) {
      nachId[s.id] = s;
      return { text: s.name, url: s.url, normal: normal(s.name) };
    });
    var strassen = [];
    var feld = form.querySelector("input");
    var liste = form.querySelector(".srp-suche-treffer");
    var status = form.querySelector(".srp-suche-status");
    var geladen = !form.dataset.strassen;

    function strassenLaden() {
      if (geladen) { return; }
      geladen = true;
      fetch(form.dataset.strassen).then(function (antwort) { return antwort.json(); }).then(function (daten) {
        daten.strassen.forEach(function (eintrag) {
          eintrag[1].forEach(function (id) {
            if (nachId[id]) {
              strassen.push({ text: eintrag[0] + " (" + nachId[id].name + ")", url: nachId[id].url,
                normal: normal(eintrag[0]) });
            }
          });
        });
        zeigen();
      }).catch(function () { /* opened from disk: districts by name still work */ });
    }

    function zeigen() {
      var anfrage = normal(feld.value);
      liste.textContent = "";
      if (!anfrage) { status.textContent = ""; return; }
      var treffer = finden(bezirke, anfrage).concat(finden(strassen, anfrage)).slice(0, HOECHSTENS);
      treffer.forEach(function (t) {
        var a = document.createElement("a");
        a.href = t.url;
        a.textContent = t.text;
        var li = document.createElement("li");
        li.appendChild(a);
        liste.appendChild(li);
      });
      status.textContent = treffer.length
        ? treffer.length + (treffer.length === 1 ? " Treffer" : " Treffer") + " – mit Tab zur Liste"
        : "Nichts gefunden. Die Listen von A bis Z stehen unter dem Suchfeld.";
    }

    form.hidden = false;
    feld.addEventListener("focus", strassenLaden);
    feld.addEventListener("input", function () { strassenLaden(); zeigen(); });
    form.addEventListener("submit", function (ereignis) {
      ereignis.preventDefault();
      zeigen();
      var erster = liste.querySelector("a");
      if (erster) { window.location.href = erster.href; }
    });
  }

  function alle() {
    document.querySelectorAll("form.srp-suche-form[data-stadtteile]").forEach(einrichten);
  }

  if (typeof document$ !== "undefined") { document$.subscribe(alle); } else { alle(); }
})();
