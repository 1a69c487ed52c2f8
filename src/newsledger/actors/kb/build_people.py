"""Build ``people.json`` (run once by hand; the runtime never imports this script).

People whose roles a news ledger has to resolve by date: heads of state and
government and foreign ministers of the main G20 and NATO members since 2014
(US, Russia, Ukraine, France, Germany, UK, China, Turkey, Poland, Italy, Canada,
Japan, India, plus a few others), the heads of NATO, the UN, the EU institutions,
and the US politicians most quoted in the 2016 campaign (the PolNeAR corpus).

Source: written by hand from general knowledge (the author's recall, not copied
from a reference), then reviewed line by line. Dates that the author is not sure
of are marked ``?`` and come out as ``"uncertain": true`` on the role; check them
against the office's own list before relying on them.

Rebuild after editing the table::

    python src/newsledger/actors/kb/build_people.py

Table format. A person line starts with ``@``::

    @ Name | aliases | surnames | nationality (alpha-3) | note

and is followed by its roles, one a line, starting with ``=``::

    = Title | country (alpha-3) | organization id | from | until | flags

* aliases, surnames: comma-separated (may be empty). Surnames are used only
  when a surname alone must be resolved (and only when unambiguous at the date).
* from/until: ISO dates (day, month or year); ``until`` is exclusive (the
  hand-over day belongs to the successor); empty until means "still in office".
* flags: ``acting``; ``?`` for an uncertain date; ``region=Utah`` for a seat.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

SOURCE = ("hand-written from general knowledge (author's recall, reviewed by hand; "
          "not copied from a reference); roles flagged uncertain need checking")

TABLE = """
# ---------------------------------------------------------------- United States
@ Barack Obama | Barack Hussein Obama, President Obama | Obama | USA |
= President | USA | | 2009-01-20 | 2017-01-20 |
= Senator | USA | org:us-senate | 2005-01-03 | 2008-11-16 | region=Illinois
@ Donald Trump | Donald J. Trump, Donald John Trump, President Trump | Trump | USA |
= Presidential candidate | USA | org:republican-party | 2015-06-16 | 2016-11-09 |
= President-elect | USA | | 2016-11-09 | 2017-01-20 |
= President | USA | | 2017-01-20 | 2021-01-20 |
= Presidential candidate | USA | org:republican-party | 2022-11-15 | 2024-11-06 |
= President-elect | USA | | 2024-11-06 | 2025-01-20 |
= President | USA | | 2025-01-20 | |
@ Joe Biden | Joseph R. Biden, Joseph Biden, Joseph R. Biden Jr., Joe Biden Jr. | Biden | USA |
= Vice President | USA | | 2009-01-20 | 2017-01-20 |
= Presidential candidate | USA | org:democratic-party | 2019-04-25 | 2020-11-07 |
= President-elect | USA | | 2020-11-07 | 2021-01-20 |
= President | USA | | 2021-01-20 | 2025-01-20 |
@ Mike Pence | Michael Pence, Michael R. Pence | Pence | USA |
= Governor | USA | | 2013-01-14 | 2017-01-09 | region=Indiana
= Vice-presidential candidate | USA | org:republican-party | 2016-07-15 | 2016-11-09 |
= Vice President | USA | | 2017-01-20 | 2021-01-20 |
@ Kamala Harris | | Harris | USA |
= Senator | USA | org:us-senate | 2017-01-03 | 2021-01-18 | region=California
= Vice President | USA | | 2021-01-20 | 2025-01-20 |
= Presidential candidate | USA | org:democratic-party | 2024-07-21 | 2024-11-06 |
@ JD Vance | J.D. Vance, James David Vance | Vance | USA |
= Senator | USA | org:us-senate | 2023-01-03 | 2025-01-10 | region=Ohio
= Vice President | USA | | 2025-01-20 | |
@ Hillary Clinton | Hillary Rodham Clinton, Hillary, Mrs. Clinton, Secretary Clinton | Clinton | USA |
= Senator | USA | org:us-senate | 2001-01-03 | 2009-01-21 | region=New York
= Secretary of State | USA | | 2009-01-21 | 2013-02-01 |
= Presidential candidate | USA | org:democratic-party | 2015-04-12 | 2016-11-09 |
@ Bill Clinton | William Jefferson Clinton, William J. Clinton, President Bill Clinton | | USA |
= President | USA | | 1993-01-20 | 2001-01-20 |
@ George W. Bush | George Bush, President George W. Bush, George W Bush | | USA |
= President | USA | | 2001-01-20 | 2009-01-20 |
@ John Kerry | John F. Kerry | Kerry | USA |
= Secretary of State | USA | | 2013-02-01 | 2017-01-20 |
@ Rex Tillerson | | Tillerson | USA |
= Secretary of State | USA | | 2017-02-01 | 2018-03-31 |
@ John J. Sullivan | John Sullivan | | USA |
= Secretary of State | USA | | 2018-03-31 | 2018-04-26 | acting ?
@ Mike Pompeo | Michael Pompeo, Michael R. Pompeo | Pompeo | USA |
= Director | USA | org:cia | 2017-01-23 | 2018-04-26 |
= Secretary of State | USA | | 2018-04-26 | 2021-01-20 |
@ Antony Blinken | Tony Blinken, Antony J. Blinken | Blinken | USA |
= Secretary of State | USA | | 2021-01-26 | 2025-01-20 |
@ Marco Rubio | | Rubio | USA |
= Senator | USA | org:us-senate | 2011-01-03 | 2025-01-20 | region=Florida
= Presidential candidate | USA | org:republican-party | 2015-04-13 | 2016-03-15 |
= Secretary of State | USA | | 2025-01-21 | |
@ Ashton Carter | Ash Carter | | USA |
= Secretary of Defense | USA | | 2015-02-17 | 2017-01-20 |
@ Jim Mattis | James Mattis, James N. Mattis | Mattis | USA |
= Secretary of Defense | USA | | 2017-01-20 | 2019-01-01 |
@ Lloyd Austin | Lloyd J. Austin | | USA |
= Secretary of Defense | USA | | 2021-01-22 | 2025-01-20 |
@ Pete Hegseth | | Hegseth | USA |
= Secretary of Defense | USA | | 2025-01-25 | |
@ Mike Lee | Michael Lee, Michael Shumway Lee | Lee | USA |
= Senator | USA | org:us-senate | 2011-01-03 | | region=Utah
@ Bernie Sanders | Bernard Sanders, Bernie | Sanders | USA |
= Senator | USA | org:us-senate | 2007-01-03 | | region=Vermont
= Presidential candidate | USA | org:democratic-party | 2015-04-30 | 2016-07-12 |
@ Ted Cruz | Rafael Edward Cruz, Rafael Cruz | Cruz | USA |
= Senator | USA | org:us-senate | 2013-01-03 | | region=Texas
= Presidential candidate | USA | org:republican-party | 2015-03-23 | 2016-05-04 |
@ John Kasich | | Kasich | USA |
= Governor | USA | | 2011-01-10 | 2019-01-14 | region=Ohio
= Presidential candidate | USA | org:republican-party | 2015-07-21 | 2016-05-05 |
@ Jeb Bush | John Ellis Bush, Jeb | | USA |
= Presidential candidate | USA | org:republican-party | 2015-06-15 | 2016-02-21 |
@ Ben Carson | Benjamin Carson | Carson | USA |
= Presidential candidate | USA | org:republican-party | 2015-05-04 | 2016-03-05 | ?
@ Tim Kaine | Timothy Kaine | Kaine | USA |
= Senator | USA | org:us-senate | 2013-01-03 | | region=Virginia
= Vice-presidential candidate | USA | org:democratic-party | 2016-07-22 | 2016-11-09 |
@ Paul Ryan | Paul D. Ryan | | USA |
= Speaker | USA | org:us-house | 2015-10-29 | 2019-01-03 |
@ John Boehner | | Boehner | USA |
= Speaker | USA | org:us-house | 2011-01-05 | 2015-10-29 |
@ Nancy Pelosi | | Pelosi | USA |
= Speaker | USA | org:us-house | 2019-01-03 | 2023-01-03 |
= Minority Leader | USA | org:us-house | 2011-01-03 | 2019-01-03 |
@ Kevin McCarthy | | McCarthy | USA |
= Speaker | USA | org:us-house | 2023-01-07 | 2023-10-03 |
@ Mike Johnson | | | USA |
= Speaker | USA | org:us-house | 2023-10-25 | |
@ Mitch McConnell | Addison Mitchell McConnell | McConnell | USA |
= Senator | USA | org:us-senate | 1985-01-03 | | region=Kentucky
= Minority Leader | USA | org:us-senate | 2007-01-03 | 2015-01-03 |
= Majority Leader | USA | org:us-senate | 2015-01-03 | 2021-01-20 |
= Minority Leader | USA | org:us-senate | 2021-01-20 | 2025-01-03 |
@ Harry Reid | | Reid | USA |
= Majority Leader | USA | org:us-senate | 2007-01-03 | 2015-01-03 |
= Minority Leader | USA | org:us-senate | 2015-01-03 | 2017-01-03 |
@ Chuck Schumer | Charles Schumer | Schumer | USA |
= Senator | USA | org:us-senate | 1999-01-03 | | region=New York
= Minority Leader | USA | org:us-senate | 2017-01-03 | 2021-01-20 |
= Majority Leader | USA | org:us-senate | 2021-01-20 | 2025-01-03 |
= Minority Leader | USA | org:us-senate | 2025-01-03 | |
@ Elizabeth Warren | | Warren | USA |
= Senator | USA | org:us-senate | 2013-01-03 | | region=Massachusetts
@ Lindsey Graham | | | USA |
= Senator | USA | org:us-senate | 2003-01-03 | | region=South Carolina
@ Kellyanne Conway | | Conway | USA |
= Campaign Manager | USA | org:trump-campaign | 2016-08-17 | 2016-11-09 | ?
= Counselor | USA | org:white-house | 2017-01-20 | 2020-08-31 |
@ Paul Manafort | | Manafort | USA |
= Campaign Chair | USA | org:trump-campaign | 2016-05-19 | 2016-08-19 | ?
@ Corey Lewandowski | | Lewandowski | USA |
= Campaign Manager | USA | org:trump-campaign | 2015-01 | 2016-06-20 | ?
@ Steve Bannon | Stephen Bannon, Stephen K. Bannon | Bannon | USA |
= Chief Strategist | USA | org:white-house | 2017-01-20 | 2017-08-18 |
@ Robby Mook | | Mook | USA |
= Campaign Manager | USA | org:clinton-campaign | 2015-04 | 2016-11-09 | ?
@ John Podesta | | Podesta | USA |
= Campaign Chair | USA | org:clinton-campaign | 2015-04 | 2016-11-09 | ?
@ James Comey | James B. Comey, Jim Comey | Comey | USA |
= Director | USA | org:fbi | 2013-09-04 | 2017-05-09 |
@ Reince Priebus | | Priebus | USA |
= Chair | USA | org:rnc | 2011-01-14 | 2017-01-19 |
= Chief of Staff | USA | org:white-house | 2017-01-20 | 2017-07-31 |
@ Debbie Wasserman Schultz | | Wasserman Schultz | USA |
= Chair | USA | org:dnc | 2011-05-04 | 2016-07-28 |
@ Josh Earnest | | Earnest | USA |
= Press Secretary | USA | org:white-house | 2014-06-20 | 2017-01-20 |
@ Sean Spicer | | Spicer | USA |
= Press Secretary | USA | org:white-house | 2017-01-20 | 2017-07-21 |
@ Loretta Lynch | | | USA |
= Attorney General | USA | | 2015-04-27 | 2017-01-20 |
@ Jeff Sessions | Jefferson Beauregard Sessions | Sessions | USA |
= Senator | USA | org:us-senate | 1997-01-03 | 2017-02-08 | region=Alabama
= Attorney General | USA | | 2017-02-09 | 2018-11-07 |
@ Chris Christie | | Christie | USA |
= Governor | USA | | 2010-01-19 | 2018-01-16 | region=New Jersey
@ Rudy Giuliani | Rudolph Giuliani | Giuliani | USA |
= Mayor | USA | | 1994-01-01 | 2002-01-01 | region=New York City
@ Gary Johnson | | | USA |
= Presidential candidate | USA | org:libertarian-party | 2016-05-29 | 2016-11-09 |
@ Jill Stein | | Stein | USA |
= Presidential candidate | USA | org:green-party-us | 2016-08-06 | 2016-11-09 | ?
@ Michael Flynn | Mike Flynn, Michael T. Flynn | Flynn | USA |
= National Security Adviser | USA | org:white-house | 2017-01-20 | 2017-02-13 |
@ Susan Rice | | | USA |
= National Security Adviser | USA | org:white-house | 2013-07-01 | 2017-01-20 |
@ John Bolton | | Bolton | USA |
= National Security Adviser | USA | org:white-house | 2018-04-09 | 2019-09-10 |
@ Jake Sullivan | | | USA |
= National Security Adviser | USA | org:white-house | 2021-01-20 | 2025-01-20 |

