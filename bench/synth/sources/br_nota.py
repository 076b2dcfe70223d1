"""`br-nota`: Brazilian invoices in Portuguese: the DANFE of an NF-e (goods), the NFS-e of a
municipality (services, São Paulo's own layout and the national DANFSe), and the simpler prints
that go with or stand in for them: a rental company's `Fatura de locação` with its boleto, the
classic `Duplicata` form, and a MEI's `Recibo`.

Conventions on every print: amounts `1.234,56` (`R$ 1.234,56` where a currency mark is printed;
some DANFE programs print `1234,56` without grouping), dates `05/03/2024` (day first, so a third
are ambiguous; the recibo's `São Paulo, 5 de março de 2024`), CNPJ `12.345.678/0001-95` and CPF
`123.456.789-09` with real check digits, CEP `01310-100`, phones `(11) 3456-7890`, state
registrations (`Inscrição estadual`) and municipal ones (`Inscrição municipal`, `CCM`).

What the truth's amounts mean, per kind (all in BRL):

- DANFE (NF-e). `total_amount` is `VALOR TOTAL DA NOTA`; `subtotal_amount` is `VALOR TOTAL DOS
  PRODUTOS` (the sum of the items' `VALOR TOTAL`, before freight, insurance, other expenses,
  discount, IPI and ICMS-ST). ICMS, PIS and COFINS are inside the product prices (`por dentro`):
  they are never the `tax_amount`. `tax_amount` is the one tax the nota adds on top of the products
  (`VALOR TOTAL DO IPI`, or `VALOR DO ICMS SUBST.`), and is in the truth only when it is the only
  addition (no freight, insurance, other expenses or discount, not both IPI and ST), so that
  products + tax = total as printed. The due date is in the truth only when the nota has a single
  duplicata (its `Venc.`); none with `pagamento à vista` or several installments.
- NFS-e (São Paulo and DANFSe). `total_amount` is the service value (`VALOR TOTAL DO SERVIÇO`,
  `Valor do Serviço`), before the withholdings: the `Valor Líquido` is not the total. The ISS is
  inside the service value, so there is no subtotal in the truth; `tax_amount` is the ISS of the
  nota (`Valor do ISS`, `ISSQN Apurado`), also when the client withholds it; a DANFSe of a Simples
  Nacional or MEI provider prints no ISS (`-`) and has no tax in the truth. The federal
  withholdings (IRRF, PIS, COFINS, CSLL, INSS) are never the tax. The due date only where the
  description of the services says `Vencimento: 15/04/2024`.
- Fatura de locação. Rental of movable goods pays no ISS and needs no nota fiscal, so there is no
  tax. `total_amount` is `VALOR TOTAL DA FATURA` (the boleto's `Valor do documento`), the line
  items add up to it; where a discount or the delivery freight is printed below the items, the
  `Subtotal` (the items' sum) is in the truth too. Due date: `Vencimento`.
- Duplicata. `invoice_number` is the `FATURA Nº`, `total_amount` the `VALOR DA FATURA`; the
  duplicata's own number and value (one installment of the fatura on some) are decoys. The due
  date is the `VENCIMENTO` only where the duplicata is the fatura's only one. No tax, no items.
- Recibo (a MEI's receipt, kind `receipt`). `total_amount` is the amount received (`Valor: R$`);
  the items, where a small table lists them, add up to it. No tax.

Six layouts. `danfe` (the NF-e's auxiliary document, A4 portrait, dense boxes with small capital
labels over the values, in two vintages: the older one with a five-plus-six box `CÁLCULO DO
IMPOSTO` and the NT 2020 one with `V. ICMS UF REMET.`, `V. FCP UF DEST.`, `V. PIS`, `V. COFINS`,
`V. TOT. TRIB.`): the cut-off receipt stub (`RECEBEMOS DE ... OS PRODUTOS E/OU SERVIÇOS
CONSTANTES DA NOTA FISCAL ELETRÔNICA INDICADA AO LADO`, on the newer one with `EMISSÃO` and
`VALOR TOTAL`, `DATA DE RECEBIMENTO`, `NF-e Nº 000.012.345 SÉRIE 001`), the issuer's box, the
`DANFE` box with `0 - ENTRADA / 1 - SAÍDA`, the number and `FOLHA 1/1`, a barcode and the 44-digit
`CHAVE DE ACESSO` (which holds the CNPJ, the series and the number), `NATUREZA DA OPERAÇÃO`,
`PROTOCOLO DE AUTORIZAÇÃO DE USO` (15 digits, date and time), `INSCRIÇÃO ESTADUAL` / `CNPJ`, the
`DESTINATÁRIO / REMETENTE` rows with `DATA DA EMISSÃO`, `DATA DA SAÍDA/ENTRADA` and `HORA DA
SAÍDA`, `FATURA / DUPLICATAS` (`Núm. 001 Venc. 04/04/2024 Valor 411,52`, or `PAGAMENTO À VISTA`),
the tax boxes, `TRANSPORTADOR / VOLUMES TRANSPORTADOS` (carrier, plate, weights `45,300`), the
items (`CÓDIGO / DESCRIÇÃO DO PRODUTO / SERVIÇO / NCM/SH / CST or CSOSN / CFOP / UN / QUANT. /
VALOR UNIT. / VALOR TOTAL / B. CÁLC. ICMS / VALOR ICMS / VALOR IPI / ALÍQ. ICMS / ALÍQ. IPI`,
quantities `10,0000`, unit prices with 2, 4 or 10 decimals), an empty `CÁLCULO DO ISSQN` on
some, `DADOS ADICIONAIS` (the Simples Nacional notice, `Valor aproximado dos tributos`, the buyer's
order) and `RESERVADO AO FISCO`; the printing date and the program in the margin. `nfse_sp` (the
Prefeitura de São Paulo's NFS-e): `PREFEITURA DO MUNICÍPIO DE SÃO PAULO` / `NOTA FISCAL ELETRÔNICA
DE SERVIÇOS - NFS-e`, the `Número da Nota` (`00001234`), `Data e Hora de Emissão` and `Código de
Verificação` on the right, the replaced RPS (`RPS Nº 874 Série 1, emitido em 04/03/2024`),
`PRESTADOR DE SERVIÇOS` / `TOMADOR DE SERVIÇOS` / `INTERMEDIÁRIO DE SERVIÇOS`, the free-text
`DISCRIMINAÇÃO DOS SERVIÇOS` (hours x rate, contract, period, bank details, sometimes the due date
and the net amount), `VALOR TOTAL DO SERVIÇO = R$ ...`, the `INSS / IRRF / CSLL / COFINS /
PIS/PASEP` row, `Código do Serviço`, `Valor Total das Deduções / Base de Cálculo / Alíquota /
Valor do ISS / Crédito`, and `OUTRAS INFORMAÇÕES` with the ISS due date. `danfse` (the national
NFS-e's DANFSe v1.0, used by most municipalities since 2023): the 50-digit `Chave de Acesso da
NFS-e` beside a QR code, `Número da NFS-e`, `Competência da NFS-e`, `Data e Hora da emissão da
NFS-e`, the DPS's number, series and date, the provider with `Simples Nacional na Data de
Competência`, the client, `SERVIÇO PRESTADO`, `TRIBUTAÇÃO MUNICIPAL` (`BC ISSQN`, `Alíquota
Aplicada`, `Retenção do ISSQN`, `ISSQN Apurado`), `TRIBUTAÇÃO FEDERAL`, `VALOR TOTAL DA NFS-E`
(`Valor do Serviço` ... `Valor Líquido da NFS-e`) and `TOTAIS APROXIMADOS DOS TRIBUTOS`.
`locacao` (an equipment-rental company's own print): `FATURA DE LOCAÇÃO Nº 004567`, contract,
measurement and rental period, a `Código / Descrição do equipamento / Qtd. / Valor unitário / Valor
total` table, `VALOR TOTAL DA FATURA`, the legal note on ISS, and a bank boleto (`Ficha de
Compensação`) under a cut line: the bank's code, the 47-digit `linha digitável` (which holds the
due factor and the amount), `Vencimento`, `Nosso número`, `Nº do documento 004567/1`, `Data do
documento`, `Data processamento`, `(=) Valor do documento`, the late-payment instructions.
`duplicata` (the classic pre-printed form, filled in by the seller, signed by the buyer and so
mostly scanned): the seller's header, `DATA DA EMISSÃO`, the `FATURA Nº / VALOR DA FATURA R$ /
DUPLICATA Nº DE ORDEM / VALOR R$ / VENCIMENTO` row with `PARA USO DA INSTITUIÇÃO FINANCEIRA`,
`DESCONTO DE ... ATÉ`, `CONDIÇÕES ESPECIAIS` (with the NF-e number), the `SACADO` block with
`PRAÇA DE PAGAMENTO`, `VALOR POR EXTENSO` and the acceptance clause with its signature lines.
`recibo` (a MEI's Word template: electrician, plumber, painter, photographer): the person's name
as letterhead with the trade and `MEI - CNPJ`, `RECIBO Nº 045/2024` and a framed `VALOR: R$`,
`Recebi de ... a importância de R$ 1.250,00 (mil duzentos e cinquenta reais), referente a ...`,
on some a small list of the services, the place and long date, the signature with the CPF;
often signed and scanned.

Decoys and awkward parts: the series (`SÉRIE 001`), the access key holding the number, the
protocol number and time, the RPS and DPS numbers and dates, the `Código de Verificação`, the
competence date, the ISS due date, the printing date; exit date and time beside the issue date;
several duplicatas with their own due dates and values; NCM codes (`7318.15.00`), CFOP (`5102`),
CST, CNPJ/CPF/IE/IM numbers, the buyer's order number and date; the ICMS base and value, PIS and
COFINS, the approximate taxes (`V. TOT. TRIB.`, `Valor aproximado dos tributos`), the ICMS credit
of a Simples Nacional seller; freight, insurance and discount between products and total; the
federal withholdings and the `Valor Líquido`; the ISS credit; the boleto's amount inside the
linha digitável and its `Nosso número`; the installment value of a duplicata; the amount in words;
the client's name in the stub and in the `RECEBEMOS DE` line. About a third are scanned images:
DANFEs (printed to travel with the goods) and signed duplicatas and recibos most often.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bench.synth.canvas import A4, BLACK, Canvas, Color
from bench.synth.common import Column, choose, draw_table
from bench.synth.document import Line, Rendered, pick_dates, price, truth_fields
from bench.synth.formats import MONTHS, DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Layout = Literal["danfe", "nfse_sp", "danfse", "locacao", "duplicata", "recibo"]
ImageFormat = Literal["png", "jpg"] | None
GREY: Color = (0.4, 0.4, 0.4)
FILL: Color = (0.88, 0.88, 0.88)
WHITE: Color = (1.0, 1.0, 1.0)
ZERO = Decimal(0)
DATE = DateStyle("{dd}/{mm}/{yyyy}", "pt")
MONTH_NAMES = MONTHS["pt"].split()


def _words(text: str) -> list[str]:
    return text.split()


# -- People, firms and places -----------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str
    uf: str
    cuf: str
    cmun: str
    cep: str
    ddd: str


CITIES = [
    City("São Paulo", "SP", "35", "3550308", "0", "11"),
    City("Campinas", "SP", "35", "3509502", "130", "19"),
    City("Guarulhos", "SP", "35", "3518800", "07", "11"),
    City("Sorocaba", "SP", "35", "3552205", "180", "15"),
    City("Ribeirão Preto", "SP", "35", "3543402", "140", "16"),
    City("São José dos Campos", "SP", "35", "3549904", "122", "12"),
    City("Belo Horizonte", "MG", "31", "3106200", "30", "31"),
    City("Contagem", "MG", "31", "3118601", "32", "31"),
    City("Curitiba", "PR", "41", "4106902", "80", "41"),
    City("Joinville", "SC", "42", "4209102", "89", "47"),
    City("Porto Alegre", "RS", "43", "4314902", "90", "51"),
    City("Caxias do Sul", "RS", "43", "4305108", "95", "54"),
    City("Rio de Janeiro", "RJ", "33", "3304557", "2", "21"),
    City("Goiânia", "GO", "52", "5208707", "74", "62"),
    City("Recife", "PE", "26", "2611606", "5", "81"),
    City("Salvador", "BA", "29", "2927408", "4", "71"),
]
SAO_PAULO = CITIES[0]
INTERNAL_ICMS = {"SP": 18, "MG": 18, "PR": 19, "SC": 17, "RS": 17, "RJ": 20, "GO": 19, "PE": 20}
SOUTH_SOUTHEAST = {"SP", "MG", "PR", "SC", "RS", "RJ"}

STREETS = [
    "RUA DAS FLORES",
    "RUA SETE DE SETEMBRO",
    "AV. QUINZE DE NOVEMBRO",
    "RUA BARÃO DE MAUÁ",
    "AV. DOM PEDRO II",
    "AV. GETÚLIO VARGAS",
    "RUA DA INDEPENDÊNCIA",
    "RUA JOÃO PESSOA",
    "AV. SANTOS DUMONT",
    "RUA DAS INDÚSTRIAS",
    "AV. BRIGADEIRO FARIA LIMA",
    "RUA TIRADENTES",
    "RUA MARECHAL DEODORO",
    "AV. RIO BRANCO",
    "ROD. DOS BANDEIRANTES, KM",
    "RUA VOLUNTÁRIOS DA PÁTRIA",
    "AV. PAULISTA",
    "RUA DOS ANDRADAS",
]
DISTRICTS = [
    "CENTRO",
    "VILA MARIANA",
    "JARDIM PAULISTA",
    "DISTRITO INDUSTRIAL",
    "SANTO AMARO",
    "BOM RETIRO",
    "CAMPO BELO",
    "VILA NOVA",
    "PARQUE INDUSTRIAL",
    "JARDIM AMÉRICA",
    "SÃO CRISTÓVÃO",
    "BELA VISTA",
    "CIDADE INDUSTRIAL",
    "BOA VISTA",
]
SURNAMES = _words(
    "SILVA SANTOS OLIVEIRA SOUZA RODRIGUES FERREIRA ALVES PEREIRA LIMA GOMES COSTA RIBEIRO "
    "MARTINS CARVALHO ALMEIDA LOPES SOARES FERNANDES VIEIRA BARBOSA ROCHA DIAS NASCIMENTO "
    "ANDRADE MOREIRA NUNES MARQUES MACHADO MENDES FREITAS CARDOSO RAMOS GONÇALVES TEIXEIRA"
)
FIRST = [
    "MARCOS",
    "ANA PAULA",
    "JOÃO PEDRO",
    "JULIANA",
    "CARLOS EDUARDO",
    "FERNANDA",
    "RAFAEL",
    "PATRÍCIA",
    "LUCAS",
    "CAMILA",
    "RICARDO",
    "ALINE",
    "RODRIGO",
    "MARIANA",
    "THIAGO",
    "LUCIANA",
    "PAULO HENRIQUE",
    "RENATA",
    "EDUARDO",
    "VANESSA",
    "MARCOS VINÍCIUS",
    "JOSÉ CARLOS",
]
PLACES = [
    "SANTA RITA",
    "NOVA ERA",
    "VALE DO PARAÍBA",
    "SÃO JORGE",
    "BOA VISTA",
    "PLANALTO",
    "IGUAÇU",
    "ESTRELA",
    "PAULISTA",
    "MINEIRA",
    "ATLÂNTICO",
    "PRIMAVERA",
    "HORIZONTE",
    "DO SUL",
    "TRÊS RIOS",
    "ITAPUÃ",
]
GOODS_TRADES = [
    "COMÉRCIO DE FERRAGENS",
    "MATERIAIS ELÉTRICOS",
    "DISTRIBUIDORA DE PAPÉIS",
    "INDÚSTRIA E COMÉRCIO DE PLÁSTICOS",
    "METALÚRGICA",
    "COMERCIAL",
    "ATACADISTA",
    "SUPRIMENTOS INDUSTRIAIS",
    "INDÚSTRIA DE PARAFUSOS",
    "MATERIAIS DE CONSTRUÇÃO",
    "INFORMÁTICA E SUPRIMENTOS",
    "ROLAMENTOS E TRANSMISSÕES",
]
INDUSTRY_TRADES = [
    "INDÚSTRIA E COMÉRCIO DE PLÁSTICOS",
    "METALÚRGICA",
    "INDÚSTRIA DE PARAFUSOS",
    "INDÚSTRIA METALÚRGICA",
    "INDÚSTRIA DE MATERIAIS ELÉTRICOS",
    "USINAGEM E CALDEIRARIA",
]
SERVICE_TRADES = [
    "SISTEMAS E CONSULTORIA EM TI",
    "CONTADORES ASSOCIADOS",
    "SERVIÇOS DE CONSERVAÇÃO E LIMPEZA",
    "TREINAMENTO EMPRESARIAL",
    "ENGENHARIA E PROJETOS",
    "MANUTENÇÃO INDUSTRIAL",
    "COMUNICAÇÃO E MARKETING",
    "ASSESSORIA EMPRESARIAL",
    "TECNOLOGIA DA INFORMAÇÃO",
    "CLIMATIZAÇÃO E REFRIGERAÇÃO",
]
BRANDS = [
    "ALFA",
    "NEXUS",
    "PRISMA",
    "VETOR",
    "ÁPICE",
    "SIGMA",
    "ÓRBITA",
    "NORTEC",
    "INOVA",
    "DELTA",
    "ATLAS",
    "ZÊNITE",
]
CARRIERS = [
    "TRANSPORTADORA RÁPIDO SUL LTDA",
    "EXPRESSO SÃO JORGE TRANSPORTES LTDA",
    "TRANSLOG CARGAS E ENCOMENDAS LTDA",
    "JAMEF TRANSPORTES DE CARGAS LTDA",
    "BRASPRESS LOGÍSTICA EXPRESSA LTDA",
]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _dv_cnpj(numbers: str) -> str:
    for _ in range(2):
        weights = list(range(len(numbers) - 7, 1, -1)) + list(range(9, 1, -1))
        total = sum(int(d) * w for d, w in zip(numbers, weights, strict=True))
        rest = total % 11
        numbers += "0" if rest < 2 else str(11 - rest)
    return numbers


def _cnpj_digits(rng: random.Random, root: str | None = None) -> str:
    base = (root or _digits(rng, 8)) + rng.choice(("0001", "0001", "0001", "0002", "0003"))
    return _dv_cnpj(base)


def _fmt_cnpj(raw: str) -> str:
    return f"{raw[:2]}.{raw[2:5]}.{raw[5:8]}/{raw[8:12]}-{raw[12:]}"


def _cpf(rng: random.Random) -> str:
    numbers = _digits(rng, 9)
    for start in (10, 11):
        total = sum(int(d) * w for d, w in zip(numbers, range(start, 1, -1), strict=False))
        rest = total * 10 % 11
        numbers += "0" if rest == 10 else str(rest)
    return f"{numbers[:3]}.{numbers[3:6]}.{numbers[6:9]}-{numbers[9:]}"


def _ie(rng: random.Random, uf: str) -> str:
    if uf == "SP":
        return f"{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)}"
    if uf == "MG":
        return f"{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)}/{_digits(rng, 4)}"
    if uf == "PR":
        return f"{_digits(rng, 8)}-{_digits(rng, 2)}"
    if uf == "RS":
        return f"{_digits(rng, 3)}/{_digits(rng, 7)}"
    if uf == "RJ":
        return f"{_digits(rng, 2)}.{_digits(rng, 3)}.{_digits(rng, 2)}-{_digits(rng, 1)}"
    return _digits(rng, 9)


def _im(rng: random.Random) -> str:
    return f"{rng.randint(1, 9)}.{_digits(rng, 3)}.{_digits(rng, 3)}-{_digits(rng, 1)}"


def _cep(rng: random.Random, city: City) -> str:
    head = city.cep + _digits(rng, 5 - len(city.cep))
    return f"{head}-{_digits(rng, 3)}"


def _phone(rng: random.Random, city: City, mobile: bool = False) -> str:
    if mobile:
        return f"({city.ddd}) 9{_digits(rng, 4)}-{_digits(rng, 4)}"
    return f"({city.ddd}) {rng.randint(2, 5)}{_digits(rng, 3)}-{_digits(rng, 4)}"


def _handle(name: str) -> str:
    table = str.maketrans("ÁÀÂÃÉÊÍÓÔÕÚÇ", "AAAAEEIOOOUC")
    word = name.split()[0] if len(name.split()[0]) > 3 else "".join(name.split()[:2])
    return "".join(ch for ch in word.upper().translate(table) if ch.isalnum()).lower()


@dataclass
class Party:
    name: str
    doc: str
    ie: str
    im: str
    street: str
    district: str
    city: City
    cep: str
    phone: str
    email: str
    person: bool = False
    simples: bool = False
    mei: bool = False

    @property
    def place(self) -> str:
        return f"{self.city.name} - {self.city.uf}"


def _address_line(party: Party) -> str:
    return (
        f"{party.street} - {party.district} - {party.city.name}/{party.city.uf} - CEP {party.cep}"
    )


def _street(rng: random.Random) -> str:
    name = rng.choice(STREETS)
    number = rng.randint(12, 3800)
    extra = rng.choice(
        ("", "", "", f" - SALA {rng.randint(2, 120)}", f" - GALPÃO {rng.randint(1, 6)}")
    )
    if name.endswith("KM"):
        return f"{name} {rng.randint(8, 340)}{extra}"
    return f"{name}, {number}{extra}"


def _legal_form(rng: random.Random, simples: bool) -> str:
    if simples:
        return rng.choice(("LTDA", "LTDA - ME", "LTDA - EPP", "LTDA ME", "EIRELI"))
    return rng.choice(("LTDA", "LTDA", "LTDA", "S.A.", "S/A"))


def _company_name(rng: random.Random, trades: list[str], simples: bool) -> str:
    trade = rng.choice(trades)
    form = _legal_form(rng, simples)
    a, b = rng.sample(SURNAMES, 2)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{a} {trade} {form}"
    if shape == 1:
        return f"{rng.choice(BRANDS)} {trade} {form}"
    if shape == 2:
        return f"{trade} {rng.choice(PLACES)} {form}"
    initials = f"{rng.choice('ACEJMRS')}.{rng.choice('ABCDFGLMPRS')}."
    return f"{initials} {a} {trade} {form}" if rng.random() < 0.5 else f"{a} & {b} {trade} {form}"


def _company(
    rng: random.Random,
    trades: list[str],
    *,
    city: City | None = None,
    simples: bool = False,
) -> Party:
    city = city or rng.choice(CITIES)
    name = _company_name(rng, trades, simples)
    return Party(
        name=name,
        doc=_fmt_cnpj(_cnpj_digits(rng)),
        ie=_ie(rng, city.uf),
        im=_im(rng),
        street=_street(rng),
        district=rng.choice(DISTRICTS),
        city=city,
        cep=_cep(rng, city),
        phone=_phone(rng, city),
        email=f"{rng.choice(('financeiro', 'contato', 'nfe', 'fiscal'))}@{_handle(name)}.com.br",
        simples=simples,
    )


def _person_name(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    middle = rng.choice(("", "", "DE ", "DA ", "DOS "))
    return (
        f"{rng.choice(FIRST)} {middle}{a} {b}" if rng.random() < 0.6 else f"{rng.choice(FIRST)} {a}"
    )


def _person(rng: random.Random, city: City | None = None) -> Party:
    city = city or rng.choice(CITIES)
    name = _person_name(rng)
    return Party(
        name=name,
        doc=_cpf(rng),
        ie="",
        im="",
        street=_street(rng).split(" - ")[0],
        district=rng.choice(DISTRICTS),
        city=city,
        cep=_cep(rng, city),
        phone=_phone(rng, city, mobile=True),
        email=f"{_handle(name)}{rng.randint(1, 99)}@gmail.com",
        person=True,
    )


def _title(name: str) -> str:
    small = {"DE", "DA", "DO", "DOS", "DAS", "E"}
    return " ".join(w.lower() if w in small else w.capitalize() for w in name.split())


# -- Goods, services and rentals --------------------------------------------------------------


@dataclass(frozen=True)
class Goods:
    description: str
    ncm: str
    unit: str
    low: float
    high: float
    ipi: int
    weighed: bool = False


GOODS = [
    Goods("PARAFUSO SEXTAVADO ZINCADO M8 X 30MM", "7318.15.00", "CT", 18, 45, 5),
    Goods("CABO FLEXÍVEL 2,5MM2 750V AZUL ROLO 100M", "8544.49.00", "RL", 180, 320, 0),
    Goods("DISJUNTOR TERMOMAGNÉTICO DIN 1P 20A", "8536.20.00", "UN", 9, 28, 10),
    Goods("PAPEL SULFITE A4 75G CX C/ 10 RESMAS", "4802.56.10", "CX", 190, 290, 0),
    Goods("TONER COMPATÍVEL HP CF258A PRETO", "8443.99.33", "UN", 85, 260, 10),
    Goods("LUVA NITRÍLICA DESCARTÁVEL CX C/100 TAM M", "4015.19.00", "CX", 22, 60, 0),
    Goods("ÓLEO HIDRÁULICO ISO 68 BALDE 20L", "2710.19.32", "BD", 240, 420, 0),
    Goods("TUBO PVC SOLDÁVEL 25MM BARRA 6M", "3917.23.00", "BR", 19, 48, 5),
    Goods("CIMENTO CP II-E-32 SACO 50KG", "2523.29.10", "SC", 28, 42, 0),
    Goods("ROLAMENTO RÍGIDO DE ESFERAS 6205-2RS", "8482.10.10", "PC", 14, 75, 5),
    Goods("FITA ADESIVA TRANSPARENTE 48MM X 100M", "3919.10.00", "RL", 4, 12, 15),
    Goods("LÂMPADA LED BULBO 12W 6500K E27", "8539.52.00", "UN", 6, 19, 10),
    Goods("CAFÉ TORRADO E MOÍDO 500G", "0901.21.00", "PCT", 14, 32, 0),
    Goods("ÁGUA MINERAL S/ GÁS 500ML FD C/12", "2201.10.00", "FD", 12, 24, 0),
    Goods("CANETA ESFEROGRÁFICA AZUL CX C/50", "9608.10.00", "CX", 25, 70, 15),
    Goods("CHAPA AÇO CARBONO 1020 3MM", "7208.51.00", "KG", 7, 14, 5, weighed=True),
    Goods("BARRA REDONDA TREFILADA SAE 1045 1/2", "7215.50.00", "KG", 9, 16, 5, weighed=True),
    Goods("ETIQUETA TÉRMICA 100X150 ROLO C/500", "4821.10.00", "RL", 18, 45, 15),
    Goods("CADEIRA GIRATÓRIA ESCRITÓRIO C/ BRAÇO", "9401.30.90", "UN", 320, 890, 0),
    Goods("GRANULADO PEAD INJEÇÃO NATURAL", "3901.20.29", "KG", 8, 13, 10, weighed=True),
    Goods("ABRAÇADEIRA NYLON 200X4,8MM PCT C/100", "3926.90.90", "PCT", 9, 26, 15),
    Goods("ELETRODUTO CORRUGADO 3/4 ROLO 50M", "3917.32.90", "RL", 45, 95, 5),
    Goods("CORREIA EM V PERFIL A-42", "4010.32.00", "PC", 18, 55, 0),
    Goods("TINTA ACRÍLICA BRANCA FOSCA 18L", "3209.10.10", "GL", 190, 420, 5),
]


@dataclass(frozen=True)
class Service:
    key: str
    sp_code: str
    national: str
    rate: Decimal
    low: int
    high: int
    unit: str


SERVICES = [
    Service(
        "ti",
        "02800 - Análise e desenvolvimento de sistemas.",
        "01.01.01 - Análise e desenvolvimento de sistemas.",
        Decimal("2.90"),
        120,
        260,
        "horas",
    ),
    Service(
        "suporte",
        "02684 - Suporte técnico em informática, inclusive instalação, configuração e "
        "manutenção de programas de computação e bancos de dados.",
        "01.07.01 - Suporte técnico em informática, inclusive instalação, configuração e "
        "manutenção de programas de computação e bancos de dados.",
        Decimal("2.90"),
        1800,
        9500,
        "mês",
    ),
    Service(
        "consultoria",
        "03115 - Assessoria ou consultoria de qualquer natureza, não contida em outros itens "
        "desta lista.",
        "17.01.01 - Assessoria ou consultoria de qualquer natureza, não contida em outros itens "
        "desta lista.",
        Decimal("5.00"),
        180,
        420,
        "horas",
    ),
    Service(
        "contabil",
        "03476 - Contabilidade, inclusive serviços técnicos e auxiliares.",
        "17.19.01 - Contabilidade, inclusive serviços técnicos e auxiliares.",
        Decimal("5.00"),
        1200,
        6800,
        "mês",
    ),
    Service(
        "limpeza",
        "07498 - Limpeza, manutenção e conservação de imóveis, chaminés, piscinas, parques, "
        "jardins e congêneres.",
        "07.10.01 - Limpeza, manutenção e conservação de vias e logradouros públicos, imóveis, "
        "chaminés, piscinas, parques, jardins e congêneres.",
        Decimal("5.00"),
        3200,
        4800,
        "postos",
    ),
    Service(
        "treinamento",
        "08567 - Instrução, treinamento, orientação pedagógica e educacional, avaliação de "
        "conhecimentos de qualquer natureza.",
        "08.02.01 - Instrução, treinamento, orientação pedagógica e educacional, avaliação de "
        "conhecimentos de qualquer natureza.",
        Decimal("2.00"),
        2400,
        9800,
        "turmas",
    ),
    Service(
        "manutencao",
        "07285 - Lubrificação, limpeza, revisão, conserto, manutenção e conservação de "
        "máquinas, aparelhos e equipamentos.",
        "14.01.01 - Lubrificação, limpeza, lustração, revisão, carga e recarga, conserto, "
        "restauração, manutenção e conservação de máquinas, aparelhos e equipamentos.",
        Decimal("5.00"),
        180,
        650,
        "equipamentos",
    ),
    Service(
        "publicidade",
        "02496 - Propaganda e publicidade, inclusive planejamento de campanhas ou sistemas de "
        "publicidade, elaboração de desenhos, textos e demais materiais publicitários.",
        "17.06.01 - Propaganda e publicidade, inclusive promoção de vendas, planejamento de "
        "campanhas ou sistemas de publicidade, elaboração de desenhos, textos e demais materiais "
        "publicitários.",
        Decimal("5.00"),
        2500,
        18000,
        "peças",
    ),
]
SERVICE_TEXT = {
    "ti": [
        "Desenvolvimento e manutenção evolutiva do sistema de gestão",
        "Horas de desenvolvimento - módulo financeiro",
        "Análise de requisitos e documentação técnica",
    ],
    "suporte": [
        "Suporte técnico mensal - contrato de manutenção de TI",
        "Administração de servidores e rede - mensalidade",
    ],
    "consultoria": [
        "Consultoria em gestão tributária",
        "Consultoria em processos e controles internos",
        "Assessoria na implantação de ERP",
    ],
    "contabil": [
        "Honorários contábeis mensais",
        "Serviços de escrituração fiscal e folha de pagamento",
    ],
    "limpeza": [
        "Serviços de limpeza e conservação predial",
        "Limpeza e conservação - postos de auxiliar de limpeza",
    ],
    "treinamento": [
        "Treinamento in company NR-35 - trabalho em altura",
        "Curso de liderança e gestão de equipes",
        "Treinamento em Excel avançado",
    ],
    "manutencao": [
        "Manutenção preventiva de ar-condicionado split",
        "Manutenção corretiva de compressores",
    ],
    "publicidade": [
        "Criação de campanha publicitária e peças para redes sociais",
        "Produção de material gráfico para feira",
    ],
}

RENTALS = [
    ("Andaime tubular 1,00 x 1,50 m", "pç", 9, 18),
    ("Escora metálica regulável 3,10 m", "pç", 6, 12),
    ("Betoneira 400 L com motor 2 cv", "un", 280, 480),
    ("Martelete rompedor 10 kg", "un", 320, 590),
    ("Compactador de solo tipo sapo", "un", 650, 1100),
    ("Plataforma elevatória tesoura 8 m", "un", 2900, 4800),
    ("Gerador a diesel 55 kVA", "un", 3800, 6900),
    ("Container escritório 6 m", "un", 890, 1500),
    ("Andaime fachadeiro", "m²", 4, 9),
    ("Piso metálico para andaime", "pç", 5, 11),
    ("Guarda-corpo para andaime", "pç", 3, 8),
    ("Serra circular de bancada", "un", 240, 420),
]
RENTAL_FIRMS = [
    "LOCAÇÃO DE EQUIPAMENTOS",
    "LOCAÇÃO DE ANDAIMES E ESCORAMENTOS",
    "LOCAÇÃO DE MÁQUINAS E EQUIPAMENTOS",
    "LOCADORA DE EQUIPAMENTOS PARA CONSTRUÇÃO",
]

MEI_TRADES = [
    (
        "Eletricista",
        "Instalações e manutenção elétrica",
        [
            ("Instalação de tomadas e interruptores", "un", 25, 60),
            ("Troca de disjuntor", "un", 40, 90),
            ("Instalação de chuveiro elétrico", "un", 60, 120),
            ("Passagem de fiação", "m", 6, 15),
            ("Montagem de quadro de distribuição", "sv", 250, 600),
            ("Instalação de luminária", "un", 35, 80),
        ],
    ),
    (
        "Encanador",
        "Serviços hidráulicos",
        [
            ("Troca de registro", "un", 60, 140),
            ("Desentupimento de pia", "sv", 90, 220),
            ("Instalação de caixa d'água 1000 L", "sv", 250, 480),
            ("Conserto de vazamento", "sv", 80, 260),
            ("Troca de sifão e válvula", "un", 45, 90),
        ],
    ),
    (
        "Pintor",
        "Pintura residencial e comercial",
        [
            ("Pintura de parede (mão de obra)", "m²", 12, 28),
            ("Aplicação de massa corrida", "m²", 10, 22),
            ("Pintura de porta", "un", 60, 140),
            ("Pintura de grade", "m²", 18, 40),
        ],
    ),
    (
        "Fotógrafo",
        "Fotografia de eventos e produtos",
        [
            ("Cobertura fotográfica de evento (hora)", "h", 180, 350),
            ("Fotos de produto com tratamento", "un", 25, 60),
            ("Álbum impresso 20 x 30", "un", 280, 650),
        ],
    ),
    (
        "Técnico em refrigeração",
        "Instalação e manutenção de ar-condicionado",
        [
            ("Higienização de split até 12.000 BTUs", "un", 120, 220),
            ("Instalação de split 9.000 BTUs", "un", 380, 650),
            ("Recarga de gás R410A", "un", 180, 350),
        ],
    ),
]

BANKS = [
    ("341", "7", "Itaú", "Banco Itaú S.A."),
    ("237", "2", "Bradesco", "Banco Bradesco S.A."),
    ("001", "9", "Banco do Brasil", "Banco do Brasil S.A."),
    ("033", "7", "Santander", "Banco Santander (Brasil) S.A."),
    ("104", "0", "CAIXA", "Caixa Econômica Federal"),
    ("756", "0", "Sicoob", "Banco Cooperativo Sicoob S.A."),
]
DANFE_SOFTWARE = [
    "Emitido por Bling - www.bling.com.br",
    "Gerado por Tiny ERP",
    "NFe gerada pelo sistema Omie",
    "Emissor NF-e TOTVS Protheus",
    "SAP Business One - NF-e",
    "Sistema ERP Sankhya",
    "Emissor Próprio v4.00",
]

# -- Drawing helpers --------------------------------------------------------------------------


def _fit(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> float:
    while size > 4.0 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _wrap(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    rows: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size, bold=bold) > width:
            rows.append(current)
            current = word
        else:
            current = trial
    if current:
        rows.append(current)
    return rows


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR code stand-in: a quiet zone, three finder squares and random modules."""
    count = 25
    cell = side / count
    canvas.box(x - 3, y - 3, x + side + 3, y + side + 3, stroke=None, fill=WHITE)
    corners = ((0, 0), (count - 7, 0), (0, count - 7))
    for cx, cy in corners:
        for ring, colour in ((0, BLACK), (1, WHITE), (2, BLACK)):
            x0 = x + (cx + ring) * cell
            y0 = y + (cy + ring) * cell
            span = (7 - 2 * ring) * cell
            canvas.box(x0, y0, x0 + span, y0 + span, stroke=None, fill=colour)
    for row in range(count):
        for col in range(count):
            if any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners):
                continue
            if rng.random() < 0.48:
                canvas.box(
                    x + col * cell,
                    y + row * cell,
                    x + (col + 1) * cell,
                    y + (row + 1) * cell,
                    stroke=None,
                    fill=BLACK,
                )


