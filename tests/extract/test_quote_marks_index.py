"""The quotation index answers like the plain scans it replaces, on every offset of a text."""

from __future__ import annotations

from dateline.extract.quotes.marks import Marked, Quotations, find_quotations, inside_quotation

TEXT = (
    '"We will not leave," said Amal Reyes, a trader. She added: "The market is ours.\n\n'
    '"It has been ours for ninety years," and the council knows it.\n\n'
    "The mayor said \u201cthe talks\u201d would go on, calling the protest \u201cunfortunate."
)


def test_index_matches_linear_scans() -> None:
    quotations = find_quotations(TEXT)
    assert isinstance(quotations, Quotations) and quotations.ordered and len(quotations) >= 4
    plain = list(quotations)
    for offset in range(len(TEXT) + 1):
        assert inside_quotation(offset, quotations) == inside_quotation(offset, plain), offset
    for start in range(0, len(TEXT), 7):
        for end in range(start, len(TEXT) + 1, 11):
            expected = [i for i, m in enumerate(plain) if m.start + 1 < end and start < m.end - 1]
            assert list(quotations.touching(start, end)) == expected, (start, end)


def test_overlapping_quotations_fall_back_to_scans() -> None:
    odd = Quotations([Marked(0, 20, True, False, 0, 3), Marked(5, 10, True, False, 0, 1)])
    assert not odd.ordered
    assert inside_quotation(15, odd) and inside_quotation(7, odd) and not inside_quotation(25, odd)
