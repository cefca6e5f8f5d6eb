"""Bad supplier tables: each error names the file, the data row, the line and the column."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from labortrace.errors import InputError
from labortrace.sources.encodings import detect_encoding
from labortrace.sources.tables import open_table


def write(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        list(open_table(path, **kwargs))  # type: ignore[arg-type]
    assert info.value.file == str(path)
    return info.value


def test_no_name_column_lists_columns_and_shows_map(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "Code,Qty\nA1,3\n"))
    assert "'Code', 'Qty'" in error.message and "--map name=COLUMN" in error.message


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "empty"), ("\n\n  \n", "no rows"), ("Supplier Name,Address\n", "no data rows"),
     ("Supplier Name,Address\n,\n\n", "no data rows")],
)
def test_empty_blank_and_header_only(tmp_path: Path, text: str, words: str) -> None:
    assert words in error_of(write(tmp_path, text)).message


def test_unclosed_quote_at_end_of_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,address,country\nAcme,Shenzhen,CN\nFoo,"Unit 5, Bar Road,GB\nBaz,Qux,US\n')
    with pytest.raises(InputError) as info:
        list(open_table(path))
    error = info.value
    assert (error.row, error.column) == (2, "address")
    assert "line 3" in error.message and "quote" in error.message


def test_unbalanced_quote_swallowing_rows(tmp_path: Path) -> None:
    body = ["name,address,country,city", "Acme,Shenzhen,CN,SZ", 'Foo "Trading",Bar,CN,GZ',
            'Baz,"Unit 5,CN,SH'] + [f"Row{i},Street {i},CN,BJ" for i in range(5)] + ['Late,Road 9",CN,XM']
    path = write(tmp_path, "\n".join(body) + "\n")
    table = open_table(path)
    found = []
    with pytest.raises(InputError) as info:
        for row in table:
            found.append(row.field("name"))
    assert found == ["Acme", 'Foo "Trading"']  # a quote inside an unquoted cell is literal text
    assert (info.value.row, info.value.column) == (3, "address")
    assert "line 4" in info.value.message and "swallowed" in info.value.message


def test_malformed_quote(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,address\nAcme,Shenzhen\nFoo,"Bar" Road\n')
    with pytest.raises(InputError) as info:
        list(open_table(path))
    assert (info.value.row, info.value.column) == (2, "address") and "line 3" in info.value.message


def test_undecodable_bytes_after_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = b"".join(b"Supplier %d,Street %d\n" % (i, i) for i in range(60_000))
    path.write_bytes(b"name,address\n" + rows + b"Bad \xff\xfe name,Street\n")
    assert path.stat().st_size > 1_000_000 and detect_encoding(path) == "utf-8"
    error = error_of(path)
    assert f"byte offset {len(rows) + 17}" in error.message and "line 60002" in error.message
    assert "utf-8" in error.message


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"name,address\nAcme,Shen\x00zhen\n")
    assert "NUL byte at byte offset 22 (line 2)" in error_of(path).message


def test_not_really_xlsx(tmp_path: Path) -> None:
    path = write(tmp_path, "name,address\nAcme,Shenzhen\n", "list.xlsx")
    assert "not an XLSX file" in error_of(path).message
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "cannot open the workbook" in error_of(path).message


def test_old_xls_and_unknown_sheet(tmp_path: Path) -> None:
    assert ".xls format is not supported" in error_of(write(tmp_path, "x", "list.xls")).message
    from openpyxl import Workbook  # type: ignore[import-untyped]

    path = tmp_path / "book.xlsx"
    Workbook().save(path)
    assert "no sheet 'Nope'" in error_of(path, sheet="Nope").message


def test_larger_than_max_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "name\nAcme\n")
    assert "10 bytes, over the limit of 5 bytes" in error_of(path, max_bytes=5).message


def test_more_cells_than_header(tmp_path: Path) -> None:
    path = write(tmp_path, "name,country\nAcme,CN,,\nAcme, Inc.,US\n")
    with pytest.raises(InputError) as info:
        list(open_table(path))
    assert info.value.row == 2
    assert "line 3 has 3 cells but the header has 2" in info.value.message


def test_row_error_up_front_when_first_row_is_bad(tmp_path: Path) -> None:
    path = write(tmp_path, "name,country\nAcme, Inc.,US\n")
    with pytest.raises(InputError, match="3 cells"):
        open_table(path)  # raised before the caller sees any row


def test_json_not_objects(tmp_path: Path) -> None:
    assert "expected an object" in error_of(write(tmp_path, "[1, 2]", "list.json")).message
    path = write(tmp_path, '{"name": "Acme"}\n{broken\n', "list.jsonl")
    assert "line 2 is not valid JSON" in error_of(path).message
