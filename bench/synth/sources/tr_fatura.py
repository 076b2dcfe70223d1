"""`tr-fatura`: Turkish invoices: the GİB e-Fatura and e-Arşiv Fatura printouts, desktop ERP prints,
an online invoicing service's PDF and a small shop's pre-printed form filled in by hand.

Every document carries the parties' tax identities: the seller's `Vergi Dairesi` (a tax office
named after a district: `Kozyatağı`, `Ostim`, `Uludağ`) and `VKN` (10 digits with the GİB check
digit) or, for a sole trader, `TCKN` (11 digits with both check digits); the buyer's too (an
individual on an e-Arşiv invoice may be the anonymous `11111111111`). Amounts `1.234,56 TL`,
`1.234,56 TRY`, `₺1.234,56` or, by hand, `1234,56`; dates day first (`15-03-2024` on the GİB prints,
`15.03.2024` or `15/03/2024` elsewhere, `15 Mart 2024` on the online service), so a third are
ambiguous; KDV at 20 / 10 / 1 % from 10 July 2023 and 18 / 8 / 1 % before (a food seller's
invoice mixes 1 % and 20 %); every name and label in Turkish with its dotted `İ` and dotless `ı`
(`TİCARET LİMİTED ŞİRKETİ`, `IŞIK`, `Işıklar Mah.`).

Five layouts. `efatura` (an integrator's print of the standard GİB XSLT): the seller between two
rules top left (`Tel / Faks`, `Web Sitesi`, `E-Posta`, `Vergi Dairesi`, `VKN`, `Ticaret Sicil
No`, `MERSİS No`), the round GİB logo with `e-FATURA` under it in the middle, the karekod top right,
the `SAYIN` buyer block between rules, the `ETTN` (a UUID), a ruled `Özelleştirme No: TR1.2 /
Senaryo: TICARIFATURA / Fatura Tipi: SATIS | TEVKIFAT / Fatura No: ABC2024000000123 / Fatura
Tarihi / İrsaliye No / Sipariş No` table on the right, the eleven-column line grid (`Sıra No / Mal
Hizmet / Miktar / Birim Fiyat / İskonto Oranı / İskonto Tutarı / KDV Oranı / KDV Tutarı / Diğer
Vergiler / Mal Hizmet Tutarı`, `2 Adet`, `%20,00`, `150,00 TL` in every money cell), the ruled
totals (`Mal Hizmet Toplam Tutarı`, `Toplam İskonto`, `Hesaplanan KDV(%20)` per rate, `Vergiler
Dahil Toplam Tutar`, `Ödenecek Tutar`) and a `Not:` box (`Yalnız: #BinİkiYüz...TL...Kr#`, the
bank's IBAN, sometimes the `Vade Tarihi`); some are in `USD` or `EUR` with a `Döviz Kuru` row and
the payable restated in TL. `earsiv` (the GİB e-Arşiv portal's or an integrator's e-Arşiv print):
the same frame titled `e-Arşiv Fatura`, `Senaryo: EARSIVFATURA`, a `GIB2024000000123`-style number,
`Fatura Tarihi: 15-03-2024 14:22` (the time in the same cell) or `Düzenleme Tarihi` with a
`Düzenleme Zamanı` row, the portal's `İskonto/ Arttırım Oranı / Tutarı / Nedeni` columns (`İskonto
-`) and its empty padding rows, an internet-sale block (`Web Adresi`, `Ödeme Şekli`, `Ödeme
Tarihi`, `Gönderim Tarihi`, `Taşıyanın VKN`) and `e-Arşiv izni kapsamında elektronik ortamda
iletilmiştir.` `erp` (a Logo- or Mikro-like desktop print, on plain paper or in Courier on a
pre-printed continuous form): the letterhead with a brand over the legal name, `SATIŞ FATURASI` or
`İRSALİYELİ FATURA` in a box, a `SAYIN` box beside `Fatura No / Fatura Tarihi / Düzenleme Saati /
Fiili Sevk Tarihi / İrsaliye No / Vade Tarihi / Cari Kodu` rows, a `Stok Kodu / Açıklama / Miktar /
Birim / Birim Fiyat / İsk.% / KDV% / Tutar` table (`2,00`), a `KDV Dökümü` when rates mix, `Toplam /
İskonto / Ara Toplam / KDV %20 / Genel Toplam`, the account balance (`Önceki Bakiye`, `Güncel
Bakiye`) and `Teslim Eden / Teslim Alan`. `web` (a Paraşüt-like online service): a coloured brand
tile, `FATURA` large, labels over values (`DÜZENLEME TARİHİ`, `VADE TARİHİ`), `₺` amounts, `Ara
Toplam / KDV (%20) / Genel Toplam` in a tinted bar, a part payment with `Kalan Tutar` on some, and
an e-Arşiv footer with the ETTN on others. `hand` (a shop's pre-printed A5 form, filled in with a
ballpoint and scanned): the shop's name over its owner's, a boxed `FATURA` with `Seri A` and the red
`Sıra No 004512` (the truth's number is the sıra no), `Fatura Tarihi`, `Fiili Sevk Tarihi`, `Sayın`,
a `CİNSİ / MİKTARI / BİRİM FİYATI / TUTARI` grid with empty rows, `TOPLAM / İSKONTO / KDV % / GENEL
TOPLAM` boxes, `Yalnız:` in words, a stamp, and the printer's line (`Matbaa ... Seri A 004501 -
004550`).

Decoys and awkward parts: the ETTN; `İrsaliye No` and `Sipariş No` shaped like the invoice number
(`IRS2024000000456` beside `ABC2024000000123`, `A-004498` beside `A-004512`) with their dates; both
parties' VKN/TCKN, `MERSİS No`, `Ticaret Sicil No`, IBANs, `Cari Kodu 120.01.045`; zero `Toplam
İskonto` and discount columns; the amount in words; tevkifat (KDV withholding) on a quarter of the
e-Faturas and some ERP prints: `Fatura Tipi: TEVKIFAT`, `KDV TEVKİFAT (%90,00)=...` in the `Diğer
Vergiler` cell, `Hesaplanan KDV Tevkifat(%90)`, `Tevkifata Tabi İşlem Tutarı`, `Tevkifata Tabi
İşlem Üzerinden Hes. KDV` and an `Ödenecek Tutar` below the `Vergiler Dahil Toplam Tutar` (the
truth's total is the latter, the document total with the whole KDV, as `pt-fatura` keeps its total
before the IRS withholding; the tax is the whole `Hesaplanan KDV`); foreign-currency e-Faturas with
the rate and a TL figure; the ERP's previous and new account balance; the online service's
collected part and `Kalan Tutar` (the truth's total is the `Genel Toplam`); a due date only as
`30 gün vadeli` on some (not in the truth). The tax is left out of the truth when the page prints
only one KDV row per rate and no sum. About a third are scanned images: every handwritten form, many
ERP prints and some printed e-Faturas.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth.canvas import A4, Canvas, Color
from bench.synth.common import Column, choose, draw_table, total_rows
from bench.synth.document import Line, Rendered, pick_dates, price, quantity, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

BLACK: Color = (0, 0, 0)
GREY: Color = (0.38, 0.38, 0.38)
LIGHT: Color = (0.88, 0.88, 0.88)
RED: Color = (0.78, 0.08, 0.08)
A5 = (419.53, 595.28)

MONTHS_TR = [
    "Ocak",
    "Şubat",
    "Mart",
    "Nisan",
    "Mayıs",
    "Haziran",
    "Temmuz",
    "Ağustos",
    "Eylül",
    "Ekim",
    "Kasım",
    "Aralık",
]


@dataclass(frozen=True)
class TurkishDate(DateStyle):
    """A date with the Turkish month name (`15 Mart 2024`); the shared table has no Turkish."""

    language: str = "tr"

    def month_name(self, month: int) -> str:
        return MONTHS_TR[month - 1]


# --- Turkish text ---------------------------------------------------------------------------


def _upper(text: str) -> str:
    """Turkish capitals: i -> İ, ı -> I (Python's own upper() would drop the dot)."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def _cap(word: str) -> str:
    return _upper(word[:1]) + word[1:]


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("çğıöşüÇĞİÖŞÜâ", "cgiosuCGIOSUa"))


ONES = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]