# ---------------------------------------------------------------- Russia
@ Vladimir Putin | Vladimir Vladimirovich Putin, President Putin, V. Putin | Putin | RUS |
= President | RUS | | 2000-05-07 | 2008-05-07 |
= Prime Minister | RUS | | 2008-05-08 | 2012-05-07 |
= President | RUS | | 2012-05-07 | |
@ Dmitry Medvedev | Dmitri Medvedev, Dmitry Anatolyevich Medvedev | Medvedev | RUS |
= President | RUS | | 2008-05-07 | 2012-05-07 |
= Prime Minister | RUS | | 2012-05-08 | 2020-01-16 |
= Deputy Chair | RUS | org:russian-security-council | 2020-01-16 | |
@ Mikhail Mishustin | | Mishustin | RUS |
= Prime Minister | RUS | | 2020-01-16 | |
@ Sergei Lavrov | Sergey Lavrov, Sergey Viktorovich Lavrov | Lavrov | RUS |
= Foreign Minister | RUS | | 2004-03-09 | |
@ Dmitry Peskov | Dmitri Peskov | Peskov | RUS |
= Press Secretary | RUS | org:kremlin | 2012-05-22 | |
@ Maria Zakharova | | Zakharova | RUS |
= Spokesperson | RUS | org:russian-mfa | 2015-08-10 | |
@ Sergei Shoigu | Sergey Shoigu | Shoigu | RUS |
= Defense Minister | RUS | | 2012-11-06 | 2024-05-12 |
= Secretary | RUS | org:russian-security-council | 2024-05-12 | |
@ Andrei Belousov | Andrey Belousov | Belousov | RUS |
= Defense Minister | RUS | | 2024-05-14 | | ?