def _barcode(canvas: Canvas, rng: random.Random, x: float, y: float, width: float, height: float):
    """A CODE-128 / interleaved 2 of 5 stand-in: black bars of random widths."""
    pos = x
    end = x + width
    while pos < end - 1:
        bar = rng.choice((0.7, 0.7, 1.4, 2.1))
        canvas.box(pos, y, min(pos + bar, end), y + height, stroke=None, fill=BLACK)
        pos += bar + rng.choice((0.7, 1.4, 2.1))


Cell = tuple[str, str, float] | tuple[str, str, float, str]


def _cells(
    canvas: Canvas,
    top: float,
    cells: list[Cell],
    *,
    left: float,
    right: float,
    height: float = 18.0,
    label_size: float = 5.0,
    value_size: float = 7.5,
    bold_values: bool = False,
) -> float:
    """One row of boxed cells, a small label over the value; widths are relative. Returns the
    row's bottom."""
    total = sum(cell[2] for cell in cells)
    x = left
    for cell in cells:
        label, value, weight = cell[0], cell[1], cell[2]
        align = cell[3] if len(cell) > 3 else "left"
        width = (right - left) * weight / total
        canvas.box(x, top, x + width, top + height, width=0.5)
        canvas.text(
            x + 2, top + label_size + 1.5, label, size=_fit(canvas, label, width - 3, label_size)
        )
        if value:
            size = _fit(canvas, value, width - 4, value_size, bold=bold_values)
            if align == "right":
                canvas.text(
                    x + width - 2,
                    top + height - 3.5,
                    value,
                    size=size,
                    align="right",
                    bold=bold_values,
                )
            elif align == "center":
                canvas.text(
                    x + width / 2,
                    top + height - 3.5,
                    value,
                    size=size,
                    align="center",
                    bold=bold_values,
                )
            else:
                canvas.text(x + 2, top + height - 3.5, value, size=size, bold=bold_values)
        x += width
    return top + height


