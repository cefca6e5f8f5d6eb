"""Guess the text encoding of a user file: UTF-8/16/32, GB18030 (GBK) or Big5.

Rule, in order:
1. a byte-order mark decides (UTF-32, UTF-8, UTF-16);
2. a sample that decodes strictly as UTF-8 is UTF-8 (ASCII included);
3. GB18030 and Big5 are both tried strictly and the decodings scored by how many of their
   characters are common Chinese characters; mis-decoded text turns into rare characters, kana,
   Greek or symbols, so it scores low even when it decodes without error (Big5 bytes almost always
   decode "successfully" as GB18030, which is why charset detectors confuse the two on short samples);
4. text that decodes as Windows-1252 into mostly Latin letters (Ì, Ã, é) is Windows-1252:
   charset-normalizer calls such short samples Big5 or GB18030 too;
5. otherwise charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from labortrace.errors import InputError

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Common traditional-only characters of company names and addresses (their simplified forms are
#: in GB2312 level 1, which covers the shared and simplified ones).
TRADITIONAL_COMMON = (
    "區國東門業產電機廠貿發興實聯華號樓縣鎮鄉灣臺營質飾鋼鐵紡織襪裝製際體積環藝術學圖書館"
    "開關達進運輸場員會團隊農漁銀錢貨買賣價債證權責務醫藥療護衛設計網絡訊網頁廣傳視聽讀寫"
    "燈塑膠膜紙類資源處理氣車輛輪維修陸島嶼橋樑隴廈廳縣鄰條街園區義龍鳳鶴雲風陽陰龜雞"
    "歐美亞澳韓萬與為來時後從個們說過還這對應當經濟總統計畫劃點線長門問間題習聲響額頭願"
    "顧類飛馬魚鳥麥黃齊齒龍壓壩壽夢奧婦孫寧寶將專尋導屬層嶺幣帶廣廢彈彎徑後徵德恆懷戰戲"
    "擁擇擔據擴擺數斷晉晝書會桿條棧檢樣標樹橫權歡歲歷殘決沒況淺滅滿漢潔澤濟濱瀋災無煙熱"
    "爭牆獲獎現環產畢異當瘋發盡監盤礦碼確禮禍離種穀穩窮竊競筆範築簡糧紀約級細終組結絕絲"
    "給統絲綠維綜緊線練縣縮總績繩繼續缺罰羅義習聖聞職肅脅腦膽臨舉舊艙藍蘇處號蟲補裡複見規"
    "視親覺覽觀觸訂計訓記設許診詞試詩話該詳認語誤說課調談論證識護讀變讓貝負財貢貧貨販責"
    "貴費貼貿賀資賓賞賠賢質購賽贈趕趨跡踐車軌軍軟較載輕輔輸轉辦農迴遊運過達違遠適選遺遷"
    "郵鄉鄭醫釋針鈞鉛銅銷鋁鋒錄錦鍋鍵鏈鐘長閉開閘閩閱闊陣陳陸陽隊際隨險隱雙雜雞難電需靜"
    "韋響頂項順須預頒領頻顆題額顏風飯飲館餘驗體髮鬥鬧魯鮮鳴麗黨"
)

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

#: A decoding scoring below this is implausible Chinese.
MIN_SCORE = 0.6


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    """GB2312 level-1 characters (the 3,755 most used) plus common traditional forms."""
    chars = set(TRADITIONAL_COMMON)
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # 0xD7FA-0xD7FE are unassigned
    return frozenset(chars)


def plausibility(text: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters or punctuation.

    A lone non-ASCII character touching an ASCII letter counts as implausible: that is what
    Latin-1 text looks like read as Big5 or GBK ("BÌNH" -> "B" + one ideograph + "H"), while real
    Chinese comes in runs.
    """
    common = common_characters()
    total = good = 0
    for run in _NON_ASCII.finditer(text):
        chars = run.group()
        total += len(chars)
        if len(chars) == 1 and _touches_letter(text, run.start(), run.end()):
            continue
        good += sum(c in common or unicodedata.category(c)[0] in "ZP" for c in chars)
    return good / total if total else 0.0


def _touches_letter(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _decodes(sample: bytes, encoding: str) -> str | None:
    """The sample decoded strictly, tolerating a character cut at the sample's end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        return decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return None


def _bom_encoding(sample: bytes) -> str | None:
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding
    return None


def _chinese_encoding(sample: bytes) -> str | None:
    scored = []
    for encoding in ("gb18030", "big5"):
        text = _decodes(sample, encoding)
        if text is not None:
            scored.append((plausibility(text), encoding))
    if not scored:
        return None
    score, encoding = max(scored)  # a tie goes to gb18030 (sorts last)
    return encoding if score >= MIN_SCORE else None


def _latin_plausible(sample: bytes) -> bool:
    """Windows-1252 text whose non-ASCII characters are nearly all Latin letters (Ì, Ã, é)."""
    text = _decodes(sample, "cp1252")
    if text is None:
        return False
    extra = [c for c in text if not c.isascii()]
    latin = sum("LATIN" in unicodedata.name(c, "") for c in extra)
    return bool(extra) and latin / len(extra) >= 0.8


def guess_encoding(sample: bytes) -> str | None:
    """The encoding of a byte sample, or None when nothing decodes it."""
    bom = _bom_encoding(sample)
    if bom:
        return bom
    if _decodes(sample, "utf-8") is not None:
        return "utf-8"
    chinese = _chinese_encoding(sample)
    if chinese:
        return chinese
    if _latin_plausible(sample):
        return "cp1252"
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def detect_encoding(path: Path, sample_bytes: int = 1_000_000) -> str:
    """The encoding of a text file, judged on its first sample_bytes; InputError when none fits."""
    with open(path, "rb") as handle:
        sample = handle.read(sample_bytes)
    encoding = guess_encoding(sample)
    if encoding is None:
        raise InputError(
            "cannot tell the text encoding (tried UTF-8, UTF-16, GB18030, Big5 and a detector); "
            "re-save the file as UTF-8",
            file=path,
        )
    return encoding
