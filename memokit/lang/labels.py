"""The label sets memokit ships: the words the writers print around the memo's own text.

One entry per label, the word in every language memokit ships (a new label is one more entry).
A house style overrides any single label for any language under ``labels:`` in its style.yaml;
month names come from CLDR (see :mod:`memokit.lang`), not from here.
"""

from __future__ import annotations

LANGUAGES = ("en", "sv", "nb", "da", "fi", "de", "fr", "es", "it", "nl", "pt", "pl")

_BY_LABEL: dict[str, dict[str, str]] = {
    "figure": dict(en="Figure", sv="Figur", nb="Figur", da="Figur", fi="Kuvio", de="Abbildung",
                   fr="Figure", es="Figura", it="Figura", nl="Figuur", pt="Figura", pl="Rysunek"),
    "table": dict(en="Table", sv="Tabell", nb="Tabell", da="Tabel", fi="Taulukko", de="Tabelle",
                  fr="Tableau", es="Tabla", it="Tabella", nl="Tabel", pt="Tabela", pl="Tabela"),
    "box": dict(en="Box", sv="Ruta", nb="Boks", da="Boks", fi="Laatikko", de="Kasten",
                fr="Encadré", es="Recuadro", it="Riquadro", nl="Kader", pt="Caixa", pl="Ramka"),
    "source": dict(en="Source", sv="Källa", nb="Kilde", da="Kilde", fi="Lähde", de="Quelle",
                   fr="Source", es="Fuente", it="Fonte", nl="Bron", pt="Fonte", pl="Źródło"),
    "appendix": dict(en="Appendix", sv="Bilaga", nb="Vedlegg", da="Bilag", fi="Liite", de="Anhang",
                     fr="Annexe", es="Anexo", it="Appendice", nl="Bijlage", pt="Anexo",
                     pl="Załącznik"),
    "contents": dict(en="Contents", sv="Innehåll", nb="Innhold", da="Indhold", fi="Sisällys",
                     de="Inhalt", fr="Sommaire", es="Índice", it="Indice", nl="Inhoud", pt="Índice",
                     pl="Spis treści"),
    # 'page 2 of 4'
    "page": dict(en="page", sv="sida", nb="side", da="side", fi="sivu", de="Seite", fr="page",
                 es="página", it="pagina", nl="pagina", pt="página", pl="strona"),
    "of": dict(en="of", sv="av", nb="av", da="af", fi="/", de="von", fr="sur", es="de", it="di",
               nl="van", pt="de", pl="z"),
    "continued": dict(en="continued", sv="forts.", nb="forts.", da="fortsat", fi="jatkuu",
                      de="Fortsetzung", fr="suite", es="continuación", it="segue", nl="vervolg",
                      pt="continuação", pl="cd."),
    "memo": dict(en="Memo", sv="Memo", nb="Notat", da="Notat", fi="Muistio", de="Memo", fr="Note",
                 es="Memorando", it="Memo", nl="Memo", pt="Memorando", pl="Notatka"),
    "project": dict(en="Project", sv="Projekt", nb="Prosjekt", da="Projekt", fi="Hanke",
                    de="Projekt", fr="Projet", es="Proyecto", it="Progetto", nl="Project",
                    pt="Projeto", pl="Projekt"),
    "approved_by": dict(en="Approved by", sv="Godkänd av", nb="Godkjent av", da="Godkendt af",
                        fi="Hyväksynyt", de="Genehmigt von", fr="Approuvé par", es="Aprobado por",
                        it="Approvato da", nl="Goedgekeurd door", pt="Aprovado por",
                        pl="Zatwierdził"),
    "date": dict(en="Date", sv="Datum", nb="Dato", da="Dato", fi="Päivämäärä", de="Datum",
                 fr="Date", es="Fecha", it="Data", nl="Datum", pt="Data", pl="Data"),
    "notes": dict(en="Notes", sv="Noter", nb="Noter", da="Noter", fi="Huomautukset",
                  de="Anmerkungen", fr="Notes", es="Notas", it="Note", nl="Noten", pt="Notas",
                  pl="Przypisy"),
    "references": dict(en="References", sv="Referenser", nb="Referanser", da="Referencer",
                       fi="Lähteet", de="Literatur", fr="Références", es="Referencias",
                       it="Riferimenti", nl="Referenties", pt="Referências", pl="Bibliografia"),
    "bibliography": dict(en="Bibliography", sv="Litteratur", nb="Litteratur", da="Litteratur",
                         fi="Kirjallisuus", de="Literaturverzeichnis", fr="Bibliographie",
                         es="Bibliografía", it="Bibliografia", nl="Bibliografie", pt="Bibliografia",
                         pl="Bibliografia"),
}

# language -> label -> word; 'document' (what a style calls its documents) is the style's to give
SHIPPED: dict[str, dict[str, str]] = {
    code: {**{label: words[code] for label, words in _BY_LABEL.items()}, "document": ""}
    for code in LANGUAGES}