def _section(canvas: Canvas, x: float, y: float, title: str, size: float = 6.0) -> None:
    canvas.text(x, y, title, size=size, bold=True)


# -- Amounts in words -------------------------------------------------------------------------

_UNITS = _words(
    "zero um dois três quatro cinco seis sete oito nove dez onze doze treze quatorze quinze "
    "dezesseis dezessete dezoito dezenove"
)
_TENS = _words("_ _ vinte trinta quarenta cinquenta sessenta setenta oitenta noventa")
_HUNDREDS = _words(
    "_ cento duzentos trezentos quatrocentos quinhentos seiscentos setecentos oitocentos novecentos"
)


def _below_thousand(n: int) -> str:
    if n == 100:
        return "cem"
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if rest:
        if rest < 20:
            parts.append(_UNITS[rest])
        else:
            tens, units = divmod(rest, 10)
            parts.append(_TENS[tens] + (f" e {_UNITS[units]}" if units else ""))
    return " e ".join(parts)


def _number_words(n: int) -> str:
    if n == 0:
        return "zero"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    groups = []
    if millions:
        groups.append("um milhão" if millions == 1 else f"{_below_thousand(millions)} milhões")
    if thousands:
        groups.append("mil" if thousands == 1 else f"{_below_thousand(thousands)} mil")
    if units:
        joiner = " e " if groups and (units < 100 or units % 100 == 0) else " "
        return (
            " ".join(groups) + joiner + _below_thousand(units) if groups else _below_thousand(units)
        )
    return " ".join(groups)


def extenso(value: Decimal) -> str:
    """`1250.30` -> `mil duzentos e cinquenta reais e trinta centavos`."""
    value = money(value)
    reais = int(value)
    cents = int((value - reais) * 100)
    parts = []
    if reais:
        words = _number_words(reais)
        unit = "real" if reais == 1 else "reais"
        if reais % 1_000_000 == 0:
            unit = "de reais"
        parts.append(f"{words} {unit}")
    if cents:
        parts.append(f"{_number_words(cents)} {'centavo' if cents == 1 else 'centavos'}")
    return " e ".join(parts) if parts else "zero reais"


# -- Fiscal numbers ---------------------------------------------------------------------------


def _mod11(numbers: str) -> int:
    weights = [2, 3, 4, 5, 6, 7, 8, 9]
    total = sum(int(d) * weights[i % 8] for i, d in enumerate(reversed(numbers)))
    rest = total % 11
    return 0 if rest < 2 else 11 - rest


def _mod10(numbers: str) -> int:
    total = 0
    for i, d in enumerate(reversed(numbers)):
        product = int(d) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _chave_nfe(
    cuf: str, issue: dt.date, cnpj: str, serie: int, number: int, rng: random.Random
) -> str:
    body = f"{cuf}{issue:%y%m}{cnpj}55{serie:03d}{number:09d}1{_digits(rng, 8)}"
    return body + str(_mod11(body))