def _hundreds(value: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(value, 100)
    if hundreds:
        words += ([] if hundreds == 1 else [ONES[hundreds]]) + ["yüz"]
    tens, ones = divmod(rest, 10)
    if tens:
        words.append(TENS[tens])
    if ones:
        words.append(ONES[ones])
    return words


def _words(value: int) -> list[str]:
    """A number in Turkish words: `bin` and `yüz` stand alone (never `bir bin`)."""
    if value == 0:
        return ["sıfır"]
    millions, rest = divmod(value, 1_000_000)
    thousands, units = divmod(rest, 1000)
    words: list[str] = []
    if millions:
        words += [*_hundreds(millions), "milyon"]
    if thousands:
        words += ([] if thousands == 1 else _hundreds(thousands)) + ["bin"]
    return words + _hundreds(units)


UNIT_WORDS = {
    "TRY": (("TL", "Kr"), ("TÜRK LİRASI", "KURUŞ")),
    "USD": (("USD", "Cent"), ("ABD DOLARI", "SENT")),
    "EUR": (("EUR", "Cent"), ("EURO", "SENT")),
}


def _in_words(value: Decimal, variant: int, currency: str = "TRY") -> str:
    """`Yalnız` and the amount in words, in one of the ways the programs write it."""
    lira = int(value)
    kurus = int((value - lira) * 100)
    (short, short_cent), (long, long_cent) = UNIT_WORDS[currency]
    if variant == 0:
        text = "".join(_cap(w) for w in _words(lira)) + short
        if kurus:
            text += "," + "".join(_cap(w) for w in _words(kurus)) + short_cent
        return f"Yalnız: #{text}#"
    if variant == 1:
        text = _upper(" ".join(_words(lira))) + f" {long}"
        if kurus:
            text += " " + _upper(" ".join(_words(kurus))) + f" {long_cent}"
        return f"YALNIZ: {text}"
    text = " ".join(_words(lira)) + f" {short}"
    if kurus:
        text += " " + " ".join(_words(kurus)) + f" {short_cent}."
    return f"Yalnız {text}"


# --- People, firms, places ------------------------------------------------------------------

SURNAMES = [
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Yıldırım",
    "Öztürk",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Çetin",
    "Kara",
    "Koç",
    "Kurt",
    "Özkan",
    "Şimşek",
    "Polat",
    "Korkmaz",
    "Güneş",
    "Aksoy",
    "Aktaş",
    "Bulut",
    "Turan",
    "Işık",
    "İnce",
    "Ilgaz",
    "Uçar",
    "Erdem",
    "Keskin",
    "Tekin",
    "Acar",
    "Güler",
    "Ünal",
    "Tunç",
    "Gök",
    "Çakır",
]
FIRST = [
    "Mehmet",
    "Ahmet",
    "Mustafa",
    "Ali",
    "Hüseyin",
    "Hasan",
    "İbrahim",
    "İsmail",
    "Ömer",
    "Murat",
    "Fatma",
    "Ayşe",
    "Emine",
    "Hatice",
    "Zeynep",
    "Elif",
    "Özlem",
    "Gülşen",
    "Serkan",
    "Burak",
    "Işıl",
    "Ilgın",
    "Şule",
    "Tuğba",
    "Kemal",
    "Cengiz",
]
BRANDS = [
    "Ege",
    "Anadolu",
    "Marmara",
    "Akdeniz",
    "Toros",
    "Kardelen",
    "Başkent",
    "Doruk",
    "Umut",
    "Güven",
    "Yıldız",
    "Işıltı",
    "Kuzey",
    "Zirve",
    "Çağdaş",
    "Öncü",
    "İlke",
    "Özgün",
    "Akın",
    "Ulus",
]
FORMS = [
    "Sanayi ve Ticaret Limited Şirketi",
    "San. ve Tic. Ltd. Şti.",
    "Ticaret Limited Şirketi",
    "Tic. Ltd. Şti.",
    "Anonim Şirketi",
    "A.Ş.",
    "San. Tic. A.Ş.",
    "İthalat İhracat San. ve Tic. Ltd. Şti.",
    "Pazarlama Ltd. Şti.",
]
# (city, plate, area code, districts, tax offices)
CITIES = [
    (
        "İstanbul",
        "34",
        ("212", "216"),
        "Kadıköy Ümraniye Şişli Beylikdüzü Pendik Bağcılar Ataşehir",
        "Kozyatağı|Mecidiyeköy|Beylikdüzü|Kartal|Erenköy|Alemdağ|Güngören|Zincirlikuyu",
    ),
    (
        "Ankara",
        "06",
        ("312",),
        "Çankaya Yenimahalle Keçiören Etimesgut Sincan",
        "Çankaya|Ostim|Kavaklıdere|Maltepe|Yenimahalle|Başkent",
    ),
    (
        "İzmir",
        "35",
        ("232",),
        "Bornova Karşıyaka Konak Buca Çiğli",
        "Bornova|Karşıyaka|Konak|Kemeraltı|Hasan Tahsin",
    ),
    ("Bursa", "16", ("224",), "Nilüfer Osmangazi Yıldırım İnegöl", "Nilüfer|Uludağ|Çekirge|İnegöl"),
    ("Antalya", "07", ("242",), "Muratpaşa Kepez Konyaaltı", "Muratpaşa|Kurşunlu|Düden"),
    ("Kocaeli", "41", ("262",), "İzmit Gebze Körfez", "Tepecik|Gebze|Alemdar|Körfez"),
    ("Konya", "42", ("332",), "Selçuklu Meram Karatay", "Selçuk|Meram|Mevlana|Alaaddin"),
    ("Gaziantep", "27", ("342",), "Şehitkamil Şahinbey", "Şehitkamil|Suburcu|Gazikent"),
    ("Kayseri", "38", ("352",), "Melikgazi Kocasinan Talas", "Erciyes|Kaleönü|Mimar Sinan"),
    ("Eskişehir", "26", ("222",), "Odunpazarı Tepebaşı", "Anadolu|Firdevsbey"),
    ("Denizli", "20", ("258",), "Merkezefendi Pamukkale", "Pamukkale|Saraylar|Gökpınar"),
    ("Samsun", "55", ("362",), "İlkadım Atakum", "Gaziler|19 Mayıs|Zafer"),
]
QUARTERS = [
    "Atatürk Mah.",
    "Cumhuriyet Mah.",
    "Yenişehir Mah.",
    "Bahçelievler Mah.",
    "Fatih Mah.",
    "İstiklal Mah.",
    "Işıklar Mah.",
    "Kazım Karabekir Mah.",
    "Barbaros Mah.",
    "Gazi Osman Paşa Mah.",
    "Organize Sanayi Bölgesi",
    "Küçük Sanayi Sitesi",
]
STREETS = [
    "Atatürk Cad.",
    "İnönü Cad.",
    "Cumhuriyet Cad.",
    "Fevzi Çakmak Cad.",
    "Gazi Bulvarı",
    "Menekşe Sok.",
    "Ihlamur Sok.",
    "Çınar Sok.",
    "Lale Sk.",
]
BANKS = [
    ("Ziraat Bankası", "00010"),
    ("Halkbank", "00012"),
    ("Vakıfbank", "00015"),
    ("İş Bankası", "00064"),
    ("Garanti BBVA", "00062"),
    ("Yapı Kredi", "00067"),
    ("Akbank", "00046"),
    ("QNB", "00111"),
    ("Denizbank", "00134"),
]

# Items: (description, unit, KDV class, base price in 2024 lira). KDV classes: "std" 20 % (18 %
# before 10 July 2023), "red" 10 % (8 %), "low" 1 %.
Item = tuple[str, str, str, float]
TRADES: dict[str, tuple[tuple[str, ...], list[Item]]] = {
    "build": (
        ("İnşaat", "Yapı Malzemeleri", "Yapı"),
        [
            ("Çimento CEM II 42,5 R (50 kg)", "Torba", "std", 190),
            ("İnşaat Demiri 12 mm", "Ton", "std", 21000),
            ("Tuğla 13,5'luk", "Adet", "std", 9),
            ("Alçı Sıva 35 kg", "Torba", "std", 160),
            ("Seramik Yer Karosu 60x60", "m2", "std", 320),
            ("Elenmiş Kum", "m3", "std", 700),
            ("Hazır Beton C30", "m3", "std", 2600),
            ("Sıva Uygulama İşçiliği", "m2", "std", 110),
            ("XPS Isı Yalıtım Levhası 3 cm", "m2", "std", 140),
        ],
    ),
    "elec": (
        ("Elektrik", "Elektrik Elektronik", "Enerji"),
        [
            ("NYM Kablo 3x2,5 mm2", "m", "std", 38),
            ("Otomatik Sigorta 16A", "Adet", "std", 95),
            ("LED Panel 60x60 40W", "Adet", "std", 420),
            ("Kaçak Akım Rölesi 40A 30mA", "Adet", "std", 780),
            ("Topraklı Priz Beyaz", "Adet", "std", 65),
            ("Elektrik Tesisat İşçiliği", "Saat", "std", 450),
            ("Dağıtım Panosu Montajı", "Adet", "std", 2400),
            ("Spiral Boru 16 mm (100 m)", "Top", "std", 520),
        ],
    ),
    "food": (
        ("Gıda", "Gıda Pazarlama", "Toptan Gıda"),
        [
            ("Ekmeklik Un Tip 550 (50 kg)", "Çuval", "low", 780),
            ("Ayçiçek Yağı 5 L", "Adet", "low", 310),
            ("Baldo Pirinç 5 kg", "Paket", "low", 330),
            ("Kuru Fasulye 25 kg", "Çuval", "low", 1650),
            ("Makarna 500 g (20'li Koli)", "Koli", "low", 420),
            ("Beyaz Peynir 17 kg Teneke", "Adet", "low", 2900),
            ("Çay 5 kg", "Paket", "low", 1150),
            ("Bulaşık Deterjanı 4 L", "Adet", "std", 145),
            ("Kağıt Havlu (12'li)", "Paket", "std", 210),
        ],
    ),
    "textile": (
        ("Tekstil", "Konfeksiyon", "Örme"),
        [
            ("İş Elbisesi Takım", "Adet", "red", 650),
            ("Polar Mont Lacivert", "Adet", "red", 540),
            ("Baskılı Tişört", "Adet", "red", 180),
            ("Reflektörlü Yelek", "Adet", "red", 95),
            ("Kumaş Boyama İşçiliği", "kg", "std", 85),
            ("Nakış İşçiliği", "Adet", "std", 40),
        ],
    ),
    "it": (
        ("Bilişim", "Bilgi Teknolojileri", "Yazılım"),
        [
            ('Dizüstü Bilgisayar 15,6" i5', "Adet", "std", 28500),
            ("Yazılım Lisansı (1 Yıl)", "Adet", "std", 9800),
            ("Sunucu Bakım Hizmeti", "Ay", "std", 6500),
            ("Ağ Anahtarı 24 Port", "Adet", "std", 7400),
            ("Teknik Destek", "Saat", "std", 1200),
            ("Web Sitesi Barındırma (12 Ay)", "Adet", "std", 3600),
            ("Toner Kartuşu Siyah", "Adet", "std", 1450),
            ("Kablosuz Mouse", "Adet", "std", 420),
        ],
    ),
    "office": (
        ("Kırtasiye", "Ofis Malzemeleri", "Kırtasiye ve Ofis"),
        [
            ("A4 Fotokopi Kağıdı 80 gr (5'li Koli)", "Koli", "std", 780),
            ("Tükenmez Kalem Mavi (50'li)", "Kutu", "std", 350),
            ("Klasör Geniş Sırt", "Adet", "std", 45),
            ("Zımba Teli 24/6", "Kutu", "std", 30),
            ("Dosya Gömleği (50'li)", "Paket", "std", 120),
            ("Yapışkanlı Not Kağıdı", "Adet", "std", 35),
            ("Beyaz Tahta Kalemi (4'lü)", "Paket", "std", 140),
        ],
    ),
    "furn": (
        ("Mobilya", "Ofis Mobilyaları", "Dekorasyon"),
        [
            ("Çalışma Masası 160x80", "Adet", "std", 6800),
            ("Ofis Koltuğu Fileli", "Adet", "std", 4200),
            ("Çelik Dosya Dolabı", "Adet", "std", 5300),
            ("Toplantı Sandalyesi", "Adet", "std", 1900),
            ("Montaj Bedeli", "Adet", "std", 1500),
        ],
    ),
    "auto": (
        ("Otomotiv", "Makina", "Oto Yedek Parça"),
        [
            ("Rulman 6205 2RS", "Adet", "std", 140),
            ("Hidrolik Yağ 20 L", "Adet", "std", 2300),
            ("Motor Yağı 5W-30 4 L", "Adet", "std", 1350),
            ("Fren Balatası Takımı", "Takım", "std", 1800),
            ("Periyodik Bakım İşçiliği", "Saat", "std", 900),
            ("Lastik 205/55 R16", "Adet", "std", 3400),
        ],
    ),
    "medical": (
        ("Medikal", "Tıbbi Cihaz", "Sağlık Ürünleri"),
        [
            ("Nitril Eldiven (100'lü)", "Kutu", "red", 160),
            ("Cerrahi Maske (50'li)", "Kutu", "red", 90),
            ("Dijital Tansiyon Aleti", "Adet", "red", 1400),
            ("Steril Gazlı Bez", "Paket", "red", 45),
            ("Kalibrasyon Hizmeti", "Adet", "std", 2500),
        ],
    ),
    "hardware": (
        ("Hırdavat", "Nalbur", "Hırdavat ve Yapı Market"),
        [
            ("Sunta Vidası 4x40 (200'lü)", "Paket", "std", 85),
            ("Dübel 8 mm (100'lü)", "Paket", "std", 60),
            ("Silikon Şeffaf 310 ml", "Adet", "std", 95),
            ("Matkap Ucu Seti", "Takım", "std", 340),
            ("İş Eldiveni", "Çift", "std", 35),
            ("Plastik Boya 15 L", "Adet", "std", 1650),
            ("Koli Bandı", "Adet", "std", 28),
            ("Su Terazisi 60 cm", "Adet", "std", 260),
        ],
    ),
}
HAND_TRADES = ("hardware", "food", "office", "elec", "build", "textile")
# (code, withholding rule, tenths withheld, KDV class, [(line text, unit, base price)])
TEVKIFAT = [
    (
        "601",
        "Yapım İşleri ile Bu İşlerle Birlikte İfa Edilen Mühendislik-Mimarlık ve Etüt-Proje "
        "Hizmetleri",
        4,
        "std",
        [
            ("Yapım İşleri Hakediş Bedeli", "Adet", 180000),
            ("Saha Mühendislik Hizmeti", "Ay", 42000),
        ],
    ),
    (
        "602",
        "Etüt, Plan-Proje, Danışmanlık, Denetim ve Benzeri Hizmetler",
        9,
        "std",
        [
            ("Proje Danışmanlık Hizmeti", "Saat", 2400),
            ("Fizibilite Raporu Hazırlanması", "Adet", 38000),
        ],
    ),
    (
        "603",
        "Makine, Teçhizat, Demirbaş ve Taşıtlara Ait Tadil, Bakım ve Onarım Hizmetleri",
        7,
        "std",
        [("Forklift Bakım Onarım Hizmeti", "Adet", 14000), ("Kompresör Revizyonu", "Adet", 26000)],
    ),
    (
        "604",
        "Yemek Servis Hizmeti",
        5,
        "red",
        [("Personel Yemek Servis Hizmeti", "Adet", 160), ("Kumanya Hizmeti", "Adet", 95)],
    ),
    (
        "607",
        "Özel Güvenlik Hizmeti",
        9,
        "std",
        [("Özel Güvenlik Hizmeti", "Ay", 48000), ("Fazla Mesai Bedeli", "Saat", 310)],
    ),
    (
        "612",
        "Temizlik Hizmeti",
        9,
        "std",
        [("Ofis Temizlik Hizmeti", "Ay", 36000), ("Cam Silme Hizmeti", "Adet", 9000)],
    ),
    (
        "613",
        "Çevre ve Bahçe Bakım Hizmetleri",
        9,
        "std",
        [("Bahçe Bakım Hizmeti", "Ay", 22000), ("Ağaç Budama", "Adet", 650)],
    ),
    (
        "624",
        "Yük Taşımacılığı Hizmeti",
        2,
        "std",
        [
            ("Nakliye Bedeli (İstanbul-Ankara)", "Sefer", 18000),
            ("Nakliye Bedeli (Bursa-İzmir)", "Sefer", 14000),
        ],
    ),
]
# The trade a seller of each withheld service names itself after.
SERVICE_SECTORS = {
    "601": "İnşaat Taahhüt",
    "602": "Mühendislik Danışmanlık",
    "603": "Makina Bakım Onarım",
    "604": "Yemek Hizmetleri",
    "607": "Özel Güvenlik Hizmetleri",
    "612": "Temizlik Hizmetleri",
    "613": "Peyzaj",
    "624": "Nakliyat",
}
Service = tuple[str, str, int, str, list[tuple[str, str, int]]]
PRICE_LEVEL = {2022: 0.45, 2023: 0.7, 2024: 1.0, 2025: 1.3}
FX = {
    "USD": {2022: (16.5, 18.7), 2023: (18.8, 29.5), 2024: (29.6, 35.2), 2025: (35.3, 41.9)},
    "EUR": {2022: (17.2, 19.9), 2023: (20.1, 32.4), 2024: (32.0, 38.1), 2025: (37.0, 48.0)},
}


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _vkn(rng: random.Random) -> str:
    """A 10-digit VKN with the GİB check digit."""
    body = [rng.randint(0, 9) for _ in range(9)]
    total = 0
    for index, digit in enumerate(body, 1):
        shifted = (digit + 10 - index) % 10
        value = 9 if shifted == 9 else (shifted * 2 ** (10 - index)) % 9
        total += value
    return "".join(map(str, body)) + str((10 - total % 10) % 10)


def _tckn(rng: random.Random) -> str:
    """An 11-digit TCKN with both check digits."""
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(tenth)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def _iban(rng: random.Random, bank: str) -> str:
    bban = f"{bank}0{_digits(rng, 16)}"
    check = 98 - int(bban + "292700") % 97
    raw = f"TR{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _plural(word: str) -> str:
    vowels = [ch for ch in word.lower() if ch in "aıoueiöü"]
    return word + ("lar" if vowels and vowels[-1] in "aıou" else "ler")


@dataclass
class Party:
    name: str
    """The name as this document prints it (upper-cased on some)."""
    legal: str
    brand: str
    address: list[str]
    city: str
    district: str
    tax_office: str
    id_label: str
    tax_id: str
    phone: str
    area: str
    email: str
    web: str
    sole: bool
    trade: str


def _phone(rng: random.Random, area: str) -> str:
    if rng.random() < 0.2:
        mobile = f"5{rng.choice('3453')}{_digits(rng, 1)}"
        return f"0 {mobile} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}"
    shape = rng.randrange(3)
    local = f"{_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}"
    return [f"0 ({area}) {local}", f"0{area} {local}", f"+90 {area} {local}"][shape]


def _party(
    rng: random.Random,
    *,
    sole: bool,
    upper: bool,
    trade: str | None = None,
    anonymous: bool = False,
    service: Service | None = None,
) -> Party:
    trade = trade or rng.choice(list(TRADES))
    sector = rng.choice(TRADES[trade][0])
    if service is not None:
        sector = SERVICE_SECTORS[service[0]]
    surname = rng.choice(SURNAMES)
    city, plate, areas, districts, offices = rng.choice(CITIES)
    district = rng.choice(districts.split())
    office = rng.choice(offices.split("|"))
    if sole:
        legal = f"{rng.choice(FIRST)} {surname}"
        brand = f"{rng.choice((surname, rng.choice(BRANDS)))} {sector}"
    else:
        head = rng.choice((surname, _plural(surname), rng.choice(BRANDS), rng.choice(BRANDS)))
        legal = f"{head} {sector} {rng.choice(FORMS)}"
        brand = f"{head} {sector}"
    number = rng.randint(1, 160)
    street = rng.choice(STREETS)
    if street.endswith(("Sok.", "Sk.")) and rng.random() < 0.5:
        street = f"{rng.randint(1, 2900)}. Sok."
    door = rng.choice(
        ("", f"/{rng.randint(1, 12)}", f" D:{rng.randint(1, 24)}", f" Kat:{rng.randint(1, 6)}")
    )
    first = f"{rng.choice(QUARTERS)} {street} No:{number}{door}"
    postcode = f"{plate}{_digits(rng, 3)}"
    second = rng.choice(
        (
            f"{postcode} {district} / {_upper(city)}",
            f"{district}/ {city}",
            f"{district} / {city} Türkiye",
        )
    )
    slug = _ascii(brand.split()[0].replace("I", "ı").replace("İ", "i").lower())
    area = rng.choice(areas)
    if anonymous:
        tax_id, label = "11111111111", "TCKN"
    elif sole:
        tax_id, label = _tckn(rng), "TCKN"
    else:
        tax_id, label = _vkn(rng), "VKN"
    return Party(
        name=_upper(legal) if upper else legal,
        legal=legal,
        brand=brand,
        address=[first, second],
        city=city,
        district=district,
        tax_office=_upper(office) if upper else office,
        id_label=label,
        tax_id=tax_id,
        phone=_phone(rng, area),
        area=area,
        email=f"{rng.choice(('info', 'muhasebe', 'satis', 'iletisim'))}@{slug}.com.tr",
        web=f"www.{slug}.com.tr",
        sole=sole,
        trade=trade,
    )


# --- The sale -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Withholding:
    code: str
    rule: str
    tenths: int
    base: Decimal
    tax_base: Decimal
    amount: Decimal


@dataclass
class Sale:
    lines: list[Line]
    rates: list[Decimal]
    taxes: list[Decimal]
    groups: list[tuple[Decimal, Decimal, Decimal]]
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    withholding: Withholding | None = None

    @property
    def payable(self) -> Decimal:
        return self.total - (self.withholding.amount if self.withholding else Decimal(0))


def _kdv(issue: dt.date) -> dict[str, Decimal]:
    new = issue >= dt.date(2023, 7, 10)
    return {"std": Decimal(20 if new else 18), "red": Decimal(10 if new else 8), "low": Decimal(1)}


def _qty(rng: random.Random, unit: str) -> Decimal:
    fractional = 0.35 if unit in ("m", "m2", "m3", "kg", "Ton", "Saat") else 0.0
    return quantity(rng, fractional=fractional)


def _sale(
    rng: random.Random,
    issue: dt.date,
    trade: str,
    *,
    count: tuple[int, int],
    withholding: Service | None = None,
    single_rate: float = 0.7,
    scale: float = 1.0,
) -> Sale:
    table = _kdv(issue)
    level = PRICE_LEVEL[issue.year] * scale
    lines: list[Line] = []
    classes: list[str] = []
    held: tuple[str, str, int] | None = None
    base: float
    if withholding is not None:
        code, rule, tenths, klass, items = withholding
        held = (code, rule, tenths)
        for text, unit, base in rng.sample(items, rng.choice((1, 1, 2))):
            amount = Decimal(rng.choice((1, 1, 1, 2, 3))) if base > 5000 else None
            qty = amount if amount is not None else Decimal(rng.randint(8, 160))
            lines.append(Line(text, qty, price(rng, base * level * 0.7, base * level * 1.3), unit))
            classes.append(klass)
    else:
        pool = TRADES[trade][1]
        if rng.random() < single_rate:
            kinds = [item[2] for item in pool]
            common = max(set(kinds), key=kinds.count)
            pool = [item for item in pool if item[2] == common]
        picks = rng.sample(pool, min(rng.randint(*count), len(pool)))
        for text, unit, klass, base in picks:
            low, high = max(base * level * 0.75, 1.0), max(base * level * 1.25, 2.0)
            unit_price = price(rng, low, high)
            if low > 2500:
                amount = Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 5)))
            else:
                amount = _qty(rng, unit)
            lines.append(Line(text, amount, unit_price, unit))
            classes.append(klass)
    rates = [table[klass] for klass in classes]
    taxes = [money(line.amount * rate / 100) for line, rate in zip(lines, rates, strict=True)]
    groups: dict[Decimal, tuple[Decimal, Decimal]] = {}
    for line, rate, tax in zip(lines, rates, taxes, strict=True):
        group_base, sum_tax = groups.get(rate, (Decimal(0), Decimal(0)))
        groups[rate] = (group_base + line.amount, sum_tax + tax)
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = sum(taxes, Decimal(0))
    sale = Sale(
        lines,
        rates,
        taxes,
        [(rate, base, value) for rate, (base, value) in sorted(groups.items())],
        subtotal,
        tax,
        subtotal + tax,
    )
    if held is not None:
        code, rule, tenths = held
        sale.withholding = Withholding(code, rule, tenths, subtotal, tax, money(tax * tenths / 10))
    return sale


