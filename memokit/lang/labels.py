"""The label sets memokit ships: the words the writers print around the memo's own text.

A house style overrides any single label for any language under ``labels:`` in its
style.yaml; month names come from CLDR (see :mod:`memokit.lang`), not from here.
"""

from __future__ import annotations

_KEYS = ("figure", "table", "box", "source", "appendix", "contents", "page", "of", "continued",
         "memo", "project", "approved_by", "date", "notes", "references", "bibliography", "document")


def _set(*words: str) -> dict[str, str]:
    assert len(words) == len(_KEYS)
    return dict(zip(_KEYS, words))


# figure, table, box, source, appendix, contents, page, of, continued,
# memo, project, approved_by, date, notes, references, bibliography, document
SHIPPED: dict[str, dict[str, str]] = {
    "en": _set("Figure", "Table", "Box", "Source", "Appendix", "Contents", "page", "of", "continued",
               "Memo", "Project", "Approved by", "Date", "Notes", "References", "Bibliography", ""),
    "sv": _set("Figur", "Tabell", "Ruta", "Källa", "Bilaga", "Innehåll", "sida", "av", "forts.",
               "Memo", "Projekt", "Godkänd av", "Datum", "Noter", "Referenser", "Litteratur", ""),
    "nb": _set("Figur", "Tabell", "Boks", "Kilde", "Vedlegg", "Innhold", "side", "av", "forts.",
               "Notat", "Prosjekt", "Godkjent av", "Dato", "Noter", "Referanser", "Litteratur", ""),
    "da": _set("Figur", "Tabel", "Boks", "Kilde", "Bilag", "Indhold", "side", "af", "fortsat",
               "Notat", "Projekt", "Godkendt af", "Dato", "Noter", "Referencer", "Litteratur", ""),
    "fi": _set("Kuvio", "Taulukko", "Laatikko", "Lähde", "Liite", "Sisällys", "sivu", "/", "jatkuu",
               "Muistio", "Hanke", "Hyväksynyt", "Päivämäärä", "Huomautukset", "Lähteet",
               "Kirjallisuus", ""),
    "de": _set("Abbildung", "Tabelle", "Kasten", "Quelle", "Anhang", "Inhalt", "Seite", "von",
               "Fortsetzung", "Memo", "Projekt", "Genehmigt von", "Datum", "Anmerkungen",
               "Literatur", "Literaturverzeichnis", ""),
    "fr": _set("Figure", "Tableau", "Encadré", "Source", "Annexe", "Sommaire", "page", "sur", "suite",
               "Note", "Projet", "Approuvé par", "Date", "Notes", "Références", "Bibliographie", ""),
    "es": _set("Figura", "Tabla", "Recuadro", "Fuente", "Anexo", "Índice", "página", "de",
               "continuación", "Memorando", "Proyecto", "Aprobado por", "Fecha", "Notas",
               "Referencias", "Bibliografía", ""),
    "it": _set("Figura", "Tabella", "Riquadro", "Fonte", "Appendice", "Indice", "pagina", "di",
               "segue", "Memo", "Progetto", "Approvato da", "Data", "Note", "Riferimenti",
               "Bibliografia", ""),
    "nl": _set("Figuur", "Tabel", "Kader", "Bron", "Bijlage", "Inhoud", "pagina", "van", "vervolg",
               "Memo", "Project", "Goedgekeurd door", "Datum", "Noten", "Referenties",
               "Bibliografie", ""),
    "pt": _set("Figura", "Tabela", "Caixa", "Fonte", "Anexo", "Índice", "página", "de",
               "continuação", "Memorando", "Projeto", "Aprovado por", "Data", "Notas",
               "Referências", "Bibliografia", ""),
    "pl": _set("Rysunek", "Tabela", "Ramka", "Źródło", "Załącznik", "Spis treści", "strona", "z",
               "cd.", "Notatka", "Projekt", "Zatwierdził", "Data", "Przypisy", "Bibliografia",
               "Bibliografia", ""),
}