def _groups(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _linha_digitavel(bank: str, due: dt.date, total: Decimal, rng: random.Random) -> str:
    free = _digits(rng, 25)
    days = (due - dt.date(1997, 10, 7)).days
    factor = days if days <= 9999 else days - 9000
    value = f"{int(money(total) * 100):010d}"
    code = f"{bank}9{factor:04d}{value}{free}"
    weights = [2, 3, 4, 5, 6, 7, 8, 9]
    total_w = sum(int(d) * weights[i % 8] for i, d in enumerate(reversed(code)))
    general = 11 - total_w % 11
    general = 1 if general in (0, 1, 10, 11) else general
    f1 = f"{bank}9{free[:5]}"
    f1 += str(_mod10(f1))
    f2 = free[5:15] + str(_mod10(free[5:15]))
    f3 = free[15:25] + str(_mod10(free[15:25]))
    return f"{f1[:5]}.{f1[5:]} {f2[:5]}.{f2[5:]} {f3[:5]}.{f3[5:]} {general} {factor:04d}{value}"


def _percent(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"))).replace(".", ",")


def _hms(rng: random.Random, low: int = 7, high: int = 19) -> str:
    return f"{rng.randint(low, high):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _finish(
    canvas: Canvas,
    rng: random.Random,
    fields: dict,
    style: MoneyStyle,
    quantities: QuantityStyle,
    *,
    title: str,
    image: ImageFormat,
    kind: Literal["invoice", "receipt"] = "invoice",
    inclusive: bool = False,
    overrides: dict[str, DateStyle] | None = None,
) -> Rendered:
    return Rendered(
        fields,
        "pt",
        kind,
        canvas.pdf(title=title),
        style,
        DATE,
        quantities,
        ("R$", "BRL"),
        prices_include_tax=inclusive,
        image=image,
        date_overrides=overrides or {},
    )


# -- Layout 1: DANFE ---------------------------------------------------------------------------


@dataclass
class _Item:
    line: Line
    code: str
    ncm: str
    cst: str
    cfop: str
    bc: Decimal
    icms: Decimal
    aliq: Decimal
    ipi: Decimal
    aliq_ipi: Decimal


@dataclass
class _Nota:
    items: list[_Item]
    products: Decimal
    bc: Decimal
    icms: Decimal
    bc_st: Decimal
    st: Decimal
    ipi: Decimal
    freight: Decimal
    insurance: Decimal
    discount: Decimal
    other: Decimal
    pis: Decimal
    cofins: Decimal
    approx: Decimal
    extras: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return (
            self.products
            + self.freight
            + self.insurance
            + self.other
            + self.ipi
            + self.st
            - self.discount
        )

    @property
    def tax(self) -> Decimal | None:
        if self.freight or self.insurance or self.other or self.discount:
            return None
        if self.ipi and not self.st:
            return self.ipi
        if self.st and not self.ipi:
            return self.st
        return None


def _icms_rate(origin: str, dest: str) -> int:
    if origin == dest:
        return INTERNAL_ICMS.get(origin, 18)
    if origin in SOUTH_SOUTHEAST and dest not in SOUTH_SOUTHEAST:
        return 7
    return 12


def _nota(rng: random.Random, regime: str, vendor: Party, client: Party) -> _Nota:
    count = choose(rng, [(3, 1), (3, 2), (3, 3), (2, 4), (2, 5), (1, 6), (1, 8), (1, 11)])
    picks = rng.sample(GOODS, count)
    inter = vendor.city.uf != client.city.uf
    aliq = Decimal(_icms_rate(vendor.city.uf, client.city.uf))
    prefix = rng.choice(("", "", "PF-", "MP", "0"))
    items = []
    for goods in picks:
        if goods.weighed:
            qty = Decimal(rng.randint(8, 480)) + Decimal(
                rng.choice(("0", "0.5", "0.25", "0.35", "0.75"))
            )
        else:
            qty = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100)))
        line = Line(goods.description, qty, price(rng, goods.low, goods.high), goods.unit)
        code = (
            f"{prefix}{rng.randint(100, 99999):05d}"
            if prefix != "0"
            else f"{rng.randint(1, 9999):06d}"
        )
        if regime == "sn":
            cst, cfop, bc, icms, a, ipi_rate = (
                rng.choice(("102", "101")),
                "6102" if inter else "5102",
                ZERO,
                ZERO,
                ZERO,
                ZERO,
            )
        elif regime == "comercio":
            st_item = rng.random() < 0.25
            cst = "060" if st_item else "000"
            cfop = ("6" if inter else "5") + ("405" if st_item else "102")
            bc = ZERO if st_item else line.amount
            a = ZERO if st_item else aliq
            icms, ipi_rate = money(bc * a / 100), ZERO
        else:
            cst = "010" if regime == "st" else rng.choice(("000", "000", "020"))
            cfop = ("6" if inter else "5") + ("401" if regime == "st" else "101")
            bc = line.amount if cst != "020" else money(line.amount * Decimal("0.6667"))
            a = aliq
            icms, ipi_rate = money(bc * a / 100), Decimal(goods.ipi)
        ipi = money(line.amount * ipi_rate / 100)
        items.append(_Item(line, code, goods.ncm, cst, cfop, bc, icms, a, ipi, ipi_rate))
    products = sum((item.line.amount for item in items), ZERO)
    ipi = sum((item.ipi for item in items), ZERO)
    bc_st = st = ZERO
    if regime == "st":
        mva = Decimal(rng.choice(("0.35", "0.40", "0.5158", "0.71")))
        bc_st = money((products + ipi) * (1 + mva))
        st = money(bc_st * Decimal(INTERNAL_ICMS.get(client.city.uf, 18)) / 100) - sum(
            (item.icms for item in items), ZERO
        )
    extras = rng.random()
    freight = insurance = discount = other = ZERO
    if extras < 0.3:
        freight = money(Decimal(rng.uniform(25, 380)))
    if rng.random() < 0.05:
        insurance = money(products * Decimal("0.003"))
    if rng.random() < 0.14:
        discount = money(products * Decimal(rng.choice(("0.02", "0.03", "0.05", "0.10"))))
    if rng.random() < 0.07:
        other = money(Decimal(rng.uniform(8, 60)))
    if regime == "sn":
        pis = cofins = ZERO
    elif rng.random() < 0.5:
        pis, cofins = money(products * Decimal("0.0065")), money(products * Decimal("0.03"))
    else:
        pis, cofins = money(products * Decimal("0.0165")), money(products * Decimal("0.076"))
    nota = _Nota(
        items,
        products,
        sum((item.bc for item in items), ZERO),
        sum((item.icms for item in items), ZERO),
        bc_st,
        st,
        ipi,
        freight,
        insurance,
        discount,
        other,
        pis,
        cofins,
        ZERO,
    )
    nota.approx = money(nota.total * Decimal(rng.choice(("0.1345", "0.1876", "0.2231", "0.3142"))))
    return nota