# --- Drawing helpers ------------------------------------------------------------------------


def _wrap(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    words = text.split(" ")
    rows: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size, bold=bold) > width:
            rows.append(current)
            current = word
        else:
            current = trial
    rows.append(current)
    return rows


def _grid(
    canvas: Canvas,
    top: float,
    columns: list[tuple[str, float, str]],
    rows: list[list[str]],
    *,
    left: float,
    size: float,
    fill: Color | None,
    stroke: Color = BLACK,
    min_rows: int = 0,
    cell_size: float | None = None,
) -> float:
    """A fully ruled table with wrapped, centred bold headers (`\\n` breaks) and wrapped cells;
    returns the y below it."""
    body = cell_size or size
    edges = [left]
    for _, width, _ in columns:
        edges.append(edges[-1] + width)
    right = edges[-1]
    headers = [header.split("\n") for header, _, _ in columns]
    lead = size + 1.5
    height = max(len(lines) for lines in headers) * lead + 5
    if fill is not None:
        canvas.box(left, top, right, top + height, stroke=None, fill=fill)
    for index, lines in enumerate(headers):
        centre = (edges[index] + edges[index + 1]) / 2
        start = top + (height - len(lines) * lead) / 2 + size
        for offset, text in enumerate(lines):
            canvas.text(centre, start + offset * lead, text, size=size, bold=True, align="center")
    y = top + height
    canvas.line(left, top, right, top, width=0.6, color=stroke)
    canvas.line(left, y, right, y, width=0.6, color=stroke)
    padded = list(rows) + [[""] * len(columns)] * max(0, min_rows - len(rows))
    for row in padded:
        cells = [
            _wrap(canvas, cell, width - 4, body) if cell else [""]
            for cell, (_, width, _) in zip(row, columns, strict=True)
        ]
        row_height = max(len(lines) for lines in cells) * (body + 1.5) + 5
        for index, lines in enumerate(cells):
            align = columns[index][2]
            for offset, text in enumerate(lines):
                if not text:
                    continue
                ty = y + 2.5 + body + offset * (body + 1.5)
                if align == "right":
                    canvas.text(edges[index + 1] - 2.5, ty, text, size=body, align="right")
                elif align == "center":
                    centre = (edges[index] + edges[index + 1]) / 2
                    canvas.text(centre, ty, text, size=body, align="center")
                else:
                    canvas.text(edges[index] + 2.5, ty, text, size=body)
        y += row_height
        canvas.line(left, y, right, y, width=0.4, color=stroke)
    for edge in edges:
        canvas.line(edge, top, edge, y, width=0.5, color=stroke)
    return y


