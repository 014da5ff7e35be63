"""The last look at every built page (`render.csp`): what a page must never contain, and the hashes
of its inline scripts and styles, read as a browser parses the page."""

from __future__ import annotations

from sozialraumplan.render import csp


def test_eine_sichere_seite_hat_keine_funde_und_die_hashes_ihrer_inline_skripte_und_stile():
    skript, stil = 'var a = "<b>&amp;</b>";', "p { color: #333 }"
    seite = (f"<!doctype html><html><head><meta charset=utf-8><script>{skript}</script><style>{stil}</style>"
             '<script src="assets/tastatur.js"></script><link rel="stylesheet" href="../assets/sozialraumplan.css">'
             '</head><body><!-- Kommentar --><p>Text</p><script type="application/json">{"a": 1}</script></body></html>')
    funde, politik = csp.pruefen(seite)
    assert funde == []
    assert f"script-src 'self' {csp._hash(skript)}" in politik  # the raw text, entities as written
    assert f"style-src 'self' {csp._hash(stil)}" in politik
    assert csp._hash('{"a": 1}') not in politik  # data, not a script


def test_handler_skriptlinks_fremde_quellen_weiterleitung_base_und_template_sind_funde():
    seite = ('<html><head><meta http-equiv="Refresh" content="0; url=https://boese.example"><base href="/x/">'
             '<script src="https://boese.example/a.js"></script></head><body>'
             '<a href=" javascript:alert(1)">j</a><p onmouseover="alert(2)">p</p>'
             '<svg><a xlink:href="data:text/html,x">s</a></svg><img src="//boese.example/b.png" alt="b">'
             "<template><script>alert(3)</script></template></body></html>")
    funde = " | ".join(csp.verstoesse(seite))
    for erwartet in ("<meta http-equiv=refresh>", "<base>", "<script> lädt „https://boese.example/a.js“",
                     "<a href> verweist auf ein Skript", "<p> mit Ereignis-Attribut „onmouseover“",
                     "<a xlink:href> verweist auf ein Skript", "<img> lädt „//boese.example/b.png“", "<template>"):
        assert erwartet in funde, erwartet