def _danfe(rng: random.Random) -> Rendered:
    modern = rng.random() < 0.6
    canvas = Canvas(*A4, family=choose(rng, [(7, "helv"), (3, "tiro")]))
    style = MoneyStyle("." if rng.random() < 0.85 else "", ",", "R$")
    quantities = choose(
        rng,
        [(5, FixedQuantity(",", 4)), (2, FixedQuantity(",", 2)), (2, QuantityStyle(","))],
    )
    price_places = choose(rng, [(4, 2), (4, 4), (2, 10)])
    dates = pick_dates(rng, DATE, due_days=(28, 30, 30, 45))
    regime = choose(rng, [(3, "sn"), (3, "comercio"), (2.5, "industria"), (1, "st")])
    vendor_city = choose(rng, [(5, SAO_PAULO), (5, rng.choice(CITIES))])
    trades = INDUSTRY_TRADES if regime in ("industria", "st") else GOODS_TRADES
    vendor = _company(rng, trades, city=vendor_city, simples=regime == "sn")
    client_city = vendor_city if rng.random() < 0.55 else rng.choice(CITIES)
    if rng.random() < 0.1:
        client = _person(rng, client_city)
    else:
        client = _company(
            rng, GOODS_TRADES + SERVICE_TRADES, city=client_city, simples=rng.random() < 0.4
        )
    nota = _nota(rng, regime, vendor, client)
    total, tax = nota.total, nota.tax

    number = rng.randint(120, 98000)
    serie = rng.choice((1, 1, 1, 2, 3, 10))
    number_text = f"{number:09d}"
    number_text = f"{number_text[:3]}.{number_text[3:6]}.{number_text[6:]}"
    cnpj_raw = vendor.doc.replace(".", "").replace("/", "").replace("-", "")
    chave = _chave_nfe(vendor.city.cuf, dates.issue, cnpj_raw, serie, number, rng)
    issue_time = _hms(rng)
    protocol = f"1{vendor.city.cuf}{dates.issue:%y}{_digits(rng, 10)}"
    exit_date = dates.issue + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    fmt = nt = style.number

    # Installments.
    payment = choose(rng, [(3.5, "vista"), (3.5, "single"), (3, "parcelas")])
    duplicatas: list[tuple[str, dt.date, Decimal]] = []
    if payment == "single":
        duplicatas = [("001", dates.due, total)]
    elif payment == "parcelas":
        n = rng.choice((2, 3, 3, 4))
        part = money(total / n)
        for k in range(n):
            value = part if k < n - 1 else total - part * (n - 1)
            duplicatas.append((f"{k + 1:03d}", dates.due + dt.timedelta(days=30 * k), value))

    left, right = 18.0, 577.0
    label = 5.0

    # The receipt stub.
    top = 16.0
    stub_right = 470.0
    canvas.box(left, top, right, top + 44, width=0.5)
    canvas.line(stub_right, top, stub_right, top + 44, width=0.5)
    stub = (
        f"RECEBEMOS DE {vendor.name} OS PRODUTOS E/OU SERVIÇOS CONSTANTES DA NOTA FISCAL "
        "ELETRÔNICA INDICADA AO LADO"
    )
    if modern:
        stub += (
            f". EMISSÃO: {DATE.format(dates.issue)} VALOR TOTAL: R$ {fmt(total)} "
            f"DESTINATÁRIO: {client.name} - {client.street} {client.district} {client.place}"
        )
    for k, row in enumerate(_wrap(canvas, stub, stub_right - left - 6, 5.5)[:3]):
        canvas.text(left + 3, top + 7 + k * 6.5, row, size=5.5)
    canvas.line(left, top + 24, stub_right, top + 24, width=0.5)
    canvas.line(left + 110, top + 24, left + 110, top + 44, width=0.5)
    canvas.text(left + 3, top + 30, "DATA DE RECEBIMENTO", size=label)
    canvas.text(left + 113, top + 30, "IDENTIFICAÇÃO E ASSINATURA DO RECEBEDOR", size=label)
    mid = (stub_right + right) / 2
    canvas.text(mid, top + 12, "NF-e", size=11, bold=True, align="center")
    canvas.text(mid, top + 25, f"Nº {number_text}", size=8, bold=True, align="center")
    canvas.text(mid, top + 36, f"SÉRIE {serie:03d}", size=8, bold=True, align="center")
    x: float
    for x in range(int(left), int(right), 6):
        canvas.line(x, top + 50, x + 3, top + 50, width=0.4)

    # Issuer, DANFE box, access key.
    top = 72.0
    height = 100.0
    canvas.box(left, top, 252, top + height, width=0.5)
    canvas.box(252, top, 352, top + height, width=0.5)
    canvas.box(352, top, right, top + height, width=0.5)
    canvas.text(left + 3, top + 7, "IDENTIFICAÇÃO DO EMITENTE", size=label)
    y = top + 26
    text_left = left + 6
    if rng.random() < 0.45:
        canvas.box(left + 6, top + 14, left + 50, top + 58, stroke=None, fill=(0.25, 0.35, 0.55))
        canvas.text(
            left + 28, top + 41, vendor.name[:2], size=16, bold=True, color=WHITE, align="center"
        )
        text_left = left + 56
    width = 252 - text_left - 4
    canvas.text(
        text_left, y, vendor.name, size=_fit(canvas, vendor.name, width, 9, bold=True), bold=True
    )
    for row in (
        vendor.street,
        f"{vendor.district} - CEP {vendor.cep}",
        f"{vendor.city.name} - {vendor.city.uf}  Fone: {vendor.phone}",
        vendor.email,
    ):
        y += 10
        canvas.text(text_left, y, row, size=_fit(canvas, row, width, 7))
    cx = 302
    canvas.text(cx, top + 18, "DANFE", size=14, bold=True, align="center")
    canvas.text(cx, top + 28, "DOCUMENTO AUXILIAR DA", size=5.8, align="center")
    canvas.text(cx, top + 35, "NOTA FISCAL ELETRÔNICA", size=5.8, align="center")
    canvas.text(262, top + 48, "0 - ENTRADA", size=6.5)
    canvas.text(262, top + 57, "1 - SAÍDA", size=6.5)
    canvas.box(322, top + 43, 336, top + 58, width=0.6)
    canvas.text(329, top + 54, "1", size=9, bold=True, align="center")
    number_label = rng.choice(("Nº", "Nº.", "N.º"))
    canvas.text(cx, top + 72, f"{number_label} {number_text}", size=8.5, bold=True, align="center")
    canvas.text(
        cx,
        top + 83,
        f"SÉRIE {serie:03d}" if rng.random() < 0.7 else f"SÉRIE: {serie}",
        size=8,
        bold=True,
        align="center",
    )
    canvas.text(cx, top + 94, "FOLHA 1/1", size=7, align="center")
    _barcode(canvas, rng, 366, top + 5, 197, 28)
    canvas.line(352, top + 38, right, top + 38, width=0.5)
    canvas.text(355, top + 45, "CHAVE DE ACESSO", size=label)
    canvas.text(464, top + 55, _groups(chave), size=7.3, bold=True, align="center")
    canvas.line(352, top + 60, right, top + 60, width=0.5)
    canvas.text(
        464,
        top + 74,
        "Consulta de autenticidade no portal nacional da NF-e",
        size=6.8,
        align="center",
    )
    canvas.text(
        464,
        top + 83,
        "www.nfe.fazenda.gov.br/portal ou no site da Sefaz Autorizadora",
        size=6.8,
        align="center",
    )

    y = top + height
    if rng.random() < 0.5:
        prot = f"{protocol} - {DATE.format(dates.issue)} {issue_time}"
    else:
        prot = f"{protocol} {DATE.format(dates.issue)} às {issue_time}"
    nature = {
        "sn": rng.choice(("VENDA DE MERCADORIA", "VENDA", "VENDA DE MERCADORIAS")),
        "comercio": rng.choice(("VENDA MERC. ADQ. DE TERCEIROS", "VENDA DE MERCADORIA")),
        "industria": "VENDA DE PRODUÇÃO DO ESTABELECIMENTO",
        "st": "VENDA PROD. ESTAB. C/ SUBST. TRIBUTÁRIA",
    }[regime]
    y = _cells(
        canvas,
        y,
        [
            ("NATUREZA DA OPERAÇÃO", nature, 334),
            ("PROTOCOLO DE AUTORIZAÇÃO DE USO", prot, 225, "center"),
        ],
        left=left,
        right=right,
    )
    st_ie = _ie(rng, client.city.uf) if regime == "st" and client.city.uf != vendor.city.uf else ""
    y = _cells(
        canvas,
        y,
        [
            ("INSCRIÇÃO ESTADUAL", vendor.ie, 1),
            ("INSCRIÇÃO ESTADUAL DO SUBST. TRIBUT.", st_ie, 1),
            ("CNPJ", vendor.doc, 1),
        ],
        left=left,
        right=right,
    )

    # Addressee.
    y += 10
    _section(canvas, left, y - 2, "DESTINATÁRIO / REMETENTE")
    y = _cells(
        canvas,
        y,
        [
            ("NOME / RAZÃO SOCIAL", client.name, 330),
            ("CNPJ / CPF", client.doc, 140),
            ("DATA DA EMISSÃO", DATE.format(dates.issue), 89, "center"),
        ],
        left=left,
        right=right,
    )
    y = _cells(
        canvas,
        y,
        [
            ("ENDEREÇO", client.street, 260),
            ("BAIRRO / DISTRITO", client.district, 130),
            ("CEP", client.cep, 80),
            ("DATA DA SAÍDA/ENTRADA", DATE.format(exit_date), 89, "center"),
        ],
        left=left,
        right=right,
    )
    y = _cells(
        canvas,
        y,
        [
            ("MUNICÍPIO", client.city.name, 190),
            ("FONE / FAX", client.phone, 110),
            ("UF", client.city.uf, 30, "center"),
            ("INSCRIÇÃO ESTADUAL", client.ie or ("ISENTO" if not client.person else ""), 140),
            ("HORA DA SAÍDA/ENTRADA", _hms(rng), 89, "center"),
        ],
        left=left,
        right=right,
    )

    # Installments.
    y += 10
    if modern:
        _section(canvas, left, y - 2, "FATURA / DUPLICATAS")
    else:
        _section(canvas, left, y - 2, "FATURA")
    if duplicatas:
        width = (right - left) / 6
        for k, (ndup, due, amount) in enumerate(duplicatas):
            x = left + k * width
            canvas.box(x, y, x + width, y + 26, width=0.5)
            canvas.text(x + 3, y + 7, f"Núm.: {ndup}", size=6.3)
            canvas.text(x + 3, y + 15, f"Venc.: {DATE.format(due)}", size=6.3)
            canvas.text(x + 3, y + 23, f"Valor: R$ {fmt(amount)}", size=6.3)
        y += 26
    else:
        canvas.box(left, y, right, y + 14, width=0.5)
        canvas.text(
            left + 3,
            y + 10,
            rng.choice(("PAGAMENTO À VISTA", "Pagamento à vista", "A VISTA")),
            size=7,
        )
        y += 14

    # Tax calculation.
    y += 10
    _section(canvas, left, y - 2, "CÁLCULO DO IMPOSTO")
    if modern:
        row1: list[Cell] = [
            ("BASE DE CÁLC. DO ICMS", nt(nota.bc), 1, "right"),
            ("VALOR DO ICMS", nt(nota.icms), 1, "right"),
            ("BASE DE CÁLC. ICMS S.T.", nt(nota.bc_st), 1, "right"),
            ("VALOR DO ICMS SUBST.", nt(nota.st), 1, "right"),
            ("V. IMP. IMPORTAÇÃO", nt(ZERO), 1, "right"),
            ("V. ICMS UF REMET.", nt(ZERO), 1, "right"),
            ("V. FCP UF DEST.", nt(ZERO), 1, "right"),
            ("V. PIS", nt(nota.pis), 1, "right"),
            ("V. TOTAL PRODUTOS", nt(nota.products), 1.2, "right"),
        ]
        row2: list[Cell] = [
            ("VALOR DO FRETE", nt(nota.freight), 1, "right"),
            ("VALOR DO SEGURO", nt(nota.insurance), 1, "right"),
            ("DESCONTO", nt(nota.discount), 1, "right"),
            ("OUTRAS DESPESAS", nt(nota.other), 1, "right"),
            ("VALOR TOTAL IPI", nt(nota.ipi), 1, "right"),
            ("V. ICMS UF DEST.", nt(ZERO), 1, "right"),
            ("V. TOT. TRIB.", nt(nota.approx), 1, "right"),
            ("V. COFINS", nt(nota.cofins), 1, "right"),
            ("V. TOTAL DA NOTA", nt(total), 1.2, "right"),
        ]
    else:
        row1 = [
            ("BASE DE CÁLCULO DO ICMS", nt(nota.bc), 1, "right"),
            ("VALOR DO ICMS", nt(nota.icms), 1, "right"),
            ("BASE DE CÁLCULO DO ICMS SUBSTITUIÇÃO", nt(nota.bc_st), 1.3, "right"),
            ("VALOR DO ICMS SUBSTITUIÇÃO", nt(nota.st), 1.1, "right"),
            ("VALOR TOTAL DOS PRODUTOS", nt(nota.products), 1.2, "right"),
        ]
        row2 = [
            ("VALOR DO FRETE", nt(nota.freight), 1, "right"),
            ("VALOR DO SEGURO", nt(nota.insurance), 1, "right"),
            ("DESCONTO", nt(nota.discount), 1, "right"),
            ("OUTRAS DESPESAS ACESSÓRIAS", nt(nota.other), 1.2, "right"),
            ("VALOR DO IPI", nt(nota.ipi), 1, "right"),
            ("VALOR TOTAL DA NOTA", nt(total), 1.2, "right"),
        ]
    y = _cells(canvas, y, row1, left=left, right=right, value_size=7.5)
    y = _cells(canvas, y, row2, left=left, right=right, value_size=7.5)

    # Carrier.
    y += 10
    _section(canvas, left, y - 2, "TRANSPORTADOR / VOLUMES TRANSPORTADOS")
    carried = nota.freight > 0 or rng.random() < 0.4
    if carried:
        carrier_city = rng.choice(CITIES)
        carrier = (
            rng.choice(CARRIERS),
            "0 - Emitente" if nota.freight else rng.choice(("1 - Destinatário", "0 - Emitente")),
            f"{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{rng.randint(0, 9)}"
            f"{rng.choice('ABCDEFGHIJ')}{_digits(rng, 2)}",
            carrier_city.uf,
            _fmt_cnpj(_cnpj_digits(rng)),
            _street(rng),
            carrier_city.name,
            _ie(rng, carrier_city.uf),
        )
        volumes = str(rng.randint(1, 24))
        gross = Decimal(rng.randint(3000, 480000)) / 1000
        net = money(gross * Decimal("0.94")) if gross > 1 else gross
        weights = (f"{gross:.3f}".replace(".", ","), f"{net:.3f}".replace(".", ","))
        kind = rng.choice(("CAIXA", "VOLUME", "PALETE", "FARDO"))
    else:
        carrier = ("", "9 - Sem Ocorrência de Transporte", "", "", "", "", "", "")
        volumes, weights, kind = "", ("", ""), ""
    y = _cells(
        canvas,
        y,
        [
            ("RAZÃO SOCIAL", carrier[0], 190),
            ("FRETE POR CONTA", carrier[1], 110),
            ("CÓDIGO ANTT", "", 60),
            ("PLACA DO VEÍCULO", carrier[2], 70),
            ("UF", carrier[3], 25, "center"),
            ("CNPJ / CPF", carrier[4], 104),
        ],
        left=left,
        right=right,
        value_size=6.8,
    )
    y = _cells(
        canvas,
        y,
        [
            ("ENDEREÇO", carrier[5], 250),
            ("MUNICÍPIO", carrier[6], 150),
            ("UF", carrier[3], 25, "center"),
            ("INSCRIÇÃO ESTADUAL", carrier[7], 134),
        ],
        left=left,
        right=right,
        value_size=6.8,
    )
    y = _cells(
        canvas,
        y,
        [
            ("QUANTIDADE", volumes, 1, "right"),
            ("ESPÉCIE", kind, 1),
            ("MARCA", "", 1),
            ("NUMERAÇÃO", "", 1),
            ("PESO BRUTO", weights[0], 1, "right"),
            ("PESO LÍQUIDO", weights[1], 1, "right"),
        ],
        left=left,
        right=right,
        value_size=6.8,
    )

    # Items.
    y += 10
    _section(canvas, left, y - 2, "DADOS DOS PRODUTOS / SERVIÇOS")
    cst_header = "CSOSN" if regime == "sn" else rng.choice(("CST", "O/CST", "CST/CSOSN"))
    columns = [
        ("CÓDIGO PRODUTO", 38, "left"),
        ("DESCRIÇÃO DO PRODUTO / SERVIÇO", 164, "left"),
        ("NCM/SH", 34, "center"),
        (cst_header, 22, "center"),
        ("CFOP", 18, "center"),
        ("UN", 16, "center"),
        ("QUANT.", 34, "right"),
        ("VALOR UNIT.", 40 if price_places < 10 else 48, "right"),
        ("VALOR TOTAL", 38, "right"),
        ("B. CÁLC. ICMS", 34, "right"),
        ("VALOR ICMS", 30, "right"),
        ("VALOR IPI", 28, "right"),
        ("ALÍQ. ICMS", 17, "right"),
        ("ALÍQ. IPI", 17, "right"),
    ]
    scale = (right - left) / sum(c[1] for c in columns)
    edges = [left]
    for column in columns:
        edges.append(edges[-1] + column[1] * scale)
    header_h = 14.0
    bottom = 744.0 if rng.random() < 0.7 else 716.0
    for k, (title, _, _) in enumerate(columns):
        x0, x1 = edges[k], edges[k + 1]
        canvas.box(x0, y, x1, y + header_h, width=0.5)
        parts = (
            title.split(" ", 1)
            if len(title) > 10 and canvas.width_of(title, size=4.8) > x1 - x0 - 2
            else [title]
        )
        for j, title_line in enumerate(parts[:2]):
            canvas.text(
                (x0 + x1) / 2,
                y + 6 + j * 5.5,
                title_line,
                size=_fit(canvas, title_line, x1 - x0 - 2, 4.8),
                align="center",
            )
    row_y = y + header_h
    for x in edges:
        canvas.line(x, row_y, x, bottom, width=0.4)
    canvas.line(left, bottom, right, bottom, width=0.5)
    zeros = "0" * (price_places - 2)
    for item in nota.items:
        row_y += 9.5
        line = item.line
        cells = [
            item.code,
            line.description,
            item.ncm.replace(".", "") if rng.random() < 0.5 else item.ncm,
            item.cst,
            item.cfop,
            line.unit,
            quantities.number(line.quantity),
            fmt(line.unit_price) + zeros,
            fmt(line.amount),
            fmt(item.bc),
            fmt(item.icms),
            fmt(item.ipi),
            fmt(item.aliq).rstrip("0").rstrip(",") if item.aliq else "0",
            fmt(item.aliq_ipi).rstrip("0").rstrip(",") if item.aliq_ipi else "0",
        ]
        for k, text in enumerate(cells):
            x0, x1 = edges[k], edges[k + 1]
            align = columns[k][2]
            size = _fit(canvas, text, x1 - x0 - 3, 6.2)
            if align == "right":
                canvas.text(x1 - 1.5, row_y, text, size=size, align="right")
            elif align == "center":
                canvas.text((x0 + x1) / 2, row_y, text, size=size, align="center")
            else:
                canvas.text(x0 + 1.5, row_y, text, size=size)

    # ISSQN, additional data.
    y = bottom + 10
    if bottom < 730:
        _section(canvas, left, y - 2, "CÁLCULO DO ISSQN")
        y = _cells(
            canvas,
            y,
            [
                ("INSCRIÇÃO MUNICIPAL", "", 1),
                ("VALOR TOTAL DOS SERVIÇOS", nt(ZERO), 1, "right"),
                ("BASE DE CÁLCULO DO ISSQN", nt(ZERO), 1, "right"),
                ("VALOR DO ISSQN", nt(ZERO), 1, "right"),
            ],
            left=left,
            right=right,
            height=16,
        )
        y += 10
    _section(canvas, left, y - 2, "DADOS ADICIONAIS")
    info_bottom = 818.0
    canvas.box(left, y, 420, info_bottom, width=0.5)
    canvas.box(420, y, right, info_bottom, width=0.5)
    canvas.text(left + 2, y + 6.5, "INFORMAÇÕES COMPLEMENTARES", size=label)
    canvas.text(423, y + 6.5, "RESERVADO AO FISCO", size=label)
    notes = []
    if regime == "sn":
        notes.append(
            "DOCUMENTO EMITIDO POR ME OU EPP OPTANTE PELO SIMPLES NACIONAL. NÃO GERA DIREITO A "
            "CRÉDITO FISCAL DE IPI."
        )
        if any(item.cst == "101" for item in nota.items):
            credit_rate = Decimal(rng.choice(("1.25", "2.56", "3.31", "3.95")))
            notes.append(
                f"PERMITE O APROVEITAMENTO DO CRÉDITO DE ICMS NO VALOR DE R$ "
                f"{fmt(money(nota.products * credit_rate / 100))}; CORRESPONDENTE À ALÍQUOTA DE "
                f"{str(credit_rate).replace('.', ',')}%, NOS TERMOS DO ART. 23 DA LC 123/2006."
            )
    if regime == "st":
        notes.append("ICMS RETIDO POR SUBSTITUIÇÃO TRIBUTÁRIA CONFORME PROTOCOLO ICMS VIGENTE.")
    if rng.random() < 0.6:
        notes.append(
            f"Pedido de compra nº {rng.choice(('45', '47', ''))}{_digits(rng, 6)} de "
            f"{DATE.format(dates.other[0])}."
        )
    pct = (nota.approx / total * 100).quantize(Decimal("0.01")) if total else ZERO
    notes.append(
        f"Valor aproximado dos tributos: R$ {fmt(nota.approx)} ({str(pct).replace('.', ',')}%) "
        "Fonte: IBPT."
    )
    if duplicatas and rng.random() < 0.5:
        notes.append("Boleto(s) bancário(s) enviado(s) por e-mail.")
    if rng.random() < 0.4:
        notes.append(f"Vendedor: {_title(rng.choice(FIRST))}.")
    text = " ".join(notes)
    for k, row in enumerate(_wrap(canvas, text, 420 - left - 6, 6.3)[:9]):
        canvas.text(left + 3, y + 15 + k * 7.5, row, size=6.3)

    printed = dates.issue + dt.timedelta(days=rng.choice((0, 0, 1, 3)))
    canvas.text(
        left, 829, f"Impresso em {DATE.format(printed)} às {_hms(rng)}", size=5.5, color=GREY
    )
    canvas.text(right, 829, rng.choice(DANFE_SOFTWARE), size=5.5, color=GREY, align="right")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=duplicatas[0][1] if len(duplicatas) == 1 else None,
        vendor=vendor.name,
        total=total,
        subtotal=nota.products,
        tax=tax,
        currency="BRL",
        lines=[item.line for item in nota.items],
    )
    image: ImageFormat = choose(rng, [(11, None), (6, "jpg"), (3, "png")])
    return _finish(canvas, rng, fields, style, quantities, title=f"NF-e {chave}", image=image)


# -- NFS-e: shared service figures ------------------------------------------------------------


@dataclass
class _Servico:
    service: Service
    rows: list[str]
    value: Decimal
    deductions: Decimal
    base: Decimal
    rate: Decimal
    iss: Decimal
    retained_iss: bool
    ir: Decimal
    pis: Decimal
    cofins: Decimal
    csll: Decimal
    inss: Decimal
    due_printed: bool
    approx: Decimal

    @property
    def federal(self) -> Decimal:
        return self.ir + self.pis + self.cofins + self.csll + self.inss

    @property
    def net(self) -> Decimal:
        return self.value - self.federal - (self.iss if self.retained_iss else ZERO)