def _pairs_box(
    canvas: Canvas,
    x: float,
    y: float,
    widths: tuple[float, float],
    rows: list[tuple[str, str]],
    *,
    size: float,
    label_align: Literal["left", "right"] = "left",
    value_align: Literal["left", "right"] = "left",
    step: float = 12.5,
    bold_rows: frozenset[str] = frozenset(),
    stroke: Color = BLACK,
) -> float:
    """A two-column ruled table of bold labels and values; returns the y below it."""
    split = x + widths[0]
    right = split + widths[1]
    top = y
    for label, value in rows:
        base = y + step - 3.5
        if label_align == "right":
            canvas.text(split - 3, base, label, size=size, bold=True, align="right")
        else:
            canvas.text(x + 3, base, label, size=size, bold=True)
        strong = label in bold_rows
        if value_align == "right":
            canvas.text(right - 3, base, value, size=size, align="right", bold=strong)
        else:
            canvas.text(split + 3, base, value, size=size, bold=strong)
        y += step
        canvas.line(x, y, right, y, width=0.4, color=stroke)
    canvas.line(x, top, right, top, width=0.4, color=stroke)
    for edge in (x, split, right):
        canvas.line(edge, top, edge, y, width=0.4, color=stroke)
    return y


def _circle(canvas: Canvas, cx: float, cy: float, r: float, *, width: float, color: Color) -> None:
    points = [
        (cx + r * math.cos(2 * math.pi * k / 32), cy + r * math.sin(2 * math.pi * k / 32))
        for k in range(33)
    ]
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        canvas.line(x0, y0, x1, y1, width=width, color=color)


def _gib_logo(canvas: Canvas, cx: float, cy: float, title: str, color: Color) -> float:
    """The round GİB emblem with the document kind under it; returns the y below the title."""
    _circle(canvas, cx, cy, 25, width=1.6, color=color)
    _circle(canvas, cx, cy, 20, width=0.5, color=color)
    canvas.text(cx, cy - 9, "T.C.", size=5, align="center", color=color)
    canvas.text(cx, cy + 7, "GİB", size=13, bold=True, align="center", color=color)
    canvas.text(cx, cy + 34, "GELİR İDARESİ BAŞKANLIĞI", size=5, align="center", color=color)
    canvas.text(cx, cy + 50, title, size=13, bold=True, align="center")
    return cy + 56


def _qr(canvas: Canvas, x: float, y: float, side: float, rng: random.Random) -> None:
    """A karekod-like square: three finder patterns and random modules."""
    count = 29
    cell = side / count
    finders = [(0, 0), (count - 7, 0), (0, count - 7)]
    for fx, fy in finders:
        x0, y0 = x + fx * cell, y + fy * cell
        canvas.box(x0, y0, x0 + 7 * cell, y0 + 7 * cell, stroke=None, fill=BLACK)
        canvas.box(x0 + cell, y0 + cell, x0 + 6 * cell, y0 + 6 * cell, stroke=None, fill=(1, 1, 1))
        canvas.box(
            x0 + 2 * cell, y0 + 2 * cell, x0 + 5 * cell, y0 + 5 * cell, stroke=None, fill=BLACK
        )
    for row in range(count):
        col = 0
        while col < count:
            reserved = any(
                fx - 1 <= col <= fx + 7 and fy - 1 <= row <= fy + 7 for fx, fy in finders
            )
            if reserved or rng.random() < 0.5:
                col += 1
                continue
            start = col
            col += 1
            while (
                col < count
                and rng.random() < 0.45
                and not any(
                    fx - 1 <= col <= fx + 7 and fy - 1 <= row <= fy + 7 for fx, fy in finders
                )
            ):
                col += 1
            canvas.box(
                x + start * cell,
                y + row * cell,
                x + col * cell,
                y + (row + 1) * cell,
                stroke=None,
                fill=BLACK,
            )


def _ettn(rng: random.Random) -> str:
    text = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return text.upper() if rng.random() < 0.4 else text


def _time(rng: random.Random, seconds: bool) -> str:
    hour, minute = rng.randint(8, 19), rng.randint(0, 59)
    return (
        f"{hour:02d}:{minute:02d}:{rng.randint(0, 59):02d}"
        if seconds
        else f"{hour:02d}:{minute:02d}"
    )


def _initials(brand: str) -> str:
    letters = "".join(ch for ch in _ascii(_upper(brand)) if ch.isalpha())
    return (letters + "XYZ")[:3]


# --- Layouts --------------------------------------------------------------------------------


def build(rng: random.Random) -> Rendered:
    layout = choose(rng, [(30, "efatura"), (22, "earsiv"), (20, "erp"), (13, "web"), (15, "hand")])
    if layout == "efatura":
        return _gib(rng, archive=False)
    if layout == "earsiv":
        return _gib(rng, archive=True)
    if layout == "erp":
        return _erp(rng)
    if layout == "web":
        return _web(rng)
    return _hand(rng)