# ---------------------------------------------------------------- Ukraine
@ Viktor Yanukovych | Viktor Yanukovich | Yanukovych, Yanukovich | UKR |
= President | UKR | | 2010-02-25 | 2014-02-22 |
@ Oleksandr Turchynov | Oleksandr Turchinov, Alexander Turchinov | Turchynov | UKR |
= President | UKR | | 2014-02-23 | 2014-06-07 | acting
@ Petro Poroshenko | Petro Poroshenko, Pyotr Poroshenko | Poroshenko | UKR |
= President | UKR | | 2014-06-07 | 2019-05-20 |
@ Volodymyr Zelensky | Volodymyr Zelenskyy, Volodymyr Zelenskiy, Vladimir Zelensky, Volodymyr Oleksandrovych Zelensky | Zelensky, Zelenskyy, Zelenskiy | UKR |
= President | UKR | | 2019-05-20 | |
@ Arseniy Yatsenyuk | Arseny Yatsenyuk, Arsenii Yatseniuk | Yatsenyuk | UKR |
= Prime Minister | UKR | | 2014-02-27 | 2016-04-14 |
@ Volodymyr Groysman | Volodymyr Hroisman | Groysman | UKR |
= Prime Minister | UKR | | 2016-04-14 | 2019-08-29 |
@ Oleksiy Honcharuk | Oleksiy Goncharuk | Honcharuk | UKR |
= Prime Minister | UKR | | 2019-08-29 | 2020-03-04 |
@ Denys Shmyhal | Denis Shmygal | Shmyhal | UKR |
= Prime Minister | UKR | | 2020-03-04 | 2025-07-17 | ?
= Defense Minister | UKR | | 2025-07-17 | | ?
@ Yulia Svyrydenko | | Svyrydenko | UKR |
= Prime Minister | UKR | | 2025-07-17 | | ?
@ Andrii Deshchytsia | Andriy Deshchytsia | Deshchytsia | UKR |
= Foreign Minister | UKR | | 2014-02-27 | 2014-06-19 | acting
@ Pavlo Klimkin | | Klimkin | UKR |
= Foreign Minister | UKR | | 2014-06-19 | 2019-08-29 |
@ Vadym Prystaiko | | Prystaiko | UKR |
= Foreign Minister | UKR | | 2019-08-29 | 2020-03-04 |
@ Dmytro Kuleba | Dmitry Kuleba | Kuleba | UKR |
= Foreign Minister | UKR | | 2020-03-04 | 2024-09-04 |
@ Andrii Sybiha | Andriy Sybiha | Sybiha | UKR |
= Foreign Minister | UKR | | 2024-09-05 | |
@ Oleksii Reznikov | Oleksiy Reznikov | Reznikov | UKR |
= Defense Minister | UKR | | 2021-11-04 | 2023-09-06 |
@ Rustem Umerov | | Umerov | UKR |
= Defense Minister | UKR | | 2023-09-06 | 2025-07-17 | ?

# ---------------------------------------------------------------- France
@ François Hollande | Francois Hollande | Hollande | FRA |
= President | FRA | | 2012-05-15 | 2017-05-14 |
@ Emmanuel Macron | President Macron | Macron | FRA |
= President | FRA | | 2017-05-14 | |
@ Jean-Marc Ayrault | | Ayrault | FRA |
= Prime Minister | FRA | | 2012-05-16 | 2014-03-31 |
= Foreign Minister | FRA | | 2016-02-11 | 2017-05-17 |
@ Manuel Valls | | Valls | FRA |
= Prime Minister | FRA | | 2014-03-31 | 2016-12-06 |
@ Bernard Cazeneuve | | Cazeneuve | FRA |
= Prime Minister | FRA | | 2016-12-06 | 2017-05-15 |
@ Édouard Philippe | Edouard Philippe | | FRA |
= Prime Minister | FRA | | 2017-05-15 | 2020-07-03 |
@ Jean Castex | | Castex | FRA |
= Prime Minister | FRA | | 2020-07-03 | 2022-05-16 |
@ Élisabeth Borne | Elisabeth Borne | Borne | FRA |
= Prime Minister | FRA | | 2022-05-16 | 2024-01-09 |
@ Gabriel Attal | | Attal | FRA |
= Prime Minister | FRA | | 2024-01-09 | 2024-09-05 |
@ Michel Barnier | | Barnier | FRA |
= Prime Minister | FRA | | 2024-09-05 | 2024-12-13 |
@ François Bayrou | Francois Bayrou | Bayrou | FRA |
= Prime Minister | FRA | | 2024-12-13 | 2025-09-09 | ?
@ Sébastien Lecornu | Sebastien Lecornu | Lecornu | FRA |
= Prime Minister | FRA | | 2025-09-09 | | ?
@ Laurent Fabius | | Fabius | FRA |
= Foreign Minister | FRA | | 2012-05-16 | 2016-02-11 |
@ Jean-Yves Le Drian | | Le Drian | FRA |
= Foreign Minister | FRA | | 2017-05-17 | 2022-05-20 |
@ Catherine Colonna | | Colonna | FRA |
= Foreign Minister | FRA | | 2022-05-20 | 2024-01-11 |
@ Stéphane Séjourné | Stephane Sejourne | Séjourné | FRA |
= Foreign Minister | FRA | | 2024-01-11 | 2024-09-21 |
@ Jean-Noël Barrot | Jean-Noel Barrot | Barrot | FRA |
= Foreign Minister | FRA | | 2024-09-21 | |

# ---------------------------------------------------------------- Germany
@ Angela Merkel | Chancellor Merkel | Merkel | DEU |
= Chancellor | DEU | | 2005-11-22 | 2021-12-08 |
@ Olaf Scholz | Chancellor Scholz | Scholz | DEU |
= Chancellor | DEU | | 2021-12-08 | 2025-05-06 |
@ Friedrich Merz | | Merz | DEU |
= Chancellor | DEU | | 2025-05-06 | |
@ Joachim Gauck | | Gauck | DEU |
= President | DEU | | 2012-03-18 | 2017-03-19 |
@ Frank-Walter Steinmeier | | Steinmeier | DEU |
= Foreign Minister | DEU | | 2005-11-22 | 2009-10-28 |
= Foreign Minister | DEU | | 2013-12-17 | 2017-01-27 |
= President | DEU | | 2017-03-19 | |
@ Sigmar Gabriel | | | DEU |
= Foreign Minister | DEU | | 2017-01-27 | 2018-03-14 |
@ Heiko Maas | | Maas | DEU |
= Foreign Minister | DEU | | 2018-03-14 | 2021-12-08 |
@ Annalena Baerbock | | Baerbock | DEU |
= Foreign Minister | DEU | | 2021-12-08 | 2025-05-06 |
@ Johann Wadephul | | Wadephul | DEU |
= Foreign Minister | DEU | | 2025-05-06 | |