def _servico(
    rng: random.Random,
    provider: Party,
    client: Party,
    dates_issue: dt.date,
    due: dt.date,
    style: MoneyStyle,
    *,
    simples_rate: bool,
) -> _Servico:
    service = rng.choice(SERVICES)
    title = rng.choice(SERVICE_TEXT[service.key])
    prev = dates_issue.replace(day=1) - dt.timedelta(days=1)
    month = f"{MONTH_NAMES[prev.month - 1]}/{prev.year}"
    rows: list[str] = []
    if service.unit in ("horas", "equipamentos", "postos", "turmas", "peças"):
        qty = {
            "horas": rng.choice((8, 16, 20, 24, 40, 60, 80, 120, 160)),
            "equipamentos": rng.randint(2, 14),
            "postos": rng.randint(1, 4),
            "turmas": rng.randint(1, 3),
            "peças": 1,
        }[service.unit]
        unit_price = Decimal(rng.randint(service.low, service.high))
        if service.unit == "horas":
            unit_price = Decimal(rng.randint(service.low // 10, service.high // 10) * 10)
        value = money(unit_price * qty)
        rows.append(f"{title} - referente a {month}")
        if qty > 1:
            rows.append(
                f"{qty} {service.unit} x R$ {style.number(unit_price)} = R$ {style.number(value)}"
            )
    else:
        value = money(
            Decimal(rng.randint(service.low, service.high)) + Decimal(rng.choice((0, 0, 50))) / 100
        )
        rows.append(f"{title} - competência {prev.month:02d}/{prev.year}")
    if rng.random() < 0.4:
        start = prev.replace(day=1)
        rows.append(f"Período: {DATE.format(start)} a {DATE.format(prev)}")
    if rng.random() < 0.4:
        rows.append(f"Contrato nº CT-{prev.year}/{_digits(rng, 4)}")
    if rng.random() < 0.3:
        rows.append(f"Pedido de compra: {rng.choice(('45', '47'))}{_digits(rng, 8)}")
    deductions = ZERO
    base = value - deductions
    rate = service.rate
    if simples_rate and provider.simples:
        rate = Decimal(rng.choice(("2.00", "2.79", "3.50", "5.00")))
    iss = money(base * rate / 100)
    company_client = not client.person
    withhold = company_client and not provider.simples and value >= 1000 and rng.random() < 0.7
    ir = pis = cofins = csll = inss = ZERO
    if withhold:
        ir = money(value * Decimal("0.015"))
        if ir < 10:
            ir = ZERO
        pis = money(value * Decimal("0.0065"))
        cofins = money(value * Decimal("0.03"))
        csll = money(value * Decimal("0.01"))
        if service.key == "limpeza":
            inss = money(value * Decimal("0.11"))
    retained = company_client and rng.random() < 0.2
    servico = _Servico(
        service,
        rows,
        value,
        deductions,
        base,
        rate,
        iss,
        retained,
        ir,
        pis,
        cofins,
        csll,
        inss,
        False,
        money(value * Decimal(rng.choice(("0.1345", "0.1633", "0.1876")))),
    )
    bank = rng.choice(BANKS)
    if rng.random() < 0.45:
        rows.append(
            f"Dados para pagamento: {bank[2]} - Ag. {_digits(rng, 4)} - C/C "
            f"{_digits(rng, 5)}-{_digits(rng, 1)}"
        )
    elif rng.random() < 0.4:
        rows.append(f"PIX: CNPJ {provider.doc}")
    if rng.random() < 0.4:
        rows.append(f"Vencimento: {DATE.format(due)}")
        servico.due_printed = True
    if servico.federal and rng.random() < 0.5:
        rows.append(f"Valor líquido a receber: R$ {style.number(servico.net)}")
    return servico


def _service_client(rng: random.Random, city: City | None = None) -> Party:
    if rng.random() < 0.15:
        return _person(rng, city)
    trades = GOODS_TRADES + SERVICE_TRADES
    return _company(rng, trades, city=city, simples=rng.random() < 0.3)


# -- Layout 2: NFS-e São Paulo ----------------------------------------------------------------


def _nfse_sp(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family="helv")
    style = MoneyStyle(".", ",", "R$")
    dates = pick_dates(rng, DATE, due_days=(10, 15, 30))
    provider = _company(rng, SERVICE_TRADES, city=SAO_PAULO, simples=rng.random() < 0.35)
    client = _service_client(rng, SAO_PAULO if rng.random() < 0.7 else None)
    servico = _servico(rng, provider, client, dates.issue, dates.due, style, simples_rate=True)
    number_text = f"{rng.randint(12, 99999):08d}"
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
    code = f"{code[:4]}-{code[4:]}"
    issue_time = _hms(rng, 8, 22)
    rps = rng.random() < 0.65
    rps_number = str(rng.randint(10, 9999))
    rps_date = dates.issue - dt.timedelta(days=rng.choice((0, 1, 1, 2, 5)))
    rps_series = rng.choice(("1", "RPS", "A"))

    left, right = 28.0, 567.0
    top = 28.0
    canvas.box(left, top, right, 812, width=0.8)
    # Header.
    canvas.box(
        left + 10,
        top + 12,
        left + 62,
        top + 72,
        stroke=(0.2, 0.2, 0.2),
        fill=(0.85, 0.85, 0.85),
        width=0.8,
    )
    canvas.text(
        left + 36, top + 46, "SP", size=16, bold=True, align="center", color=(0.25, 0.25, 0.25)
    )
    cx = 240
    canvas.text(
        cx, top + 24, "PREFEITURA DO MUNICÍPIO DE SÃO PAULO", size=11, bold=True, align="center"
    )
    canvas.text(cx, top + 38, "SECRETARIA MUNICIPAL DA FAZENDA", size=9, align="center")
    canvas.text(
        cx,
        top + 54,
        "NOTA FISCAL ELETRÔNICA DE SERVIÇOS - NFS-e",
        size=10,
        bold=True,
        align="center",
    )
    if rps:
        canvas.text(
            cx,
            top + 68,
            f"RPS Nº {rps_number} Série {rps_series}, emitido em {DATE.format(rps_date)}",
            size=8,
            align="center",
        )
    box_left = 420.0
    for k, (label, value) in enumerate(
        (
            ("Número da Nota", number_text),
            ("Data e Hora de Emissão", f"{DATE.format(dates.issue)} {issue_time}"),
            ("Código de Verificação", code),
        )
    ):
        y0 = top + k * 28
        canvas.box(box_left, y0, right, y0 + 28, width=0.6)
        canvas.text(box_left + 4, y0 + 9, label, size=7)
        canvas.text(
            (box_left + right) / 2,
            y0 + 22,
            value,
            size=10 if k == 0 else 9,
            bold=True,
            align="center",
        )
    y = top + 84 + 6

    def band(y: float, title: str) -> float:
        canvas.line(left, y, right, y, width=0.6)
        canvas.text((left + right) / 2, y + 10, title, size=8.5, bold=True, align="center")
        return y + 14

    def pairs(y: float, rows: list[list[tuple[str, str]]]) -> float:
        for row in rows:
            x = left + 8
            for label, value in row:
                canvas.text(x, y + 9, f"{label}:", size=7.5)
                w = canvas.width_of(f"{label}:", size=7.5)
                canvas.text(x + w + 4, y + 9, value, size=8, bold=True)
                x += max(w + 4 + canvas.width_of(value, size=8, bold=True) + 24, 190)
            y += 12
        return y + 4

    y = band(y, "PRESTADOR DE SERVIÇOS")
    y = pairs(
        y,
        [
            [("CPF/CNPJ", provider.doc), ("Inscrição Municipal", provider.im)],
            [("Nome/Razão Social", provider.name)],
            [("Endereço", f"{provider.street} - {provider.district} - CEP: {provider.cep}")],
            [("Município", provider.city.name), ("UF", provider.city.uf)],
        ],
    )
    y = band(y, "TOMADOR DE SERVIÇOS")
    y = pairs(
        y,
        [
            [("Nome/Razão Social", client.name)],
            [
                ("CPF/CNPJ", client.doc),
                (
                    "Inscrição Municipal",
                    client.im if client.city == SAO_PAULO and client.im else "----",
                ),
            ],
            [("Endereço", f"{client.street} - {client.district} - CEP: {client.cep}")],
            [("Município", client.city.name), ("UF", client.city.uf), ("E-mail", client.email)],
        ],
    )
    y = band(y, "INTERMEDIÁRIO DE SERVIÇOS")
    y = pairs(y, [[("CPF/CNPJ", "----"), ("Nome/Razão Social", "----")]])
    y = band(y, "DISCRIMINAÇÃO DOS SERVIÇOS")
    disc_bottom = 560.0
    for k, row in enumerate(servico.rows):
        canvas.text(left + 10, y + 12 + k * 12, row, size=8.5, fontname="cour")
    y = disc_bottom
    canvas.line(left, y, right, y, width=0.8)
    canvas.text(
        (left + right) / 2,
        y + 15,
        f"VALOR TOTAL DO SERVIÇO = R$ {style.number(servico.value)}",
        size=11,
        bold=True,
        align="center",
    )
    y += 22
    y = _cells(
        canvas,
        y,
        [
            ("INSS (R$)", style.number(servico.inss) if servico.inss else "-", 1, "center"),
            ("IRRF (R$)", style.number(servico.ir) if servico.ir else "-", 1, "center"),
            ("CSLL (R$)", style.number(servico.csll) if servico.csll else "-", 1, "center"),
            ("COFINS (R$)", style.number(servico.cofins) if servico.cofins else "-", 1, "center"),
            ("PIS/PASEP (R$)", style.number(servico.pis) if servico.pis else "-", 1, "center"),
        ],
        left=left,
        right=right,
        height=22,
        label_size=7,
        value_size=8.5,
    )
    canvas.box(left, y, right, y + 32, width=0.5)
    canvas.text(left + 4, y + 9, "Código do Serviço", size=7)
    for k, row in enumerate(_wrap(canvas, servico.service.sp_code, right - left - 10, 8)[:2]):
        canvas.text(left + 6, y + 19 + k * 9, row, size=8)
    y += 32
    credit = money(servico.iss * Decimal("0.3")) if client.person else ZERO
    y = _cells(
        canvas,
        y,
        [
            ("Valor Total das Deduções (R$)", style.number(servico.deductions), 1.2, "center"),
            ("Base de Cálculo (R$)", style.number(servico.base), 1, "center"),
            ("Alíquota (%)", f"{str(servico.rate).replace('.', ',')}%", 0.8, "center"),
            ("Valor do ISS (R$)", style.number(servico.iss), 1, "center"),
            ("Crédito (R$)", style.number(credit), 0.8, "center"),
        ],
        left=left,
        right=right,
        height=22,
        label_size=7,
        value_size=8.5,
    )
    share = _percent(servico.approx / servico.value * 100)
    approx = (
        f"R$ {style.number(servico.approx)} ({share}%) / IBPT" if rng.random() < 0.6 else "----"
    )
    y = _cells(
        canvas,
        y,
        [
            (
                "Município da Prestação do Serviço",
                "----" if rng.random() < 0.7 else "São Paulo",
                1,
                "center",
            ),
            ("Número Inscrição da Obra", "----", 1, "center"),
            ("Valor Aproximado dos Tributos / Fonte", approx, 1.2, "center"),
        ],
        left=left,
        right=right,
        height=22,
        label_size=7,
        value_size=8,
    )
    y = band(y, "OUTRAS INFORMAÇÕES")
    iss_due = (dates.issue.replace(day=1) + dt.timedelta(days=32)).replace(day=10)
    info = ["(1) Esta NFS-e foi emitida com respaldo na Lei nº 14.097/2005;"]
    if rps:
        info.append(
            f"(2) Esta NFS-e substitui o RPS Nº {rps_number} Série {rps_series}, emitido em "
            f"{DATE.format(rps_date)};"
        )
    info.append(f"({len(info) + 1}) Data de vencimento do ISS desta NFS-e: {DATE.format(iss_due)};")
    if servico.retained_iss:
        info.append(
            f"({len(info) + 1}) O ISS desta NFS-e será RETIDO pelo Tomador de Serviço que "
            "deverá recolher através da Guia da NFS-e."
        )
    elif provider.simples:
        info.append(
            f"({len(info) + 1}) Documento emitido por ME ou EPP optante pelo Simples Nacional."
        )
    text = " ".join(info)
    for k, row in enumerate(_wrap(canvas, text, right - left - 16, 7.5)):
        canvas.text(left + 8, y + 10 + k * 10, row, size=7.5)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if servico.due_printed else None,
        vendor=provider.name,
        total=servico.value,
        subtotal=None,
        tax=servico.iss,
        currency="BRL",
    )
    image: ImageFormat = choose(rng, [(17, None), (2, "jpg"), (1, "png")])
    return _finish(
        canvas, rng, fields, style, QuantityStyle(","), title=f"NFS-e {number_text}", image=image
    )


# -- Layout 3: DANFSe (national NFS-e) --------------------------------------------------------


def _danfse(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family="helv")
    style = MoneyStyle(".", ",", "R$")
    dates = pick_dates(rng, DATE, due_days=(10, 15, 30))
    city = rng.choice(CITIES[1:])
    provider = _company(rng, SERVICE_TRADES, city=city, simples=rng.random() < 0.4)
    mei = provider.simples and rng.random() < 0.3
    if mei:
        person = _person_name(rng)
        provider.name = f"{provider.doc[:10]} {person}"
        provider.mei = True
    client = _service_client(rng, city if rng.random() < 0.7 else None)
    servico = _servico(rng, provider, client, dates.issue, dates.due, style, simples_rate=False)
    if mei:
        servico.retained_iss = False
    number = rng.randint(1, 4800)
    issued = dt.datetime.combine(
        dates.issue, dt.time(rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59))
    )
    issue_time = f"{issued:%H:%M:%S}"
    dps_at = issued - dt.timedelta(seconds=rng.randint(4, 5400))
    dps_number = rng.randint(1, 900) if rng.random() < 0.5 else number
    competence = dates.issue if rng.random() < 0.5 else dates.other[0]
    cnpj_raw = provider.doc.replace(".", "").replace("/", "").replace("-", "")
    chave = f"{city.cmun}2{1}{cnpj_raw}{number:013d}{dates.issue:%y%m}{_digits(rng, 9)}"
    chave += str(_mod11(chave))
    no_iss = provider.simples
    m = lambda v: f"R$ {style.number(v)}" if v else "-"  # noqa: E731

    left, right = 22.0, 573.0
    # Header.
    canvas.box(left, 20, left + 48, 56, stroke=None, fill=(0.1, 0.35, 0.6))
    canvas.text(left + 24, 43, "NFS-e", size=10, bold=True, color=WHITE, align="center")
    canvas.text(left + 58, 34, "DANFSe v1.0", size=12, bold=True)
    canvas.text(left + 58, 46, "Documento Auxiliar da NFS-e", size=8)
    canvas.text(
        right, 30, f"Prefeitura Municipal de {city.name}", size=8.5, bold=True, align="right"
    )
    canvas.text(right, 41, f"{city.name} - {city.uf}", size=7.5, align="right")
    canvas.text(
        right,
        51,
        f"({city.ddd}) {rng.randint(2, 3)}{_digits(rng, 3)}-{_digits(rng, 4)}",
        size=7.5,
        align="right",
    )
    y = 64.0
    canvas.line(left, y, right, y, width=0.8)

    def grid(
        y: float, rows: list[list[tuple[str, str]]], cols: int = 4, size: float = 7.2
    ) -> float:
        width = (right - left) / cols
        for row in rows:
            spans = [1] * len(row)
            if len(row) < cols:
                spans[-1] = cols - len(row) + 1
            x = left
            height = 20.0
            wraps = []
            for (_label, value), span in zip(row, spans, strict=True):
                lines_ = _wrap(canvas, value, width * span - 6, size) if value else ["-"]
                wraps.append(lines_)
                height = max(height, 12 + 8.5 * len(lines_))
            for (label, _), span, lines_ in zip(row, spans, wraps, strict=True):
                canvas.text(x + 2, y + 7, label, size=5.8, bold=True)
                for k, text in enumerate(lines_):
                    canvas.text(x + 2, y + 15.5 + k * 8.5, text, size=size)
                x += width * span
            y += height
        return y

    def title(y: float, text: str) -> float:
        canvas.box(left, y, right, y + 11, stroke=None, fill=FILL)
        canvas.text(left + 3, y + 8, text, size=7, bold=True)
        return y + 12

    canvas.text(left + 2, y + 9, "Chave de Acesso da NFS-e", size=5.8, bold=True)
    canvas.text(left + 2, y + 18, chave, size=8, bold=True)
    _qr(canvas, rng, right - 62, y + 6, 58)
    for k, row in enumerate(
        (
            "A autenticidade desta NFS-e pode ser verificada",
            "pela leitura deste código QR ou pela consulta da",
            "chave de acesso no portal nacional da NFS-e",
        )
    ):
        canvas.text(right - 68, y + 30 + k * 6.5, row, size=5, align="right")
    y += 22
    width3 = (right - 200 - left) / 3

    for r, info_row in enumerate(
        (
            (
                ("Número da NFS-e", str(number)),
                ("Competência da NFS-e", DATE.format(competence)),
                ("Data e Hora da emissão da NFS-e", f"{DATE.format(dates.issue)} {issue_time}"),
            ),
            (
                ("Número da DPS", str(dps_number)),
                ("Série da DPS", rng.choice(("900", "1", "00001"))),
                (
                    "Data e Hora da emissão da DPS",
                    f"{DATE.format(dps_at.date())} {dps_at:%H:%M:%S}",
                ),
            ),
        )
    ):
        for k, (label, value) in enumerate(info_row):
            x = left + k * width3
            canvas.text(x + 2, y + 7 + r * 20, label, size=5.8, bold=True)
            canvas.text(x + 2, y + 16 + r * 20, value, size=7.5, bold=r == 0 and k == 0)
    y += 46
    canvas.line(left, y, right, y, width=0.6)
    y += 2
    y = title(y, "EMITENTE DA NFS-e")
    sn_text = (
        "Optante - Microempreendedor Individual (MEI)"
        if provider.mei
        else "Optante - Microempresa ou Empresa de Pequeno Porte (ME/EPP)"
        if provider.simples
        else "Não Optante"
    )
    y = grid(
        y,
        [
            [
                ("Prestador do Serviço - CNPJ / CPF / NIF", provider.doc),
                ("Inscrição Municipal", provider.im),
                ("Telefone", provider.phone),
            ],
            [("Nome / Nome Empresarial", provider.name), ("E-mail", provider.email)],
            [
                ("Endereço", f"{provider.street}, {provider.district}"),
                ("Município", f"{provider.city.name} - {provider.city.uf}"),
                ("CEP", provider.cep),
            ],
            [
                ("Simples Nacional na Data de Competência", sn_text),
                (
                    "Regime de Apuração Tributária pelo SN",
                    "Regime de apuração dos tributos federais e municipal pelo SN"
                    if provider.simples
                    else "-",
                ),
            ],
        ],
    )
    y = title(y, "TOMADOR DO SERVIÇO")
    y = grid(
        y,
        [
            [
                ("CNPJ / CPF / NIF", client.doc),
                ("Inscrição Municipal", client.im or "-"),
                ("Telefone", client.phone),
            ],
            [("Nome / Nome Empresarial", client.name), ("E-mail", client.email)],
            [
                ("Endereço", f"{client.street}, {client.district}"),
                ("Município", f"{client.city.name} - {client.city.uf}"),
                ("CEP", client.cep),
            ],
        ],
    )
    y = title(y, "INTERMEDIÁRIO DO SERVIÇO NÃO IDENTIFICADO NA NFS-e")
    y = title(y, "SERVIÇO PRESTADO")
    y = grid(
        y,
        [
            [
                ("Código de Tributação Nacional", servico.service.national.split(" - ")[0]),
                ("Código de Tributação Municipal", f"{rng.randint(1, 40):03d}"),
                ("Local da Prestação", f"{city.name} - {city.uf}"),
                ("País da Prestação", "-"),
            ],
            [("Descrição do Serviço", " ".join(servico.rows[:2]))],
        ],
    )
    y = title(y, "TRIBUTAÇÃO MUNICIPAL")
    rate_text = "-" if no_iss else f"{str(servico.rate).replace('.', ',')}%"
    y = grid(
        y,
        [
            [
                ("Tributação do ISSQN", "Operação Tributável"),
                ("País Resultado da Prestação do Serviço", "-"),
                ("Município de Incidência do ISSQN", f"{city.name} - {city.uf}"),
                ("Regime Especial de Tributação", "Nenhum"),
            ],
            [
                ("Tipo de Imunidade", "-"),
                ("Suspensão da Exigibilidade do ISSQN", "Não"),
                ("Número Processo Suspensão", "-"),
                ("Benefício Municipal", "-"),
            ],
            [
                ("Valor do Serviço", m(servico.value)),
                ("Desconto Incondicionado", "-"),
                ("Total Deduções/Reduções", "-"),
                ("Cálculo do BM", "-"),
            ],
            [
                ("BC ISSQN", "-" if no_iss else m(servico.base)),
                ("Alíquota Aplicada", rate_text),
                (
                    "Retenção do ISSQN",
                    "Retido pelo Tomador" if servico.retained_iss else "Não Retido",
                ),
                ("ISSQN Apurado", "-" if no_iss else m(servico.iss)),
            ],
        ],
    )
    y = title(y, "TRIBUTAÇÃO FEDERAL")
    y = grid(
        y,
        [
            [
                ("IRRF", m(servico.ir)),
                ("Contribuição Previdenciária - Retida", m(servico.inss)),
                ("Contribuições Sociais - Retidas", m(servico.pis + servico.cofins + servico.csll)),
                ("Descrição Contrib. Sociais - Retidas", "PIS/COFINS/CSLL" if servico.pis else "-"),
            ],
            [("PIS - Débito Apuração Própria", "-"), ("COFINS - Débito Apuração Própria", "-")],
        ],
    )
    y = title(y, "VALOR TOTAL DA NFS-E")
    retained = servico.iss if servico.retained_iss else ZERO
    y = grid(
        y,
        [
            [
                ("Valor do Serviço", m(servico.value)),
                ("Desconto Condicionado", "-"),
                ("Desconto Incondicionado", "-"),
                ("ISSQN Retido", m(retained)),
            ],
            [
                ("Total das Retenções Federais", m(servico.federal)),
                ("PIS/COFINS - Débito Apur. Própria", "-"),
                ("Valor Líquido da NFS-e", m(servico.net)),
            ],
        ],
    )
    y = title(y, "TOTAIS APROXIMADOS DOS TRIBUTOS")
    fed = money(servico.approx * Decimal("0.7"))
    y = grid(
        y,
        [[("Federais", m(fed)), ("Estaduais", "-"), ("Municipais", m(servico.approx - fed))]],
        cols=3,
    )
    y = title(y, "INFORMAÇÕES COMPLEMENTARES")
    extra = servico.rows[2:]
    if provider.mei:
        extra.append("NFS-e emitida por MEI - dispensada a retenção de tributos federais.")
    text = " | ".join(extra) if extra else "-"
    for k, row in enumerate(_wrap(canvas, text, right - left - 8, 7.2)):
        canvas.text(left + 3, y + 9 + k * 9, row, size=7.2)

    fields = truth_fields(
        number=str(number),
        issue=dates.issue,
        due=dates.due if servico.due_printed else None,
        vendor=provider.name,
        total=servico.value,
        subtotal=None,
        tax=None if no_iss else servico.iss,
        currency="BRL",
    )
    image: ImageFormat = choose(rng, [(17, None), (3, "jpg")])
    return _finish(
        canvas, rng, fields, style, QuantityStyle(","), title=f"DANFSe {chave}", image=image
    )


