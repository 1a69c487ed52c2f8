"""Build ``countries.json`` (run once by hand; the runtime never imports this script).

The country list, ISO codes and official names come from pycountry (ISO 3166-1).
Everything news-specific (the short name a newspaper uses, demonyms, the capital,
the capitals and seats of government used as metonyms, common short names and
abbreviations) comes from the hand-written ``TABLE`` below, written from general
knowledge and reviewed by hand line by line.

Rebuild after editing the table::

    python src/newsledger/actors/kb/build_countries.py

which rewrites ``countries.json`` beside this file. The built JSON is committed;
review its diff before committing.

Table format, one country a line, fields separated by ``|``::

    ALPHA3 | short name | demonyms | capital | aliases | metonyms

* demonyms, aliases, metonyms: comma-separated lists (may be empty).
* metonyms: empty means "the capital" for a sovereign state; ``-`` means none
  (used where the capital is an ambiguous word, e.g. "Victoria", "Male", or where
  the city stands for something else, e.g. "Brussels" for the EU, "The Hague" for
  the international courts). Anything else replaces the default.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

# Codes that are not ISO 3166-1 but that news needs: Kosovo's user-assigned code.
EXTRA = {
    "XKX": {"alpha2": "XK", "name": "Kosovo", "official_name": "Republic of Kosovo"},
}

# Territories that are not sovereign states (no capital metonyms by default).
# Sovereign = UN member or observer state, plus Taiwan and Kosovo.
NON_SOVEREIGN = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP "
    "GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU "
    "SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF".split()
)

TABLE = """
ABW | Aruba | Aruban | Oranjestad | |
AFG | Afghanistan | Afghan | Kabul | |
AGO | Angola | Angolan | Luanda | |
AIA | Anguilla | Anguillan | The Valley | |
ALA | Åland Islands | Ålandic,Aland Island | Mariehamn | Aland Islands,Åland |
ALB | Albania | Albanian | Tirana | Republic of Albania |
AND | Andorra | Andorran | Andorra la Vella | |
ARE | United Arab Emirates | Emirati | Abu Dhabi | UAE,U.A.E.,the Emirates | Abu Dhabi
ARG | Argentina | Argentine,Argentinian | Buenos Aires | Argentine Republic | Buenos Aires
ARM | Armenia | Armenian | Yerevan | |
ASM | American Samoa | American Samoan | Pago Pago | |
ATA | Antarctica | Antarctic | | |
ATF | French Southern Territories | French Southern | Port-aux-Français | French Southern and Antarctic Lands |
ATG | Antigua and Barbuda | Antiguan,Barbudan | St. John's | Antigua | -
AUS | Australia | Australian | Canberra | Commonwealth of Australia |
AUT | Austria | Austrian | Vienna | | -
AZE | Azerbaijan | Azerbaijani,Azeri | Baku | |
BDI | Burundi | Burundian | Gitega | |
BEL | Belgium | Belgian | Brussels | | -
BEN | Benin | Beninese | Porto-Novo | |
BES | Caribbean Netherlands | Bonairean | Kralendijk | Bonaire,Bonaire Sint Eustatius and Saba |
BFA | Burkina Faso | Burkinabe,Burkinabè | Ouagadougou | Burkina |
BGD | Bangladesh | Bangladeshi | Dhaka | |
BGR | Bulgaria | Bulgarian | Sofia | | -
BHR | Bahrain | Bahraini | Manama | |
BHS | Bahamas | Bahamian | Nassau | the Bahamas | -
BIH | Bosnia and Herzegovina | Bosnian,Herzegovinian | Sarajevo | Bosnia,Bosnia-Herzegovina,BiH |
BLM | Saint Barthélemy | Barthélemois | Gustavia | St. Barts,St Barths,Saint Barthelemy |
BLR | Belarus | Belarusian,Belarussian | Minsk | Byelorussia,Belorussia |
BLZ | Belize | Belizean | Belmopan | |
BMU | Bermuda | Bermudian | Hamilton | |
BOL | Bolivia | Bolivian | Sucre | Plurinational State of Bolivia | La Paz
BRA | Brazil | Brazilian | Brasília | Brasil | Brasília,Brasilia
BRB | Barbados | Barbadian,Bajan | Bridgetown | |
BRN | Brunei | Bruneian | Bandar Seri Begawan | Brunei Darussalam |
BTN | Bhutan | Bhutanese | Thimphu | |
BVT | Bouvet Island | | | |
BWA | Botswana | Motswana,Batswana,Botswanan | Gaborone | |
CAF | Central African Republic | Central African | Bangui | CAR |
CAN | Canada | Canadian | Ottawa | |
CCK | Cocos (Keeling) Islands | Cocos Islander | West Island | Cocos Islands,Keeling Islands |
CHE | Switzerland | Swiss | Bern | Swiss Confederation,Confoederatio Helvetica | Bern,Berne
CHL | Chile | Chilean | Santiago | | Santiago
CHN | China | Chinese | Beijing | People's Republic of China,PRC,P.R.C.,Mainland China | Beijing,Peking
CIV | Ivory Coast | Ivorian | Yamoussoukro | Côte d'Ivoire,Cote d'Ivoire | Yamoussoukro,Abidjan
CMR | Cameroon | Cameroonian | Yaoundé | | Yaoundé,Yaounde
COD | Democratic Republic of the Congo | Congolese | Kinshasa | DR Congo,DRC,D.R.C.,Democratic Republic of Congo,Congo-Kinshasa,DR of Congo,Zaire |
COG | Republic of the Congo | Congolese | Brazzaville | Congo,Republic of Congo,Congo-Brazzaville |
COK | Cook Islands | Cook Islander | Avarua | |
COL | Colombia | Colombian | Bogotá | | Bogotá,Bogota
COM | Comoros | Comorian | Moroni | the Comoros |
CPV | Cape Verde | Cape Verdean | Praia | Cabo Verde |
CRI | Costa Rica | Costa Rican | San José | | San José
CUB | Cuba | Cuban | Havana | | Havana
CUW | Curaçao | Curaçaoan | Willemstad | Curacao |
CXR | Christmas Island | Christmas Islander | Flying Fish Cove | |
CYM | Cayman Islands | Caymanian | George Town | the Caymans |
CYP | Cyprus | Cypriot | Nicosia | |
CZE | Czech Republic | Czech | Prague | Czechia | Prague
DEU | Germany | German | Berlin | Federal Republic of Germany,FRG |
DJI | Djibouti | Djiboutian | Djibouti | |
DMA | Dominica | Dominican | Roseau | Commonwealth of Dominica | -
DNK | Denmark | Danish,Dane | Copenhagen | |
DOM | Dominican Republic | Dominican | Santo Domingo | |
DZA | Algeria | Algerian | Algiers | |
ECU | Ecuador | Ecuadorian,Ecuadorean | Quito | |
EGY | Egypt | Egyptian | Cairo | |
ERI | Eritrea | Eritrean | Asmara | |
ESH | Western Sahara | Sahrawi,Sahrawian | Laayoune | |
ESP | Spain | Spanish,Spaniard | Madrid | |
EST | Estonia | Estonian | Tallinn | |
ETH | Ethiopia | Ethiopian | Addis Ababa | | -
FIN | Finland | Finnish,Finn | Helsinki | |
FJI | Fiji | Fijian | Suva | |
FLK | Falkland Islands | Falkland Islander | Stanley | the Falklands,Malvinas,Islas Malvinas |
FRA | France | French | Paris | French Republic | Paris,the Élysée Palace
FRO | Faroe Islands | Faroese | Tórshavn | the Faroes,Faeroe Islands |
FSM | Micronesia | Micronesian | Palikir | Federated States of Micronesia |
GAB | Gabon | Gabonese | Libreville | |
GBR | United Kingdom | British,Briton,Brit | London | UK,U.K.,Britain,Great Britain,the United Kingdom of Great Britain and Northern Ireland | London
GEO | Georgia | Georgian | Tbilisi | |
GGY | Guernsey | | St Peter Port | |
GHA | Ghana | Ghanaian | Accra | |
GIB | Gibraltar | Gibraltarian | Gibraltar | |
GIN | Guinea | Guinean | Conakry | Guinea-Conakry |
GLP | Guadeloupe | Guadeloupean | Basse-Terre | |
GMB | Gambia | Gambian | Banjul | the Gambia |
GNB | Guinea-Bissau | Bissau-Guinean | Bissau | |
GNQ | Equatorial Guinea | Equatorial Guinean,Equatoguinean | Malabo | |
GRC | Greece | Greek | Athens | Hellenic Republic,Hellas |
GRD | Grenada | Grenadian | St. George's | | -
GRL | Greenland | Greenlandic,Greenlander | Nuuk | |
GTM | Guatemala | Guatemalan | Guatemala City | |
GUF | French Guiana | French Guianese | Cayenne | |
GUM | Guam | Guamanian | Hagåtña | |
GUY | Guyana | Guyanese | Georgetown | | -
HKG | Hong Kong | Hong Konger,Hongkonger,Hong Kong | Hong Kong | Hong Kong SAR,HKSAR |
HMD | Heard Island and McDonald Islands | | | |
HND | Honduras | Honduran | Tegucigalpa | |
HRV | Croatia | Croatian,Croat | Zagreb | |
HTI | Haiti | Haitian | Port-au-Prince | |
HUN | Hungary | Hungarian | Budapest | |
IDN | Indonesia | Indonesian | Jakarta | |
IMN | Isle of Man | Manx | Douglas | |
IND | India | Indian | New Delhi | Republic of India,Bharat | New Delhi,Delhi
IOT | British Indian Ocean Territory | | Diego Garcia | Chagos Islands,Chagos Archipelago |
IRL | Ireland | Irish | Dublin | Republic of Ireland,Eire,Éire |
IRN | Iran | Iranian,Persian | Tehran | Islamic Republic of Iran,Persia,Islamic Republic | Tehran,Teheran
IRQ | Iraq | Iraqi | Baghdad | |
ISL | Iceland | Icelandic,Icelander | Reykjavík | | Reykjavík,Reykjavik
ISR | Israel | Israeli | Jerusalem | State of Israel | Jerusalem
ITA | Italy | Italian | Rome | Italian Republic |
JAM | Jamaica | Jamaican | Kingston | | -
JEY | Jersey | | St Helier | |
JOR | Jordan | Jordanian | Amman | |
JPN | Japan | Japanese | Tokyo | Nippon |
KAZ | Kazakhstan | Kazakh,Kazakhstani | Astana | | Astana,Nur-Sultan
KEN | Kenya | Kenyan | Nairobi | |
KGZ | Kyrgyzstan | Kyrgyz,Kyrgyzstani | Bishkek | Kirghizia,Kyrgyz Republic |
KHM | Cambodia | Cambodian,Khmer | Phnom Penh | Kampuchea |
KIR | Kiribati | I-Kiribati | South Tarawa | | -
KNA | Saint Kitts and Nevis | Kittitian,Nevisian | Basseterre | St. Kitts and Nevis,St Kitts and Nevis | -
KOR | South Korea | South Korean | Seoul | Republic of Korea,ROK,R.O.K.,Korea | Seoul
KWT | Kuwait | Kuwaiti | Kuwait City | |
LAO | Laos | Lao,Laotian | Vientiane | Lao People's Democratic Republic,Lao PDR |
LBN | Lebanon | Lebanese | Beirut | |
LBR | Liberia | Liberian | Monrovia | |
LBY | Libya | Libyan | Tripoli | |
LCA | Saint Lucia | Saint Lucian | Castries | St. Lucia,St Lucia | -
LIE | Liechtenstein | Liechtensteiner | Vaduz | |
LKA | Sri Lanka | Sri Lankan | Sri Jayawardenepura Kotte | Ceylon | Colombo
LSO | Lesotho | Basotho,Mosotho | Maseru | |
LTU | Lithuania | Lithuanian | Vilnius | |
LUX | Luxembourg | Luxembourgish,Luxembourger | Luxembourg | Grand Duchy of Luxembourg | -
LVA | Latvia | Latvian | Riga | |
MAC | Macau | Macanese | Macau | Macao,Macau SAR |
MAF | Saint Martin | Saint-Martinoise | Marigot | Saint Martin (French part),St. Martin |
MAR | Morocco | Moroccan | Rabat | |
MCO | Monaco | Monégasque,Monegasque | Monaco | | -
MDA | Moldova | Moldovan | Chișinău | Republic of Moldova | Chișinău,Chisinau
MDG | Madagascar | Malagasy | Antananarivo | |
MDV | Maldives | Maldivian | Malé | the Maldives | -
MEX | Mexico | Mexican | Mexico City | United Mexican States | Mexico City
MHL | Marshall Islands | Marshallese | Majuro | |
MKD | North Macedonia | Macedonian,North Macedonian | Skopje | Macedonia,FYROM,Former Yugoslav Republic of Macedonia |
MLI | Mali | Malian | Bamako | |
MLT | Malta | Maltese | Valletta | |
MMR | Myanmar | Burmese,Myanmar | Naypyidaw | Burma | Naypyidaw,Naypyitaw
MNE | Montenegro | Montenegrin | Podgorica | |
MNG | Mongolia | Mongolian | Ulaanbaatar | | Ulaanbaatar,Ulan Bator
MNP | Northern Mariana Islands | Northern Marianan | Saipan | the Northern Marianas |
MOZ | Mozambique | Mozambican | Maputo | |
MRT | Mauritania | Mauritanian | Nouakchott | |
MSR | Montserrat | Montserratian | Plymouth | |
MTQ | Martinique | Martinican | Fort-de-France | |
MUS | Mauritius | Mauritian | Port Louis | |
MWI | Malawi | Malawian | Lilongwe | |
MYS | Malaysia | Malaysian | Kuala Lumpur | | Kuala Lumpur,Putrajaya
MYT | Mayotte | Mahoran | Mamoudzou | |
NAM | Namibia | Namibian | Windhoek | |
NCL | New Caledonia | New Caledonian | Nouméa | |
NER | Niger | Nigerien | Niamey | |
NFK | Norfolk Island | Norfolk Islander | Kingston | |
NGA | Nigeria | Nigerian | Abuja | |
NIC | Nicaragua | Nicaraguan | Managua | |
NIU | Niue | Niuean | Alofi | |
NLD | Netherlands | Dutch | Amsterdam | Holland,the Netherlands,Kingdom of the Netherlands | -
NOR | Norway | Norwegian | Oslo | |
NPL | Nepal | Nepali,Nepalese | Kathmandu | |
NRU | Nauru | Nauruan | Yaren | | -
NZL | New Zealand | New Zealander,Kiwi | Wellington | Aotearoa,NZ |
OMN | Oman | Omani | Muscat | |
PAK | Pakistan | Pakistani | Islamabad | |
PAN | Panama | Panamanian | Panama City | |
PCN | Pitcairn Islands | Pitcairn Islander | Adamstown | Pitcairn |
PER | Peru | Peruvian | Lima | |
PHL | Philippines | Filipino,Philippine | Manila | the Philippines |
PLW | Palau | Palauan | Ngerulmud | |
PNG | Papua New Guinea | Papua New Guinean | Port Moresby | PNG |
POL | Poland | Polish,Pole | Warsaw | |
PRI | Puerto Rico | Puerto Rican | San Juan | |
PRK | North Korea | North Korean | Pyongyang | Democratic People's Republic of Korea,DPRK,D.P.R.K. |
PRT | Portugal | Portuguese | Lisbon | |
PRY | Paraguay | Paraguayan | Asunción | | Asunción,Asuncion
PSE | Palestine | Palestinian | Ramallah | State of Palestine,Palestinian territories,Palestinian Territories,occupied Palestinian territories | Ramallah
PYF | French Polynesia | French Polynesian | Papeete | Tahiti |
QAT | Qatar | Qatari | Doha | |
REU | Réunion | Réunionese | Saint-Denis | Reunion |
ROU | Romania | Romanian | Bucharest | |
RUS | Russia | Russian | Moscow | the Russian Federation,Rossiya | Moscow
RWA | Rwanda | Rwandan | Kigali | |
SAU | Saudi Arabia | Saudi,Saudi Arabian | Riyadh | Kingdom of Saudi Arabia,KSA | Riyadh
SDN | Sudan | Sudanese | Khartoum | the Sudan |
SEN | Senegal | Senegalese | Dakar | |
SGP | Singapore | Singaporean | Singapore | | -
SGS | South Georgia and the South Sandwich Islands | | King Edward Point | South Georgia |
SHN | Saint Helena, Ascension and Tristan da Cunha | Saint Helenian | Jamestown | Saint Helena,St Helena |
SJM | Svalbard and Jan Mayen | | Longyearbyen | Svalbard |
SLB | Solomon Islands | Solomon Islander | Honiara | the Solomons |
SLE | Sierra Leone | Sierra Leonean | Freetown | |
SLV | El Salvador | Salvadoran,Salvadorean | San Salvador | |
SMR | San Marino | Sammarinese | San Marino | | -
SOM | Somalia | Somali | Mogadishu | |
SPM | Saint Pierre and Miquelon | | Saint-Pierre | |
SRB | Serbia | Serbian,Serb | Belgrade | |
SSD | South Sudan | South Sudanese | Juba | |
STP | São Tomé and Príncipe | Santomean | São Tomé | Sao Tome and Principe | -
SUR | Suriname | Surinamese | Paramaribo | Surinam |
SVK | Slovakia | Slovak,Slovakian | Bratislava | Slovak Republic |
SVN | Slovenia | Slovenian,Slovene | Ljubljana | |
SWE | Sweden | Swedish,Swede | Stockholm | |
SWZ | Eswatini | Swazi,Liswati | Mbabane | Swaziland | -
SXM | Sint Maarten | Sint Maartener | Philipsburg | Sint Maarten (Dutch part) |
SYC | Seychelles | Seychellois | Victoria | the Seychelles | -
SYR | Syria | Syrian | Damascus | Syrian Arab Republic |
TCA | Turks and Caicos Islands | | Cockburn Town | Turks and Caicos |
TCD | Chad | Chadian | N'Djamena | |
TGO | Togo | Togolese | Lomé | |
THA | Thailand | Thai | Bangkok | Siam |
TJK | Tajikistan | Tajik,Tajikistani | Dushanbe | |
TKL | Tokelau | Tokelauan | Atafu | |
TKM | Turkmenistan | Turkmen | Ashgabat | |
TLS | East Timor | Timorese | Dili | Timor-Leste |
TON | Tonga | Tongan | Nukuʻalofa | |
TTO | Trinidad and Tobago | Trinidadian,Tobagonian | Port of Spain | Trinidad |
TUN | Tunisia | Tunisian | Tunis | |
TUR | Turkey | Turkish,Turk | Ankara | Türkiye,Turkiye,Republic of Türkiye |
TUV | Tuvalu | Tuvaluan | Funafuti | |
TWN | Taiwan | Taiwanese | Taipei | Republic of China,ROC,Chinese Taipei | Taipei
TZA | Tanzania | Tanzanian | Dodoma | United Republic of Tanzania | Dodoma
UGA | Uganda | Ugandan | Kampala | |
UKR | Ukraine | Ukrainian | Kyiv | the Ukraine | Kyiv,Kiev
UMI | United States Minor Outlying Islands | | | |
URY | Uruguay | Uruguayan | Montevideo | |
USA | United States | American,US,U.S. | Washington, D.C. | US,U.S.,USA,U.S.A.,America,United States of America,the States | Washington,Washington D.C.,Washington DC
UZB | Uzbekistan | Uzbek,Uzbekistani | Tashkent | |
VAT | Vatican City | Vatican | Vatican City | the Vatican,Holy See,the Holy See,Vatican City State |
VCT | Saint Vincent and the Grenadines | Vincentian | Kingstown | St. Vincent and the Grenadines,Saint Vincent | -
VEN | Venezuela | Venezuelan | Caracas | Bolivarian Republic of Venezuela |
VGB | British Virgin Islands | British Virgin Islander | Road Town | BVI |
VIR | United States Virgin Islands | U.S. Virgin Islander | Charlotte Amalie | US Virgin Islands,U.S. Virgin Islands,USVI |
VNM | Vietnam | Vietnamese | Hanoi | Viet Nam |
VUT | Vanuatu | Ni-Vanuatu | Port Vila | |
WLF | Wallis and Futuna | Wallisian,Futunan | Mata-Utu | |
WSM | Samoa | Samoan | Apia | |
XKX | Kosovo | Kosovar,Kosovan | Pristina | Republic of Kosovo | Pristina,Prishtina
YEM | Yemen | Yemeni | Sanaa | | Sanaa,Sana'a
ZAF | South Africa | South African | Pretoria | RSA | Pretoria
ZMB | Zambia | Zambian | Lusaka | |
ZWE | Zimbabwe | Zimbabwean | Harare | |
"""

SOURCE = (
    "ISO 3166-1 via pycountry {version} (codes, ISO and official names); demonyms, capitals, "
    "metonyms and short names from general knowledge, hand-checked"
)

# Groupings the KB records on each country (membership as of 2025).
NATO_MEMBERS = set(
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR "
    "POL PRT ROU SVK SVN ESP SWE TUR GBR USA".split()
)
G20_MEMBERS = set("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split())
EU_MEMBERS = set(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
    "SVK SVN ESP SWE".split()
)


def _split(field: str) -> list[str]:
    return [p.strip() for p in field.split(",") if p.strip()]


def parse_table(text: str = TABLE) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for lineno, line in enumerate(text.strip().splitlines(), 1):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 6:
            raise ValueError(f"table line {lineno}: expected 6 fields, got {len(parts)}: {line!r}")
        code, name, demonyms, capital, aliases, metonyms = parts
        if code in rows:
            raise ValueError(f"table line {lineno}: duplicate {code}")
        rows[code] = {
            "name": name,
            "demonyms": _split(demonyms),
            "capital": capital or None,
            "aliases": _split(aliases),
            "metonyms": None if metonyms == "" else ([] if metonyms == "-" else _split(metonyms)),
        }
    return rows


def build() -> dict:
    import pycountry

    rows = parse_table()
    iso = {c.alpha_3: c for c in pycountry.countries}
    missing = sorted(set(iso) - set(rows))
    unknown = sorted(set(rows) - set(iso) - set(EXTRA))
    if missing or unknown:
        raise SystemExit(f"table out of step with pycountry: missing {missing}, unknown {unknown}")
    version = getattr(pycountry, "__version__", None)
    if version is None:
        from importlib.metadata import version as _v

        version = _v("pycountry")
    source = SOURCE.format(version=version)
    entries = []
    for code in sorted(rows):
        row = rows[code]
        if code in iso:
            c = iso[code]
            alpha2 = c.alpha_2
            iso_name = c.name
            official = getattr(c, "official_name", None) or getattr(c, "common_name", None) or c.name
            common = getattr(c, "common_name", None)
            entry_source = source
        else:
            alpha2 = EXTRA[code]["alpha2"]
            iso_name = None
            official = EXTRA[code]["official_name"]
            common = None
            entry_source = "user-assigned code (not ISO 3166-1); " + source.split("; ", 1)[1]
        name = row["name"]
        aliases: list[str] = []
        for alias in [iso_name, official, common, *row["aliases"]]:
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        sovereign = code not in NON_SOVEREIGN
        metonyms = row["metonyms"]
        if metonyms is None:
            metonyms = [row["capital"]] if (sovereign and row["capital"]) else []
        memberships = [
            org for org, members in (("org:nato", NATO_MEMBERS), ("org:g20", G20_MEMBERS), ("org:eu", EU_MEMBERS))
            if code in members
        ]
        entries.append({
            "id": f"country:{code}",
            "name": name,
            "kind": "country",
            "alpha3": code,
            "alpha2": alpha2,
            "iso_name": iso_name,
            "official_name": official,
            "sovereign": sovereign,
            "demonyms": row["demonyms"],
            "capital": row["capital"],
            "metonyms": metonyms,
            "aliases": aliases,
            "country": code,
            "member_of": memberships,
            "source": entry_source,
        })
    return {
        "_meta": {
            "description": "Every ISO 3166-1 country and territory (pycountry) plus Kosovo, with "
                           "demonyms, capitals, metonyms and news short names.",
            "generated_by": "src/newsledger/actors/kb/build_countries.py",
            "generated_on": date.today().isoformat(),
            "source": source,
        },
        "entries": entries,
    }


def main(argv: list[str] | None = None) -> int:
    out = Path(__file__).with_name("countries.json")
    data = build()
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['entries'])} countries to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