def _gib(rng: random.Random, *, archive: bool) -> Rendered:
    portal = archive and rng.random() < 0.6
    dates_style = DateStyle(
        "{dd}-{mm}-{yyyy}" if portal or rng.random() < 0.75 else "{dd}.{mm}.{yyyy}"
    )
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 30, 45, 60, 90))
    issue = dates.issue
    upper = rng.random() < 0.65
    consumer = archive and rng.random() < 0.55
    withholding = (not archive and rng.random() < 0.25) or (
        archive and not consumer and rng.random() < 0.08
    )
    service = rng.choice(TEVKIFAT) if withholding else None
    fx = not archive and not withholding and rng.random() < 0.12
    seller = _party(
        rng,
        sole=rng.random() < (0.35 if archive else 0.12),
        upper=upper,
        service=service,
        trade=rng.choice(("it", "auto", "medical", "furn")) if fx else None,
    )
    buyer = _party(
        rng,
        sole=consumer,
        upper=upper,
        anonymous=consumer and rng.random() < 0.3,
    )
    currency = rng.choice(("USD", "EUR")) if fx else "TRY"
    mark = currency if fx else "TL"
    style = MoneyStyle(".", ",", mark, symbol_after=True)
    quantities = QuantityStyle(",")
    sale = _sale(
        rng,
        issue,
        seller.trade,
        count=(1, 4) if archive else (1, 8),
        withholding=service,
        scale=1 / 30 if fx else 1.0,
    )
    accent: Color = BLACK if portal else rng.choice(((0.1, 0.25, 0.5), (0.55, 0.1, 0.1), GREY))
    fill: Color = LIGHT if portal else rng.choice((LIGHT, (0.85, 0.9, 0.97), (0.93, 0.93, 0.93)))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((7.5, 8.0))
    left, right = 36.0, 559.0

    if archive:
        prefix = "GIB" if portal else rng.choice(("EAR", "ARS", _initials(seller.brand)))
    else:
        prefix = (
            _initials(seller.brand) if rng.random() < 0.7 else rng.choice(("EFT", "FTR", "SAT"))
        )
    sequence = rng.randint(1, 4200)
    number = f"{prefix}{issue.year}{sequence:09d}"
    ettn = _ettn(rng)

    # Seller block between two rules.
    y: float = 40
    canvas.line(left, y, left + 235, y, width=0.8, color=accent)
    y += 11
    for row in _wrap(canvas, seller.name, 230, size + 0.5, bold=True):
        canvas.text(left, y, row, size=size + 0.5, bold=True)
        y += size + 3
    seller_rows = list(seller.address)
    fax = f" Faks: {_phone(rng, seller.area)}"
    seller_rows.append(f"Tel: {seller.phone}" + (fax if rng.random() < 0.4 else ""))
    if not portal and rng.random() < 0.6:
        seller_rows.append(f"Web Sitesi: {seller.web}")
    seller_rows.append(f"E-Posta: {seller.email}")
    seller_rows.append(f"Vergi Dairesi: {seller.tax_office}")
    seller_rows.append(f"{seller.id_label}: {seller.tax_id}")
    if not seller.sole and not portal:
        if rng.random() < 0.5:
            seller_rows.append(f"Ticaret Sicil No: {rng.randint(10000, 999999)}")
        if rng.random() < 0.6:
            seller_rows.append(f"MERSİS No: 0{_digits(rng, 10)}00001{rng.randint(0, 9)}")
    for row in seller_rows:
        canvas.text(left, y, row, size=size - 0.5)
        y += size + 2.5
    canvas.line(left, y - 4, left + 235, y - 4, width=0.8, color=accent)
    seller_bottom = y

    title = "e-Arşiv Fatura" if archive else rng.choice(("e-FATURA", "e-Fatura"))
    _gib_logo(canvas, 318, 72, title, accent)
    if rng.random() < 0.8:
        _qr(canvas, 478, 38, 80, rng)

    # Buyer block, ETTN and the document table.
    y = max(seller_bottom + 14, 150)
    buyer_top = y
    canvas.line(left, y, left + 235, y, width=0.8, color=accent)
    y += 11
    canvas.text(left, y, "SAYIN", size=size, bold=True)
    y += size + 3
    for row in _wrap(canvas, buyer.name, 230, size):
        canvas.text(left, y, row, size=size)
        y += size + 2.5
    buyer_rows = list(buyer.address)
    if not buyer.sole and rng.random() < 0.5:
        buyer_rows.append(f"E-Posta: {buyer.email}")
    buyer_rows.append(f"Tel: {buyer.phone}")
    if not buyer.sole or rng.random() < 0.3:
        buyer_rows.append(f"Vergi Dairesi: {buyer.tax_office}")
    buyer_rows.append(f"{buyer.id_label}: {buyer.tax_id}")
    for row in buyer_rows:
        canvas.text(left, y, row, size=size - 0.5)
        y += size + 2.5
    canvas.line(left, y - 4, left + 235, y - 4, width=0.8, color=accent)
    y += 8
    canvas.text(left, y, "ETTN:", size=size, bold=True)
    canvas.text(left + canvas.width_of("ETTN: ", size=size, bold=True), y, ettn, size=size)
    buyer_bottom = y

    info: list[tuple[str, str]] = [("Özelleştirme No:", "TR1.2")]
    if archive:
        info.append(("Senaryo:", "EARSIVFATURA"))
    else:
        info.append(("Senaryo:", rng.choice(("TEMELFATURA", "TICARIFATURA", "TICARIFATURA"))))
    info.append(("Fatura Tipi:", "TEVKIFAT" if withholding else "SATIS"))
    info.append(("Fatura No:", number))
    overrides: dict[str, DateStyle] = {}
    if archive and portal:
        info.append(("Fatura Tarihi:", f"{dates_style.format(issue)} {_time(rng, False)}"))
    elif archive:
        info.append(("Düzenleme Tarihi:", dates_style.format(issue)))
        info.append(("Düzenleme Zamanı:", _time(rng, True)))
    else:
        info.append(("Fatura Tarihi:", dates_style.format(issue)))
    other = dates.other[0]
    if not archive and rng.random() < 0.55:
        dispatch = f"{rng.choice(('IRS', 'EIR', prefix))}{other.year}{rng.randint(1, 9000):09d}"
        if dispatch != number:
            info.append(("İrsaliye No:", dispatch))
            info.append(("İrsaliye Tarihi:", dates_style.format(other)))
    if not portal and rng.random() < 0.35:
        info.append(
            (
                "Sipariş No:",
                rng.choice((f"SP-{issue.year}-{rng.randint(100, 9999)}", _digits(rng, 7))),
            )
        )
        info.append(
            ("Sipariş Tarihi:", dates_style.format(other - dt.timedelta(days=rng.randint(1, 9))))
        )
    due_where = "none"
    if not archive:
        due_where = choose(rng, [(3, "table"), (2, "note"), (1, "terms"), (4, "none")])
    if due_where == "table":
        info.append(
            (rng.choice(("Vade Tarihi:", "Son Ödeme Tarihi:")), dates_style.format(dates.due))
        )
    table_y = max(buyer_top, 150)
    info_bottom = _pairs_box(
        canvas, 338, table_y, (98, 123), info, size=size - 0.5, step=12, stroke=accent
    )

    # Lines.
    rate_text = lambda rate: f"%{rate},00"  # noqa: E731
    withheld_cells: list[str] = []
    if sale.withholding is not None:
        tenths = sale.withholding.tenths
        withheld_cells = [
            f"KDV TEVKİFAT (%{tenths * 10},00)={style.amount(money(tax * tenths / 10))}"
            for tax in sale.taxes
        ]
    rows: list[list[str]] = []
    for index, (line, rate, tax) in enumerate(zip(sale.lines, sale.rates, sale.taxes, strict=True)):
        cells = [
            str(index + 1),
            line.description,
            f"{quantities.number(line.quantity)} {line.unit}",
            style.amount(line.unit_price),
            "%0,00",
            style.amount(Decimal(0)),
        ]
        if portal:
            cells.append("İskonto -")
        cells += [rate_text(rate), style.amount(tax)]
        if not portal:
            cells.append(withheld_cells[index] if withheld_cells else "")
        cells.append(style.amount(line.amount))
        rows.append(cells)
    columns: list[tuple[str, float, str]]
    if portal:
        columns = [
            ("Sıra\nNo", 20, "left"),
            ("Mal Hizmet", 118, "left"),
            ("Miktar", 40, "right"),
            ("Birim Fiyat", 52, "right"),
            ("İskonto/\nArttırım\nOranı", 36, "right"),
            ("İskonto/\nArttırım\nTutarı", 45, "right"),
            ("İskonto/\nArttırım\nNedeni", 42, "right"),
            ("KDV\nOranı", 34, "right"),
            ("KDV Tutarı", 50, "right"),
            ("Mal Hizmet\nTutarı", 86, "right"),
        ]
    else:
        columns = [
            ("Sıra\nNo", 20, "left"),
            ("Mal Hizmet", 124, "left"),
            ("Miktar", 40, "right"),
            ("Birim Fiyat", 54, "right"),
            ("İskonto\nOranı", 32, "right"),
            ("İskonto\nTutarı", 44, "right"),
            ("KDV\nOranı", 32, "right"),
            ("KDV Tutarı", 50, "right"),
            ("Diğer Vergiler", 62, "right"),
            ("Mal Hizmet\nTutarı", 65, "right"),
        ]
    y = max(info_bottom, buyer_bottom) + 16
    y = _grid(
        canvas,
        y,
        columns,
        rows,
        left=left,
        size=size - 1.5,
        fill=fill,
        stroke=accent,
        min_rows=rng.choice((8, 10, 12)) if portal else 0,
    )

    # Totals.
    totals: list[tuple[str, str]] = [
        ("Mal Hizmet Toplam Tutarı", style.amount(sale.subtotal)),
        ("Toplam İskonto", style.amount(Decimal(0))),
    ]
    matrah = not portal and rng.random() < 0.3
    for rate, base, tax in sale.groups:
        if matrah:
            totals.append((f"KDV Matrahı(%{rate})", style.amount(base)))
        totals.append((f"Hesaplanan KDV(%{rate})", style.amount(tax)))
    if sale.withholding is not None:
        held = sale.withholding
        totals.append((f"Hesaplanan KDV Tevkifat(%{held.tenths * 10})", style.amount(held.amount)))
        totals.append(("Tevkifata Tabi İşlem Tutarı", style.amount(held.base)))
        totals.append(("Tevkifata Tabi İşlem Üzerinden Hes. KDV", style.amount(held.tax_base)))
    totals.append(("Vergiler Dahil Toplam Tutar", style.amount(sale.total)))
    totals.append(("Ödenecek Tutar", style.amount(sale.payable)))
    fx_rate = Decimal(0)
    if fx:
        low, high = FX[currency][issue.year]
        fx_rate = Decimal(f"{rng.uniform(low, high):.4f}")
        tl = MoneyStyle(".", ",", "TL", symbol_after=True)
        totals.append(("Döviz Kuru", f"{fx_rate:f}".replace(".", ",") + " TL"))
        totals.append(("Ödenecek Tutar (TL)", tl.amount(money(sale.payable * fx_rate))))
    y = _pairs_box(
        canvas,
        right - 265,
        y + 8,
        (180, 85),
        totals,
        size=size - 0.5,
        label_align="right",
        value_align="right",
        step=12,
        stroke=accent,
    )

    # Notes.
    notes: list[str] = []
    words_variant = rng.randrange(3)
    if rng.random() < 0.8:
        notes.append(_in_words(sale.payable, words_variant, currency))
    if sale.withholding is not None:
        held = sale.withholding
        notes.append(f"Tevkifat Kodu: {held.code} - {held.rule} ({held.tenths}/10)")
    if due_where == "note":
        note_style = DateStyle("{dd}.{mm}.{yyyy}")
        overrides["due_date"] = note_style
        notes.append(f"Vade Tarihi: {note_style.format(dates.due)}")
    elif due_where == "terms":
        notes.append(f"Ödeme Şekli: {(dates.due - issue).days} gün vadeli, havale/EFT")
    if not archive or rng.random() < 0.3:
        bank, code = rng.choice(BANKS)
        notes.append(f"{bank} IBAN: {_iban(rng, code)}")
    if rng.random() < 0.25:
        notes.append("Vadesinde ödenmeyen faturalara aylık %4,5 vade farkı uygulanır.")
    if archive and rng.random() < 0.6:
        notes.append("Bu satış internet üzerinden yapılmıştır.")
        sale_rows = [
            ("Web Adresi", seller.web),
            ("Ödeme Şekli", rng.choice(("KREDIKARTI/BANKAKARTI", "EFT/HAVALE", "KAPIDAODEME"))),
            ("Ödeme Tarihi", DateStyle("{dd}.{mm}.{yyyy}").format(issue)),
            ("Gönderim Tarihi", DateStyle("{dd}.{mm}.{yyyy}").format(issue + dt.timedelta(days=1))),
            ("Taşıyanın VKN", _vkn(rng)),
        ]
    else:
        sale_rows = []
    y += 14
    if notes:
        note_rows: list[str] = []
        for note in notes:
            note_rows += _wrap(canvas, note, right - left - 40, size - 0.5)
        height = len(note_rows) * (size + 2.5) + 8
        canvas.box(left, y, right, y + height, stroke=accent, width=0.5)
        canvas.text(left + 4, y + size + 4, "Not:", size=size - 0.5, bold=True)
        for offset, row in enumerate(note_rows):
            canvas.text(left + 30, y + size + 4 + offset * (size + 2.5), row, size=size - 0.5)
        y += height + 12
    if sale_rows:
        canvas.text(left, y, "İnternet Satış Bilgileri", size=size - 0.5, bold=True)
        y = _pairs_box(canvas, left, y + 4, (90, 160), sale_rows, size=size - 1, step=11)
        y += 10
    if archive:
        canvas.text(
            left,
            812,
            "e-Arşiv izni kapsamında elektronik ortamda iletilmiştir.",
            size=size - 1,
            color=GREY,
        )
    else:
        canvas.text(
            left,
            812,
            "Bu belge özel entegratör aracılığıyla elektronik ortamda düzenlenmiş e-Faturanın "
            "görüntüsüdür.",
            size=size - 1.5,
            color=GREY,
        )
    canvas.text(right, 812, "Sayfa 1/1", size=size - 1.5, align="right", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if due_where in ("table", "note") else None,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax if len(sale.groups) == 1 else None,
        currency=currency,
        lines=sale.lines,
    )
    image: Literal["png", "jpg"] | None = choose(
        rng, [(85 if archive else 75, None), (10, "jpg"), (5 if archive else 15, "png")]
    )
    return Rendered(
        fields,
        "tr",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        (mark,),
        image=image,
        date_overrides=overrides,
    )


