"""Built-in knowledge of common field keys: multilingual label synonyms and value shapes.

Read by label anchoring for any schema whose field keys match (so a user-defined case type that
reuses `invoice_number` gets the same labels) and by `demo_schemas.py`. Languages: English,
German, French, Dutch, Spanish. Labels come from what real invoices and orders print (see
eval/invoice2data-templates); matching is fuzzy, so accents and punctuation need not be exact.
"""

from __future__ import annotations

BUILTIN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "invoice_number": (
        "Invoice Number", "Invoice No", "Invoice No.", "Invoice #", "Invoice Nr", "Invoice ID",
        "Invoice", "Bill No", "Bill Number", "Receipt No", "Receipt Number", "Document No",
        "Rechnungsnummer", "Rechnungsnr", "Rechnungs-Nr", "Rechnung Nr", "Rechnung", "Beleg-Nr",
        "Belegnummer", "RE-Nummer", "Numéro de facture", "N° de facture", "No de facture",
        "Facture n°", "Facture N", "Facture", "Référence facture", "N° facture",
        "Factuurnummer", "Factuurnr", "Factuur nummer", "Factuur", "Número de factura",
        "Nº factura", "N° factura", "Factura N", "Factura nº", "Factura", "Booking ID",
    ),
    "invoice_date": (
        "Invoice Date", "Date of Invoice", "Date of issue", "Issue Date", "Billing Date",
        "Bill Date", "Date", "Dated", "Rechnungsdatum", "Datum", "Belegdatum", "Ausstellungsdatum",
        "Date de facture", "Date facture", "Date d'émission", "Factuurdatum", "Factuur datum",
        "Fecha de factura", "Fecha de emisión", "Fecha",
    ),
    "due_date": (
        "Due Date", "Payment Due", "Due", "Pay by", "Payment due date", "Fälligkeitsdatum",
        "Fällig am", "Zahlbar bis", "Fälligkeit", "Date d'échéance", "Échéance",
        "Date limite de paiement", "Vervaldatum", "Uiterste betaaldatum", "Te betalen voor",
        "Fecha de vencimiento", "Vencimiento",
    ),
    "vendor_name": (
        "Vendor Name", "Vendor", "Supplier", "Seller", "Sold By", "From", "Lieferant",
        "Verkäufer", "Fournisseur", "Vendeur", "Leverancier", "Verkoper", "Proveedor", "Vendedor",
    ),
    "total_amount": (
        "Total", "Total Amount", "Amount Due", "Total Due", "Balance Due", "Grand Total",
        "Invoice Total", "Total amount due", "Total for this invoice", "Amount payable",
        "Total to pay", "Total incl. VAT", "Total (incl. tax)", "Gesamtbetrag", "Gesamt",
        "Summe", "Endbetrag", "Rechnungsbetrag", "Zu zahlen", "Total EUR", "Bruttobetrag",
        "Total TTC", "Montant TTC", "Net à payer", "Somme à payer", "Montant total",
        "Total à payer", "Totaal", "Totaalbedrag", "Te betalen", "Factuur totaal",
        "Totaal incl. BTW", "Total a pagar", "Importe total", "Total factura",
    ),
    "subtotal_amount": (
        "Subtotal", "Sub Total", "Sub-total", "Net Amount", "Net Total", "Total excl. VAT",
        "Total excluding tax", "Amount before tax", "Zwischensumme", "Nettobetrag", "Netto",
        "Summe netto", "Gesamt netto", "Total HT", "Montant HT", "Sous-total", "Total hors taxes",
        "Subtotaal", "Exclusief BTW", "Totaal excl. BTW", "Bedrag excl. BTW", "Grondslag",
        "Base imponible", "Subtotal sin IVA",
    ),
    "tax_amount": (
        "Tax", "Tax Amount", "VAT", "VAT Amount", "Sales Tax", "GST", "Total Tax", "MwSt",
        "MwSt.", "USt", "Umsatzsteuer", "Mehrwertsteuer", "TVA", "Montant TVA", "Total TVA",
        "BTW", "BTW bedrag", "IVA", "Cuota IVA", "Impuestos",
    ),
    "currency": ("Currency", "Währung", "Devise", "Monnaie", "Valuta", "Moneda"),
    "merchant": ("Merchant", "Company", "Store", "Shop", "Händler", "Marchand", "Comerciante"),
    "phone_number": (
        "Company Phone", "Phone", "Telephone", "Tel", "Phone Number", "Telefon", "Téléphone",
        "Tél", "Telefoon", "Teléfono",
    ),
    "website": ("Website", "Web", "Internet", "Homepage", "Site web", "Webseite", "Sitio web"),
    "email": ("Email", "E-mail", "Mail", "Courriel", "Correo", "Adresse email"),
    "purchase_order_number": (
        "Purchase Order #", "Purchase Order Number", "Purchase Order No", "PO Number", "PO #",
        "PO No", "P.O. Number", "Order Number", "Order No", "Bestellnummer", "Bestell-Nr",
        "Numéro de commande", "Bon de commande", "Bestelnummer", "Número de pedido",
    ),
    "order_date": (
        "Order Date", "Dated As", "Date", "Dated", "PO Date", "Bestelldatum", "Datum",
        "Date de commande", "Besteldatum", "Orderdatum", "Fecha de pedido", "Fecha",
    ),
    "company_name": (
        "Company Name", "Company", "Customer", "Bill To", "Ship To", "Firma", "Kunde",
        "Société", "Client", "Bedrijf", "Klant", "Empresa", "Cliente",
    ),
    "company_address": ("Address", "Company Address", "Adresse", "Anschrift", "Adres",
                        "Dirección", "Domicilio"),
    "company_phone_number": ("Phone", "Telephone", "Tel", "Telefon",
                             "Téléphone", "Telefoon", "Teléfono"),
    "quantity": ("Quantity", "Qty", "Menge", "Anzahl", "Quantité", "Qté", "Aantal",
                 "Hoeveelheid", "Cantidad"),
    "signature": ("Signature", "Signed", "Authorized Signature", "Unterschrift",
                  "Signé", "Handtekening", "Firma"),
}