# ---------------------------------------------------------------- United Kingdom
@ Elizabeth II | Queen Elizabeth II, Queen Elizabeth, Elizabeth II of the United Kingdom | | GBR |
= Queen | GBR | | 1952-02-06 | 2022-09-08 |
@ Charles III | King Charles III, King Charles, Prince Charles | | GBR |
= King | GBR | | 2022-09-08 | |
@ David Cameron | Lord Cameron | Cameron | GBR |
= Prime Minister | GBR | | 2010-05-11 | 2016-07-13 |
= Foreign Secretary | GBR | | 2023-11-13 | 2024-07-05 |
@ Theresa May | | May | GBR |
= Prime Minister | GBR | | 2016-07-13 | 2019-07-24 |
@ Boris Johnson | Alexander Boris de Pfeffel Johnson | | GBR |
= Foreign Secretary | GBR | | 2016-07-13 | 2018-07-09 |
= Prime Minister | GBR | | 2019-07-24 | 2022-09-06 |
@ Liz Truss | Elizabeth Truss | Truss | GBR |
= Foreign Secretary | GBR | | 2021-09-15 | 2022-09-06 |
= Prime Minister | GBR | | 2022-09-06 | 2022-10-25 |
@ Rishi Sunak | | Sunak | GBR |
= Leader | GBR | org:conservative-party-uk | 2022-10-24 | 2024-11-02 |
= Prime Minister | GBR | | 2022-10-25 | 2024-07-05 |
@ Keir Starmer | Sir Keir Starmer | Starmer | GBR |
= Leader | GBR | org:labour-party-uk | 2020-04-04 | |
= Prime Minister | GBR | | 2024-07-05 | |
@ Kemi Badenoch | | Badenoch | GBR |
= Leader | GBR | org:conservative-party-uk | 2024-11-02 | |
@ Nigel Farage | | Farage | GBR |
= Leader | GBR | org:reform-uk | 2024-06-03 | |
@ William Hague | | Hague | GBR |
= Foreign Secretary | GBR | | 2010-05-12 | 2014-07-14 |
@ Philip Hammond | | Hammond | GBR |
= Foreign Secretary | GBR | | 2014-07-14 | 2016-07-13 |
@ Jeremy Hunt | | | GBR |
= Foreign Secretary | GBR | | 2018-07-09 | 2019-07-24 |
@ Dominic Raab | | Raab | GBR |
= Foreign Secretary | GBR | | 2019-07-24 | 2021-09-15 |
@ James Cleverly | | Cleverly | GBR |
= Foreign Secretary | GBR | | 2022-09-06 | 2023-11-13 |
@ David Lammy | | Lammy | GBR |
= Foreign Secretary | GBR | | 2024-07-05 | 2025-09-05 | ?
@ Yvette Cooper | | | GBR |
= Foreign Secretary | GBR | | 2025-09-05 | | ?

# ---------------------------------------------------------------- China
@ Xi Jinping | President Xi, Xi | | CHN |
= General Secretary | CHN | org:ccp | 2012-11-15 | |
= President | CHN | | 2013-03-14 | |
@ Li Keqiang | | | CHN |
= Premier | CHN | | 2013-03-15 | 2023-03-11 |
@ Li Qiang | | | CHN |
= Premier | CHN | | 2023-03-11 | |
@ Wang Yi | | | CHN |
= Foreign Minister | CHN | | 2013-03-16 | 2022-12-30 |
= Foreign Minister | CHN | | 2023-07-25 | |
@ Qin Gang | | | CHN |
= Foreign Minister | CHN | | 2022-12-30 | 2023-07-25 |

# ---------------------------------------------------------------- Turkey
@ Recep Tayyip Erdoğan | Recep Tayyip Erdogan, Tayyip Erdogan, Tayyip Erdoğan, President Erdogan | Erdoğan, Erdogan | TUR |
= Prime Minister | TUR | | 2003-03-14 | 2014-08-28 |
= President | TUR | | 2014-08-28 | |
@ Abdullah Gül | Abdullah Gul | Gül, Gul | TUR |
= President | TUR | | 2007-08-28 | 2014-08-28 |
@ Ahmet Davutoğlu | Ahmet Davutoglu | Davutoğlu, Davutoglu | TUR |
= Foreign Minister | TUR | | 2009-05-01 | 2014-08-29 |
= Prime Minister | TUR | | 2014-08-28 | 2016-05-24 |
@ Binali Yıldırım | Binali Yildirim | Yıldırım, Yildirim | TUR |
= Prime Minister | TUR | | 2016-05-24 | 2018-07-09 |
@ Mevlüt Çavuşoğlu | Mevlut Cavusoglu | Çavuşoğlu, Cavusoglu | TUR |
= Foreign Minister | TUR | | 2014-08-29 | 2015-08-28 |
= Foreign Minister | TUR | | 2015-11-24 | 2023-06-04 |
@ Feridun Sinirlioğlu | Feridun Sinirlioglu | Sinirlioğlu, Sinirlioglu | TUR |
= Foreign Minister | TUR | | 2015-08-28 | 2015-11-24 | ?
@ Hakan Fidan | | Fidan | TUR |
= Foreign Minister | TUR | | 2023-06-04 | |

# ---------------------------------------------------------------- Poland
@ Bronisław Komorowski | Bronislaw Komorowski | Komorowski | POL |
= President | POL | | 2010-08-06 | 2015-08-06 |
@ Andrzej Duda | | Duda | POL |
= President | POL | | 2015-08-06 | 2025-08-06 |
@ Karol Nawrocki | | Nawrocki | POL |
= President | POL | | 2025-08-06 | | ?
@ Donald Tusk | | Tusk | POL |
= Prime Minister | POL | | 2007-11-16 | 2014-09-22 |
= President | | org:european-council | 2014-12-01 | 2019-12-01 |
= Prime Minister | POL | | 2023-12-13 | |
@ Ewa Kopacz | | Kopacz | POL |
= Prime Minister | POL | | 2014-09-22 | 2015-11-16 |
@ Beata Szydło | Beata Szydlo | Szydło, Szydlo | POL |
= Prime Minister | POL | | 2015-11-16 | 2017-12-11 |
@ Mateusz Morawiecki | | Morawiecki | POL |
= Prime Minister | POL | | 2017-12-11 | 2023-12-13 |
@ Radosław Sikorski | Radoslaw Sikorski, Radek Sikorski | Sikorski | POL |
= Foreign Minister | POL | | 2007-11-16 | 2014-09-22 |
= Foreign Minister | POL | | 2023-12-13 | |
@ Grzegorz Schetyna | | Schetyna | POL |
= Foreign Minister | POL | | 2014-09-22 | 2015-11-16 |
@ Witold Waszczykowski | | Waszczykowski | POL |
= Foreign Minister | POL | | 2015-11-16 | 2018-01-09 |
@ Jacek Czaputowicz | | Czaputowicz | POL |
= Foreign Minister | POL | | 2018-01-09 | 2020-08-26 | ?
@ Zbigniew Rau | | Rau | POL |
= Foreign Minister | POL | | 2020-08-26 | 2023-11-27 | ?
@ Szymon Szynkowski vel Sęk | Szymon Szynkowski vel Sek | | POL |
= Foreign Minister | POL | | 2023-11-27 | 2023-12-13 | ?