def _erp(rng: random.Random) -> Rendered:
    dot_matrix = rng.random() < 0.4
    family = "cour" if dot_matrix else rng.choice(("helv", "helv", "tiro"))
    canvas = Canvas(*A4, family=family)
    size = 8.0 if dot_matrix else rng.choice((8.0, 8.5))
    dates_style = DateStyle(
        rng.choice(("{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yyyy}", "{dd}/{mm}/{yyyy}"))
    )
    dates = pick_dates(rng, dates_style, due_days=(30, 30, 45, 60, 90))
    issue = dates.issue
    mark = rng.choice(("TL", "TL", "TRY"))
    style = MoneyStyle(".", ",", mark, symbol_after=True)
    quantities = FixedQuantity(",", places=rng.choice((2, 2, 3)))
    service = rng.choice(TEVKIFAT) if rng.random() < 0.15 else None
    seller = _party(rng, sole=rng.random() < 0.2, upper=rng.random() < 0.4, service=service)
    buyer = _party(rng, sole=rng.random() < 0.15, upper=rng.random() < 0.6)
    sale = _sale(rng, issue, seller.trade, count=(2, 10), withholding=service)
    ink: Color = rng.choice(((0.1, 0.2, 0.5), (0.55, 0.12, 0.1), BLACK))
    left, right = 36.0, 559.0

    sequence = rng.randint(1, 99999)
    shape = rng.randrange(5)
    number = [
        f"A-{sequence:06d}",
        f"A {sequence:06d}",
        f"SF-{issue.year}-{sequence:05d}",
        f"{sequence:08d}",
        f"FTR{issue.year}{sequence:06d}",
    ][shape]
    dispatch = [
        f"A-{max(1, sequence - rng.randint(1, 40)):06d}",
        f"A {max(1, sequence - rng.randint(1, 40)):06d}",
        f"IRS-{issue.year}-{rng.randint(1, 99999):05d}",
        f"{rng.randint(1, 99999):08d}",
        f"IRS{issue.year}{rng.randint(1, 99999):06d}",
    ][shape]

    # Letterhead (pre-printed in colour on a form).
    # A firm's letterhead shows its brand over the legal name (the vendor); a sole trader's shows
    # the business name (the vendor) over the owner's name.
    brand = _upper(seller.brand)
    vendor = brand if seller.sole else seller.name
    canvas.text(left, 56, brand, size=15, bold=True, color=ink)
    y: float = 70
    first_name, _, surname = seller.legal.partition(" ")
    owner = f"{first_name} {_upper(surname)}" if seller.sole else seller.name
    for row in _wrap(canvas, owner, 300, size):
        canvas.text(left, y, row, size=size, color=ink)
        y += size + 2
    head = [
        *seller.address,
        f"Tel: {seller.phone}   E-posta: {seller.email}",
        f"{seller.tax_office} V.D.   {'T.C. No' if seller.sole else 'V.No'}: {seller.tax_id}",
    ]
    if not seller.sole and rng.random() < 0.5:
        head.append(f"Mersis No: 0{_digits(rng, 10)}00001{rng.randint(0, 9)}")
    for row in head:
        canvas.text(left, y, row, size=size - 1, color=ink)
        y += size + 1.5
    title = rng.choice(("SATIŞ FATURASI", "FATURA", "İRSALİYELİ FATURA"))
    canvas.box(380, 40, right, 84, stroke=ink, width=1)
    canvas.text((380 + right) / 2, 60, title, size=13, bold=True, align="center", color=ink)
    canvas.text((380 + right) / 2, 76, "ASIL", size=7, align="center", color=ink)

    # Buyer box and document rows.
    top = max(y + 12, 150)
    canvas.box(left, top, 318, top + 92, stroke=ink, width=0.7)
    canvas.text(left + 5, top + 11, "SAYIN", size=size - 1, bold=True, color=ink)
    by = top + 24
    for row in _wrap(canvas, buyer.name, 270, size, bold=True):
        canvas.text(left + 5, by, row, size=size, bold=True)
        by += size + 2
    for row in [*buyer.address, f"V.D.: {buyer.tax_office}   {buyer.id_label}: {buyer.tax_id}"]:
        canvas.text(left + 5, by, row, size=size - 0.5)
        by += size + 2
    info = [("Fatura No", number), ("Fatura Tarihi", dates_style.format(issue))]
    info.append(("Düzenleme Saati", _time(rng, False)))
    if title == "İRSALİYELİ FATURA" or rng.random() < 0.5:
        info.append(("Fiili Sevk Tarihi", dates_style.format(rng.choice((issue, dates.other[0])))))
    if title != "İRSALİYELİ FATURA" and rng.random() < 0.6:
        info.append(("İrsaliye No", dispatch))
    due_printed = rng.random() < 0.65
    if due_printed:
        info.append(("Vade Tarihi", dates_style.format(dates.due)))
    else:
        info.append(
            (
                "Ödeme Şekli",
                rng.choice(("Peşin", f"{(dates.due - issue).days} Gün Vadeli", "Açık Hesap")),
            )
        )
    if rng.random() < 0.35:
        info.append(("Sipariş No", f"SP{issue.year % 100}-{rng.randint(100, 9999)}"))
    info.append(("Cari Kodu", f"120.{rng.randint(1, 9):02d}.{rng.randint(1, 999):03d}"))
    iy = top + 10
    for label, value in info:
        canvas.text(330, iy, label, size=size - 0.5, bold=not dot_matrix)
        canvas.text(418, iy, ":", size=size - 0.5)
        canvas.text(424, iy, value, size=size - 0.5)
        iy += size + 3.5
    y = max(top + 104, iy + 10)

    # Item table.
    columns = [
        Column("Stok Kodu", left + 2),
        Column("Açıklama", left + 66),
        Column("Miktar", 330, "right"),
        Column("Birim", 336),
        Column("Birim Fiyat", 420, "right"),
        Column("İsk.%", 452, "right"),
        Column("KDV%", 482, "right"),
        Column("Tutar", right - 2, "right"),
    ]
    code_shape = rng.randrange(3)
    no_discount = rng.choice(("0", "0,00")) if code_shape else ""
    rows = []
    for line, rate in zip(sale.lines, sale.rates, strict=True):
        code = [
            f"MLZ-{rng.randint(1, 9999):05d}",
            f"150.{rng.randint(1, 99):02d}.{rng.randint(1, 999):03d}",
            f"{_initials(line.description)}{rng.randint(100, 999)}",
        ][code_shape]
        rows.append(
            [
                code,
                line.description,
                quantities.number(line.quantity),
                line.unit,
                style.number(line.unit_price),
                no_discount,
                str(rate),
                style.number(line.amount),
            ]
        )
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=13,
        rules=rng.choice(("header", "grid", "none")) if not dot_matrix else "header",
        header_fill=None if dot_matrix else LIGHT,
    )

    # Totals right, words and KDV breakdown left.
    block = max(y + 24, 560)
    multi = len(sale.groups) > 1
    tax_printed = not multi or rng.random() < 0.6
    rows_t: list[tuple[str, str]] = [
        (rng.choice(("Toplam", "Brüt Toplam", "Mal Hizmet Toplamı")), style.amount(sale.subtotal)),
        ("İskonto", style.amount(Decimal(0))),
    ]
    if rng.random() < 0.5:
        rows_t.append(("Ara Toplam", style.amount(sale.subtotal)))
    if multi:
        for rate, _, tax in sale.groups:
            rows_t.append((f"KDV %{rate}", style.amount(tax)))
        if tax_printed:
            rows_t.append(("Toplam KDV", style.amount(sale.tax)))
    else:
        rows_t.append((f"KDV %{sale.groups[0][0]}", style.amount(sale.tax)))
    rows_t.append(("Genel Toplam", style.amount(sale.total)))
    bold = {"Genel Toplam"}
    if sale.withholding is not None:
        held = sale.withholding
        rows_t.append((f"Tevkif Edilen KDV ({held.tenths}/10)", style.amount(-held.amount)))
        rows_t.append(("Ödenecek Tutar", style.amount(sale.payable)))
        bold.add("Ödenecek Tutar")
    canvas.line(370, block - 10, right, block - 10, width=0.6, color=ink)
    y_totals = total_rows(canvas, 372, right - 2, block, rows_t, bold=bold, size=size, step=13)

    ly = block
    words = _in_words(sale.payable, rng.randrange(3))
    for row in _wrap(canvas, words, 310, size - 0.5):
        canvas.text(left, ly, row, size=size - 0.5, bold=True)
        ly += size + 2
    ly += 6
    if multi:
        summary = [
            [f"%{rate}", style.number(base), style.number(tax)] for rate, base, tax in sale.groups
        ]
        canvas.text(left, ly, "KDV Dökümü", size=size - 1, bold=True)
        ly = draw_table(
            canvas,
            ly + 3,
            [
                Column("KDV Oranı", left + 2),
                Column("Matrah", left + 150, "right"),
                Column("KDV Tutarı", left + 230, "right"),
            ],
            summary,
            left=left,
            right=left + 235,
            size=size - 1.5,
            row_height=11,
            rules="grid",
        )
    if sale.withholding is not None:
        held = sale.withholding
        for row in _wrap(canvas, f"KDV Tevkifatı: {held.code} - {held.rule}", 310, size - 1.5):
            canvas.text(left, ly + 6, row, size=size - 1.5)
            ly += size
        ly += 4
    if rng.random() < 0.4:
        previous = money(Decimal(rng.uniform(0, 60000)))
        ly += 8
        balance = [
            ("Önceki Bakiye", f"{style.amount(previous)} (B)"),
            ("Fatura Tutarı", style.amount(sale.payable)),
            ("Güncel Bakiye", f"{style.amount(previous + sale.payable)} (B)"),
        ]
        for label, value in balance:
            canvas.text(left, ly, label, size=size - 1)
            canvas.text(left + 170, ly, value, size=size - 1, align="right")
            ly += size + 1.5
    if rng.random() < 0.6:
        bank, code = rng.choice(BANKS)
        ly += 6
        canvas.text(left, ly, f"{bank} IBAN: {_iban(rng, code)}", size=size - 1)
        ly += size + 2
    sign_y = max(ly, y_totals) + 30
    for x, label in ((left + 20, "Teslim Eden"), (240, "Teslim Alan"), (440, "Kaşe / İmza")):
        canvas.text(x, sign_y, label, size=size - 0.5, bold=True, color=ink)
        canvas.line(x, sign_y + 30, x + 90, sign_y + 30, width=0.4, color=ink)
    if dot_matrix or rng.random() < 0.3:
        printer = f"{rng.choice(BRANDS)} Matbaacılık"
        printed = issue - dt.timedelta(days=rng.randint(60, 400))
        canvas.text(
            left,
            818,
            f"{printer} - {rng.choice(CITIES)[0]} - V.No: {_vkn(rng)} - "
            f"Anlaşma Tarih ve Sayısı: {dates_style.format(printed)} / "
            f"{printed.year}-{rng.randint(10, 900)}",
            size=5.5,
            color=ink,
        )

    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax if tax_printed else None,
        currency="TRY",
        lines=sale.lines,
    )
    image: Literal["png", "jpg"] | None = choose(
        rng, [(45 if dot_matrix else 65, None), (35, "jpg"), (10, "png")]
    )
    return Rendered(
        fields,
        "tr",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        (mark,),
        image=image,
    )


