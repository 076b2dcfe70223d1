"""`east-asia-invoice`: invoices and receipts from Japan, mainland China, Taiwan and Korea, in their
own scripts (printed in MuPDF's Droid Sans Fallback, the `cjk` font of the canvas).

Conventions. Japan: yen without decimals (`¥12,345`, `￥12,345-`, `12,345円`); dates
`2025年8月12日`, `2025年08月12日`, `2025/08/12` or in the Japanese era (`令和7年8月12日`, `令和元年`
for 2019 from May, `平成31年` before); consumption tax 8 % until September 2019, then 10 % with the
reduced 8 % on food and drink (marked `※`), each rate's tax rounded down once per document; the
qualified-invoice registration number (`登録番号 T` + 13 digits with the real check digit) from
October 2023. China: `¥1234.56` with no grouping in the tables, dates `2025年08月12日`, VAT 13 / 9 /
6 % (16 / 10 / 6 % before April 2019, 3 % or 1 % for small taxpayers), items named `*税收分类*名称`,
the tax per line rounded half up, the total also in financial numerals
(`壹万贰仟叁佰肆拾伍圆陆角柒分`), the 18-character credit code with its check character. Taiwan: NT
dollars without decimals, ROC years (`中華民國114年08月12日`, 2025 = 114) and the two-month invoice
period, 營業稅 5 %, 統一編號 with the check digit, the total in traditional capitals
(`壹萬貳仟參佰肆拾伍元整`). Korea: won without decimals (`1,234,567원`, `₩1,234,567`), dates
`2025-08-12`, `2025.08.12`, `2025년 08월 12일`, 부가세 10 % truncated per line, 등록번호
`123-45-67890` with the check digit, the total in words (`일금 일백이십삼만...원정`).

Four families, each with its country's kinds of document.

- `japan`: the `請求書` / `御請求書` of a cloud invoicing service or a small firm's template (title,
  `御中` after the buyer, `件名`, `請求日`, `請求書番号`, `登録番号`, the amount due large near the
  top, `お支払期限` or only terms, the issuer with its red square seal, a table `品名 / 数量 / 単位
  / 単価 / 金額` with `※` on reduced-rate items, `小計`, `消費税` per rate, `合計`, the per-rate
  summary `10%対象`, `振込先` with the account holder in kana; a freelancer's invoice deducts
  `源泉徴収税`); a wholesaler's month-end `請求書` from a sales package (the seven boxes
  `前回御請求額 / 御入金額 / 繰越金額 / 今回御買上額 / 消費税額 / 税込御買上額 / 今回御請求額`, rows
  with delivery dates and slip numbers, several pages when long); the receipt-book `領収書` (`上様`
  or the buyer `様`, `¥12,345-`, `但し ... として`, `上記正に領収いたしました`, `内訳`, the
  revenue-stamp box); and the till `レシート` / `領収証` with `内消費税等` (tax included).
- `china`: the all-electronic `电子发票（增值税专用发票）` / `电子发票（普通发票）` (20-digit
  `发票号码`, buyer and seller boxes, `项目名称 / 规格型号 / 单位 / 数量 / 单价 / 金额 / 税率/征收率
  / 税额`, `合计`, `价税合计（大写）` and `（小写）`, `备注`, `开票人`), and the older
  province-titled paper `增值税普通发票` / `增值税专用发票` (`发票代码` 12 digits and `发票号码` 8,
  `机器编号`, `校验码`, the cipher area `密码区`, `收款人 / 复核 / 开票人 / 销售方（章）`), mostly
  scanned.
- `taiwan`: the triplicate `統一發票（三聯式）` (period `中華民國114年7、8月份`, `AB-12345678`,
  `買受人`, `統一編號` in boxes, `銷售額合計 / 營業稅 / 總計`, the total in capitals digit by digit,
  the seller's red `統一發票專用章` stamp, mostly scanned) and the shop's `電子發票證明聯` (period,
  number, Gregorian date-time, `隨機碼`, `總計`, `賣方` / `買方` ids, bar and QR codes, `交易明細`).
- `korea`: the `전자세금계산서` print (`승인번호`, `공급자` / `공급받는자` grids, `작성일자 /
  공급가액 / 세액`, rows `월 / 일 / 품목 / 규격 / 수량 / 단가 / 공급가액 / 세액`, `합계금액 / 현금 /
  수표 / 어음 / 외상미수금`, `이 금액을 (청구) 함`), the `거래명세서` (sometimes both copies on one
  page, the total in words, previous balance, payment and balance), and the card `영수증` of a shop
  or café.

Decoys: registration, tax and credit-code numbers, buyer ids, invoice codes (`发票代码`), machine
numbers, check codes, approval numbers of card payments, slip and customer codes, delivery dates in
the rows, the invoice period, print times, bank accounts, previous balances, payments, carried-over
balances and the `今回御請求額` / `잔금` that include them, the withholding and the net amount after
it, cash tendered and change, points, amounts in words and capitals, the tax base per rate.

Truth rules. `invoice_number` is the document's own number as printed: `請求書番号` / `No.`, the
receipt or transaction number of a till, the Chinese `发票号码` (never the `发票代码`), the
Taiwanese track and number (`AB-12345678`), the Korean `승인번호` of an e-tax invoice or the `No.`
of a 거래명세서 or receipt. `invoice_date` is the issue date (`請求日`, `开票日期`, the triplicate's
date, the e-invoice's date, `작성일자`), in the Gregorian calendar whatever the print's calendar.
`due_date` only where a due date is printed (`お支払期限`, `お振込期限`), never on the other kinds.
`vendor_name` is the seller as printed: the issuer of a 請求書 or 領収書, the store at the top of a
till receipt, the `销售方` name, the name in the Taiwanese seller's stamp or the store on an
e-invoice, the `공급자` 상호 or the store of a card receipt. `total_amount` is the document's total
with tax, before any withholding, previous balance, payment or deposit: `合計` (not the `ご請求金額`
after withholding), `税込御買上額` (not `今回御請求額`), the receipt's amount, `（小写）`, `總計`,
`합계금액` / `합계`. `subtotal_amount` is the amount before tax where printed as one figure (`小計`,
`今回御買上額`, `税抜金額`, `合计` 金额, `銷售額合計`, `銷售額`, `공급가액`, `과세물품가액`); on
tax-included tills whose `小計` is the gross it is left out. `tax_amount` is the one tax figure
(`消費税` or `消費税額`, `内消費税等`, `合计` 税额, `營業稅` / `稅額`, `세액` / `부가세`); it is
left out where the page prints only one figure per rate and no sum. `line_items` are the table rows
(description as printed without the `※` mark, quantity, unit price, amount); tax-included on till
receipts and Taiwanese e-invoices (they sum to the total); none on a 領収書, on an e-invoice proof
without `交易明細`, or on a service fapiao that leaves `数量` and `单价` blank. Money has two places
in the truth (`12345.00` for yen, won and NT dollars); `currency` is JPY, CNY, TWD or KRW also where
only `¥`, `円`, `NT$`, `元`, `₩` or `원` is printed. About a third are scans (receipt books, paper
fapiao, triplicates, many receipts); several pages only on long Japanese statements (never
scanned).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from bench.synth.canvas import A4, BLACK, Canvas, Color, text_width
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money

CJK = "cjk"
Scan = Literal["png", "jpg"] | None
Align = Literal["left", "right", "center"]
GREY: Color = (0.4, 0.4, 0.4)
RED: Color = (0.78, 0.1, 0.1)
BLUE: Color = (0.1, 0.25, 0.6)
BROWN: Color = (0.55, 0.3, 0.12)
PALE: Color = (0.92, 0.92, 0.92)
ZERO = Decimal(0)
ONE = Decimal(1)
QTY = QuantityStyle(".")

# ----------------------------------------------------------------------------- printing styles


def _grouped(digits: str, separator: str) -> str:
    if not separator:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


@dataclass(frozen=True)
class WholeMoney(MoneyStyle):
    """Yen, won and NT dollars: whole amounts, grouped by thousands or not at all."""

    def number(self, value: Decimal) -> str:
        whole = int(money(value).to_integral_value(rounding=ROUND_HALF_UP))
        text = _grouped(str(abs(whole)), self.thousands)
        return text if whole >= 0 else f"-{text}"


JA_WEEK = "月火水木金土日"
KO_WEEK = "월화수목금토일"


def _wareki(value: dt.date) -> tuple[str, str]:
    """The Japanese era and its year (`元` for the first)."""
    if value >= dt.date(2019, 5, 1):
        era, year = "令和", value.year - 2018
    else:
        era, year = "平成", value.year - 1988
    return era, "元" if year == 1 else str(year)


@dataclass(frozen=True)
class EastDate(DateStyle):
    """Dates with the extra placeholders of the region: `{era}{ey}` the Japanese era and year,
    `{roc}` the year of the Republic of China (Taiwan), `{wj}` / `{wk}` the Japanese and Korean
    weekday."""

    def format(self, value: dt.date) -> str:
        era, era_year = _wareki(value)
        return self.pattern.format(
            d=value.day,
            dd=f"{value.day:02d}",
            m=value.month,
            mm=f"{value.month:02d}",
            yyyy=value.year,
            yy=f"{value.year % 100:02d}",
            era=era,
            ey=era_year,
            roc=value.year - 1911,
            wj=JA_WEEK[value.weekday()],
            wk=KO_WEEK[value.weekday()],
        )


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _whole(value: Decimal, rounding: str = ROUND_DOWN) -> Decimal:
    return value.to_integral_value(rounding=rounding)


# ----------------------------------------------------------------------------- drawing


def _t(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float = 9,
    align: Align = "left",
    color: Color = BLACK,
    font: str = CJK,
) -> float:
    return canvas.text(x, y, text, size=size, align=align, color=color, fontname=font)


def _fit(text: str, width: float, size: float, font: str = CJK) -> float:
    while size > 5 and text_width(text, font, size) > width:
        size -= 0.25
    return size


def _cell(
    canvas: Canvas,
    x0: float,
    x1: float,
    y: float,
    text: str,
    size: float,
    align: Align = "left",
    color: Color = BLACK,
    pad: float = 3,
) -> None:
    size = _fit(text, x1 - x0 - 2 * pad, size)
    x = x0 + pad if align == "left" else x1 - pad if align == "right" else (x0 + x1) / 2
    _t(canvas, x, y, text, size, align, color)


@dataclass(frozen=True)
class Col:
    header: str
    x0: float
    x1: float
    align: Align = "left"


def _table(
    canvas: Canvas,
    top: float,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    *,
    size: float = 8.5,
    row_h: float = 16,
    head_h: float = 18,
    min_rows: int = 0,
    fill: Color | None = PALE,
    color: Color = BLACK,
    vlines: bool = True,
    hlines: bool = True,
) -> float:
    """A ruled table with centred headings; returns the y of its bottom rule."""
    left, right = cols[0].x0, cols[-1].x1
    if fill is not None:
        canvas.box(left, top, right, top + head_h, stroke=None, fill=fill)
    for col in cols:
        _cell(canvas, col.x0, col.x1, top + head_h - 5.5, col.header, size, "center", color)
    y = top + head_h
    canvas.line(left, y, right, y, width=0.6, color=color)
    for index in range(max(len(rows), min_rows)):
        if index < len(rows):
            for col, text in zip(cols, rows[index], strict=True):
                if text:
                    _cell(canvas, col.x0, col.x1, y + row_h - 4.5, text, size, col.align)
        y += row_h
        if hlines:
            canvas.line(left, y, right, y, width=0.3, color=color)
    canvas.box(left, top, right, y, width=0.8, stroke=color)
    if vlines:
        for col in cols[1:]:
            canvas.line(col.x0, top, col.x0, y, width=0.3, color=color)
    return y


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR code stand-in: three finder squares and random modules."""
    count = 21
    cell = side / count
    corners = ((0, 0), (count - 7, 0), (0, count - 7))
    for cx, cy in corners:
        for ring, colour in ((0, BLACK), (1, (1.0, 1.0, 1.0)), (2, BLACK)):
            x0, y0 = x + (cx + ring) * cell, y + (cy + ring) * cell
            span = (7 - 2 * ring) * cell
            canvas.box(x0, y0, x0 + span, y0 + span, stroke=None, fill=colour)
    for row in range(count):
        for col in range(count):
            if any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners):
                continue
            if rng.random() < 0.47:
                x0, y0 = x + col * cell, y + row * cell
                canvas.box(x0, y0, x0 + cell, y0 + cell, stroke=None, fill=BLACK)


def _barcode(canvas: Canvas, rng: random.Random, x: float, y: float, w: float, h: float) -> None:
    pos = x
    while pos < x + w - 2:
        bar = rng.choice((0.6, 0.6, 1.2, 1.8))
        canvas.box(pos, y, pos + bar, y + h, stroke=None, fill=BLACK)
        pos += bar + rng.choice((0.6, 1.2, 1.2, 1.8))