LINE_ITEM_COLUMNS: dict[str, tuple[str, ...]] = {
    "description": (
        "Description", "Item", "Items", "Product", "Details", "Article", "Title", "Service",
        "Beschreibung", "Bezeichnung", "Artikel", "Leistung", "Désignation", "Libellé",
        "Produit", "Omschrijving", "Product", "Descripción", "Concepto", "Artículo",
    ),
    "quantity": ("Quantity", "Qty", "Menge", "Anzahl", "Quantité", "Qté", "Nombre", "Aantal",
                 "Hoeveelheid", "Cantidad", "Units"),
    "unit_price": (
        "Unit Price", "Price", "Rate", "Unit Cost", "Einzelpreis", "Preis", "VK-Preis",
        "Prix unitaire", "P.U. HT", "Prix", "Prijs per stuk", "Prijs", "Stukprijs",
        "Precio unitario", "Precio",
    ),
    "amount": (
        "Amount", "Total", "Line Total", "Betrag", "Gesamtpreis", "Zeilenbetrag", "Montant",
        "Montant HT", "Total HT", "Bedrag", "Totaal", "Prijs incl. BTW", "Importe", "Total",
    ),
}

IDENTIFIER_SUFFIXES = ("_number", "_no", "_id", "_ref", "_reference")
NAME_KEYS = ("vendor_name", "company_name", "merchant", "customer_name", "supplier_name")
ISSUER_KEYS = ("merchant", "vendor_name", "supplier_name", "issuer")
ADDRESS_SUFFIXES = ("address",)
URL_KEYS = ("website", "url", "homepage")
PERSON_KEYS = ("signature", "signed_by", "signatory")

JOB_TITLES = (
    "manager", "director", "ceo", "cfo", "owner", "president", "founder", "accountant",
    "geschäftsführer", "geschaftsfuhrer", "inhaber", "gérant", "gerant", "directeur",
    "directrice", "directeur général", "eigenaar", "directeur", "gerente", "director general",
    "purchasing", "buyer", "authorized signatory",
)


def semantic_kind(key: str, field_type: str) -> str:
    """What a value of this field looks like beyond its type, read from the key's name."""
    if field_type != "text":
        return field_type
    lowered = key.lower()
    if lowered == "currency" or lowered.endswith("_currency"):
        return "currency"
    if lowered in URL_KEYS or lowered.endswith("_website") or lowered.endswith("_url"):
        return "url"
    if lowered in PERSON_KEYS:
        return "person"
    if lowered.endswith(ADDRESS_SUFFIXES):
        return "address"
    if lowered.endswith(IDENTIFIER_SUFFIXES) and "phone" not in lowered:
        return "identifier"
    if lowered in NAME_KEYS or lowered.endswith("_name"):
        return "name"
    return "text"