def _web(rng: random.Random) -> Rendered:
    long_dates = rng.random() < 0.5
    dates_style: DateStyle = (
        TurkishDate("{d} {month} {yyyy}") if long_dates else DateStyle("{dd}.{mm}.{yyyy}")
    )
    dates = pick_dates(rng, dates_style, due_days=(7, 14, 30, 30, 45))
    issue = dates.issue
    sign = rng.randrange(3)
    if sign == 0:
        style = MoneyStyle(".", ",", "₺", symbol_after=False, symbol_space=False)
    elif sign == 1:
        style = MoneyStyle(".", ",", "₺", symbol_after=True)
    else:
        style = MoneyStyle(".", ",", "TL", symbol_after=True)
    quantities = QuantityStyle(",")
    seller = _party(
        rng,
        sole=rng.random() < 0.3,
        upper=False,
        trade=rng.choice(("it", "office", "furn", "medical", "textile", "elec")),
    )
    buyer = _party(rng, sole=rng.random() < 0.2, upper=False)
    sale = _sale(rng, issue, seller.trade, count=(1, 6), single_rate=0.6)
    accent: Color = rng.choice(
        ((0.0, 0.45, 0.55), (0.25, 0.25, 0.6), (0.85, 0.4, 0.1), (0.1, 0.5, 0.3))
    )
    tint: Color = (
        0.9 + accent[0] * 0.1,
        0.9 + accent[1] * 0.1,
        0.9 + accent[2] * 0.1,
    )
    canvas = Canvas(*A4, family="helv")
    size = 8.5
    left, right = 44.0, 551.0
    archive = rng.random() < 0.5
    if archive:
        number = f"{_initials(seller.brand)}{issue.year}{rng.randint(1, 2500):09d}"
    else:
        number = rng.choice(
            (
                f"{issue.year}-{rng.randint(1, 999):04d}",
                f"F-{issue.year}{rng.randint(1, 999):03d}",
                f"#{rng.randint(1001, 9999)}",
            )
        )
    number_text = number
    number = number.lstrip("#")  # `#4972`: the sign is a label, the number is 4972

    # Brand tile and seller.
    canvas.box(left, 40, left + 42, 82, stroke=None, fill=accent)
    canvas.text(
        left + 21,
        67,
        _initials(seller.brand)[:2],
        size=15,
        bold=True,
        align="center",
        color=(1, 1, 1),
    )
    canvas.text(left + 52, 56, seller.brand, size=14, bold=True, color=accent)
    y: float = 70
    canvas.text(left + 52, y, seller.name, size=size - 0.5)
    for row in [
        *seller.address,
        f"{seller.tax_office} V.D. - {seller.id_label}: {seller.tax_id}",
        f"{seller.phone} · {seller.email}",
    ]:
        y += size + 2
        canvas.text(left + 52, y, row, size=size - 1, color=GREY)
    canvas.text(right, 62, "FATURA", size=24, bold=True, align="right", color=accent)
    if archive:
        canvas.text(right, 76, "e-Arşiv Fatura", size=size, align="right", color=GREY)

    # Labels over values.
    top = max(y + 30, 160)
    canvas.text(left, top, "FATURA EDİLEN", size=size - 1.5, bold=True, color=GREY)
    by = top + 13
    canvas.text(left, by, buyer.name, size=size + 0.5, bold=True)
    for row in [*buyer.address, f"{buyer.tax_office} V.D. / {buyer.tax_id}"]:
        by += size + 3
        canvas.text(left, by, row, size=size - 0.5)
    due_printed = rng.random() < 0.8
    meta = [("FATURA NO", number_text), ("DÜZENLEME TARİHİ", dates_style.format(issue))]
    if due_printed:
        meta.append(("VADE TARİHİ", dates_style.format(dates.due)))
    else:
        meta.append(("ÖDEME", "Peşin"))
    if rng.random() < 0.3:
        meta.append(("SİPARİŞ NO", f"PO-{rng.randint(10000, 99999)}"))
    mx = 340
    for offset, (label, value) in enumerate(meta):
        col, grid_row = divmod(offset, 2)
        x = mx + col * 110
        yy = top + grid_row * 32
        canvas.text(x, yy, label, size=size - 1.5, bold=True, color=GREY)
        canvas.text(x, yy + 13, value, size=size + 0.5, bold=label == "FATURA NO")
    y = max(by, top + 64) + 28

    # Items.
    header = ["HİZMET / ÜRÜN", "MİKTAR", "BİRİM FİYAT", "KDV", "TOPLAM"]
    edges = [left + 8, 330, 410, 455, right - 8]
    canvas.box(left, y, right, y + 20, stroke=None, fill=tint)
    for index, label in enumerate(header):
        align: Literal["left", "right"] = "left" if index == 0 else "right"
        canvas.text(
            edges[index], y + 13.5, label, size=size - 1, bold=True, color=accent, align=align
        )
    y += 20
    for line, rate in zip(sale.lines, sale.rates, strict=True):
        y += 22
        unit = f" {line.unit}" if rng.random() < 0.5 else ""
        cells = [
            line.description,
            f"{quantities.number(line.quantity)}{unit}",
            style.amount(line.unit_price),
            f"%{rate}",
            style.amount(line.amount),
        ]
        for index, cell in enumerate(cells):
            align = "left" if index == 0 else "right"
            canvas.text(edges[index], y - 8, cell, size=size, align=align)
        canvas.line(left, y, right, y, width=0.3, color=LIGHT)

    # Totals.
    rows: list[tuple[str, str]] = [("Ara Toplam", style.amount(sale.subtotal))]
    for rate, _, tax in sale.groups:
        rows.append((f"KDV (%{rate})", style.amount(tax)))
    multi = len(sale.groups) > 1
    tax_printed = not multi or rng.random() < 0.5
    if multi and tax_printed:
        rows.append(("Toplam KDV", style.amount(sale.tax)))
    y += 22
    y = total_rows(canvas, 360, right - 8, y, rows, bold=set(), size=size, step=16)
    canvas.box(350, y - 8, right, y + 14, stroke=None, fill=accent)
    canvas.text(360, y + 7, "Genel Toplam", size=size + 1.5, bold=True, color=(1, 1, 1))
    canvas.text(
        right - 8,
        y + 7,
        style.amount(sale.total),
        size=size + 1.5,
        bold=True,
        color=(1, 1, 1),
        align="right",
    )
    y += 30
    if rng.random() < 0.25:
        paid = money(sale.total * Decimal(rng.choice(("0.3", "0.5", "0.25"))))
        paid_on = issue + dt.timedelta(days=rng.randint(1, 10))
        canvas.text(
            360, y, f"Tahsilat ({dates_style.format(paid_on)})", size=size - 0.5, color=GREY
        )
        canvas.text(
            right - 8, y, f"-{style.amount(paid)}", size=size - 0.5, align="right", color=GREY
        )
        y += 15
        canvas.text(360, y, "Kalan Tutar", size=size, bold=True)
        canvas.text(
            right - 8, y, style.amount(sale.total - paid), size=size, bold=True, align="right"
        )
        y += 15

    # Notes and footer.
    y += 20
    canvas.text(left, y, "NOTLAR", size=size - 1.5, bold=True, color=GREY)
    notes = []
    if rng.random() < 0.5:
        notes.append(_in_words(sale.total, rng.randrange(3)))
    bank, code = rng.choice(BANKS)
    notes.append(f"Ödemenizi {bank} hesabımıza yapabilirsiniz: IBAN {_iban(rng, code)}")
    notes.append(f"Açıklama kısmına fatura numarasını ({number_text}) yazmayı unutmayınız.")
    for note in notes:
        for row in _wrap(canvas, note, right - left, size - 0.5):
            y += size + 3
            canvas.text(left, y, row, size=size - 0.5)
    if archive:
        canvas.text(
            left,
            790,
            f"Bu belge e-Arşiv Fatura olarak düzenlenmiştir. ETTN: {_ettn(rng)}",
            size=size - 2,
            color=GREY,
        )
    canvas.line(left, 798, right, 798, width=0.3, color=LIGHT)
    canvas.text(left, 810, f"{seller.web}", size=size - 2, color=GREY)
    canvas.text(right, 810, "Sayfa 1 / 1", size=size - 2, align="right", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax if tax_printed else None,
        currency="TRY",
        lines=sale.lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(92, None), (8, "jpg")])
    return Rendered(
        fields,
        "tr",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("₺", "TL"),
        image=image,
    )