# ---------------------------------------------------------------- Italy
@ Giorgio Napolitano | | Napolitano | ITA |
= President | ITA | | 2006-05-15 | 2015-01-14 |
@ Pietro Grasso | | Grasso | ITA |
= President | ITA | | 2015-01-14 | 2015-02-03 | acting
@ Sergio Mattarella | | Mattarella | ITA |
= President | ITA | | 2015-02-03 | |
@ Matteo Renzi | | Renzi | ITA |
= Prime Minister | ITA | | 2014-02-22 | 2016-12-12 |
@ Paolo Gentiloni | | Gentiloni | ITA |
= Foreign Minister | ITA | | 2014-10-31 | 2016-12-12 |
= Prime Minister | ITA | | 2016-12-12 | 2018-06-01 |
@ Giuseppe Conte | | | ITA |
= Prime Minister | ITA | | 2018-06-01 | 2021-02-13 |
@ Mario Draghi | | Draghi | ITA |
= President | | org:ecb | 2011-11-01 | 2019-11-01 |
= Prime Minister | ITA | | 2021-02-13 | 2022-10-22 |
@ Giorgia Meloni | | Meloni | ITA |
= Prime Minister | ITA | | 2022-10-22 | |
@ Federica Mogherini | | Mogherini | ITA |
= Foreign Minister | ITA | | 2014-02-22 | 2014-10-31 |
= High Representative | | org:eu | 2014-11-01 | 2019-12-01 |
@ Angelino Alfano | | Alfano | ITA |
= Foreign Minister | ITA | | 2016-12-12 | 2018-06-01 |
@ Enzo Moavero Milanesi | | Moavero | ITA |
= Foreign Minister | ITA | | 2018-06-01 | 2019-09-05 |
@ Luigi Di Maio | | Di Maio | ITA |
= Foreign Minister | ITA | | 2019-09-05 | 2022-10-22 |
@ Antonio Tajani | | Tajani | ITA |
= President | | org:european-parliament | 2017-01-17 | 2019-07-03 |
= Foreign Minister | ITA | | 2022-10-22 | |

# ---------------------------------------------------------------- Canada
@ Stephen Harper | | Harper | CAN |
= Prime Minister | CAN | | 2006-02-06 | 2015-11-04 |
@ Justin Trudeau | | Trudeau | CAN |
= Prime Minister | CAN | | 2015-11-04 | 2025-03-14 |
@ Mark Carney | | Carney | CAN |
= Prime Minister | CAN | | 2025-03-14 | |
@ John Baird | | Baird | CAN |
= Foreign Minister | CAN | | 2011-05-18 | 2015-02-03 |
@ Rob Nicholson | | Nicholson | CAN |
= Foreign Minister | CAN | | 2015-02-09 | 2015-11-04 |
@ Stéphane Dion | Stephane Dion | Dion | CAN |
= Foreign Minister | CAN | | 2015-11-04 | 2017-01-10 |
@ Chrystia Freeland | | Freeland | CAN |
= Foreign Minister | CAN | | 2017-01-10 | 2019-11-20 |
@ François-Philippe Champagne | Francois-Philippe Champagne | Champagne | CAN |
= Foreign Minister | CAN | | 2019-11-20 | 2021-01-12 |
@ Marc Garneau | | Garneau | CAN |
= Foreign Minister | CAN | | 2021-01-12 | 2021-10-26 |
@ Mélanie Joly | Melanie Joly | Joly | CAN |
= Foreign Minister | CAN | | 2021-10-26 | 2025-05-13 | ?
@ Anita Anand | | Anand | CAN |
= Defense Minister | CAN | | 2021-10-26 | 2023-07-26 |
= Foreign Minister | CAN | | 2025-05-13 | | ?

# ---------------------------------------------------------------- Japan
@ Shinzo Abe | Shinzō Abe | Abe | JPN |
= Prime Minister | JPN | | 2012-12-26 | 2020-09-16 |
@ Yoshihide Suga | | Suga | JPN |
= Prime Minister | JPN | | 2020-09-16 | 2021-10-04 |
@ Fumio Kishida | | Kishida | JPN |
= Foreign Minister | JPN | | 2012-12-26 | 2017-08-03 |
= Prime Minister | JPN | | 2021-10-04 | 2024-10-01 |
@ Shigeru Ishiba | | Ishiba | JPN |
= Prime Minister | JPN | | 2024-10-01 | 2025-10-21 | ?
@ Sanae Takaichi | | Takaichi | JPN |
= Prime Minister | JPN | | 2025-10-21 | | ?
@ Taro Kono | Tarō Kōno | Kono | JPN |
= Foreign Minister | JPN | | 2017-08-03 | 2019-09-11 |
@ Toshimitsu Motegi | | Motegi | JPN |
= Foreign Minister | JPN | | 2019-09-11 | 2021-11-04 |
= Foreign Minister | JPN | | 2025-10-21 | | ?
@ Yoshimasa Hayashi | | Hayashi | JPN |
= Foreign Minister | JPN | | 2021-11-10 | 2023-09-13 |
@ Yoko Kamikawa | Yōko Kamikawa | Kamikawa | JPN |
= Foreign Minister | JPN | | 2023-09-13 | 2024-10-01 |
@ Takeshi Iwaya | | Iwaya | JPN |
= Foreign Minister | JPN | | 2024-10-01 | 2025-10-21 | ?
@ Akihito | Emperor Akihito | | JPN |
= Emperor | JPN | | 1989-01-07 | 2019-05-01 |
@ Naruhito | Emperor Naruhito | | JPN |
= Emperor | JPN | | 2019-05-01 | |

# ---------------------------------------------------------------- India
@ Narendra Modi | Narendra Damodardas Modi, PM Modi | Modi | IND |
= Prime Minister | IND | | 2014-05-26 | |
@ Manmohan Singh | | | IND |
= Prime Minister | IND | | 2004-05-22 | 2014-05-26 |
@ Pranab Mukherjee | | Mukherjee | IND |
= President | IND | | 2012-07-25 | 2017-07-25 |
@ Ram Nath Kovind | | Kovind | IND |
= President | IND | | 2017-07-25 | 2022-07-25 |
@ Droupadi Murmu | | Murmu | IND |
= President | IND | | 2022-07-25 | |
@ Salman Khurshid | | Khurshid | IND |
= External Affairs Minister | IND | | 2012-10-28 | 2014-05-26 |
@ Sushma Swaraj | | Swaraj | IND |
= External Affairs Minister | IND | | 2014-05-26 | 2019-05-30 |
@ Subrahmanyam Jaishankar | S. Jaishankar, S Jaishankar | Jaishankar | IND |
= External Affairs Minister | IND | | 2019-05-30 | |