# -- Layout 4: rental fatura with a boleto ----------------------------------------------------


def _locacao(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    style = MoneyStyle(".", ",", "R$")
    quantities: QuantityStyle = QuantityStyle(",")
    dates = pick_dates(rng, DATE, due_days=(10, 15, 28, 30))
    city = rng.choice(CITIES)
    vendor = _company(rng, RENTAL_FIRMS, city=city, simples=rng.random() < 0.4)
    client = _company(
        rng,
        [
            "CONSTRUTORA",
            "ENGENHARIA E CONSTRUÇÕES",
            "INCORPORADORA",
            "EMPREENDIMENTOS IMOBILIÁRIOS",
        ],
        city=city,
    )
    count = choose(rng, [(2, 1), (3, 2), (3, 3), (2, 4), (1, 6)])
    lines = []
    for desc, unit, low, high in rng.sample(RENTALS, count):
        qty = Decimal(
            rng.choice((1, 1, 2, 3, 4))
            if low > 100
            else rng.choice((20, 40, 60, 80, 120, 150, 200, 300))
        )
        lines.append(Line(desc, qty, price(rng, low, high), unit))
    subtotal = sum((line.amount for line in lines), ZERO)
    freight = money(Decimal(rng.choice((120, 180, 250, 350, 480)))) if rng.random() < 0.3 else ZERO
    discount = (
        money(subtotal * Decimal(rng.choice(("0.05", "0.10")))) if rng.random() < 0.2 else ZERO
    )
    total = subtotal + freight - discount
    number_text = (
        f"{rng.randint(100, 99999):06d}"
        if rng.random() < 0.6
        else f"{dates.issue.year}/{rng.randint(10, 2999):04d}"
    )
    period_end = dates.issue - dt.timedelta(days=rng.randint(0, 3))
    period_start = period_end - dt.timedelta(days=29)
    contract = f"{rng.randint(10, 999)}/{dates.issue.year - rng.choice((0, 1))}"

    left, right = 40.0, 555.0
    accent = rng.choice(((0.8, 0.45, 0.05), (0.1, 0.3, 0.55), (0.15, 0.45, 0.2)))
    canvas.box(left, 36, left + 8, 86, stroke=None, fill=accent)
    canvas.text(
        left + 16, 52, vendor.name, size=_fit(canvas, vendor.name, 300, 12, bold=True), bold=True
    )
    for k, row in enumerate(
        (
            f"{vendor.street} - {vendor.district}",
            f"{vendor.city.name} - {vendor.city.uf} - CEP {vendor.cep}",
            f"CNPJ {vendor.doc}   I.E. {vendor.ie if rng.random() < 0.5 else 'ISENTO'}",
            f"Fone {vendor.phone}   {vendor.email}",
        )
    ):
        canvas.text(left + 16, 64 + k * 9.5, row, size=7.5)
    canvas.box(375, 36, right, 94, width=0.8)
    canvas.text((375 + right) / 2, 52, "FATURA DE LOCAÇÃO", size=11, bold=True, align="center")
    canvas.text((375 + right) / 2, 68, f"Nº {number_text}", size=12, bold=True, align="center")
    canvas.text(380, 86, f"Emissão: {DATE.format(dates.issue)}", size=8)
    canvas.text(right - 5, 86, f"Vencimento: {DATE.format(dates.due)}", size=8, align="right")

    y = 112.0
    canvas.box(left, y, right, y + 62, width=0.5)
    canvas.text(left + 4, y + 10, "LOCATÁRIO", size=7, bold=True, color=GREY)
    canvas.text(left + 4, y + 23, client.name, size=9, bold=True)
    canvas.text(
        left + 4,
        y + 35,
        _address_line(client),
        size=7.5,
    )
    canvas.text(left + 4, y + 47, f"CNPJ: {client.doc}   Insc. Est.: {client.ie}", size=7.5)
    canvas.text(
        left + 4,
        y + 58,
        f"Obra: {_title(rng.choice(STREETS))}, {rng.randint(10, 2000)} - {client.city.name}",
        size=7.5,
    )
    y += 76
    refs = [
        f"Contrato nº {contract}",
        f"Período de locação: {DATE.format(period_start)} a {DATE.format(period_end)}",
    ]
    if rng.random() < 0.5:
        refs.append(f"Medição nº {rng.randint(1, 40):02d}")
    canvas.text(left, y, "   |   ".join(refs), size=8)
    y += 10
    rows = [
        [
            f"{rng.randint(100, 9999)}",
            line.description,
            line.unit,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for line in lines
    ]
    y = draw_table(
        canvas,
        y,
        [
            Column("Código", left + 3),
            Column("Descrição do equipamento", left + 50),
            Column("Un.", 318),
            Column("Qtd.", 370, "right"),
            Column("Valor unitário", 460, "right"),
            Column("Valor total", right - 3, "right"),
        ],
        rows,
        left=left,
        right=right,
        size=8.5,
        row_height=15,
        rules=rng.choice(("grid", "header", "zebra")),
        header_fill=FILL,
    )
    y += 12
    totals = []
    if freight or discount:
        totals.append(("Subtotal", f"R$ {style.number(subtotal)}"))
        if freight:
            totals.append(("Frete (entrega e retirada)", f"R$ {style.number(freight)}"))
        if discount:
            totals.append(("(-) Desconto", f"R$ {style.number(discount)}"))
    for label, value in totals:
        canvas.text(360, y, label, size=8.5)
        canvas.text(right - 3, y, value, size=8.5, align="right")
        y += 13
    canvas.box(355, y - 9, right, y + 8, stroke=None, fill=FILL)
    canvas.text(360, y + 3, "VALOR TOTAL DA FATURA", size=9, bold=True)
    canvas.text(right - 3, y + 3, f"R$ {style.number(total)}", size=10, bold=True, align="right")
    y += 24
    note = (
        "Locação de bens móveis: operação não sujeita à incidência do ISS (LC 116/2003, "
        "subitem 3.01 vetado; Súmula Vinculante nº 31 do STF), dispensada a emissão de nota "
        "fiscal de serviços."
    )
    for row in _wrap(canvas, note, right - left, 7):
        canvas.text(left, y, row, size=7, color=GREY)
        y += 9
    if rng.random() < 0.5:
        canvas.text(left, y + 4, f"Valor por extenso: {extenso(total)}.", size=7.5)

    # Boleto.
    bank = rng.choice(BANKS)
    code_line = _linha_digitavel(bank[0], dates.due, total, rng)
    top = 560.0
    for x in range(int(left), int(right), 6):
        canvas.line(x, top - 14, x + 3, top - 14, width=0.4)
    canvas.text(right, top - 18, "Corte na linha pontilhada", size=6, align="right", color=GREY)
    canvas.text(left, top + 12, bank[2], size=12, bold=True)
    canvas.line(left + 110, top, left + 110, top + 16, width=1.2)
    canvas.text(left + 135, top + 12, f"{bank[0]}-{bank[1]}", size=12, bold=True, align="center")
    canvas.line(left + 160, top, left + 160, top + 16, width=1.2)
    canvas.text(right, top + 12, code_line, size=9.5, bold=True, align="right")
    y = top + 17
    main_right = 430.0
    nosso = f"{rng.choice(('109', '17', '1', '09'))}/{_digits(rng, 8)}-{_digits(rng, 1)}"

    def brow(y: float, cells: list[Cell], side: tuple[str, str]) -> float:
        _cells(
            canvas, y, cells, left=left, right=main_right, height=20, label_size=5.5, value_size=7.5
        )
        _cells(
            canvas,
            y,
            [(side[0], side[1], 1, "right")],
            left=main_right,
            right=right,
            height=20,
            label_size=5.5,
            value_size=7.5,
        )
        return y + 20

    y = brow(
        y,
        [("Local de pagamento", "Pagável em qualquer banco até o vencimento", 1)],
        ("Vencimento", DATE.format(dates.due)),
    )
    y = brow(
        y,
        [("Beneficiário", f"{vendor.name} - CNPJ {vendor.doc}", 1)],
        (
            "Agência / Código do Beneficiário",
            f"{_digits(rng, 4)}/{_digits(rng, 5)}-{_digits(rng, 1)}",
        ),
    )
    y = brow(
        y,
        [
            ("Data do documento", DATE.format(dates.issue), 1.1),
            ("Nº do documento", f"{number_text}/1" if rng.random() < 0.5 else number_text, 1.1),
            ("Espécie doc.", rng.choice(("DM", "DS", "FAT")), 0.7),
            ("Aceite", "N", 0.5),
            ("Data processamento", DATE.format(dates.issue), 1.1),
        ],
        ("Nosso número", nosso),
    )
    y = brow(
        y,
        [
            ("Uso do banco", "", 1),
            ("Carteira", nosso.split("/")[0], 0.7),
            ("Espécie", "R$", 0.6),
            ("Quantidade", "", 1),
            ("Valor", "", 1),
        ],
        ("(=) Valor do documento", style.number(total)),
    )
    instr_top = y
    for side in (
        "(-) Desconto / Abatimento",
        "(-) Outras deduções",
        "(+) Mora / Multa",
        "(+) Outros acréscimos",
        "(=) Valor cobrado",
    ):
        _cells(canvas, y, [(side, "", 1)], left=main_right, right=right, height=18, label_size=5.5)
        y += 18
    canvas.box(left, instr_top, main_right, y, width=0.5)
    canvas.text(
        left + 2, instr_top + 7, "Instruções (texto de responsabilidade do beneficiário)", size=5.5
    )
    late = money(total * Decimal("0.02"))
    for k, row in enumerate(
        (
            f"Após o vencimento cobrar multa de 2% (R$ {style.number(late)}) "
            "e juros de 0,033% ao dia.",
            "Não receber após 30 dias do vencimento.",
            f"Referente à fatura de locação nº {number_text} - contrato {contract}.",
        )
    ):
        canvas.text(left + 4, instr_top + 20 + k * 11, row, size=7.5)
    canvas.box(left, y, right, y + 34, width=0.5)
    canvas.text(left + 2, y + 7, "Pagador", size=5.5)
    canvas.text(left + 6, y + 17, f"{client.name} - CNPJ: {client.doc}", size=7.5)
    canvas.text(
        left + 6,
        y + 27,
        _address_line(client),
        size=7.5,
    )
    y += 40
    _barcode(canvas, rng, left, y, 300, 36)
    canvas.text(
        right, y + 8, "Autenticação mecânica - Ficha de Compensação", size=6.5, align="right"
    )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor.name,
        total=total,
        subtotal=subtotal if (freight or discount) else None,
        tax=None,
        currency="BRL",
        lines=lines,
    )
    image: ImageFormat = choose(rng, [(8, None), (2, "jpg")])
    return _finish(
        canvas,
        rng,
        fields,
        style,
        quantities,
        title=f"Fatura {number_text}",
        image=image,
        inclusive=not (freight or discount),
    )


# -- Layout 5: duplicata ----------------------------------------------------------------------


def _duplicata(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro", "cour")))
    style = MoneyStyle(".", ",", "R$")
    dates = pick_dates(rng, DATE, due_days=(21, 28, 30, 45))
    vendor = _company(rng, GOODS_TRADES, simples=rng.random() < 0.5)
    client = _company(rng, GOODS_TRADES + SERVICE_TRADES, simples=rng.random() < 0.4)
    fatura_no = rng.randint(120, 48000)
    fatura = str(fatura_no) if rng.random() < 0.6 else f"{fatura_no:06d}"
    value = money(Decimal(rng.uniform(380, 42000)))
    parts = choose(rng, [(6, 1), (2, 2), (2, 3)])
    k = rng.randint(1, parts)
    part = money(value / parts)
    dup_value = part if k < parts else value - part * (parts - 1)
    due = dates.due + dt.timedelta(days=30 * (k - 1))
    suffix = rng.choice(("-{k}", "/{k}", "-{letter}")).format(k=k, letter="ABC"[k - 1])
    dup_no = fatura if parts == 1 and rng.random() < 0.5 else f"{fatura}{suffix}"
    kind = rng.choice(("DUPLICATA DE VENDA MERCANTIL", "DUPLICATA"))
    nf = f"{fatura_no:09d}"
    nf = f"{nf[:3]}.{nf[3:6]}.{nf[6:]}"

    left, right = 36.0, 559.0
    top = 40.0
    canvas.box(left, top, right, 472, width=1.0)
    canvas.text(
        left + 8,
        top + 18,
        vendor.name,
        size=_fit(canvas, vendor.name, 330, 11.5, bold=True),
        bold=True,
    )
    for j, row in enumerate(
        (
            f"{vendor.street} - {vendor.district}",
            f"{vendor.city.name} - {vendor.city.uf}   CEP {vendor.cep}   Fone {vendor.phone}",
            f"CNPJ {vendor.doc}   Insc. Est. {vendor.ie}",
        )
    ):
        canvas.text(left + 8, top + 31 + j * 10, row, size=7.5)
    canvas.text(right - 8, top + 20, "DUPLICATA", size=16, bold=True, align="right")
    canvas.text(right - 8, top + 38, "DATA DA EMISSÃO", size=6.5, align="right")
    canvas.text(right - 8, top + 50, DATE.format(dates.issue), size=10, bold=True, align="right")
    y = top + 64
    canvas.line(left, y, right, y, width=0.8)
    cells: list[Cell] = [
        ("FATURA Nº", fatura, 1, "center"),
        ("VALOR DA FATURA R$", style.number(value), 1.2, "center"),
        ("DUPLICATA Nº DE ORDEM", dup_no, 1.2, "center"),
        ("VALOR R$", style.number(dup_value), 1.1, "center"),
        ("VENCIMENTO", DATE.format(due), 1.1, "center"),
    ]
    _cells(
        canvas,
        y + 6,
        cells,
        left=left + 6,
        right=430,
        height=28,
        label_size=6,
        value_size=10,
        bold_values=True,
    )
    canvas.box(436, y + 6, right - 6, y + 80, width=0.5)
    canvas.text((436 + right - 6) / 2, y + 14, "PARA USO DA", size=6, align="center")
    canvas.text((436 + right - 6) / 2, y + 21, "INSTITUIÇÃO FINANCEIRA", size=6, align="center")
    y += 44
    disc_until = dates.issue + dt.timedelta(days=10)
    if rng.random() < 0.4:
        canvas.text(
            left + 8,
            y + 6,
            f"DESCONTO DE 2% SOBRE R$ {style.number(dup_value)} ATÉ {DATE.format(disc_until)}",
            size=7.5,
        )
    else:
        canvas.text(
            left + 8,
            y + 6,
            "DESCONTO DE ______ % SOBRE ____________ ATÉ ____/____/______",
            size=7.5,
        )
    special = f"REF. NF-e Nº {nf} SÉRIE {rng.choice(('1', '001'))}"
    if parts > 1:
        special += f" - PARCELA {k}/{parts}"
    canvas.text(left + 8, y + 20, f"CONDIÇÕES ESPECIAIS: {special}", size=7.5)
    y += 40
    canvas.line(left, y, 430, y, width=0.5)
    rows = [
        ("NOME DO SACADO", client.name),
        ("ENDEREÇO", f"{client.street} - {client.district}"),
        ("MUNICÍPIO", f"{client.city.name}   UF: {client.city.uf}   CEP: {client.cep}"),
        ("PRAÇA DE PAGAMENTO", f"{client.city.name} - {client.city.uf}"),
        ("INSCR. NO CNPJ", f"{client.doc}   INSC. EST.: {client.ie}"),
    ]
    for j, (label, text) in enumerate(rows):
        canvas.text(left + 8, y + 14 + j * 14, f"{label}:", size=7)
        canvas.text(left + 110, y + 14 + j * 14, text, size=8.5, bold=j == 0)
    y += 14 + len(rows) * 14
    canvas.box(left + 6, y, right - 6, y + 36, width=0.5)
    canvas.text(left + 10, y + 9, "VALOR POR EXTENSO", size=6)
    words = extenso(dup_value).upper()
    for j, row in enumerate(_wrap(canvas, f"({words})", right - left - 30, 8.5)[:2]):
        canvas.text(left + 14, y + 21 + j * 11, row, size=8.5)
    y += 48
    clause = (
        f"Reconheço(emos) a exatidão desta {kind} na importância acima, que pagarei(emos) à "
        f"{vendor.name}, ou à sua ordem, na praça e vencimento acima indicados."
    )
    for row in _wrap(canvas, clause, right - left - 20, 8):
        canvas.text(left + 10, y, row, size=8)
        y += 11
    y = min(max(y + 40, 400), 440)
    canvas.text(left + 20, y, "EM ____/____/______", size=8)
    canvas.text(left + 30, y + 12, "(DATA DO ACEITE)", size=6.5)
    canvas.line(300, y, right - 20, y, width=0.5)
    canvas.text((300 + right - 20) / 2, y + 12, "ASSINATURA DO SACADO", size=6.5, align="center")
    canvas.text(right - 8, 484, f"{vendor.name} - emitente", size=6.5, align="right", color=GREY)

    fields = truth_fields(
        number=fatura,
        issue=dates.issue,
        due=due if parts == 1 else None,
        vendor=vendor.name,
        total=value,
        subtotal=None,
        tax=None,
        currency="BRL",
    )
    image: ImageFormat = choose(rng, [(5, None), (4, "jpg"), (1, "png")])
    return _finish(
        canvas, rng, fields, style, QuantityStyle(","), title=f"Duplicata {dup_no}", image=image
    )


# -- Layout 6: a MEI's recibo -----------------------------------------------------------------


def _recibo(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro", "tiro")))
    style = MoneyStyle(".", ",", "R$")
    quantities = QuantityStyle(",")
    dates = pick_dates(rng, DATE)
    long_date = DateStyle(
        rng.choice(("{d} de {month} de {yyyy}", "{dd} de {month} de {yyyy}")), "pt"
    )
    trade, subtitle, catalogue = rng.choice(MEI_TRADES)
    city = rng.choice(CITIES)
    name = _title(_person_name(rng))
    cnpj = _fmt_cnpj(_dv_cnpj(_digits(rng, 8) + "0001"))
    cpf = _cpf(rng)
    payer = (
        _person(rng, city)
        if rng.random() < 0.5
        else _company(rng, GOODS_TRADES + SERVICE_TRADES, city=city)
    )
    listed = rng.random() < 0.6
    count = rng.randint(1, min(4, len(catalogue))) if listed else rng.randint(1, 2)
    lines = []
    for desc, unit, low, high in rng.sample(catalogue, count):
        qty = Decimal(
            rng.choice((1, 1, 2, 3, 4, 6, 10))
            if unit not in ("m", "m²")
            else rng.choice((12, 20, 35, 48, 60, 85))
        )
        lines.append(Line(desc, qty, Decimal(rng.randint(low, high)), unit))
    total = sum((line.amount for line in lines), ZERO)
    number_text = rng.choice(
        (f"{rng.randint(1, 180):03d}/{dates.issue.year}", f"{rng.randint(1, 900):04d}")
    )

    left, right = 60.0, 535.0
    accent = rng.choice(((0.1, 0.3, 0.55), (0.55, 0.15, 0.15), (0.2, 0.2, 0.2)))
    canvas.text(
        left, 70, name, size=_fit(canvas, name, 300, 17, bold=True), bold=True, color=accent
    )
    canvas.text(left, 86, f"{trade} - {subtitle}", size=9.5)
    canvas.text(left, 99, f"MEI - CNPJ {cnpj}", size=8.5)
    canvas.text(right, 74, f"{_phone(rng, city, mobile=True)} (WhatsApp)", size=8.5, align="right")
    canvas.text(
        right,
        87,
        f"{_handle(name)}.{rng.choice(('servicos', 'reparos', 'mei'))}@gmail.com",
        size=8.5,
        align="right",
    )
    canvas.text(right, 100, f"{city.name} - {city.uf}", size=8.5, align="right")
    canvas.line(left, 110, right, 110, width=1.2, color=accent)

    canvas.text(left, 150, "RECIBO", size=22, bold=True)
    canvas.text(
        left + canvas.width_of("RECIBO", size=22, bold=True) + 12, 150, f"Nº {number_text}", size=12
    )
    canvas.box(370, 130, right, 158, width=1.0)
    canvas.text(378, 149, "VALOR:", size=10, bold=True)
    canvas.text(right - 8, 149, style.amount(total), size=13, bold=True, align="right")

    size = 10.5
    who = f"{payer.name}, {'CPF' if payer.person else 'CNPJ'} {payer.doc}"
    reason = (
        "referente aos serviços abaixo discriminados"
        if listed
        else f"referente a {lines[0].description.lower()}"
        + (f" e {lines[1].description.lower()}" if len(lines) > 1 else "")
    )
    body = (
        f"Recebi de {who}, a importância de {style.amount(total)} ({extenso(total)}), {reason}, "
        f"no endereço {_title(payer.street)} - {_title(payer.district)}, "
        f"{payer.city.name}/{payer.city.uf}."
    )
    y = 196.0
    for row in _wrap(canvas, body, right - left, size):
        canvas.text(left, y, row, size=size)
        y += size + 6
    y += 10
    if listed:
        rows = [
            [
                line.description,
                quantities.number(line.quantity),
                line.unit,
                style.number(line.unit_price),
                style.number(line.amount),
            ]
            for line in lines
        ]
        y = draw_table(
            canvas,
            y,
            [
                Column("Descrição", left + 3),
                Column("Qtd.", 345, "right"),
                Column("Un.", 352),
                Column("Valor unit.", 450, "right"),
                Column("Total", right - 3, "right"),
            ],
            rows,
            left=left,
            right=right,
            size=9,
            row_height=16,
            rules="grid",
            header_fill=FILL,
        )
        canvas.text(450, y + 10, "Total", size=9.5, bold=True, align="right")
        canvas.text(right - 3, y + 10, style.number(total), size=9.5, bold=True, align="right")
        y += 30
    if rng.random() < 0.5:
        ref = dates.other[0]
        canvas.text(
            left,
            y,
            f"Conforme orçamento nº {rng.randint(10, 400)} de {DATE.format(ref)}.",
            size=size - 1,
        )
        y += size + 6
    if rng.random() < 0.5:
        canvas.text(
            left, y, f"Garantia dos serviços: {rng.choice((90, 90, 180))} dias.", size=size - 1
        )
        y += size + 6
    canvas.text(
        left, y + 8, "Para maior clareza, firmo o presente recibo, dando plena quitação.", size=size
    )
    y += 50
    canvas.text(
        right, y, f"{city.name}, {long_date.format(dates.issue)}.", size=size, align="right"
    )
    y += 70
    canvas.line(250, y, right, y, width=0.6)
    canvas.text((250 + right) / 2, y + 13, name, size=size, align="center")
    canvas.text((250 + right) / 2, y + 26, f"CPF {cpf}", size=size - 1, align="center")
    if rng.random() < 0.5:
        canvas.text(left, 790, f"Pagamento via PIX - chave CNPJ {cnpj}", size=8, color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        vendor=name,
        total=total,
        subtotal=None,
        tax=None,
        currency="BRL",
        lines=lines if listed else None,
    )
    image: ImageFormat = choose(rng, [(9, None), (8, "jpg"), (3, "png")])
    return _finish(
        canvas,
        rng,
        fields,
        style,
        quantities,
        title=f"Recibo {number_text}",
        image=image,
        kind="receipt",
        inclusive=True,
        overrides={"invoice_date": long_date},
    )


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(
        rng,
        [
            (3.5, "danfe"),
            (2, "nfse_sp"),
            (1.5, "danfse"),
            (1.2, "locacao"),
            (1, "duplicata"),
            (1, "recibo"),
        ],
    )
    return {
        "danfe": _danfe,
        "nfse_sp": _nfse_sp,
        "danfse": _danfse,
        "locacao": _locacao,
        "duplicata": _duplicata,
        "recibo": _recibo,
    }[layout](rng)