def _hand(rng: random.Random) -> Rendered:
    """A pre-printed A5 form a shopkeeper fills in with a ballpoint; always scanned."""
    dates_style = DateStyle(rng.choice(("{dd}.{mm}.{yyyy}", "{dd}/{mm}/{yyyy}", "{d}.{m}.{yyyy}")))
    dates = pick_dates(rng, dates_style)
    issue = dates.issue
    grouping = rng.choice((".", ".", ""))
    style = MoneyStyle(grouping, ",", "TL", symbol_after=True)
    quantities = QuantityStyle(",")
    seller = _party(rng, sole=True, upper=True, trade=rng.choice(HAND_TRADES))
    buyer = _party(rng, sole=rng.random() < 0.4, upper=rng.random() < 0.5)
    sale = _sale(rng, issue, seller.trade, count=(1, 6), single_rate=1.0, scale=0.8)
    if rng.random() < 0.3:  # written in capitals
        sale.lines = [
            Line(_upper(line.description), line.quantity, line.unit_price, line.unit)
            for line in sale.lines
        ]
    pen = rng.choice(("tiit", "tiit", "heit"))
    ink: Color = rng.choice(((0.1, 0.12, 0.5), (0.08, 0.08, 0.12), (0.15, 0.2, 0.6)))
    form: Color = rng.choice(((0.15, 0.15, 0.15), (0.5, 0.12, 0.12), (0.1, 0.25, 0.45)))
    canvas = Canvas(*A5, family=rng.choice(("helv", "tiro")))
    width = A5[0]
    left, right = 22.0, width - 22

    def hand(
        x: float,
        y: float,
        text: str,
        *,
        size: float = 10,
        align: Literal["left", "right", "center"] = "left",
    ) -> None:
        canvas.text(
            x + rng.uniform(-2, 2),
            y + rng.uniform(-1.5, 1.2),
            text,
            size=size * rng.uniform(0.95, 1.08),
            fontname=pen,
            color=ink,
            align=align,
        )

    # Pre-printed head.
    shop = _upper(seller.brand)
    canvas.text(left, 40, shop, size=13, bold=True, color=form)
    first_name, surname = seller.legal.split(" ", 1)
    owner = f"{first_name} {_upper(surname)}" if rng.random() < 0.6 else seller.name
    canvas.text(left, 52, owner, size=7.5, color=form)
    for offset, row in enumerate(
        [
            seller.address[0],
            seller.address[1],
            f"Tel: {seller.phone}",
            f"{seller.tax_office} V.D.  T.C. Kimlik No: {seller.tax_id}",
        ]
    ):
        canvas.text(left, 62 + offset * 8.5, row, size=6, color=form)
    box_left = 270.0
    canvas.box(box_left, 24, right, 82, stroke=form, width=1)
    canvas.text(
        (box_left + right) / 2, 44, "FATURA", size=16, bold=True, align="center", color=form
    )
    canvas.text(box_left + 8, 62, "Seri : A", size=8, bold=True, color=form)
    sequence = rng.randint(1, 99999)
    number = f"{sequence:06d}"
    canvas.text(box_left + 8, 75, "Sıra No :", size=8, bold=True, color=form)
    canvas.text(box_left + 50, 75, number, size=11, bold=True, color=RED, fontname="cobo")

    labels = ["Fatura Tarihi", "Düzenleme Saati", "Fiili Sevk Tarihi", "İrsaliye Tarih ve No"]
    for offset, label in enumerate(labels):
        ly = 98 + offset * 14
        canvas.text(box_left + 42, ly, f"{label} :", size=6.5, color=form, align="right")
        canvas.line(box_left + 45, ly + 1.5, right, ly + 1.5, width=0.3, color=form)
    hand(box_left + 52, 97, dates_style.format(issue))
    if rng.random() < 0.5:
        hand(box_left + 52, 111, _time(rng, False))
    if rng.random() < 0.4:
        hand(box_left + 52, 125, dates_style.format(rng.choice((issue, dates.other[0]))))
    if rng.random() < 0.3:
        hand(
            box_left + 52,
            139,
            f"{dates_style.format(dates.other[0])}  {max(1, sequence - rng.randint(1, 30)):06d}",
            size=8.5,
        )

    canvas.text(left, 104, "Sayın :", size=7.5, bold=True, color=form)
    for offset in range(3):
        canvas.line(left + 28, 106 + offset * 13, 236, 106 + offset * 13, width=0.3, color=form)
    hand(left + 32, 103, buyer.name if len(buyer.name) < 40 else buyer.brand, size=9.5)
    hand(left + 32, 116, buyer.address[0][:42], size=8)
    canvas.text(left, 146, "V.D. / No :", size=6.5, color=form)
    canvas.line(left + 36, 148, 236, 148, width=0.3, color=form)
    if rng.random() < 0.7:
        hand(left + 40, 145, f"{buyer.tax_office} {buyer.tax_id}", size=8.5)

    # The grid.
    top = 160.0
    cols = [left, left + 200, left + 245, left + 305, right]
    headers = ["MALIN CİNSİ", "MİKTARI", "BİRİM FİYATI", "TUTARI"]
    canvas.box(left, top, right, top + 14, stroke=None, fill=(0.92, 0.92, 0.92))
    for index, label in enumerate(headers):
        canvas.text(
            (cols[index] + cols[index + 1]) / 2,
            top + 10,
            label,
            size=6.5,
            bold=True,
            align="center",
            color=form,
        )
    row_h = 17.0
    count = 13
    bottom = top + 14 + count * row_h
    canvas.box(left, top, right, bottom, stroke=form, width=0.8)
    canvas.line(left, top + 14, right, top + 14, width=0.6, color=form)
    for edge in cols[1:-1]:
        canvas.line(edge, top, edge, bottom, width=0.5, color=form)
    for index in range(1, count):
        yy = top + 14 + index * row_h
        canvas.line(left, yy, right, yy, width=0.25, color=form)
    for index, line in enumerate(sale.lines):
        base = top + 14 + index * row_h + 12
        hand(cols[0] + 4, base, line.description, size=8.5)
        hand(cols[2] - 4, base, quantities.number(line.quantity), size=9.5, align="right")
        hand(cols[3] - 4, base, style.number(line.unit_price), size=9.5, align="right")
        hand(cols[4] - 4, base, style.number(line.amount), size=9.5, align="right")
    if len(sale.lines) < count - 1:
        yy = top + 14 + len(sale.lines) * row_h + 8
        canvas.line(cols[0] + 20, yy + 25, cols[4] - 20, yy - 2, width=0.7, color=ink)

    # Totals boxes.
    rate = sale.groups[0][0]
    ty = bottom
    total_labels = ["TOPLAM", "İSKONTO", "KDV %", "GENEL TOPLAM"]
    values = [style.number(sale.subtotal), "", style.number(sale.tax), style.amount(sale.total)]
    for label, value in zip(total_labels, values, strict=True):
        canvas.box(cols[2], ty, right, ty + 16, stroke=form, width=0.6)
        canvas.line(cols[3], ty, cols[3], ty + 16, width=0.5, color=form)
        canvas.text(cols[2] + 3, ty + 11, label, size=6.5, bold=True, color=form)
        if value:
            hand(right - 4, ty + 12, value, size=9.5, align="right")
        if label == "KDV %":
            hand(cols[2] + 34, ty + 12, str(rate), size=9)
        ty += 16
    canvas.text(left, bottom + 12, "Yalnız :", size=7, bold=True, color=form)
    canvas.line(left + 30, bottom + 14, cols[2] - 6, bottom + 14, width=0.3, color=form)
    canvas.line(left + 6, bottom + 28, cols[2] - 6, bottom + 28, width=0.3, color=form)
    lira = int(sale.total)
    kurus = int((sale.total - lira) * 100)
    words = "".join(_words(lira)) + " TL"
    if kurus:
        words += " " + "".join(_words(kurus)) + " Kr."
    words_rows = _wrap(canvas, _cap(words), 170, 9)
    for offset, row in enumerate(words_rows[:2]):
        hand(left + 34 - offset * 24, bottom + 12 + offset * 14, row, size=8.5)

    # Signatures, stamp, printer's line.
    sy = ty + 26
    canvas.text(left + 20, sy, "Teslim Eden", size=7, bold=True, color=form)
    canvas.text(cols[2] + 20, sy, "Teslim Alan", size=7, bold=True, color=form)
    for x0 in (left + 20, cols[2] + 20):
        points = [(x0 + k * 8, sy + 22 + rng.uniform(-6, 6)) for k in range(8)]
        for (ax, ay), (bx, by2) in itertools.pairwise(points):
            canvas.line(ax, ay, bx, by2, width=0.8, color=ink)
    if rng.random() < 0.6:
        stamp: Color = (0.45, 0.2, 0.6)
        sx, sy2 = left + 70, sy + 2
        canvas.box(sx, sy2, sx + 130, sy2 + 38, stroke=stamp, width=1.2)
        canvas.text(sx + 65, sy2 + 13, shop, size=7, bold=True, align="center", color=stamp)
        canvas.text(sx + 65, sy2 + 23, seller.address[1], size=5, align="center", color=stamp)
        canvas.text(
            sx + 65,
            sy2 + 32,
            f"{seller.tax_office} V.D. {seller.tax_id}",
            size=5,
            align="center",
            color=stamp,
        )
    first = (sequence - 1) // 50 * 50 + 1
    printed = issue - dt.timedelta(days=rng.randint(30, 300))
    canvas.text(
        width / 2,
        A5[1] - 16,
        f"{rng.choice(BRANDS)} Matbaası - {seller.city} - V.No: {_vkn(rng)} - "
        f"Anlaşma: {printed.month:02d}/{printed.year} - Seri A {first:06d} - {first + 49:06d}",
        size=4.8,
        align="center",
        color=form,
    )
    canvas.text(right, 16, "ASIL - Alıcıya verilir", size=5.5, align="right", color=form)

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=shop,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency="TRY",
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "tr",
        "invoice",
        canvas.pdf(title=f"Fatura {number}"),
        style,
        dates_style,
        quantities,
        ("TL",),
        image=rng.choice(("jpg", "jpg", "png")),
    )