# ---------------------------------------------------------------- other G20 and NATO members
@ Jair Bolsonaro | | Bolsonaro | BRA |
= President | BRA | | 2019-01-01 | 2023-01-01 |
@ Luiz Inácio Lula da Silva | Lula da Silva, Luiz Inacio Lula da Silva, Lula | | BRA |
= President | BRA | | 2003-01-01 | 2011-01-01 |
= President | BRA | | 2023-01-01 | |
@ Dilma Rousseff | | Rousseff | BRA |
= President | BRA | | 2011-01-01 | 2016-08-31 |
@ Michel Temer | | Temer | BRA |
= President | BRA | | 2016-08-31 | 2019-01-01 |
@ Salman bin Abdulaziz | King Salman, Salman bin Abdulaziz Al Saud | | SAU |
= King | SAU | | 2015-01-23 | |
@ Mohammed bin Salman | MBS, Crown Prince Mohammed bin Salman | | SAU |
= Crown Prince | SAU | | 2017-06-21 | |
= Prime Minister | SAU | | 2022-09-27 | |
@ Moon Jae-in | | | KOR |
= President | KOR | | 2017-05-10 | 2022-05-10 |
@ Yoon Suk Yeol | Yoon Suk-yeol | Yoon | KOR |
= President | KOR | | 2022-05-10 | 2025-04-04 |
@ Lee Jae-myung | | Lee | KOR |
= President | KOR | | 2025-06-04 | |
@ Enrique Peña Nieto | Enrique Pena Nieto | Peña Nieto, Pena Nieto | MEX |
= President | MEX | | 2012-12-01 | 2018-12-01 |
@ Andrés Manuel López Obrador | Andres Manuel Lopez Obrador, AMLO, López Obrador, Lopez Obrador | | MEX |
= President | MEX | | 2018-12-01 | 2024-10-01 |
@ Claudia Sheinbaum | | Sheinbaum | MEX |
= President | MEX | | 2024-10-01 | |
@ Mauricio Macri | | Macri | ARG |
= President | ARG | | 2015-12-10 | 2019-12-10 |
@ Javier Milei | | Milei | ARG |
= President | ARG | | 2023-12-10 | |
@ Malcolm Turnbull | | Turnbull | AUS |
= Prime Minister | AUS | | 2015-09-15 | 2018-08-24 |
@ Scott Morrison | | Morrison | AUS |
= Prime Minister | AUS | | 2018-08-24 | 2022-05-23 |
@ Anthony Albanese | | Albanese | AUS |
= Prime Minister | AUS | | 2022-05-23 | |
@ Cyril Ramaphosa | | Ramaphosa | ZAF |
= President | ZAF | | 2018-02-15 | |
@ Jacob Zuma | | Zuma | ZAF |
= President | ZAF | | 2009-05-09 | 2018-02-14 |
@ Joko Widodo | Jokowi | Widodo | IDN |
= President | IDN | | 2014-10-20 | 2024-10-20 |
@ Prabowo Subianto | | Prabowo | IDN |
= President | IDN | | 2024-10-20 | |
@ Viktor Orbán | Viktor Orban | Orbán, Orban | HUN |
= Prime Minister | HUN | | 2010-05-29 | |
@ Péter Szijjártó | Peter Szijjarto | Szijjártó, Szijjarto | HUN |
= Foreign Minister | HUN | | 2014-09-23 | |
@ Pedro Sánchez | Pedro Sanchez | | ESP |
= Prime Minister | ESP | | 2018-06-02 | |
@ Mariano Rajoy | | Rajoy | ESP |
= Prime Minister | ESP | | 2011-12-21 | 2018-06-02 |
@ Dick Schoof | | Schoof | NLD |
= Prime Minister | NLD | | 2024-07-02 | |
@ Sauli Niinistö | Sauli Niinisto | Niinistö, Niinisto | FIN |
= President | FIN | | 2012-03-01 | 2024-03-01 |
@ Alexander Stubb | | Stubb | FIN |
= President | FIN | | 2024-03-01 | |
@ Ulf Kristersson | | Kristersson | SWE |
= Prime Minister | SWE | | 2022-10-18 | |
@ Gitanas Nausėda | Gitanas Nauseda | Nausėda, Nauseda | LTU |
= President | LTU | | 2019-07-12 | |
@ Robert Fico | | Fico | SVK |
= Prime Minister | SVK | | 2012-04-04 | 2018-03-22 |
= Prime Minister | SVK | | 2023-10-25 | |
@ Benjamin Netanyahu | Bibi Netanyahu, Binyamin Netanyahu | Netanyahu | ISR |
= Prime Minister | ISR | | 2009-03-31 | 2021-06-13 |
= Prime Minister | ISR | | 2022-12-29 | |
@ Ali Khamenei | Ayatollah Ali Khamenei, Ayatollah Khamenei, Sayyid Ali Khamenei | Khamenei | IRN |
= Supreme Leader | IRN | | 1989-06-04 | |
@ Masoud Pezeshkian | | Pezeshkian | IRN |
= President | IRN | | 2024-07-28 | |
@ Ebrahim Raisi | | Raisi | IRN |
= President | IRN | | 2021-08-03 | 2024-05-19 |
@ Hassan Rouhani | Hassan Rowhani | Rouhani | IRN |
= President | IRN | | 2013-08-03 | 2021-08-03 |
@ Abbas Araghchi | Abbas Araqchi, Seyed Abbas Araghchi, Seyed Abbas Araqchi, Seyyed Abbas Araghchi | Araghchi, Araqchi | IRN |
= Foreign Minister | IRN | | 2024-08-21 | |
@ Mohammad Javad Zarif | Javad Zarif | Zarif | IRN |
= Foreign Minister | IRN | | 2013-08-15 | 2021-08-25 |
@ Hossein Amir-Abdollahian | Hossein Amirabdollahian | Amir-Abdollahian, Amirabdollahian | IRN |
= Foreign Minister | IRN | | 2021-08-25 | 2024-05-19 |
@ Alexander Lukashenko | Alyaksandr Lukashenka, Aleksandr Lukashenko | Lukashenko, Lukashenka | BLR |
= President | BLR | | 1994-07-20 | |

# ---------------------------------------------------------------- NATO, UN, EU and other organisations
@ Anders Fogh Rasmussen | | Rasmussen | DNK |
= Secretary General | | org:nato | 2009-08-01 | 2014-10-01 |
@ Jens Stoltenberg | | Stoltenberg | NOR |
= Prime Minister | NOR | | 2005-10-17 | 2013-10-16 |
= Secretary General | | org:nato | 2014-10-01 | 2024-10-01 |
= Finance Minister | NOR | | 2025-02-04 | | ?
@ Mark Rutte | | Rutte | NLD |
= Prime Minister | NLD | | 2010-10-14 | 2024-07-02 |
= Secretary General | | org:nato | 2024-10-01 | |
@ Ban Ki-moon | | | KOR |
= Secretary General | | org:un | 2007-01-01 | 2017-01-01 |
@ António Guterres | Antonio Guterres | Guterres | PRT |
= Prime Minister | PRT | | 1995-10-28 | 2002-04-06 |
= Secretary General | | org:un | 2017-01-01 | |
@ Jean-Claude Juncker | | Juncker | LUX |
= President | | org:european-commission | 2014-11-01 | 2019-12-01 |
@ Ursula von der Leyen | | von der Leyen | DEU |
= Defense Minister | DEU | | 2013-12-17 | 2019-07-17 |
= President | | org:european-commission | 2019-12-01 | |
@ Herman Van Rompuy | | Van Rompuy | BEL |
= President | | org:european-council | 2009-12-01 | 2014-12-01 |
@ Charles Michel | | | BEL |
= Prime Minister | BEL | | 2014-10-11 | 2019-10-27 |
= President | | org:european-council | 2019-12-01 | 2024-12-01 |
@ António Costa | Antonio Costa | | PRT |
= Prime Minister | PRT | | 2015-11-26 | 2024-04-02 |
= President | | org:european-council | 2024-12-01 | |
@ Josep Borrell | | Borrell | ESP |
= High Representative | | org:eu | 2019-12-01 | 2024-12-01 |
@ Kaja Kallas | | Kallas | EST |
= Prime Minister | EST | | 2021-01-26 | 2024-07-23 |
= High Representative | | org:eu | 2024-12-01 | |
@ Catherine Ashton | Baroness Ashton, Lady Ashton | Ashton | GBR |
= High Representative | | org:eu | 2009-12-01 | 2014-11-01 |
@ Rafael Grossi | Rafael Mariano Grossi | Grossi | ARG |
= Director General | | org:iaea | 2019-12-03 | |
@ Yukiya Amano | | Amano | JPN |
= Director General | | org:iaea | 2009-12-01 | 2019-07-18 |
@ Tedros Adhanom Ghebreyesus | Tedros Adhanom, Tedros | | ETH |
= Director General | | org:who | 2017-07-01 | |
@ Kristalina Georgieva | | Georgieva | BGR |
= Managing Director | | org:imf | 2019-10-01 | |
@ Christine Lagarde | | Lagarde | FRA |
= Managing Director | | org:imf | 2011-07-05 | 2019-09-12 |
= President | | org:ecb | 2019-11-01 | |
# ---------------------------------------------------------------- Quoted officials (2022-2026)
# spokespeople, ministers and envoys the wires quote daily; dates checked against news reports