def _seal(canvas: Canvas, x: float, y: float, side: float, name: str, suffix: str = "之印") -> None:
    """A red square company seal (角印): the name in columns read top-down, right to left."""
    chars = list(name + suffix)
    columns = 3 if len(chars) > 6 else 2
    rows = -(-len(chars) // columns)
    canvas.box(x, y, x + side, y + side, stroke=RED, width=1.6)
    canvas.box(x + 2, y + 2, x + side - 2, y + side - 2, stroke=RED, width=0.5)
    cell_w = (side - 6) / columns
    cell_h = (side - 6) / rows
    size = min(cell_w, cell_h) * 0.92
    for index, char in enumerate(chars):
        col, row = divmod(index, rows)
        cx = x + side - 3 - (col + 0.5) * cell_w
        cy = y + 3 + (row + 1) * cell_h - (cell_h - size) / 2 - size * 0.12
        _t(canvas, cx, cy, char, size, "center", RED)


# ----------------------------------------------------------------------------- numerals in words

CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
TW_DIGITS = "零壹貳參肆伍陸柒捌玖"


def _cn_section(value: int, digits: str) -> str:
    text, zero = "", False
    for power, unit in ((3, "仟"), (2, "佰"), (1, "拾"), (0, "")):
        digit = value // 10**power % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += digits[0]
            zero = False
        text += digits[digit] + unit
    return text


def cn_upper(value: Decimal, *, traditional: bool = False) -> str:
    """Financial capitals: `壹万贰仟叁佰肆拾伍圆陆角柒分`, or `壹萬貳仟參佰肆拾伍元整` in Taiwan."""
    digits = TW_DIGITS if traditional else CN_DIGITS
    bigs = ("", "萬", "億") if traditional else ("", "万", "亿")
    cents = int(money(value) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text, gap = "", False
    for index in (2, 1, 0):
        section = yuan // 10 ** (4 * index) % 10**4
        if section == 0:
            gap = gap or bool(text)
            continue
        if text and (gap or section < 1000):
            text += digits[0]
        gap = False
        text += _cn_section(section, digits) + bigs[index]
    text = (text or digits[0]) + ("元" if traditional else "圆")
    if jiao == 0 and fen == 0:
        return text + "整"
    if jiao:
        text += digits[jiao] + "角"
    elif yuan:
        text += digits[0]
    if fen:
        text += digits[fen] + "分"
    return text


KO_DIGITS = "영일이삼사오육칠팔구"


def ko_words(value: int) -> str:
    """Formal Korean: `일금 일백이십삼만사천오백육십칠원정`."""
    text = ""
    for index, big in ((2, "억"), (1, "만"), (0, "")):
        section = value // 10 ** (4 * index) % 10**4
        if section == 0:
            continue
        for power, unit in ((3, "천"), (2, "백"), (1, "십"), (0, "")):
            digit = section // 10**power % 10
            if digit:
                text += KO_DIGITS[digit] + unit
        text += big
    return f"일금 {text or '영'}원정"


# ----------------------------------------------------------------------------- identifiers


def _jp_corporate(rng: random.Random) -> str:
    """A 13-digit corporate number: check digit first, 9 - (weighted sum mod 9)."""
    base = str(rng.randint(1, 9)) + _digits(rng, 11)
    total = sum(int(ch) * (1 if n % 2 else 2) for n, ch in enumerate(reversed(base), start=1))
    return f"{9 - total % 9}{base}"


CN_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CN_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _cn_credit(rng: random.Random, region: str) -> str:
    """The 18-character unified social credit code with its check character."""
    body = "91" + region + "MA" + "".join(rng.choice(CN_CODE_CHARS) for _ in range(7))
    total = sum(CN_CODE_CHARS.index(ch) * w for ch, w in zip(body, CN_WEIGHTS, strict=True))
    return body + CN_CODE_CHARS[(31 - total % 31) % 31]


def _tw_ban(rng: random.Random) -> str:
    """An 8-digit 統一編號 whose weighted digit sum is divisible by 10."""
    while True:
        text = _digits(rng, 8)
        total = 0
        for ch, weight in zip(text, (1, 2, 1, 2, 1, 2, 4, 1), strict=True):
            product = int(ch) * weight
            total += product // 10 + product % 10
        if total % 10 == 0:
            return text


def _kr_brn(rng: random.Random) -> str:
    """A business registration number `123-45-67890` with its check digit."""
    body = [rng.randint(1, 9)] + [int(ch) for ch in _digits(rng, 8)]
    body[3] = rng.choice((0, 1, 8))
    body[4] = rng.randint(1, 8)
    total = sum(d * w for d, w in zip(body, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True))
    total += body[8] * 5 // 10
    digits = "".join(map(str, body)) + str((10 - total % 10) % 10)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


# ============================================================================= Japan


def _words(text: str) -> list[str]:
    return text.split()


def _records(text: str) -> list[list[str]]:
    """A compact word table: records split by `;`, fields by `|`."""
    return [[part.strip() for part in row.split("|")] for row in text.split(";") if row.strip()]


JP_STEMS = _records(
    "山田|ヤマダ; 東和|トウワ; 青葉|アオバ; さくら|サクラ; 北斗|ホクト; 丸三|マルサン; 大和|ヤマト;"
    "みどり|ミドリ; 三光|サンコウ; 富士|フジ; 中央|チユウオウ; 日進|ニツシン; 協和|キヨウワ;"
    "ひかり|ヒカリ; 朝日|アサヒ; 共栄|キヨウエイ"
)
JP_TRADES = {
    "it": _records("システム|システム; ソフト|ソフト; ネットワークス|ネツトワ-クス"),
    "office": _records("商事|シヨウジ; 事務機|ジムキ; 文具|ブング"),
    "mfg": _records("製作所|セイサクシヨ; 精機|セイキ; 工業|コウギヨウ"),
    "print": _records("印刷|インサツ; プリント|プリント"),
    "food": _records("フーズ|フ-ズ; 食品|シヨクヒン; 仕出し|シダシ"),
    "logi": _records("運輸|ウンユ; 物流|ブツリユウ; 倉庫|ソウコ"),
}
JP_FORMS = [("株式会社", "カ）", True), ("株式会社", "（カ", False), ("有限会社", "ユ）", True),
            ("合同会社", "ド）", True)]  # fmt: skip
JP_PLACES = _records(
    "東京都|新宿区西新宿|160-0023|03; 東京都|千代田区神田小川町|101-0052|03;"
    "東京都|港区芝浦|108-0023|03; 大阪府|大阪市北区梅田|530-0001|06;"
    "愛知県|名古屋市中区栄|460-0008|052; 福岡県|福岡市博多区博多駅前|812-0011|092;"
    "北海道|札幌市中央区北一条西|060-0001|011; 神奈川県|横浜市西区みなとみらい|220-0012|045;"
    "宮城県|仙台市青葉区一番町|980-0811|022; 京都府|京都市下京区四条通|600-8001|075;"
    "広島県|広島市中区紙屋町|730-0031|082; 埼玉県|さいたま市大宮区桜木町|330-0854|048"
)
JP_BUILDINGS = _words("第一ビル セントラルビル スカイタワー ビジネスセンター 駅前ビル 本町ビル")
JP_BANKS = _words(
    "みずほ銀行 三菱UFJ銀行 三井住友銀行 りそな銀行 横浜銀行 福岡銀行 京都銀行 北洋銀行 "
    "城南信用金庫"
)
JP_BRANCHES = _words("本店営業部 新宿支店 渋谷支店 梅田支店 名古屋支店 博多支店 駅前支店")
JP_SURNAMES = _words("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田")
JP_GIVEN = _words("美咲 健太 翔太 陽子 大輔 由美 拓也 真理子 直樹 恵")
# description | unit | low | high | `r` for the reduced rate
JP_ITEMS = {
    "it": _records(
        "システム保守費用（{m}月分）|式|30000|150000|; ウェブサイト更新作業|時間|5000|12000|;"
        "クラウドサーバー利用料（{m}月分）|月|8000|60000|;"
        "ソフトウェアライセンス（年間）|本|12000|90000|; パソコン初期設定作業|台|3000|8000|;"
        "ヘルプデスク対応|時間|4000|9000|; ドメイン更新費用|件|1500|5000|;"
        "出張費（交通費含む）|式|3000|15000|"
    ),
    "office": _records(
        "コピー用紙 A4 500枚×5冊|箱|2200|4200|; トナーカートリッジ 黒|本|6000|25000|;"
        "ボールペン 黒 0.5mm（10本入）|箱|600|1500|; クリアファイル A4（100枚）|袋|900|2200|;"
        "事務用チェア|脚|15000|60000|; お茶 ペットボトル 500ml（24本）|ケース|1800|3500|r;"
        "コーヒー豆 1kg|袋|2500|5500|r; 配送料|回|500|1500|"
    ),
    "mfg": _records(
        "アルミ部品 切削加工|個|300|4000|; 金型修理|式|50000|300000|;"
        "ステンレスボルト M8×30|本|20|90|; 試作品製作|式|80000|400000|;"
        "品質検査費|式|10000|50000|; 運賃|式|1500|12000|; 治具製作|個|5000|40000|"
    ),
    "print": _records(
        "チラシ印刷 A4 両面カラー|枚|5|30|; 名刺印刷（100枚）|箱|1500|4000|;"
        "パンフレット デザイン費|式|50000|250000|; ポスター B2|枚|800|3000|;"
        "封筒 長3 社名入り|枚|8|25|; 校正費|式|3000|15000|"
    ),
    "food": _records(
        "会議用弁当（幕の内）|個|800|1800|r; お茶 350ml|本|90|160|r;"
        "オードブル盛合せ|皿|3000|9000|r; サンドイッチ詰合せ|箱|1200|3500|r;"
        "配達料|回|500|2000|; 紙皿・割箸セット|式|300|1200|"
    ),
    "logi": _records(
        "配送料 {city}方面|件|800|5000|; チャーター便 4t車|台|35000|90000|;"
        "保管料（{m}月分）|坪|3000|6000|; 荷役作業料|式|5000|40000|; 梱包資材|式|2000|15000|"
    ),
    "design": _records(
        "ロゴデザイン制作|式|50000|300000|; バナー制作|点|5000|30000|; 撮影費|式|30000|120000|;"
        "修正対応|時間|3000|8000|; イラスト制作|点|8000|60000|"
    ),
}
# item | tax-included price | `r` for the reduced rate (food and drink to take away, not beer)
JP_RETAIL = _records(
    "おにぎり 鮭|150|r; おにぎり 梅|130|r; 緑茶 500ml|128|r; ミネラルウォーター 2L|98|r;"
    "食パン 6枚切|178|r; 牛乳 1000ml|238|r; からあげ弁当|498|r; サラダチキン|258|r;"
    "ボールペン 黒|110|; 単3電池 4本パック|398|; ビニール傘|550|; レジ袋 L|5|;"
    "ハンドソープ 詰替|298|; 缶ビール 350ml|218|; ティッシュ 5箱|348|"
)
JP_STORES = _words("まいにちマート ファミリーストア スーパーあおば ドラッグひかり コンビニ富士屋")
JP_STORE_BRANCH = _words("新宿三丁目店 梅田駅前店 栄二丁目店 博多口店 大通西店 本店")


@dataclass
class JpParty:
    name: str
    kana: str
    zip: str
    address: str
    phone: str
    reg: str
    person: str


def _jp_company(rng: random.Random, sector: str) -> JpParty:
    stem, stem_kana = rng.choice(JP_STEMS)
    trade, trade_kana = rng.choice(JP_TRADES.get(sector, JP_TRADES["office"]))
    form, form_kana, before = rng.choice(JP_FORMS)
    name = f"{form}{stem}{trade}" if before else f"{stem}{trade}{form}"
    kana = (
        f"{form_kana}{stem_kana}{trade_kana}" if before else f"{stem_kana}{trade_kana}{form_kana}"
    )
    return _jp_party(rng, name, kana)


def _jp_party(rng: random.Random, name: str, kana: str) -> JpParty:
    pref, city, zip_code, area = rng.choice(JP_PLACES)
    building = f" {rng.choice(JP_BUILDINGS)} {rng.randint(2, 12)}F" if rng.random() < 0.6 else ""
    address = f"{pref}{city}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}{building}"
    phone = f"{area}-{_digits(rng, 6 - len(area))}-{_digits(rng, 4)}"
    person = f"{rng.choice(JP_SURNAMES)} {rng.choice(JP_GIVEN)}"
    return JpParty(name, kana, zip_code, address, phone, "T" + _jp_corporate(rng), person)


def _jp_rates(issue: dt.date) -> tuple[Decimal, Decimal]:
    """Standard and reduced rate on a date (a single 8 % before October 2019)."""
    if issue < dt.date(2019, 10, 1):
        return Decimal(8), Decimal(8)
    return Decimal(10), Decimal(8)


def _jp_lines(
    rng: random.Random, sector: str, count: int, issue: dt.date
) -> tuple[list[Line], list[Decimal]]:
    standard, reduced = _jp_rates(issue)
    pool = JP_ITEMS[sector]
    picks = (
        [rng.choice(pool) for _ in range(count)] if count > len(pool) else rng.sample(pool, count)
    )
    month = (issue.month - 2) % 12 + 1 if rng.random() < 0.4 else issue.month
    city = rng.choice(("横浜", "大阪", "名古屋", "千葉", "埼玉", "神戸"))
    lines: list[Line] = []
    rates: list[Decimal] = []
    prices: dict[str, Decimal] = {}  # a repeated item (another delivery) keeps its price
    for description, unit, low_text, high_text, flag in picks:
        text = description.format(m=month, city=city)
        low, high = int(low_text), int(high_text)
        step = 100 if high >= 2000 else 10 if high >= 200 else 1
        unit_price = prices.setdefault(
            text, Decimal(rng.randint(low // step, high // step) * step or step)
        )
        if unit == "時間" and rng.random() < 0.4:
            qty = Decimal(rng.choice(("0.5", "1.5", "2.5", "7.5")))
            unit_price = prices[text] = Decimal(int(unit_price) // 2 * 2)
        elif unit in ("式", "月"):
            qty = ONE
        elif high <= 100:
            qty = Decimal(rng.choice((100, 200, 500, 1000, 300)))
        else:
            qty = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 10, 12, 20)))
        lines.append(Line(text, qty, unit_price, unit))
        rates.append(reduced if flag == "r" else standard)
    return lines, rates


def _jp_tax(
    lines: Sequence[Line], rates: Sequence[Decimal]
) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(rate, base, tax) per rate, the tax rounded down once per rate (qualified invoices)."""
    bases: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        bases[rate] = bases.get(rate, ZERO) + line.amount
    return [(r, b, _whole(b * r / 100)) for r, b in sorted(bases.items(), reverse=True)]


def _yen_formats(rng: random.Random) -> Callable[[str], str]:
    pattern = rng.choice(("¥{}", "￥{}", "{}円", "￥{}-", "¥{}-"))
    return pattern.format


def _jp_date_style(rng: random.Random) -> EastDate:
    return EastDate(
        choose(
            rng,
            [
                (3, "{yyyy}年{m}月{d}日"),
                (2, "{yyyy}年{mm}月{dd}日"),
                (2, "{yyyy}/{mm}/{dd}"),
                (2, "{era}{ey}年{m}月{d}日"),
            ],
        )
    )


def _jp_invoice(rng: random.Random) -> Rendered:
    wholesale = rng.random() < 0.4
    freelancer = not wholesale and rng.random() < 0.25
    sector = (
        rng.choice(("office", "mfg", "food", "logi"))
        if wholesale
        else rng.choice(("it", "office", "mfg", "print", "food", "logi"))
    )
    if freelancer:
        sector = "design"
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 20))
    if wholesale:
        close = rng.choice((20, 25, 31))
        end = (issue.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        issue = issue.replace(day=min(close, end.day))
    style = WholeMoney(",", ".")
    dates = _jp_date_style(rng)
    yen = _yen_formats(rng)
    seller = _jp_company(rng, sector)
    if freelancer:
        stem, kana = rng.choice(JP_STEMS)
        seller = _jp_party(rng, f"{stem}デザイン事務所", f"{kana}デザインジムシヨ")
    buyer = _jp_company(rng, rng.choice(list(JP_TRADES)))
    count = rng.randint(6, 40) if wholesale else rng.randint(1, len(JP_ITEMS[sector]))
    lines, rates = _jp_lines(rng, sector, count, issue)
    groups = _jp_tax(lines, rates)
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum((g[2] for g in groups), ZERO)
    total = subtotal + tax
    qualified = issue >= dt.date(2023, 10, 1) or (issue.year >= 2023 and rng.random() < 0.5)
    due_printed = rng.random() < 0.65
    due_month_end = (issue.replace(day=28) + dt.timedelta(days=35)).replace(day=1) - dt.timedelta(
        days=1
    )
    due = due_month_end if rng.random() < 0.7 else issue + dt.timedelta(days=30)
    number = rng.choice(
        (
            f"INV-{issue:%Y%m}-{rng.randint(1, 999):03d}",
            f"{issue:%Y%m%d}-{rng.randint(1, 99):02d}",
            f"{rng.randint(1, 99999):06d}",
            f"No.{rng.randint(100, 9999)}",
        )
    )
    if number.startswith("No."):
        number = number[3:]
        number_label = "No."
    else:
        number_label = rng.choice(("請求書番号", "請求番号", "請求書No."))
    withholding = ZERO
    if freelancer:
        withholding = _whole(subtotal * Decimal("0.1021"))

    canvas = Canvas(*A4)
    left, right = 42.0, A4[0] - 42
    title = rng.choice(("請求書", "御請求書", "請 求 書"))
    first = 26 if len(lines) > 18 else 18
    pages = [lines[:first]] + [lines[i : i + 40] for i in range(first, len(lines), 40)]
    bottom = (70.0 if len(pages) > 1 else 274.0) + 18 + max(len(pages[-1]), 12) * 16
    count_pages = len(pages) + (bottom > 610)  # the totals go over when the last table is long
    ctx = _JpCtx(canvas, rng, left, right, style, dates, yen, seller, buyer)
    rate_of = dict(zip((line.description for line in lines), rates, strict=True))
    row_offset = 0
    y = 0.0
    for page_index in range(count_pages):
        if page_index:
            canvas.new_page()
            _t(canvas, left, 52, f"{title}（続き）", 13)
            _t(canvas, right, 52, f"{number_label} {number}", 8.5, "right")
            y = 70.0
        elif wholesale:
            y = ctx.wholesale_head(
                title, number, number_label, issue, qualified, lines, subtotal, tax, total
            )
        else:
            y = ctx.modern_head(
                title,
                number,
                number_label,
                issue,
                qualified,
                total - withholding,
                due if due_printed else None,
            )
        if page_index < len(pages):
            page_lines = pages[page_index]
            last = page_index == len(pages) - 1
            y = ctx.items(y, page_lines, rate_of, row_offset, wholesale, issue, last=last)
            row_offset += len(page_lines)
        if count_pages > 1:
            _t(canvas, A4[0] / 2, 815, f"{page_index + 1} / {count_pages}", 8, "center", GREY)
            if page_index < count_pages - 1:
                _t(canvas, right, 800, "次頁へ続く", 8, "right", GREY)
    tax_shown, y = ctx.totals(y, groups, subtotal, tax, total, withholding, wholesale)
    if wholesale:
        terms = rng.choice(("月末締め 翌月末払い", "20日締め 翌月10日払い"))
        _t(canvas, left, y + 20, f"お支払期限：{dates.format(due)}" if due_printed else terms, 9)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=seller.name,
        total=total,
        subtotal=subtotal,
        tax=tax if tax_shown else None,
        currency="JPY",
        lines=lines,
    )
    image: Scan = None if count_pages > 1 else choose(rng, [(5, None), (1, "jpg")])
    return Rendered(
        fields,
        "ja",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("¥", "￥", "円"),
        image=image,
    )


@dataclass
class _JpCtx:
    canvas: Canvas
    rng: random.Random
    left: float
    right: float
    style: WholeMoney
    dates: EastDate
    yen: Callable[[str], str]
    seller: JpParty
    buyer: JpParty

    def issuer(self, x: float, y: float, qualified: bool) -> float:
        c, s = self.canvas, self.seller
        _t(c, x, y, s.name, 11.5)
        seal_x = min(x + text_width(s.name, CJK, 11.5) - 14, self.right - 46)
        _seal(c, seal_x, y - 32, 46, s.name[:8])
        rows = [f"〒{s.zip}", s.address, f"TEL {s.phone}"]
        if self.rng.random() < 0.5:
            rows.append(f"FAX {s.phone[:-4]}{_digits(self.rng, 4)}")
        if qualified:
            rows.append(f"登録番号：{s.reg}")
        rows.append(f"担当：{s.person.split()[0]}")
        for row in rows:
            y += 12
            _t(c, x, y, row, 8, color=BLACK)
        return y

    def modern_head(
        self,
        title: str,
        number: str,
        label: str,
        issue: dt.date,
        qualified: bool,
        due_amount: Decimal,
        due: dt.date | None,
    ) -> float:
        c, rng, left, right = self.canvas, self.rng, self.left, self.right
        _t(c, A4[0] / 2, 66, title, 22, "center")
        c.line(A4[0] / 2 - 70, 74, A4[0] / 2 + 70, 74, width=0.8)
        _t(
            c,
            right,
            92,
            f"{rng.choice(('請求日', '発行日'))}：{self.dates.format(issue)}",
            9,
            "right",
        )
        _t(c, right, 106, f"{label}：{number}" if label != "No." else f"No. {number}", 9, "right")
        buyer = self.buyer.name
        _t(c, left, 120, f"{buyer}　御中", 13)
        c.line(left, 125, left + text_width(f"{buyer}　御中", CJK, 13) + 4, 125, width=0.6)
        month = issue.month
        subject = rng.choice(
            (
                f"{month}月分 業務委託費",
                f"{month}月分 ご利用料金",
                "商品代金",
                "制作費",
                f"{month}月納品分",
            )
        )
        _t(c, left, 146, f"件名：{subject}", 9.5)
        _t(c, left, 166, "下記のとおりご請求申し上げます。", 9)
        c.box(left, 178, left + 250, 210, width=1.2)
        c.box(left, 178, left + 95, 210, stroke=None, fill=PALE)
        _t(c, left + 8, 198, "ご請求金額", 11)
        _t(c, left + 240, 201, self.yen(self.style.number(due_amount)), 17, "right")
        y = 228
        if due is not None:
            _t(
                c,
                left,
                y,
                f"{rng.choice(('お支払期限', 'お振込期限'))}：{self.dates.format(due)}",
                9.5,
            )
        else:
            _t(c, left, y, "お支払条件：月末締め 翌月末 銀行振込", 9.5)
        self.issuer(left + 300, 146, qualified)
        return 262

    def wholesale_head(
        self,
        title: str,
        number: str,
        label: str,
        issue: dt.date,
        qualified: bool,
        lines: Sequence[Line],
        subtotal: Decimal,
        tax: Decimal,
        total: Decimal,
    ) -> float:
        c, rng, left, right, b = self.canvas, self.rng, self.left, self.right, self.buyer
        _t(c, left, 60, f"〒{b.zip}", 8.5)
        _t(c, left, 73, b.address, 8.5)
        _t(c, left, 96, f"{b.name}　御中", 12.5)
        _t(c, left, 112, f"得意先コード：{_digits(rng, 6)}", 8, color=GREY)
        _t(c, A4[0] / 2 + 40, 62, title, 20, "center")
        _t(c, right, 60, f"{label}：{number}" if label != "No." else f"No. {number}", 8.5, "right")
        _t(c, right, 73, f"請求日：{self.dates.format(issue)}", 8.5, "right")
        _t(c, right, 86, f"（{issue.month}月{issue.day}日締切分）", 8, "right")
        self.issuer(left + 320, 124, qualified)
        _t(c, left, 150, "毎度ありがとうございます。下記の通りご請求申し上げます。", 8.5)
        previous = Decimal(rng.randint(20, 900) * 1000 + rng.randint(0, 999))
        paid = previous if rng.random() < 0.6 else previous - Decimal(rng.randint(1, 19) * 1000)
        carried = previous - paid
        labels = [
            "前回御請求額",
            "御入金額",
            "繰越金額",
            "今回御買上額",
            "消費税額",
            "税込御買上額",
            "今回御請求額",
        ]
        values = [previous, paid, carried, subtotal, tax, total, carried + total]
        width = (right - left) / 7
        top = 218
        for index, (name, value) in enumerate(zip(labels, values, strict=True)):
            x0 = left + index * width
            c.box(x0, top, x0 + width, top + 16, fill=PALE, width=0.6)
            c.box(x0, top + 16, x0 + width, top + 38, width=0.6)
            _cell(c, x0, x0 + width, top + 12, name, 7.5, "center")
            _cell(c, x0, x0 + width, top + 32, self.style.number(value), 9, "right")
        return top + 56

    def items(
        self,
        y: float,
        lines: Sequence[Line],
        rate_of: dict[str, Decimal],
        offset: int,
        wholesale: bool,
        issue: dt.date,
        last: bool,
    ) -> float:
        c, rng, left, right = self.canvas, self.rng, self.left, self.right
        number = self.style.number
        marks = len(set(rate_of.values())) > 1
        rows: list[list[str]] = []
        if wholesale:
            cols = [
                Col("日付", left, left + 38, "center"),
                Col("伝票No.", left + 38, left + 88, "center"),
                Col("品名", left + 88, left + 298),
                Col("数量", left + 298, left + 343, "right"),
                Col("単位", left + 343, left + 373, "center"),
                Col("単価", left + 373, left + 423, "right"),
                Col("金額", left + 423, left + 478, "right"),
                Col("税率", left + 478, right, "center"),
            ]
            slip = rng.randint(10000, 90000)
            day = max(1, issue.day - 27)
            for index, line in enumerate(lines):
                if index % 3 == 0:
                    day = min(issue.day, day + rng.randint(1, 4))
                    slip += rng.randint(1, 40)
                rate = rate_of[line.description]
                mark = "※" if marks and rate == 8 else ""
                rows.append(
                    [
                        f"{issue.month}/{day:02d}",
                        f"{slip:06d}",
                        line.description,
                        QTY.number(line.quantity),
                        line.unit,
                        number(line.unit_price),
                        number(line.amount),
                        f"{rate}%{mark}",
                    ]
                )
            size: float = 8
        else:
            cols = [
                Col("No.", left, left + 26, "center"),
                Col("品名", left + 26, left + 286),
                Col("数量", left + 286, left + 336, "right"),
                Col("単位", left + 336, left + 370, "center"),
                Col("単価", left + 370, left + 436, "right"),
                Col("金額", left + 436, right, "right"),
            ]
            for index, line in enumerate(lines):
                reduced = marks and rate_of[line.description] == 8
                description = f"{line.description} ※" if reduced else line.description
                rows.append(
                    [
                        str(offset + index + 1),
                        description,
                        QTY.number(line.quantity),
                        line.unit,
                        number(line.unit_price),
                        number(line.amount),
                    ]
                )
            size = 8.5
        pad = 0 if not last else (12 if not wholesale else 0) - len(rows)
        return _table(
            c,
            y,
            cols,
            rows,
            size=size,
            row_h=17 if not wholesale else 16,
            min_rows=len(rows) + max(pad, 0),
        )

    def totals(
        self,
        y: float,
        groups: Sequence[tuple[Decimal, Decimal, Decimal]],
        subtotal: Decimal,
        tax: Decimal,
        total: Decimal,
        withholding: Decimal,
        wholesale: bool,
    ) -> tuple[bool, float]:
        """The totals and per-rate summary; returns whether one tax sum is printed, and the y."""
        c, rng, left, right = self.canvas, self.rng, self.left, self.right
        number = self.style.number
        y += 18
        rows: list[tuple[str, str]] = []
        sum_printed = True
        if not wholesale:
            rows.append(("小計", number(subtotal)))
            if len(groups) > 1 and rng.random() < 0.45:
                rows += [(f"消費税（{r}%）", number(t)) for r, _, t in groups]
                sum_printed = False
            else:
                rate_text = f"（{groups[0][0]}%）" if len(groups) == 1 else ""
                rows.append((f"消費税{rate_text}", number(tax)))
            rows.append(("合計", number(total)))
            if withholding:
                rows.append(("源泉徴収税（10.21%）", f"-{number(withholding)}"))
                rows.append(("差引ご請求金額", number(total - withholding)))
            box_left = left + 300
            for label, value in rows:
                c.line(box_left, y + 5, right, y + 5, width=0.3)
                strong = label in ("合計", "差引ご請求金額")
                _t(c, box_left + 4, y, label, 10 if strong else 9)
                _t(c, right - 3, y, value, 10 if strong else 9, "right")
                y += 18
        summary_y = y + 8 if not wholesale else y
        _t(c, left, summary_y, "【税率別内訳】", 8.5)
        for rate, base, group_tax in groups:
            summary_y += 13
            _t(c, left + 8, summary_y, f"{rate}%対象", 8.5)
            _t(c, left + 120, summary_y, self.yen(number(base)), 8.5, "right")
            _t(c, left + 140, summary_y, "消費税", 8.5)
            _t(c, left + 240, summary_y, self.yen(number(group_tax)), 8.5, "right")
        if any(r == 8 for r, _, _ in groups) and len(groups) > 1:
            summary_y += 13
            _t(c, left, summary_y, "※は軽減税率（8%）対象商品です。", 8, color=GREY)
        y = max(y, summary_y) + 24
        bank = rng.choice(JP_BANKS)
        branch = rng.choice(JP_BRANCHES)
        kind = rng.choice(("普通", "普通", "当座"))
        c.box(left, y - 12, right, y + 30, width=0.5)
        _t(c, left + 6, y, "お振込先", 9)
        _t(c, left + 70, y, f"{bank} {branch}　{kind}預金　{_digits(rng, 7)}", 9)
        _t(c, left + 70, y + 15, f"口座名義：{self.seller.kana}", 9)
        y += 48
        notes = ["恐れ入りますが、振込手数料は貴社にてご負担くださいますようお願い申し上げます。"]
        if withholding:
            notes.append("※源泉徴収税額は、所得税法第204条に基づき算出しております。")
        _t(c, left, y, "備考", 8.5)
        for note in notes:
            y += 12
            _t(c, left + 8, y, note, 8, color=GREY)
        return sum_printed, y


def _jp_ryoshu(rng: random.Random) -> Rendered:
    """A receipt-book 領収書, filled in and stamped."""
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 28))
    style = WholeMoney(",", ".")
    dates = _jp_date_style(rng)
    seller = _jp_company(rng, rng.choice(list(JP_TRADES)))
    standard, _ = _jp_rates(issue)
    gross = Decimal(rng.randint(8, 2400) * rng.choice((10, 10, 100)))
    tax = _whole(gross * standard / (100 + standard))
    subtotal = gross - tax
    number = rng.choice((f"{rng.randint(1, 9999):04d}", f"{rng.randint(1, 999999):06d}"))
    canvas = Canvas(595.28, 380)
    left, right = 36.0, 559.0
    canvas.box(20, 20, 575, 360, stroke=(0.3, 0.4, 0.6), width=1.2)
    _t(canvas, 297, 62, rng.choice(("領 収 書", "領収書", "領 収 証")), 22, "center")
    canvas.line(232, 70, 362, 70, width=0.8)
    canvas.line(232, 73, 362, 73, width=0.8)
    _t(canvas, right, 44, f"No. {number}", 9, "right")
    _t(canvas, right, 92, dates.format(issue), 10, "right")
    to = "上様" if rng.random() < 0.35 else f"{_jp_company(rng, 'office').name}　様"
    _t(canvas, left + 10, 108, to, 13)
    canvas.line(left + 10, 114, left + 290, 114, width=0.6)
    yen = rng.choice(("¥{}-", "￥{}-", "金 ￥{}※"))
    canvas.box(left + 60, 128, right - 60, 164, fill=PALE, width=0.8)
    _t(canvas, 297, 154, yen.format(style.number(gross)), 22, "center")
    purpose = rng.choice(
        (
            "お品代として",
            "飲食代として",
            f"{issue.month}月分 会費として",
            "書籍代として",
            "会議室利用料として",
            "施工代金として",
        )
    )
    _t(canvas, left + 60, 188, f"但し　{purpose}", 11)
    _t(canvas, left + 60, 206, "上記正に領収いたしました", 10)
    split = rng.random() < 0.75
    canvas.box(left + 10, 226, left + 190, 290, width=0.5)
    _t(canvas, left + 16, 240, "内訳", 8.5)
    if split:
        _t(canvas, left + 16, 258, "税抜金額", 8.5)
        _t(canvas, left + 184, 258, f"¥{style.number(subtotal)}", 8.5, "right")
        _t(canvas, left + 16, 276, f"消費税額等（{standard}%）", 8.5)
        _t(canvas, left + 184, 276, f"¥{style.number(tax)}", 8.5, "right")
    else:
        _t(canvas, left + 16, 258, f"{standard}%対象　税込", 8.5)
        _t(canvas, left + 184, 258, f"¥{style.number(gross)}", 8.5, "right")
    _t(canvas, left + 16, 306, rng.choice(("現金", "小切手", "振込")) + "　にて受領", 8, color=GREY)
    if gross >= 50000:
        for dash_x in range(int(left + 200), int(left + 262), 6):
            canvas.line(dash_x, 226, dash_x + 3, 226, width=0.4)
            canvas.line(dash_x, 290, dash_x + 3, 290, width=0.4)
        canvas.line(left + 200, 226, left + 200, 290, width=0.4)
        canvas.line(left + 262, 226, left + 262, 290, width=0.4)
        _t(canvas, left + 231, 252, "収入", 8, "center", GREY)
        _t(canvas, left + 231, 264, "印紙", 8, "center", GREY)
    x = left + 290
    _t(canvas, x, 236, seller.name, 11)
    rows = [f"〒{seller.zip} {seller.address}", f"TEL {seller.phone}"]
    qualified = issue >= dt.date(2023, 10, 1)
    if qualified:
        rows.append(f"登録番号 {seller.reg}")
    y = 236.0
    for row in rows:
        y += 13
        _t(canvas, x, y, row, _fit(row, right - x, 7.5))
    _seal(canvas, right - 56, 262, 48, seller.name[:8])
    _t(canvas, x, 330, f"担当 {seller.person.split()[0]}", 8)
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=seller.name,
        total=gross,
        subtotal=subtotal if split else None,
        tax=tax if split else None,
        currency="JPY",
    )
    image: Scan = choose(rng, [(2, None), (3, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "ja",
        "receipt",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("¥", "￥"),
        image=image,
    )


def _jp_reji(rng: random.Random) -> Rendered:
    """A till receipt with tax-included prices (内税)."""
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 30))
    standard, reduced = _jp_rates(issue)
    style = WholeMoney(",", ".")
    dates = EastDate(
        rng.choice(
            ("{yyyy}年{mm}月{dd}日({wj})", "{yyyy}/{mm}/{dd}({wj})", "{yyyy}年{m}月{d}日({wj})")
        )
    )
    picks = rng.sample(JP_RETAIL, rng.randint(2, 9))
    lines, rates = [], []
    for description, unit_price, flag in picks:
        qty = Decimal(choose(rng, [(7, 1), (2, 2), (1, 3)]))
        lines.append(Line(description, qty, Decimal(unit_price)))
        rates.append(reduced if flag == "r" else standard)
    total = sum((line.amount for line in lines), ZERO)
    bases: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        bases[rate] = bases.get(rate, ZERO) + line.amount
    groups = [(r, b, _whole(b * r / (100 + r))) for r, b in sorted(bases.items(), reverse=True)]
    tax = sum((g[2] for g in groups), ZERO)
    width = 226.77
    canvas = Canvas(width, 1200)
    left, right, mid = 12.0, width - 12, width / 2
    size, step = 7.6, 11.2
    y = 30.0

    def centre(text: str, grow: float = 0) -> None:
        nonlocal y
        _t(canvas, mid, y, text, size + grow, "center")
        y += step + grow

    def pair(label: str, value: str, grow: float = 0, indent: float = 0) -> None:
        nonlocal y
        _t(canvas, left + indent, y, label, size + grow)
        _t(canvas, right, y, value, size + grow, "right")
        y += step + grow

    store = f"{rng.choice(JP_STORES)} {rng.choice(JP_STORE_BRANCH)}"
    operator = _jp_company(rng, "food")
    centre(store, 4)
    if rng.random() < 0.6:
        centre(operator.name, -0.6)
    centre(f"〒{operator.zip}", -0.6)
    centre(operator.address[:22], -0.6)
    centre(f"TEL {operator.phone}", -0.6)
    qualified = issue >= dt.date(2023, 10, 1)
    if qualified:
        centre(f"登録番号 {operator.reg}", -0.6)
    y += 4
    centre(rng.choice(("領収証", "領 収 書", "レシート")), 3)
    clock = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    _t(canvas, left, y, f"{dates.format(issue)} {clock}", size)
    y += step
    number = rng.choice((f"{rng.randint(1, 9999):04d}", f"{rng.randint(1, 999)}-{_digits(rng, 4)}"))
    label = rng.choice(("取引No.", "レシートNo.", "No."))
    _t(canvas, left, y, f"レジ{rng.randint(1, 8):04d}  責{rng.randint(100, 999)}", size)
    _t(canvas, right, y, f"{label}{number}", size, "right")
    y += step + 3
    marks = len(set(rates)) > 1
    for line, rate in zip(lines, rates, strict=True):
        text = f"{line.description}{' ※' if marks and rate == reduced else ''}"
        if line.quantity == 1:
            pair(text, f"¥{style.number(line.amount)}")
        else:
            _t(canvas, left, y, text, size)
            y += step
            pair(
                f"{QTY.number(line.quantity)}コ × 単{style.number(line.unit_price)}",
                f"¥{style.number(line.amount)}",
                indent=12,
            )
    y += 3
    count = sum((line.quantity for line in lines), ZERO)
    pair(f"小計　{QTY.number(count)}点", f"¥{style.number(total)}")
    pair("合計", f"¥{style.number(total)}", 4)
    tax_sum = len(groups) == 1 or rng.random() < 0.6
    if tax_sum and len(groups) > 1:
        pair("（内消費税等", f"¥{style.number(tax)}）")
    for rate, base, group_tax in groups:
        pair(f"（{rate}%対象", f"¥{style.number(base)}）")
        pair(
            f"（内消費税等 {rate}%" if len(groups) > 1 else "（内消費税等",
            f"¥{style.number(group_tax)}）",
        )
    method = rng.choice(("現金", "現金", "クレジット", "交通系IC", "QRコード決済"))
    if method == "現金":
        cash = next(Decimal(n) for n in (1000, 2000, 3000, 5000, 10000, 20000) if n >= total)
        pair("お預り", f"¥{style.number(cash)}")
        pair("お釣り", f"¥{style.number(cash - total)}")
    else:
        pair(method, f"¥{style.number(total)}")
        if method == "交通系IC":
            pair("IC残高", f"¥{style.number(Decimal(rng.randint(200, 9000)))}")
    y += 4
    if marks:
        centre("※印は軽減税率（8%）適用商品", -0.6)
    if rng.random() < 0.5:
        centre(f"ポイント {int(total // 100)}P 付与  累計 {rng.randint(100, 5000)}P", -0.6)
    centre("毎度ありがとうございます", -0.3)
    canvas.height = y + 22
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=store,
        total=total,
        subtotal=None,
        tax=tax if tax_sum else None,
        currency="JPY",
        lines=lines,
    )
    image: Scan = choose(rng, [(3, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "ja",
        "receipt",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("¥",),
        prices_include_tax=True,
        image=image,
    )


def _japan(rng: random.Random) -> Rendered:
    kind = choose(rng, [(5, "invoice"), (2, "ryoshu"), (2, "reji")])
    return {"invoice": _jp_invoice, "ryoshu": _jp_ryoshu, "reji": _jp_reji}[kind](rng)


# ============================================================================= China

# city | province in the paper title | credit-code region | invoice-code region | province code |
# district and street | telephone area code
CN_CITIES = _records(
    "深圳市|深圳|440300|4403|44|南山区科技园南区|0755;"
    "上海市|上海|310115|3100|31|浦东新区张江路|021;"
    "北京市|北京|110108|1100|11|海淀区中关村大街|010;"
    "广州市|广东|440106|4400|44|天河区体育西路|020; 杭州市|浙江|330106|3300|33|西湖区文三路|0571;"
    "成都市|四川|510107|5100|51|高新区天府大道|028; 苏州市|江苏|320505|3200|32|工业园区星湖街|0512;"
    "武汉市|湖北|420106|4200|42|江汉区解放大道|027"
)
CN_MARKS = _words("华创 东方 云帆 中联 恒通 瑞丰 新源 金诚 博远 天宇 嘉禾 鼎盛")
CN_TRADES = _words("科技 文具 信息技术 建材 物流 餐饮管理 印刷 电子 商贸 建筑工程")
CN_PEOPLE = _words("张伟 王芳 李娜 刘洋 陈静 杨磊 赵敏 黄勇 周婷 吴强")
CN_BANKS = _words("中国工商银行 中国建设银行 招商银行 中国银行 交通银行 浦发银行")
# item | spec | unit | low | high | goods 13 %, transport or building 9 %, services 6 %
CN_ITEMS = _records(
    "*纸制品*复印纸|A4 70g|箱|120|260|goods; *计算机配套产品*显示器|27英寸|台|900|2600|goods;"
    "*办公用品*中性笔|0.5mm|盒|18|60|goods; *家具*办公椅|人体工学|把|380|1600|goods;"
    "*计算机外部设备*激光打印机|M404dn|台|1500|4200|goods;"
    "*电子元件*贴片电阻|0603|千个|8|30|goods; *印刷品*宣传册|A4 彩印|本|3|18|goods;"
    "*运输服务*国内公路货物运输服务||次|600|6000|transport;"
    "*建筑服务*装饰工程||项|8000|90000|transport;"
    "*信息技术服务*软件维护服务||项|2000|30000|service;"
    "*现代服务*技术咨询费||次|1500|20000|service; *餐饮服务*餐费||次|200|3000|service;"
    "*经营租赁*场地租赁费||月|3000|25000|service"
)


def _cn_rate(kind: str, issue: dt.date, small: bool) -> Decimal:
    if small:
        return Decimal(1) if dt.date(2020, 3, 1) <= issue else Decimal(3)
    early = issue < dt.date(2019, 4, 1)
    return Decimal(
        {"goods": 16 if early else 13, "transport": 10 if early else 9, "service": 6}[kind]
    )


@dataclass
class CnParty:
    name: str
    code: str
    address: str
    bank: str
    city: list[str]


def _cn_party(rng: random.Random) -> CnParty:
    city = rng.choice(CN_CITIES)
    form = rng.choice(("有限公司", "有限公司", "股份有限公司"))
    name = f"{city[0]}{rng.choice(CN_MARKS)}{rng.choice(CN_TRADES)}{form}"
    if rng.random() < 0.3:
        name = name.replace("市", "", 1)
    address = f"{city[0]}{city[5]}{rng.randint(1, 399)}号 {city[6]}-{_digits(rng, 8)}"
    account = " ".join(_digits(rng, 4) for _ in range(4))
    bank = f"{rng.choice(CN_BANKS)}{city[0][:2]}分行 {account}"
    return CnParty(name, _cn_credit(rng, city[2]), address, bank, city)


def _cn_lines(rng: random.Random, issue: dt.date, small: bool) -> tuple[list[Line], list[Decimal]]:
    picks = rng.sample(CN_ITEMS, rng.randint(1, 6))
    lines, rates = [], []
    for name, spec, unit, low, high, kind in picks:
        value = rng.uniform(int(low), int(high))
        unit_price = Decimal(str(round(value, rng.choice((0, 0, 1, 2)))))
        qty = ONE if unit in ("项", "次", "月") else Decimal(rng.choice((1, 2, 3, 5, 10, 20, 50)))
        lines.append(Line(name, qty, money(unit_price), f"{spec}|{unit}"))
        rates.append(_cn_rate(kind, issue, small))
    return lines, rates


def _china(rng: random.Random) -> Rendered:
    paper = rng.random() < 0.4
    if paper:
        issue = _day(rng, dt.date(2019, 1, 2), dt.date(2022, 6, 30))
    else:
        issue = _day(rng, dt.date(2022, 1, 5), dt.date(2026, 12, 30))
    special = rng.random() < 0.45
    small = not special and rng.random() < 0.15
    seller, buyer = _cn_party(rng), _cn_party(rng)
    lines, rates = _cn_lines(rng, issue, small)
    taxes = [money(line.amount * rate / 100) for line, rate in zip(lines, rates, strict=True)]
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum(taxes, ZERO)
    total = subtotal + tax
    style = MoneyStyle("", ".")
    dates = EastDate("{yyyy}年{mm}月{dd}日")
    width, height = 684.0, 420.0
    canvas = Canvas(width, height)
    left, right = 28.0, width - 28
    ink = BROWN if paper else (0.55, 0.25, 0.1)
    blank_qty = (
        not paper
        and rng.random() < 0.2
        and all(u.endswith(("项", "次", "月")) for u in (ln.unit for ln in lines))
    )
    if paper:
        kind_text = "增值税专用发票" if special else "增值税普通发票"
        title = f"{seller.city[1]}{kind_text}"
        number = _digits(rng, 8)
        kind_code = rng.choice(("11", "12", "04"))
        code = f"0{seller.city[3]}{issue.year % 100:02d}00{rng.choice('0123')}{kind_code}"
        _qr(canvas, rng, left + 4, 18, 50)
        _t(canvas, left + 62, 30, f"机器编号：{_digits(rng, 12)}", 7.5)
        _t(canvas, width / 2, 40, title, 17, "center", ink)
        canvas.line(width / 2 - 110, 46, width / 2 + 110, 46, width=0.8, color=ink)
        canvas.line(width / 2 - 110, 49, width / 2 + 110, 49, width=0.8, color=ink)
        _t(
            canvas,
            width / 2,
            62,
            "发 票 联" if rng.random() < 0.7 else "抵 扣 联",
            10,
            "center",
            ink,
        )
        _t(canvas, right - 150, 22, f"No {number}", 13, color=ink)
        info = [("发票代码：", code), ("发票号码：", number), ("开票日期：", dates.format(issue))]
        if not special:
            check = " ".join(_digits(rng, 5) for _ in range(4))
            info.append(("校 验 码：", check))
        y = 38.0
        for label, value in info:
            _t(canvas, right - 150, y, label, 7.5, color=ink)
            _t(canvas, right - 104, y, value, 7.5)
            y += 11
    else:
        title = "电子发票（增值税专用发票）" if special else "电子发票（普通发票）"
        number = f"{issue.year % 100:02d}{seller.city[4]}{rng.choice('27')}{_digits(rng, 15)}"
        _qr(canvas, rng, left + 4, 16, 54)
        _t(canvas, width / 2, 42, title, 17, "center", ink)
        canvas.line(width / 2 - 130, 49, width / 2 + 130, 49, width=0.8, color=ink)
        canvas.line(width / 2 - 130, 52, width / 2 + 130, 52, width=0.8, color=ink)
        _t(canvas, right - 170, 34, "发票号码：", 8, color=ink)
        _t(canvas, right - 125, 34, number, 8)
        _t(canvas, right - 170, 48, "开票日期：", 8, color=ink)
        _t(canvas, right - 125, 48, dates.format(issue), 8)
    top = 80.0
    # Buyer and seller (paper: buyer and cipher area at the top, seller at the bottom).
    mid = width / 2

    def party_box(x0: float, x1: float, y0: float, label: str, party: CnParty, full: bool) -> None:
        canvas.box(x0, y0, x1, y0 + 64, stroke=ink, width=0.8)
        canvas.line(x0 + 20, y0, x0 + 20, y0 + 64, color=ink)
        for index, char in enumerate(label):
            pitch = min(13.0, 58 / len(label))
            start = y0 + (64 - pitch * len(label)) / 2 + pitch - 2
            _t(canvas, x0 + 10, start + index * pitch, char, min(9, pitch - 1), "center", ink)
        rows = [("名称：", party.name), ("统一社会信用代码/纳税人识别号：", party.code)]
        if full:
            rows += [("地址、电话：", party.address), ("开户行及账号：", party.bank)]
        step = 14 if full else 22
        y = y0 + (13 if full else 22)
        for name, value in rows:
            width_label = _t(canvas, x0 + 25, y, name, 7.5, color=ink)
            _cell(canvas, x0 + 25 + width_label, x1, y, value, 8, pad=2)
            y += step

    if paper:
        party_box(left, mid + 90, top, "购买方", buyer, True)
        canvas.box(mid + 90, top, right, top + 64, stroke=ink, width=0.8)
        for index, char in enumerate("密码区"):
            _t(canvas, mid + 100, top + 16 + index * 14, char, 9, "center", ink)
        for row in range(4):
            cipher = "".join(rng.choice("0123456789+-*/<>") for _ in range(27))
            _t(canvas, mid + 112, top + 15 + row * 14, cipher, 7.6, font="cour")
    else:
        party_box(left, mid, top, "购买方信息", buyer, False)
        party_box(mid, right, top, "销售方信息", seller, False)
    top += 64
    xs = [left, left + 190, left + 260, left + 296, left + 346, left + 416, left + 496, left + 546]
    heads = [
        "货物或应税劳务、服务名称" if paper else "项目名称",
        "规格型号",
        "单位",
        "数量",
        "单价",
        "金额",
        "税率" if paper else "税率/征收率",
        "税额",
    ]
    aligns: list[Align] = ["left", "left", "center", "right", "right", "right", "center", "right"]
    cols = [
        Col(h, x0, x1, a) for h, x0, x1, a in zip(heads, xs, [*xs[1:], right], aligns, strict=True)
    ]
    rows = []
    for line, rate, line_tax in zip(lines, rates, taxes, strict=True):
        spec, unit = line.unit.split("|")
        qty = "" if blank_qty else QTY.number(line.quantity)
        unit_price = "" if blank_qty else style.number(line.unit_price)
        rows.append(
            [
                line.description,
                spec,
                unit,
                qty,
                unit_price,
                style.number(line.amount),
                f"{rate}%",
                style.number(line_tax),
            ]
        )
    body = max(6, len(rows)) * 15 + 20
    canvas.box(left, top, right, top + body + 18, stroke=ink, width=0.8)
    end = _table(
        canvas,
        top,
        cols,
        rows,
        size=7.8,
        row_h=15,
        head_h=18,
        fill=None,
        color=ink,
        vlines=paper,
        hlines=False,
        min_rows=max(6, len(rows)),
    )
    del end
    total_y = top + body + 12
    _t(canvas, left + 60, total_y, "合　　计", 9, "center", ink)
    _t(canvas, xs[6] - 3, total_y, f"¥{style.number(subtotal)}", 8.5, "right")
    _t(canvas, right - 3, total_y, f"¥{style.number(tax)}", 8.5, "right")
    top += body + 18
    canvas.box(left, top, right, top + 22, stroke=ink, width=0.8)
    _t(canvas, left + 6, top + 15, "价税合计（大写）", 9, color=ink)
    _t(canvas, left + 112, top + 15, f"ⓧ{cn_upper(total)}", 9.5)
    _t(canvas, left + 430, top + 15, "（小写）", 9, color=ink)
    _t(canvas, left + 470, top + 15, f"¥{style.number(total)}", 9.5)
    top += 22
    remark = ""
    if any(ln.description.startswith("*建筑服务*") for ln in lines):
        remark = f"建筑服务发生地：{buyer.city[0]}  项目名称：{rng.choice(CN_MARKS)}大厦装修工程"
    elif any(ln.description.startswith("*运输服务*") for ln in lines):
        remark = f"起运地：{seller.city[0]} 到达地：{buyer.city[0]} 车牌号：粤B{_digits(rng, 5)}"
    elif rng.random() < 0.5:
        remark = f"订单号：{_digits(rng, 12)}"
    if paper:
        party_box(left, mid + 90, top, "销售方", seller, True)
        canvas.box(mid + 90, top, right, top + 64, stroke=ink, width=0.8)
        for index, char in enumerate("备注"):
            _t(canvas, mid + 100, top + 22 + index * 16, char, 9, "center", ink)
        if remark:
            _cell(canvas, mid + 110, right, top + 20, remark, 7.5)
        top += 64
        people = rng.sample(CN_PEOPLE, 3)
        foot = top + 16
        for x, text in (
            (left + 6, f"收款人：{people[0]}"),
            (left + 160, f"复核：{people[1]}"),
            (left + 310, f"开票人：{people[2]}"),
            (left + 460, "销售方：（章）"),
        ):
            _t(canvas, x, foot, text, 8.5, color=ink if text.startswith("销") else BLACK)
    else:
        canvas.box(left, top, right, top + 44, stroke=ink, width=0.8)
        canvas.line(left + 20, top, left + 20, top + 44, color=ink)
        _t(canvas, left + 10, top + 18, "备", 9, "center", ink)
        _t(canvas, left + 10, top + 32, "注", 9, "center", ink)
        notes = [remark] if remark else []
        if special or rng.random() < 0.4:
            notes.append(f"销方开户银行：{seller.bank}")
        for index, note in enumerate(notes):
            _cell(canvas, left + 24, right, top + 16 + index * 14, note, 7.5)
        top += 44
        _t(canvas, left + 420, top + 16, f"开票人：{rng.choice(CN_PEOPLE)}", 8.5)
    canvas.height = max(height, top + 30)
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=seller.name,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="CNY",
        lines=None if blank_qty else lines,
    )
    image: Scan = (
        choose(rng, [(1, None), (2, "jpg"), (1, "png")])
        if paper
        else choose(rng, [(6, None), (1, "png")])
    )
    return Rendered(
        fields,
        "zh",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("¥", "￥"),
        image=image,
    )


# ============================================================================= Taiwan

TW_MARKS = _words("永豐 大同 宏達 聯合 新光 金華 全成 瑞昌 信義 台灣精密 鴻運")
TW_TRADES = _words("工業 文具 科技 餐飲 印刷 電子 貿易 食品 資訊")
TW_FORMS = _words("股份有限公司 有限公司 有限公司 企業社 商行")
TW_PLACES = _records(
    "台北市信義區松仁路|02; 新北市板橋區文化路|02; 台中市西屯區台灣大道|04;"
    "高雄市前鎮區中山二路|07; 桃園市中壢區中正路|03; 台南市東區東門路|06"
)
TW_PEOPLE = _words("陳大文 林志明 黃淑芬 張家豪 李美玲 王建國 吳俊傑 劉雅婷")
TW_ITEMS = _records(
    "影印紙A4 (500張/包)|95|160; 碳粉匣|1200|3800; 電腦維修費|800|3500; 便當|80|150;"
    "辦公桌|3500|12000; 網站維護費|3000|15000; 運費|150|900; 咖啡豆 1kg|650|1500;"
    "名片印刷 (2盒)|300|900; 隨身碟 64GB|220|480"
)
TW_RETAIL = _records(
    "鮮奶 936ml|92; 御飯糰 鮪魚|35; 茶葉蛋|13; 美式咖啡(中)|45; 原子筆 0.5mm|15; 衛生紙 12包|189;"
    "礦泉水 600ml|20; 菠蘿麵包|39; 綠茶 無糖|25; 關東煮|50; 洗手乳|79"
)
TW_STORES = _words("好日子便利商店 日日鮮超市 小島咖啡 大家樂文具 安心藥局")
TW_BRANCHES = _words("信義門市 板橋店 逢甲店 前鎮門市 中壢店")


def _tw_company(rng: random.Random) -> tuple[str, str, str, str]:
    place, area = rng.choice(TW_PLACES)
    name = f"{rng.choice(TW_MARKS)}{rng.choice(TW_TRADES)}{rng.choice(TW_FORMS)}"
    address = f"{place}{rng.randint(1, 5)}段{rng.randint(1, 300)}號"
    phone = f"({area}){_digits(rng, 4)}-{_digits(rng, 4)}"
    return name, _tw_ban(rng), address, phone


def _tw_period(issue: dt.date) -> tuple[int, int]:
    first = (issue.month - 1) // 2 * 2 + 1
    return first, first + 1


def _taiwan(rng: random.Random) -> Rendered:
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 30))
    track = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2))
    digits = _digits(rng, 8)
    first, second = _tw_period(issue)
    roc = issue.year - 1911
    if rng.random() < 0.5:
        return _tw_triplicate(rng, issue, track, digits, roc, first, second)
    return _tw_einvoice(rng, issue, track, digits, roc, first, second)


def _tw_triplicate(
    rng: random.Random, issue: dt.date, track: str, digits: str, roc: int, first: int, second: int
) -> Rendered:
    style = WholeMoney(rng.choice((",", "")), ".")
    dates = EastDate(
        rng.choice(
            (
                "中華民國{roc}年{mm}月{dd}日",
                "{roc}年{mm}月{dd}日",
                "中華民國 {roc} 年 {m} 月 {d} 日",
            )
        )
    )
    number = f"{track}-{digits}" if rng.random() < 0.7 else f"{track}{digits}"
    picks = rng.sample(TW_ITEMS, rng.randint(1, 5))
    lines = []
    for description, low, high in picks:
        qty = Decimal(rng.choice((1, 1, 2, 3, 5, 10)))
        unit_price = Decimal(rng.randint(int(low) // 5, int(high) // 5) * 5)
        lines.append(Line(description, qty, unit_price))
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = _whole(subtotal * Decimal("0.05"), ROUND_HALF_UP)
    total = subtotal + tax
    seller, buyer = _tw_company(rng), _tw_company(rng)
    canvas = Canvas(595.28, 460)
    left, right = 30.0, 440.0
    ink = rng.choice(((0.15, 0.35, 0.2), BLUE, BROWN))
    _t(canvas, (left + right) / 2, 40, "統 一 發 票 （三聯式）", 16, "center", ink)
    _t(
        canvas,
        (left + right) / 2,
        58,
        f"中華民國 {roc} 年 {first}、{second} 月份",
        9.5,
        "center",
        ink,
    )
    _t(canvas, right + 20, 40, number, 14, color=RED)
    _t(canvas, left, 24, rng.choice(("第二聯：扣抵聯", "第三聯：收執聯")), 8, color=ink)
    canvas.box(left, 68, right, 130, stroke=ink, width=0.8)
    _t(canvas, left + 6, 84, "買 受 人：", 9, color=ink)
    _t(canvas, left + 60, 84, buyer[0], 10)
    _t(canvas, left + 6, 104, "統一編號：", 9, color=ink)
    for index, ch in enumerate(buyer[1]):
        x0 = left + 60 + index * 15
        canvas.box(x0, 93, x0 + 13, 108, stroke=ink, width=0.5)
        _t(canvas, x0 + 6.5, 105, ch, 9, "center")
    _t(canvas, left + 190, 104, dates.format(issue), 9.5)
    _t(canvas, left + 6, 124, "地　　址：", 9, color=ink)
    _t(canvas, left + 60, 124, buyer[2], 8.5)
    cols = [
        Col("品　　名", left, left + 170),
        Col("數量", left + 170, left + 215, "right"),
        Col("單價", left + 215, left + 270, "right"),
        Col("金　額", left + 270, left + 350, "right"),
        Col("備　註", left + 350, right),
    ]
    rows = [
        [
            ln.description,
            QTY.number(ln.quantity),
            style.number(ln.unit_price),
            style.number(ln.amount),
            "",
        ]
        for ln in lines
    ]
    y = _table(canvas, 130, cols, rows, size=8.5, row_h=17, fill=None, color=ink, min_rows=6)
    _cell(canvas, left, left + 170, y + 13, "銷售額合計", 9, "center", ink)
    _cell(canvas, left + 270, left + 350, y + 13, style.number(subtotal), 9, "right")
    _cell(canvas, left, left + 60, y + 32, "營業稅", 9, "center", ink)
    for x, text in ((left + 64, "應稅"), (left + 124, "零稅率"), (left + 190, "免稅")):
        _t(canvas, x, y + 32, text, 8, color=ink)
        canvas.box(x + 30, y + 24, x + 38, y + 32, stroke=ink, width=0.5)
    _t(canvas, left + 98, y + 31, "✓" if rng.random() < 0.5 else "V", 9, "center")
    _cell(canvas, left + 270, left + 350, y + 32, style.number(tax), 9, "right")
    _cell(canvas, left, left + 170, y + 51, "總　　計", 9, "center", ink)
    _cell(canvas, left + 270, left + 350, y + 51, style.number(total), 9, "right")
    for row in range(3):
        canvas.line(left, y + 19 * (row + 1), right, y + 19 * (row + 1), width=0.3, color=ink)
    canvas.box(left, y, right, y + 95, stroke=ink, width=0.8)
    canvas.line(left + 270, y, left + 270, y + 57, width=0.3, color=ink)
    canvas.line(left + 350, y, left + 350, y + 57, width=0.3, color=ink)
    _t(canvas, left + 6, y + 72, "總計新臺幣", 8.5, color=ink)
    _t(canvas, left + 6, y + 86, "（中文大寫）", 8, color=ink)
    places = ["億", "仟萬", "佰萬", "拾萬", "萬", "仟", "佰", "拾", "元"]
    amount = int(total)
    cell_w = (right - left - 70) / 9
    lead = True
    for index, place in enumerate(places):
        x0 = left + 70 + index * cell_w
        digit = amount // 10 ** (8 - index) % 10
        canvas.line(x0, y + 57, x0, y + 95, width=0.3, color=ink)
        _t(canvas, x0 + cell_w / 2, y + 68, place, 7.5, "center", ink)
        lead = lead and digit == 0 and index < 8
        _t(canvas, x0 + cell_w / 2, y + 88, "" if lead else TW_DIGITS[digit], 10, "center")
    canvas.line(left + 70, y + 73, right, y + 73, width=0.3, color=ink)
    # The seller's stamp.
    sx, sy = right + 12, 160.0
    canvas.box(sx, sy, sx + 128, sy + 118, stroke=RED, width=1.4)
    _t(canvas, sx + 64, sy + 16, "統一發票專用章", 9, "center", RED)
    stamp_rows = [
        seller[0],
        f"統一編號：{seller[1]}",
        f"負責人：{rng.choice(TW_PEOPLE)}",
        f"電話：{seller[3]}",
        f"地址：{seller[2]}",
    ]
    for index, text in enumerate(stamp_rows):
        _cell(
            canvas,
            sx + 2,
            sx + 126,
            sy + 36 + index * 18,
            text,
            9 if index == 0 else 7.5,
            "center",
            RED,
        )
    canvas.height = y + 120
    for x, text in ((left, f"{rng.choice(TW_PEOPLE)} 開立"), (left + 300, "本發票依法開立")):
        _t(canvas, x, y + 112, text, 7.5, color=GREY)
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=seller[0],
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="TWD",
        lines=lines,
    )
    image: Scan = choose(rng, [(1, None), (3, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "zh-TW",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("新臺幣", "NT$"),
        image=image,
    )


def _tw_einvoice(
    rng: random.Random, issue: dt.date, track: str, digits: str, roc: int, first: int, second: int
) -> Rendered:
    style = WholeMoney(",", ".")
    dates = EastDate("{yyyy}-{mm}-{dd}")
    number = f"{track}-{digits}"
    picks = rng.sample(TW_RETAIL, rng.randint(1, 7))
    lines = [Line(d, Decimal(choose(rng, [(6, 1), (2, 2), (1, 3)])), Decimal(p)) for d, p in picks]
    total = sum((line.amount for line in lines), ZERO)
    b2b = rng.random() < 0.35
    subtotal = _whole(total / Decimal("1.05"), ROUND_HALF_UP)
    tax = total - subtotal
    details = rng.random() < 0.8
    store = f"{rng.choice(TW_STORES)} {rng.choice(TW_BRANCHES)}"
    seller = _tw_company(rng)
    width = 164.0
    canvas = Canvas(width, 1000)
    left, right, mid = 10.0, width - 10, width / 2
    y = 30.0
    _t(canvas, mid, y, store, _fit(store, width - 16, 11), "center")
    y += 22
    _t(canvas, mid, y, "電子發票證明聯", 14, "center")
    if rng.random() < 0.15:
        y += 12
        _t(canvas, mid, y, "補印", 8, "center")
    y += 22
    _t(canvas, mid, y, f"{roc}年{first:02d}-{second:02d}月", 14, "center")
    y += 20
    _t(canvas, mid, y, number, 14, "center")
    y += 16
    clock = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    stamp = f"{dates.format(issue)} {clock}"
    _t(canvas, left, y, stamp + ("  格式 25" if b2b else ""), 7.5)
    y += 11
    _t(canvas, left, y, f"隨機碼 {_digits(rng, 4)}", 7.5)
    _t(canvas, right, y, f"總計 {style.number(total)}", 7.5, "right")
    y += 11
    _t(canvas, left, y, f"賣方 {seller[1]}", 7.5)
    if b2b:
        _t(canvas, right, y, f"買方 {_tw_ban(rng)}", 7.5, "right")
    y += 6
    _barcode(canvas, rng, left + 4, y, right - left - 8, 22)
    y += 28
    _qr(canvas, rng, left + 6, y, 62)
    _qr(canvas, rng, right - 68, y, 62)
    y += 78
    _t(canvas, mid, y, "退貨時請攜帶電子發票證明聯", 6.5, "center", GREY)
    y += 14
    if details:
        for x in range(int(left), int(right), 5):
            canvas.line(x, y, x + 2.5, y, width=0.4)
        y += 14
        _t(canvas, mid, y, "交易明細", 9, "center")
        y += 13
        for line in lines:
            _t(canvas, left, y, line.description, 7.5)
            y += 10
            _t(
                canvas,
                left + 8,
                y,
                f"{QTY.number(line.quantity)} x {style.number(line.unit_price)}",
                7.5,
            )
            _t(canvas, right, y, f"{style.number(line.amount)}TX", 7.5, "right")
            y += 11
        y += 2
        _t(canvas, left, y, f"共 {len(lines)} 項", 7.5)
        _t(canvas, right, y, f"總計 NT${style.number(total)}", 8.5, "right")
        y += 12
        if b2b:
            for label, value in (("銷售額", subtotal), ("稅額", tax), ("總計", total)):
                _t(canvas, left, y, label, 7.5)
                _t(canvas, right, y, style.number(value), 7.5, "right")
                y += 10
        if rng.random() < 0.6:
            cash = next(Decimal(n) for n in (100, 500, 1000, 2000, 5000) if n >= total)
            _t(canvas, left, y, f"現金 {style.number(cash)}", 7.5)
            _t(canvas, right, y, f"找零 {style.number(cash - total)}", 7.5, "right")
        else:
            _t(canvas, left, y, rng.choice(("悠遊卡", "信用卡", "LINE Pay")), 7.5)
            _t(canvas, right, y, style.number(total), 7.5, "right")
        y += 12
        _cell(canvas, left, right, y, seller[0], 6.5, "center")
        y += 9
    else:
        _t(canvas, mid, y, seller[0], _fit(seller[0], width - 16, 6.5), "center", GREY)
        _t(canvas, mid, y + 9, "（金額單位：新臺幣元）", 6.5, "center", GREY)
        y += 9
    canvas.height = y + 20
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=store,
        total=total,
        subtotal=subtotal if b2b and details else None,
        tax=tax if b2b and details else None,
        currency="TWD",
        lines=lines if details else None,
    )
    image: Scan = choose(rng, [(2, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "zh-TW",
        "receipt",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("NT$", "新臺幣"),
        prices_include_tax=True,
        image=image,
    )


# ============================================================================= Korea

KR_MARKS = _records(
    "한빛|hanbit; 대한|daehan; 신성|shinsung; 미래|mirae; 우리|woori; 한솔|hansol; 세진|sejin;"
    "동방|dongbang; 성원|sungwon; 태양|taeyang; 푸른|pureun; 새솔|saesol"
)
# trade | 업태 | 종목
KR_TRADES = _records(
    "테크|서비스|소프트웨어 개발; 상사|도소매|사무용품; 전자|제조|전자부품;"
    "디자인|서비스|광고디자인;"
    "물산|도매|식자재; 로지스|운수|화물운송; 인쇄|제조|인쇄물"
)
KR_PLACES = _records(
    "서울특별시 강남구 테헤란로|02; 경기도 성남시 분당구 판교역로|031;"
    "부산광역시 해운대구 센텀중앙로|051; 인천광역시 남동구 인주대로|032;"
    "대구광역시 중구 동성로|053; 서울특별시 마포구 양화로|02; 대전광역시 유성구 대학로|042"
)
KR_PEOPLE = _words("김민준 이서연 박지훈 최수빈 정우진 강예린 조현우 윤지아 한도윤")
# item | spec | low | high
KR_ITEMS = _records(
    "A4 복사용지|80g 2500매|18000|32000; 토너 카트리지|HP 58A|45000|120000;"
    "유지보수료|{m}월분|150000|900000; 소프트웨어 라이선스|1년|300000|2500000;"
    "사무용 의자|메쉬형|80000|350000; 모니터|27인치|180000|450000; 컨설팅 용역||500000|3000000;"
    "화물 운송비|5톤|150000|600000; 광고 디자인|배너 3종|200000|1500000;"
    "커피 원두|1kg|18000|40000; 전자부품 (커넥터)|CN-20P|300|2500; 리플렛 인쇄|A4 양면|150|600"
)
KR_RETAIL = _records(
    "아메리카노|4500; 카페라떼|5000; 바닐라라떼|5500; 치즈케이크|6500; 크루아상|3800;"
    "생수 500ml|1000; 햄치즈 샌드위치|6800; 아이스티|4800; 딸기스무디|6300; 마들렌|2500"
)
KR_STORES = ["카페 온새미로", "빵굽는마을", "커피한잔 역삼점", "소담 베이커리", "모퉁이카페 판교점"]
KR_CARDS = _words("신한카드 국민카드 삼성카드 현대카드 BC카드 하나카드")


@dataclass
class KrParty:
    name: str
    brn: str
    ceo: str
    address: str
    business: str
    item: str
    email: str
    phone: str


def _kr_party(rng: random.Random) -> KrParty:
    mark, roman = rng.choice(KR_MARKS)
    trade, business, item = rng.choice(KR_TRADES)
    place, code = rng.choice(KR_PLACES)
    form = rng.choice(("(주)", "주식회사 ", "", "{}(주)"))
    name = form.format(f"{mark}{trade}") if "{}" in form else f"{form}{mark}{trade}"
    address = f"{place} {rng.randint(1, 400)}, {rng.randint(2, 15)}층"
    email = f"{rng.choice(('tax', 'account', 'info', 'billing'))}@{roman}.co.kr"
    phone = f"{code}-{_digits(rng, rng.choice((3, 4)))}-{_digits(rng, 4)}"
    return KrParty(name, _kr_brn(rng), rng.choice(KR_PEOPLE), address, business, item, email, phone)


def _kr_lines(rng: random.Random, issue: dt.date, count: int) -> tuple[list[Line], list[Decimal]]:
    picks = rng.sample(KR_ITEMS, count)
    lines, taxes = [], []
    for name, spec, low_text, high_text in picks:
        low, high = int(low_text), int(high_text)
        step = 1000 if low >= 10000 else 10
        unit_price = Decimal(rng.randint(low // step, high // step) * step)
        qty = (
            ONE
            if spec.startswith(("{m}", "1년")) or name.startswith("컨설팅")
            else Decimal(rng.choice((1, 2, 3, 5, 10, 20) if low >= 1000 else (100, 200, 500, 1000)))
        )
        line = Line(name, qty, unit_price, spec.format(m=issue.month))
        lines.append(line)
        taxes.append(_whole(line.amount / 10))
    return lines, taxes


def _kr_date_style(rng: random.Random) -> EastDate:
    return EastDate(
        rng.choice(
            (
                "{yyyy}-{mm}-{dd}",
                "{yyyy}.{mm}.{dd}",
                "{yyyy}년 {mm}월 {dd}일",
                "{yyyy}년 {m}월 {d}일",
            )
        )
    )


def _kr_etax(rng: random.Random) -> Rendered:
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 30))
    style = WholeMoney(",", ".")
    dates = EastDate(rng.choice(("{yyyy}-{mm}-{dd}", "{yyyy}/{mm}/{dd}")))
    lines, taxes = _kr_lines(rng, issue, rng.randint(1, 4))
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum(taxes, ZERO)
    total = subtotal + tax
    supplier, receiver = _kr_party(rng), _kr_party(rng)
    tail = "".join(rng.choice("0123456789abcdef") for _ in range(8))
    number = f"{issue:%Y%m%d}-{rng.choice(('41', '10', '42'))}{_digits(rng, 6)}-{tail}"
    keeper = rng.random() < 0.5
    ink = RED if keeper else BLUE
    canvas = Canvas(*A4)
    left, right = 30.0, A4[0] - 30
    mid = (left + right) / 2
    top = 40.0
    canvas.box(left, top, right, top + 44, stroke=ink, width=1.2)
    _t(canvas, mid - 40, top + 28, "전자세금계산서", 18, "center", ink)
    _t(
        canvas,
        mid - 40,
        top + 40,
        "(공급자 보관용)" if keeper else "(공급받는자 보관용)",
        7.5,
        "center",
        ink,
    )
    canvas.line(right - 200, top, right - 200, top + 44, color=ink)
    _t(canvas, right - 194, top + 18, "승인번호", 8, color=ink)
    _t(canvas, right - 6, top + 34, number, 8.5, "right")
    top += 44

    def party(x0: float, x1: float, label: str, p: KrParty) -> None:
        height = 5 * 20
        canvas.box(x0, top, x1, top + height, stroke=ink, width=0.8)
        canvas.line(x0 + 18, top, x0 + 18, top + height, color=ink)
        for index, ch in enumerate(label):
            _t(canvas, x0 + 9, top + 20 + index * 13, ch, 8.5, "center", ink)
        rows = [
            ("등록번호", p.brn, "종사업장번호", ""),
            ("상호(법인명)", p.name, "성명", p.ceo),
            ("사업장주소", p.address, "", ""),
            ("업태", p.business, "종목", p.item),
            ("이메일", p.email, "", ""),
        ]
        label_w, inner = 50.0, x0 + 18
        for index, (name, value, name2, value2) in enumerate(rows):
            y0 = top + index * 20
            if index:
                canvas.line(inner, y0, x1, y0, width=0.3, color=ink)
            canvas.line(inner + label_w, y0, inner + label_w, y0 + 20, width=0.3, color=ink)
            _cell(canvas, inner, inner + label_w, y0 + 14, name, 7, "center", ink, pad=1)
            split = x1 - 88 if name2 else x1
            _cell(canvas, inner + label_w, split, y0 + 14, value, 8, pad=3)
            if name2:
                canvas.line(split, y0, split, y0 + 20, width=0.3, color=ink)
                canvas.line(split + 40, y0, split + 40, y0 + 20, width=0.3, color=ink)
                _cell(canvas, split, split + 40, y0 + 14, name2, 6.5, "center", ink, pad=1)
                _cell(canvas, split + 40, x1, y0 + 14, value2, 8, pad=2)

    party(left, mid, "공급자", supplier)
    party(mid, right, "공급받는자", receiver)
    top += 100
    heads = [("작성일자", 90), ("공급가액", 120), ("세액", 100), ("수정사유", 90), ("비고", 0)]
    x = left
    for index, (head, w) in enumerate(heads):
        x1 = right if not w else x + w
        canvas.box(x, top, x1, top + 16, stroke=ink, fill=PALE, width=0.5)
        canvas.box(x, top + 16, x1, top + 36, stroke=ink, width=0.5)
        _cell(canvas, x, x1, top + 12, head, 8, "center", ink)
        value = [dates.format(issue), style.number(subtotal), style.number(tax), "해당 없음", ""][
            index
        ]
        _cell(canvas, x, x1, top + 31, value, 8.5, "right" if 0 < index < 3 else "center")
        x = x1
    top += 36
    cols = [
        Col("월", left, left + 24, "center"),
        Col("일", left + 24, left + 48, "center"),
        Col("품목", left + 48, left + 210),
        Col("규격", left + 210, left + 270, "center"),
        Col("수량", left + 270, left + 310, "right"),
        Col("단가", left + 310, left + 375, "right"),
        Col("공급가액", left + 375, left + 450, "right"),
        Col("세액", left + 450, left + 505, "right"),
        Col("비고", left + 505, right),
    ]
    rows = [
        [
            f"{issue.month:02d}",
            f"{issue.day:02d}",
            ln.description,
            ln.unit,
            QTY.number(ln.quantity),
            style.number(ln.unit_price),
            style.number(ln.amount),
            style.number(t),
            "",
        ]
        for ln, t in zip(lines, taxes, strict=True)
    ]
    top = _table(canvas, top, cols, rows, size=8, row_h=18, head_h=16, min_rows=4, color=ink)
    heads2 = ["합계금액", "현금", "수표", "어음", "외상미수금"]
    paid = rng.random() < 0.4
    values = [total, total if paid else None, None, None, None if paid else total]
    x = left
    box_w = (right - left - 130) / 5
    for head, amount in zip(heads2, values, strict=True):
        canvas.box(x, top, x + box_w, top + 16, stroke=ink, fill=PALE, width=0.5)
        canvas.box(x, top + 16, x + box_w, top + 36, stroke=ink, width=0.5)
        _cell(canvas, x, x + box_w, top + 12, head, 8, "center", ink)
        if amount is not None:
            _cell(canvas, x, x + box_w, top + 31, style.number(amount), 8.5, "right")
        x += box_w
    canvas.box(x, top, right, top + 36, stroke=ink, width=0.5)
    _t(canvas, x + 65, top + 23, f"이 금액을 ({'영수' if paid else '청구'}) 함", 9, "center", ink)
    _t(canvas, right, top + 50, "(단위: 원)", 7, "right", GREY)
    sent = issue + dt.timedelta(days=rng.randint(0, 3))
    _t(
        canvas,
        left,
        top + 50,
        f"국세청 전자세금계산서 발급 | 전송일자 {sent:%Y-%m-%d}",
        7,
        color=GREY,
    )
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=supplier.name,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="KRW",
        lines=lines,
    )
    image: Scan = choose(rng, [(4, None), (1, "jpg")])
    return Rendered(
        fields, "ko", "invoice", canvas.pdf(title=number), style, dates, QTY, ("원",), image=image
    )


def _kr_statement(rng: random.Random) -> Rendered:
    """A 거래명세서: one copy, or the supplier's and the receiver's copies on one page."""
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 30))
    style = WholeMoney(",", ".")
    dates = _kr_date_style(rng)
    lines, taxes = _kr_lines(rng, issue, rng.randint(2, 8))
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum(taxes, ZERO)
    total = subtotal + tax
    supplier, receiver = _kr_party(rng), _kr_party(rng)
    number = rng.choice(
        (
            f"{issue:%m%d}-{rng.randint(1, 99):03d}",
            f"{issue:%Y%m%d}{_digits(rng, 3)}",
            f"{rng.randint(1, 9999):05d}",
        )
    )
    before = Decimal(rng.randint(0, 300) * 10000)
    received = Decimal(rng.randint(0, 200) * 10000) if rng.random() < 0.5 else ZERO
    copies = ["공급받는자 보관용", "공급자 보관용"] if rng.random() < 0.4 else ["공급받는자 보관용"]
    canvas = Canvas(*A4)
    left, right = 34.0, A4[0] - 34
    for copy_index, copy in enumerate(copies):
        y0 = 30.0 + copy_index * 410
        ink = BLUE if copy_index == 0 else RED
        _t(canvas, (left + right) / 2, y0 + 22, "거 래 명 세 서", 17, "center", ink)
        _t(canvas, (left + right) / 2, y0 + 36, f"({copy})", 7.5, "center", ink)
        _t(canvas, left, y0 + 58, f"No. {number}", 8.5)
        _t(canvas, left, y0 + 74, dates.format(issue), 9)
        _t(canvas, left, y0 + 96, f"{receiver.name} 귀하", 11)
        canvas.line(left, y0 + 100, left + 200, y0 + 100, width=0.5)
        _t(canvas, left, y0 + 116, "아래와 같이 계산합니다.", 8)
        sx = left + 250
        rows = [
            ("등록번호", supplier.brn),
            ("상호", f"{supplier.name}   성명 {supplier.ceo} (인)"),
            ("주소", supplier.address),
            ("업태/종목", f"{supplier.business} / {supplier.item}"),
            ("전화", supplier.phone),
        ]
        canvas.box(sx, y0 + 46, right, y0 + 46 + 5 * 16, stroke=ink, width=0.8)
        canvas.line(sx + 16, y0 + 46, sx + 16, y0 + 126, color=ink)
        for index, ch in enumerate("공급자"):
            _t(canvas, sx + 8, y0 + 70 + index * 13, ch, 8.5, "center", ink)
        for index, (name, value) in enumerate(rows):
            ry = y0 + 46 + index * 16
            if index:
                canvas.line(sx + 16, ry, right, ry, width=0.3, color=ink)
            canvas.line(sx + 66, ry, sx + 66, ry + 16, width=0.3, color=ink)
            _cell(canvas, sx + 16, sx + 66, ry + 11.5, name, 7, "center", ink, pad=1)
            _cell(canvas, sx + 66, right, ry + 11.5, value, 7.8)
        ty = y0 + 136
        canvas.box(left, ty, right, ty + 22, stroke=ink, width=0.8)
        _t(canvas, left + 6, ty + 15, "합계금액", 9, color=ink)
        _t(canvas, left + 70, ty + 15, f"{ko_words(int(total))}  (₩{style.number(total)})", 10)
        body = 8 if len(copies) == 2 else 14
        cols = [
            Col("월일", left, left + 36, "center"),
            Col("품목", left + 36, left + 190),
            Col("규격", left + 190, left + 250, "center"),
            Col("수량", left + 250, left + 292, "right"),
            Col("단가", left + 292, left + 352, "right"),
            Col("공급가액", left + 352, left + 425, "right"),
            Col("세액", left + 425, left + 480, "right"),
            Col("비고", left + 480, right),
        ]
        rows2 = [
            [
                f"{issue.month}/{issue.day}",
                ln.description,
                ln.unit,
                QTY.number(ln.quantity),
                style.number(ln.unit_price),
                style.number(ln.amount),
                style.number(t),
                "",
            ]
            for ln, t in zip(lines, taxes, strict=True)
        ]
        ty = _table(
            canvas, ty + 28, cols, rows2, size=7.8, row_h=15, head_h=16, color=ink, min_rows=body
        )
        sums = [
            ("공급가액", subtotal),
            ("세액", tax),
            ("합계", total),
            ("전잔금", before),
            ("입금", received),
            ("잔금", before + total - received),
        ]
        w = (right - left - 70) / 6
        for index, (name, amount) in enumerate(sums):
            x0 = left + index * w
            canvas.box(x0, ty, x0 + w, ty + 14, stroke=ink, fill=PALE, width=0.5)
            canvas.box(x0, ty + 14, x0 + w, ty + 32, stroke=ink, width=0.5)
            _cell(canvas, x0, x0 + w, ty + 10.5, name, 7.5, "center", ink)
            _cell(canvas, x0, x0 + w, ty + 27, style.number(amount), 8.5, "right")
        canvas.box(right - 70, ty, right, ty + 32, stroke=ink, width=0.5)
        _t(canvas, right - 66, ty + 12, "인수자", 7.5, color=ink)
        _t(canvas, right - 6, ty + 27, "(인)", 7.5, "right", ink)
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=supplier.name,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="KRW",
        lines=lines,
    )
    image: Scan = choose(rng, [(3, None), (2, "jpg")])
    return Rendered(
        fields,
        "ko",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("₩", "원"),
        image=image,
    )


def _kr_receipt(rng: random.Random) -> Rendered:
    issue = _day(rng, dt.date(2019, 1, 1), dt.date(2026, 12, 30))
    style = WholeMoney(",", ".")
    dates = EastDate(rng.choice(("{yyyy}-{mm}-{dd}", "{yyyy}/{mm}/{dd}", "{yyyy}.{mm}.{dd}({wk})")))
    picks = rng.sample(KR_RETAIL, rng.randint(1, 6))
    lines = [Line(d, Decimal(choose(rng, [(6, 1), (2, 2), (1, 3)])), Decimal(p)) for d, p in picks]
    total = sum((line.amount for line in lines), ZERO)
    subtotal = _whole(total / Decimal("1.1"), ROUND_HALF_UP)
    tax = total - subtotal
    owner = _kr_party(rng)
    store = rng.choice(KR_STORES)
    width = 226.77
    canvas = Canvas(width, 1200)
    left, right, mid = 12.0, width - 12, width / 2
    size, step = 7.8, 11.5
    y = 26.0

    def put(x: float, text: str, align: Align = "left", grow: float = 0) -> None:
        _t(canvas, x, y, text, size + grow, align)

    def row(label: str, value: str, grow: float = 0) -> None:
        nonlocal y
        put(left, label, grow=grow)
        put(right, value, "right", grow)
        y += step + grow

    put(mid, rng.choice(("[고객용]", "[영수증]")), "center", -0.5)
    y += step + 4
    put(mid, store, "center", 4)
    y += step + 6
    for text in (
        f"사업자번호: {owner.brn}  대표: {owner.ceo}",
        owner.address,
        f"TEL: {owner.phone}",
    ):
        _t(canvas, left, y, text, _fit(text, right - left, size - 0.5))
        y += step
    clock = f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    number = f"{issue:%Y%m%d}-{rng.randint(1, 4):02d}-{rng.randint(1, 9999):04d}"
    row("판매일:", f"{dates.format(issue)} {clock}")
    row("영수증번호:", number)
    row("POS:", f"{rng.randint(1, 4):02d}  판매원: {rng.choice(KR_PEOPLE)[:1]}**")
    canvas.line(left, y - 6, right, y - 6, width=0.5)
    y += 4
    put(left, "상품명")
    put(right - 92, "단가", "right")
    put(right - 58, "수량", "right")
    put(right, "금액", "right")
    y += step
    canvas.line(left, y - 7, right, y - 7, width=0.3)
    for line in lines:
        put(left, line.description)
        y += step
        put(right - 92, style.number(line.unit_price), "right")
        put(right - 58, QTY.number(line.quantity), "right")
        put(right, style.number(line.amount), "right")
        y += step
    canvas.line(left, y - 6, right, y - 6, width=0.5)
    y += 4
    row("과세물품가액", style.number(subtotal))
    row("부  가  세", style.number(tax))
    row("합 계 금 액", f"{style.number(total)}원", 2)
    canvas.line(left, y - 6, right, y - 6, width=0.5)
    y += 4
    if rng.random() < 0.7:
        row("카드종류:", rng.choice(KR_CARDS))
        row("카드번호:", f"{_digits(rng, 4)}-{_digits(rng, 2)}**-****-{_digits(rng, 4)}")
        row("할부:", rng.choice(("일시불", "일시불", "3개월")))
        row("승인번호:", _digits(rng, 8))
        row("승인금액:", f"{style.number(total)}원")
    else:
        cash = next(Decimal(n) for n in (5000, 10000, 20000, 50000, 100000) if n >= total)
        row("받은금액(현금)", style.number(cash))
        row("거스름돈", style.number(cash - total))
        row("현금영수증", f"010-****-{_digits(rng, 4)}")
    y += 6
    put(mid, "교환/환불은 영수증 지참 시 7일 이내 가능합니다.", "center", -1)
    y += step
    put(mid, "감사합니다. 또 오세요!", "center")
    canvas.height = y + 24
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=store,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="KRW",
        lines=lines,
    )
    image: Scan = choose(rng, [(1, None), (1, "jpg")])
    return Rendered(
        fields,
        "ko",
        "receipt",
        canvas.pdf(title=number),
        style,
        dates,
        QTY,
        ("원",),
        prices_include_tax=True,
        image=image,
    )


def _korea(rng: random.Random) -> Rendered:
    kind = choose(rng, [(4, "etax"), (3, "statement"), (2, "receipt")])
    return {"etax": _kr_etax, "statement": _kr_statement, "receipt": _kr_receipt}[kind](rng)


FAMILIES: dict[str, Callable[[random.Random], Rendered]] = {
    "japan": _japan,
    "china": _china,
    "taiwan": _taiwan,
    "korea": _korea,
}


def build(rng: random.Random) -> Rendered:
    family = choose(rng, [(4, "japan"), (3, "china"), (2, "taiwan"), (3, "korea")])
    return FAMILIES[family](rng)