# ---------------------------------------------------------------- China: spokespeople
@ Wang Wenbin | | | CHN |
= Spokesperson | CHN | org:chinese-mfa | 2020-07 | 2024-06-07 |
@ Mao Ning | | | CHN |
= Spokesperson | CHN | org:chinese-mfa | 2022-09-05 | |
@ Lin Jian | | | CHN |
= Spokesperson | CHN | org:chinese-mfa | 2024-03-18 | |
@ Guo Jiakun | | | CHN |
= Spokesperson | CHN | org:chinese-mfa | 2025-01-06 | |
@ Zhu Fenglian | | | CHN | spokesperson of the Taiwan Affairs Office of the State Council
= Spokesperson | CHN | | 2019-11-27 | |
@ Chen Binhua | | | CHN | spokesperson of the Taiwan Affairs Office of the State Council
= Spokesperson | CHN | | 2023-09-13 | |

# ---------------------------------------------------------------- Iran
@ Esmaeil Baqaei | Esmaeil Baghaei, Esmail Baghaei, Esmail Baqaei, Ismail Baghaei, Ismail Baqaei, Esmaeil Baghaei Hamaneh, Esmaeil Baqaei Hamaneh | Baqaei, Baghaei | IRN |
= Spokesperson | IRN | org:iran-mfa | 2024-08 | | ?
@ Ali Larijani | Ali Ardashir Larijani | Larijani | IRN | Secretary of the Supreme National Security Council (no organization id for it)
= Secretary | IRN | | 2025-08-05 | |
@ Mohammad Bagher Ghalibaf | Mohammad Baqer Qalibaf, Mohammad Bagher Qalibaf, Mohammad Baqer Ghalibaf, Mohammad-Bagher Ghalibaf, Mohammad Ghalibaf | Ghalibaf, Qalibaf | IRN | Speaker of the Islamic Consultative Assembly (Majlis)
= Speaker | IRN | | 2020-05-28 | |

# ---------------------------------------------------------------- Pakistan
@ Shehbaz Sharif | Shahbaz Sharif, Muhammad Shehbaz Sharif, Mian Muhammad Shehbaz Sharif, PM Shehbaz | Shehbaz, Shahbaz | PAK |
= Prime Minister | PAK | | 2022-04-11 | 2023-08-14 |
= Prime Minister | PAK | | 2024-03-04 | |
@ Asif Ali Zardari | Asif Zardari, President Zardari | Zardari | PAK |
= President | PAK | | 2024-03-10 | |
@ Ishaq Dar | Muhammad Ishaq Dar, Mohammad Ishaq Dar | Dar | PAK |
= Finance Minister | PAK | | 2022-09-28 | 2023-08-10 | ?
= Foreign Minister | PAK | | 2024-03-11 | |
= Deputy Prime Minister | PAK | | 2024-04-28 | |
@ Khawaja Asif | Khawaja Muhammad Asif, Khawaja Mohammad Asif, Khwaja Asif | | PAK |
= Defense Minister | PAK | | 2022-04-19 | 2023-08-10 | ?
= Defense Minister | PAK | | 2024-03-11 | |
@ Asim Munir | Syed Asim Munir, Field Marshal Asim Munir, General Asim Munir | Munir | PAK | army chief; Field Marshal (rank) from 2025-05-20
= Chief of Army Staff | PAK | | 2022-11-29 | |
= Field Marshal | PAK | | 2025-05-20 | |
= Chief of Defence Forces | PAK | | 2025-12-04 | | ?
@ Shafqat Ali Khan | Shafqat Khan | | PAK | Foreign Office spokesperson
= Spokesperson | PAK | | 2025-01 | 2025-10-17 | ?
@ Tahir Hussain Andrabi | Tahir Andrabi, Tahir Hussain Andarabi | | PAK | Foreign Office spokesperson, succeeded Shafqat Ali Khan
= Spokesperson | PAK | | 2025-10-17 | | ?

# ---------------------------------------------------------------- India
@ Randhir Jaiswal | | | IND |
= Spokesperson | IND | org:indian-mea | 2024-01-03 | |
@ Vikram Misri | | Misri | IND |
= Deputy National Security Adviser | IND | | 2022-01-01 | 2024-07-15 | ?
= Foreign Secretary | IND | org:indian-mea | 2024-07-15 | | ?
@ Rajnath Singh | | | IND |
= Defense Minister | IND | | 2019-05-30 | |
@ Amit Shah | Amit Anilchandra Shah | | IND |
= Home Minister | IND | | 2019-05-30 | |

# ---------------------------------------------------------------- North Korea
@ Kim Yo Jong | Kim Yo-jong, Kim Yo-Jong, Kim Yojong, Kim Yeo-jong | | PRK | sister of Kim Jong Un; issues statements through KCNA
= Vice Department Director | PRK | org:wpk | 2021-01 | 2026-02-23 | ?
= Department Director | PRK | org:wpk | 2026-02-23 | |
@ Choe Son Hui | Choe Son-hui, Choe Son-Hui, Choe Sun-hui, Choe Son Hee | | PRK |
= Foreign Minister | PRK | | 2022-06 | |

# ---------------------------------------------------------------- South Korea
@ Cho Hyun | | | KOR |
= Foreign Minister | KOR | | 2025-07-21 | |

# ---------------------------------------------------------------- Taiwan
@ Lai Ching-te | William Lai, William Lai Ching-te, Lai Ching-teh, Lai Qingde | | TWN |
= Vice President | TWN | | 2020-05-20 | 2024-05-20 |
= President | TWN | | 2024-05-20 | |
@ Lin Chia-lung | Lin Jia-long, Lin Jialong | | TWN |
= Foreign Minister | TWN | | 2024-05-20 | |

# ---------------------------------------------------------------- Holy See
@ Pope Francis | Jorge Mario Bergoglio, Jorge Bergoglio |  | ARG |
= Pope | VAT | | 2013-03-13 | 2025-04-21 |
@ Leo XIV | Pope Leo XIV, Pope Leo, Robert Prevost, Robert Francis Prevost, Cardinal Prevost, Cardinal Robert Prevost |  | USA | born in Chicago; also a Peruvian citizen
= Prefect of the Dicastery for Bishops | VAT | | 2023-04-12 | 2025-05-08 |
= Pope | VAT | | 2025-05-08 | |
@ Pietro Parolin | Cardinal Pietro Parolin, Cardinal Parolin | Parolin | ITA |
= Secretary of State | VAT | | 2013-10-15 | |
@ Matteo Bruni | | | ITA | Director of the Holy See Press Office (the Vatican spokesman)
= Spokesperson | VAT | | 2019-07-22 | |

# ---------------------------------------------------------------- United Nations
@ Stéphane Dujarric | Stephane Dujarric, Stéphane Dujarric de la Rivière, Stephane Dujarric de la Riviere | Dujarric | FRA | spokesman for the Secretary-General
= Spokesperson | | org:un | 2014-03-10 | |

# ---------------------------------------------------------------- United States (more)
@ John Kirby | John F. Kirby, Admiral John Kirby, Rear Admiral John Kirby | Kirby | USA | NSC coordinator for strategic communications, later White House national security communications adviser
= Press Secretary | USA | org:pentagon | 2021-01-20 | 2022-05-20 | ?
= Spokesperson | USA | org:nsc | 2022-05-20 | 2025-01-20 | ?
@ Tammy Bruce | | | USA | nominated deputy representative to the UN on 2025-08-09; when she stopped speaking for the State Department is not checked
= Spokesperson | USA | org:state-department | 2025-01-20 | 2025-12 | ?
= Deputy Representative | USA | org:un | 2026-01 | | ?
@ Karoline Leavitt | | Leavitt | USA |
= Press Secretary | USA | org:white-house | 2025-01-20 | |
@ Steve Witkoff | Steven Witkoff, Steven Charles Witkoff | Witkoff | USA | special envoy to the Middle East, also for peace missions (Russia-Ukraine)
= Special Envoy | USA | | 2025-01-20 | |

# ---------------------------------------------------------------- Canada (more)
@ Pierre Poilievre | | Poilievre | CAN | leader of the Conservative Party of Canada
= Leader | CAN | | 2022-09-10 | |

# ---------------------------------------------------------------- Middle East
@ Ahmed Aboul Gheit | Ahmed Aboul-Gheit, Ahmed Abul Gheit, Ahmed Abu al-Gheit, Ahmed Abou El Gheit, Ahmed Abu Al Ghait | Aboul Gheit, Aboul-Gheit, Abul Gheit | EGY |
= Secretary General | | org:arab-league | 2016-07-01 | 2026-07-01 |
@ Nabil Fahmy | | | EGY |
= Secretary General | | org:arab-league | 2026-07-01 | |
@ Badr Abdelatty | Badr Abdel Aty, Badr Abdel-Aty, Badr Abdelaty, Badr Abdel Atty | Abdelatty, Abdel Aty, Abdelaty | EGY |
= Foreign Minister | EGY | | 2024-07-03 | |
@ Ayman Safadi | Ayman al-Safadi, Ayman Al Safadi | Safadi | JOR |
= Foreign Minister | JOR | | 2017-01-15 | |
= Deputy Prime Minister | JOR | | 2020-10-12 | |
@ Faisal bin Farhan | Prince Faisal bin Farhan, Faisal bin Farhan Al Saud, Prince Faisal bin Farhan Al Saud | | SAU |
= Foreign Minister | SAU | | 2019-10-23 | |
@ Mohammed bin Abdulrahman Al Thani | Sheikh Mohammed bin Abdulrahman Al Thani, Mohammed bin Abdulrahman bin Jassim Al Thani, Sheikh Mohammed bin Abdulrahman, Mohammed bin Abdulrahman, Mohamed bin Abdulrahman Al Thani | | QAT |
= Foreign Minister | QAT | | 2016-01-27 | |
= Prime Minister | QAT | | 2023-03-07 | |
@ Mahmoud Abbas | Abu Mazen, Mahmud Abbas, President Abbas |  | PSE |
= Chair | | org:plo | 2004-11-11 | |
= President | PSE | | 2005-01-15 | |

# ---------------------------------------------------------------- Belgium
@ Bart De Wever | | De Wever | BEL |
= Mayor | BEL | | 2013-01-01 | 2025-02-03 | ? region=Antwerp
= Prime Minister | BEL | | 2025-02-03 | |

"""

def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(",") if part.strip()]


def _slug(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("ı", "i").replace("ł", "l")
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _check_date(value: str, where: str) -> None:
    parts = value.split("-")
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"{where}: bad date {value!r}")
    date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


def parse_table(text: str = TABLE) -> list[dict]:
    entries: list[dict] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line[1:].split("|")]
        where = f"line {number}"
        if line.startswith("@"):
            name, aliases, surnames, nationality, note = (fields + [""] * 5)[:5]
            entry = {"id": f"person:{_slug(name)}", "name": name, "kind": "person",
                     "aliases": _split(aliases) + [{"alias": s, "surname": True} for s in _split(surnames)],
                     "country": nationality or None, "roles": [], "source": SOURCE}
            if note:
                entry["note"] = note
            entries.append(entry)
        elif line.startswith("="):
            if not entries:
                raise ValueError(f"{where}: role before any person")
            title, country, org, start, until, flags = (fields + [""] * 6)[:6]
            role: dict = {"title": title, "country": country or None, "organization": org or None}
            for value, key in ((start, "from"), (until, "until")):
                if value:
                    _check_date(value, where)
                    role[key] = value
            flags, _, region = flags.partition("region=")
            if region.strip():
                role["region"] = region.strip()
            for flag in flags.split():
                if flag == "?":
                    role["uncertain"] = True
                elif flag == "acting":
                    role["acting"] = True
                else:
                    raise ValueError(f"{where}: unknown flag {flag!r}")
            entries[-1]["roles"].append(role)
        else:
            raise ValueError(f"{where}: expected @ or =: {line!r}")
    ids = [e["id"] for e in entries]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate people: {sorted(dupes)}")
    return entries


def build() -> dict:
    entries = parse_table()
    return {
        "_meta": {
            "description": "People whose roles are resolved by date: heads of state and government and "
                           "foreign ministers of the main G20 and NATO members since 2014, heads of NATO, "
                           "the UN and the EU, and US politicians of the 2016 campaign.",
            "generated_by": "src/newsledger/actors/kb/build_people.py",
            "source": SOURCE,
            "fields": "id, name, kind (person), aliases (strings, or {alias, surname: true}), country "
                      "(nationality, alpha-3), roles [{title, country, organization, from, until "
                      "(exclusive), acting, uncertain, region}], note, source",
        },
        "entries": entries,
    }


def main(argv: list[str] | None = None) -> int:
    out = Path(__file__).with_name("people.json")
    data = build()
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['entries'])} people to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
