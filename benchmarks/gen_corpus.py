"""Generate a synthetic news corpus for the ingest benchmark (standard library only).

    python benchmarks/gen_corpus.py OUT_DIR --articles 20000 --treaty-share 0.01 --seed 1

Writes ``--articles`` files in the news text format of shared/DESIGN.md (line 1 title,
line 2 source, line 3 publication date in RFC 2822 or ISO 8601 with a time zone, a blank
line, then the body in paragraphs).  About ``--treaty-share`` of them report treaty actions
(states signing, ratifying, acceding to, leaving or suspending treaties, parliaments voting on
them); the rest are ordinary news on eleven topics, salted with words that a cheap keyword
filter may mistake for treaty news ("convention centre", "Treaty of Versailles", "Ottawa",
"Paris", "ratings", "signed a contract", ministers, country names).

With ``--warc-shards N`` the same articles are written instead as HTML pages in N WARC.gz
files (``shard-000.warc.gz`` ...; each record a gzip member, article i in shard i mod N), for
``treatywatch backfill``.

The output depends only on the arguments: the same seed gives the same bytes.  File names
are ``NNNNN_<hash>.txt``, numbered in generation order, so "the first N files" in name order
are the first N generated.  ``manifest.json`` (written last, so a half-written corpus has
none) records the parameters, a hash of this script and, for each treaty article, the
state / treaty / action / date that its lead sentence reports.  Those labels are hints for
sanity checks, not gold annotations.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gzip
import hashlib
import html
import json
import random
import re
import sys
import time
import uuid
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
MIN_WORDS, MAX_WORDS = 150, 450
FIRST_DAY, LAST_DAY = dt.date(2017, 1, 1), dt.date(2025, 12, 31)

# --------------------------------------------------------------------------------------
# Shared vocabulary

FIRST_NAMES = """
Aisha Alan Alejandro Alice Amara Ana Andrei Anna Antoine Arjun Astrid Ayumi Bartosz Beatriz
Ben Bianca Camille Carlos Carmen Chen Chiara Chloe Daniel Daniela Dario David Diego Dmitri
Eamon Elena Elif Emil Emma Erik Esra Fatima Felix Fiona Francesca Gabriel Grace Greta
Hannah Hassan Helena Henrik Hiroshi Ines Ingrid Isaac Ivan Jakub James Jana Javier Jin
Joao Jonas Jorge Julia Kai Karin Kateryna Kenji Kofi Laila Lars Laura Leila Leon Liam Lina
Lucia Lukas Maja Malik Marco Margit Maria Marta Mateo Matteo Mei Mikael Milan Mira Nadia
Naomi Nikos Nina Noah Nora Olga Omar Oskar Pablo Paolo Patrick Pedro Petra Priya Rafael
Rahul Rania Rosa Ruth Sami Sara Sean Sergio Simone Sofia Stefan Suki Tamara Tariq Teresa
Thabo Theo Tomas Ulla Valentina Vera Victor Wei Yara Yusuf Zainab Zofia Owen Rhys Siobhan
Ngozi Chidi Ama Kwame Lerato Sipho Ravi Ananya Deepa Farid Leyla Selin Can Burak Mehmet
Abigail Adrian Agnes Ahmed Aleksander Alma Amelia Anders Andrea Anton Arturo Aurelie Axel
Beata Benedikt Birgit Bogdan Bruno Caio Callum Carla Cecilia Clara Conor Cristina Damian
Dana Dagny Dorota Edgar Eleni Elias Eliza Enzo Esther Eva Fabian Filip Florin Gaspard
Georgios Gisela Goran Hamza Hana Heikki Hugo Ida Ilse Imogen Irina Jelena Joaquin Johan
Josefine Kamil Karolina Kasper Kiri Klara Kristof Lea Lorenzo Luca Ludmila Magnus Malin
Manon Marek Marius Mateja Mattias Maximilian Mikko Mohammed Natalia Nils Olivia Orla
Pilar Radu Rasmus Renata Roberta Ronan Sabine Santiago Silke Sven Tereza Tobias Ugo
Valeria Viktor Vilma Wiktoria Xavier Yannick Yasmin Zeynep Zoran Akua Chiamaka Folake
Tendai Wanjiru Haruto Sakura Min-jun Ji-woo Thanh Linh Arnav Meera Ishaan Kavya Tomasz
""".split()

SURNAMES = """
Abara Adeyemi Alvarez Andersen Antonelli Aoki Bakker Barros Becker Bergstrom Bianchi
Blanchard Brennan Brooks Campbell Castillo Chowdhury Costa Dalton Delgado Dimitrov Dubois
Dunne Eriksen Esposito Farouk Fernandes Fischer Fitzgerald Fontaine Fraser Garcia Gomez
Gonzalez Greco Gruber Haddad Halvorsen Hansen Hartmann Hayes Herrera Hoffmann Holm Horvat
Hughes Ibrahim Ivanova Jansen Jensen Kaplan Kapoor Kato Keller Kennedy Kim Kovac Kowalski
Kruger Lambert Larsen Laurent Lehmann Lindqvist Lopez Lund Madsen Mahlaba Marchetti Martins
Mazur Mendes Meyer Moreau Morris Murphy Nakamura Navarro Nielsen Novak Nowak Obi Okafor
Olsen Ortega Osei Ozturk Pappas Patel Pereira Petrov Popescu Quinn Ramos Reyes Ricci Rossi
Russo Sahin Santos Sato Schmidt Schneider Serrano Shah Silva Sokolov Sorensen Suzuki Svoboda
Tanaka Thompson Torres Varga Vasquez Vogel Wagner Walsh Weber Wojcik Yamamoto Yilmaz Zhang
Ziegler Zielinski Mensah Banda Mwangi Nkosi Achterberg Rautio Virtanen Koskinen Laine
Adamczyk Aguilar Albrecht Amato Arnaud Auclair Baptiste Barbieri Baumann Benali Bertrand
Bjork Bondarenko Bosch Brandt Brunner Caruso Cerny Chevalier Conti Cordeiro Dahl Dahlberg
Dobrev Dvorak Eklund Engel Falk Ferrari Figueroa Fonseca Friedrich Gallo Georgiou Gill
Guerrero Haas Hakimi Hallberg Hedlund Heikkinen Hernandez Ivanov Jakobsen Janssens Jovanovic
Kaminski Karlsson Kaya Kiss Koch Kolar Kozlov Krause Kuznetsov Lange Lehtonen Leone Lindgren
Lombardi Lorenz Maas Magnusson Marino Markovic Mattila Medina Molina Moretti Mueller Nagy
Nieminen Nilsson Novotny Oliveira Olsson Ortiz Pavlov Peeters Pellegrini Persson Pinto
Popov Rey Richter Rinaldi Rocha Romano Rousseau Ruiz Salo Sanchez Sandberg Schulz Simon
Soares Stan Stoica Strand Szabo Takahashi Toth Vidal Vincent Volkov Walter Werner Wolf
Adeleke Okonkwo Nwosu Asante Boateng Kamau Otieno Moyo Dlamini Ndlovu Sithole Watanabe
Kobayashi Ito Nguyen Tran Pham Park Choi Lim Iyer Menon Reddy Banerjee Mukherjee Qureshi
""".split()

CITIES = [
    "Leeds", "Porto", "Gdansk", "Tampere", "Lyon", "Bilbao", "Graz", "Brno", "Kaunas", "Tartu",
    "Bergen", "Aarhus", "Malmo", "Ghent", "Utrecht", "Bristol", "Cork", "Halifax", "Winnipeg",
    "Denver", "Austin", "Tucson", "Raleigh", "Perth", "Adelaide", "Auckland", "Durban",
    "Nairobi", "Accra", "Pune", "Cebu", "Osaka", "Busan", "Valencia", "Turin", "Bologna",
    "Krakow", "Cluj", "Plovdiv", "Debrecen", "Ljubljana", "Split", "Thessaloniki", "Izmir",
    "Haifa", "Casablanca", "Lagos", "Kumasi", "Mombasa", "Cape Town", "Recife", "Cordoba",
    "Rosario", "Medellin", "Guadalajara", "Monterrey", "Quebec City", "Calgary", "Edmonton",
    "Portland", "Sacramento", "Milwaukee", "Pittsburgh", "Nashville", "Charlotte", "Tampa",
    "Glasgow", "Cardiff", "Belfast", "Newcastle", "Nottingham", "Sheffield", "Leicester",
    "Brighton", "Dundee", "Limerick", "Galway", "Rotterdam", "Eindhoven", "Antwerp", "Liege",
    "Bremen", "Leipzig", "Dresden", "Hanover", "Nuremberg", "Basel", "Lausanne", "Innsbruck",
    "Salzburg", "Linz", "Wroclaw", "Poznan", "Lodz", "Ostrava", "Kosice", "Szeged", "Timisoara",
    "Iasi", "Varna", "Novi Sad", "Tallinn", "Riga", "Vilnius", "Oulu", "Turku", "Uppsala",
    "Gothenburg", "Trondheim", "Stavanger", "Odense", "Reykjavik", "Seville", "Malaga",
    "Zaragoza", "Palermo", "Naples", "Genoa", "Florence", "Marseille", "Toulouse", "Nantes",
    "Bordeaux", "Lille", "Strasbourg", "Montpellier", "Hobart", "Darwin", "Wellington",
    "Christchurch", "Sapporo", "Fukuoka", "Incheon", "Daegu", "Chiang Mai", "Da Nang",
    "Kochi", "Mysore", "Colombo", "Kandy", "Ottawa", "Paris", "Rome", "Geneva", "Vienna", "Oslo",
    "New York", "Aberdeen", "Bath", "Exeter", "Norwich", "York", "Waterford", "Maastricht",
    "Groningen", "Bruges", "Namur", "Freiburg", "Heidelberg", "Munster", "Kassel", "Regensburg",
    "Bern", "Lugano", "Klagenfurt", "Olomouc", "Plzen", "Bratislava", "Pecs", "Gyor", "Brasov",
    "Constanta", "Sibiu", "Ruse", "Maribor", "Zadar", "Rijeka", "Mostar", "Skopje", "Patras",
    "Larissa", "Antalya", "Bursa", "Tbilisi", "Batumi", "Lublin", "Szczecin", "Bialystok",
    "Klaipeda", "Daugavpils", "Parnu", "Jyvaskyla", "Lahti", "Aalborg", "Lund", "Vasteras",
    "Tromso", "Akureyri", "Coimbra", "Braga", "Faro", "Granada", "Cadiz", "Santander", "Oviedo",
    "Verona", "Padua", "Trieste", "Bari", "Cagliari", "Nice", "Rennes", "Dijon", "Grenoble",
    "Savannah", "Boise", "Omaha", "Tulsa", "Spokane", "Albuquerque", "Saskatoon", "Regina",
    "Victoria", "Kelowna", "Hamilton", "Dunedin", "Geelong", "Townsville", "Kisumu", "Arusha",
    "Kampala", "Lusaka", "Windhoek", "Gaborone", "Porto Alegre", "Curitiba", "Valparaiso",
    "Arequipa", "Cusco", "Puebla", "Merida", "Oaxaca", "Nagoya", "Kobe", "Sendai", "Gwangju",
    "Hue", "Penang", "Ipoh", "Surabaya", "Bandung", "Davao", "Chennai", "Jaipur", "Lucknow",
]

COUNTRIES = [
    "Germany", "France", "Italy", "Spain", "Portugal", "Ireland", "the Netherlands", "Belgium",
    "Austria", "Switzerland", "Sweden", "Norway", "Denmark", "Finland", "Estonia", "Latvia",
    "Lithuania", "Poland", "Czechia", "Slovakia", "Hungary", "Romania", "Bulgaria", "Greece",
    "Croatia", "Slovenia", "Serbia", "Turkey", "Ukraine", "Georgia", "Canada", "the United States",
    "Mexico", "Brazil", "Argentina", "Chile", "Colombia", "Peru", "Japan", "South Korea",
    "China", "India", "Indonesia", "Vietnam", "Thailand", "the Philippines", "Malaysia",
    "Australia", "New Zealand", "South Africa", "Nigeria", "Kenya", "Ghana", "Egypt",
    "Morocco", "Israel", "Saudi Arabia", "the United Arab Emirates", "Kazakhstan", "Pakistan",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

CO_PREFIX = """
Norbridge Altamar Brightwell Corvid Deltara Eastmere Fenwick Galloway Harbourline Ironleaf
Juniper Kestrel Lumenis Meridian Northgate Orchard Pellucid Quarry Redfern Silverlake
Tamarind Upland Vantage Westcott Yarrow Zenith Arbor Bluewater Caldera Driftwood Emberly
Foxglove Granite Highmoor Inverness Jadeport Kingsway Larkspur Moorland Nimbus Oakridge
Pinecrest Quayside Riverton Stonebrook Tidewater Ulster Velvet Whitmore Amberly Ashcombe
Beacon Bramley Cobalt Copperfield Crestview Duneside Elmstead Fairhaven Glenmore Hollybank
Kinross Lindenwood Marlow Northfield Oxbow Pembrook Ravenscar Saltmarsh Sandpiper Thornbury
Valemont Wexley Wildmoor Aldergrove Blackthorn Cardinal Dovetail Everest Frontier Halcyon
""".split()
CO_SUFFIX = [
    "Logistics", "Foods", "Energy", "Holdings", "Biotech", "Systems", "Retail", "Motors",
    "Pharma", "Telecom", "Bank", "Insurance", "Semiconductors", "Airlines", "Software",
    "Construction", "Media", "Brewing", "Textiles", "Robotics", "Analytics", "Shipping",
    "Steel", "Solar", "Capital", "Health", "Games", "Materials", "Chemicals", "Networks",
]
TEAM_NICK = [
    "Rovers", "United", "Falcons", "Wolves", "Athletic", "Harriers", "Comets", "Mariners",
    "Rangers", "Tigers", "Sharks", "Eagles", "Lions", "Stallions", "Hornets", "Giants",
    "Warriors", "Pirates", "Owls", "Bulls", "Spartans", "Kings", "Thunder", "Royals",
]
OUTLET_A = ["daily", "metro", "north", "river", "coast", "city", "valley", "harbour", "capital",
            "evening", "morning", "global", "civic", "plain", "union", "summit", "lake", "bay"]
OUTLET_B = ["ledger", "herald", "post", "courier", "tribune", "gazette", "observer", "times",
            "wire", "journal", "chronicle", "record", "dispatch", "report", "bulletin", "sentinel"]
TLDS = ["com", "net", "org", "co.uk", "news", "info", "eu", "com.au", "ca", "ie"]

ADJ_POS = ["strong", "solid", "encouraging", "remarkable", "steady", "impressive", "healthy",
           "robust", "welcome", "record"]
ADJ_NEG = ["disappointing", "weak", "sluggish", "worrying", "difficult", "patchy", "uneven",
           "bruising", "costly", "frustrating"]
TZ_OFFSETS = [0, 0, 60, 60, 120, 120, 180, -300, -300, -240, -360, -420, -480, 330, 480,
              540, 600, -180, 345, 660, 570, 240]

# --------------------------------------------------------------------------------------
# Ordinary news: per topic (title, lead sentence) stories, body sentences, quotes, speaker roles.
# Slots in braces are filled per article; see _slot().

TOPICS: dict[str, dict[str, list]] = {}  # stories: (title, lead) pairs

TOPICS["sport"] = {
    "stories": [
        ("{team} edge {team2} in {adj_pos} comeback",
         "{team} came from behind to beat {team2} {score} on {weekday} night, with {person} scoring the winner in the {minute}th minute."),
        ("{team2} coach under pressure after home defeat",
         "{team2} slipped to a {score} defeat at home to {team} on {weekday}, their {ordinal} loss of the season."),
        ("Late drama in {city} as {team} and {team2} share the points",
         "A crowd of {crowd} watched {team} and {team2} play out a tense draw at the {venue} on {weekday}."),
        ("{person} sets course record at {city} marathon",
         "{person} broke the course record at the {city} marathon on {weekday}, finishing in two hours {n_small} minutes."),
        ("{team} name {person} as new head coach",
         "{team} have appointed {person} as head coach on a contract that runs until {year_future}, the club said on {weekday}."),
        ("{city} to host {sport} championships in {year_future}",
         "{city} will host the {sport} championships in {year_future}, organisers announced on {weekday}."),
        ("{team} sign {person} on {n_small}-year deal",
         "{team} have signed {person} from {team2} on a {n_small}-year contract for an undisclosed fee, the club said on {weekday}."),
        ("Cup holders {team2} knocked out by {team}",
         "Cup holders {team2} were knocked out in the {ordinal} round on {weekday} after losing {score} to {team}."),
        ("Injury blow for {team} ahead of derby",
         "{team} will be without {person} for the derby against {team2} after the forward injured a knee in training on {weekday}."),
    ],
    "body": [
        "The visitors had the better of the opening half hour but could not find a way past goalkeeper {person}.",
        "{person} levelled shortly after the break with a low shot that went in off the post.",
        "The result leaves {team} {n_small} points clear of the relegation zone with {n_small} games left.",
        "Attendance at the {venue} has risen by {pct} per cent this season, the club said.",
        "{person} was taken off on a stretcher in the {minute}th minute and will have a scan on {weekday}.",
        "The referee awarded a penalty after a long video review, which the home fans greeted with jeers.",
        "{team2} have now conceded {n_small} goals in their last {n_small} matches.",
        "The {n_small}-year-old midfielder signed a {n_small}-year contract with the club last summer.",
        "Ticket prices for the new season will rise by an average of {pct} per cent, the club confirmed.",
        "The two sides meet again in the cup quarter-final in {month}.",
        "Rain delayed the start by {n_small} minutes and the pitch cut up badly in the second half.",
        "{person}, who joined from {team2} in {month}, has scored in each of his last {n_small} appearances.",
        "The club's academy has produced {n_small} first-team players in the past five years.",
        "Television ratings for the league rose sharply this season, the broadcaster said.",
        "It was a new start for the club after last season's relegation, and the mood in the stands reflected it.",
        "The league fined the club {money_mid} for crowd trouble during the previous meeting of the two sides.",
        "The striker withdrew from the national squad on {weekday} with a hamstring injury.",
        "The sports minister attended the match and later met both managers in the tunnel.",
        "Organisers expect around {crowd} runners to take part, {pct} per cent more than last year.",
        "The new stand, financed by a {money} loan from the city, is due to open in {month}.",
        "Fans had queued outside the ground since early morning to buy the remaining tickets.",
        "The club said the player had agreed personal terms and passed a medical in {city}.",
        "The women's team, who top their division, drew a record crowd of {crowd} last month.",
        "Both teams observed a minute's silence before kick-off in memory of a former captain.",
        "The coach rotated his squad heavily, making {n_small} changes from the side that won in {city}.",
        "The {sport} federation of {country} confirmed the dates of the national trials on {weekday}.",
    ],
    "quotes": [
        "We showed character tonight and never stopped believing",
        "The lads gave everything, but we were punished for two mistakes",
        "It is a long season and nobody is getting carried away",
        "I have wanted to play for this club since I was a boy",
        "The conditions were tough, but you have to adapt",
        "We need to be much more clinical in front of goal",
        "The fans were incredible from the first whistle to the last",
        "This is a project I believe in and I am here for the long term",
    ],
    "roles": ["the head coach", "the club captain", "the team's manager", "the sporting director",
              "the goalkeeper", "the race director", "the club's chairman"],
}

TOPICS["weather"] = {
    "stories": [
        ("Heavy rain brings flooding to parts of {city}",
         "Heavy rain overnight flooded streets in {city} on {weekday}, with {mm} millimetres falling in {n_small} hours."),
        ("Heatwave to push temperatures to {temp_hot}C in {city}",
         "Temperatures are expected to reach {temp_hot}C in {city} this week, forecasters said on {weekday}."),
        ("Storm {storm} cuts power to {big} homes",
         "Storm {storm} swept across {region} on {weekday}, bringing gusts of up to {kmh} km/h and leaving {big} homes without power."),
        ("Snow closes roads around {city} as cold snap bites",
         "Snow and ice closed several roads around {city} on {weekday} as overnight temperatures fell to {temp_cold}C."),
        ("{city} records its wettest {month} since {year_old}",
         "{city} has recorded its wettest {month} since records began in {year_old}, the national weather service said."),
        ("Drought prompts hosepipe ban in {region}",
         "Water companies in {region} announced a hosepipe ban on {weekday} after the driest spring in {n_small} decades."),
        ("Fog disrupts flights at {city} airport",
         "Thick fog disrupted flights at {city} airport on {weekday} morning, with dozens of departures delayed or cancelled."),
        ("Forecasters warn of {adj_neg} weekend for {region}",
         "Forecasters warned on {weekday} that {region} faces a wet and windy weekend, with gusts of up to {kmh} km/h on the coast."),
    ],
    "body": [
        "The weather service issued an amber warning for {region} valid until {weekday} evening.",
        "Fire crews pumped water from {n_small} properties on {street}, where the drains could not cope.",
        "Rail services between {city} and {city2} were suspended after a landslip near the line.",
        "Farmers say the dry spell has cut the expected harvest by as much as {pct} per cent.",
        "The council opened {n_small} cooling centres and extended library opening hours.",
        "Forecasters expect conditions to ease by the weekend, with showers and lighter winds.",
        "Average rainfall for the month is around {mm} millimetres, less than half of what fell this year.",
        "The utility said most customers should have power restored by {weekday} night.",
        "Scientists say heatwaves in the region have become longer and more frequent since the 1990s.",
        "Countries committed under the Paris Agreement to limit warming to well below 2C, a goal scientists say is slipping out of reach.",
        "Schools in {n_small} districts stayed closed, and the city asked residents to avoid unnecessary travel.",
        "The river peaked at {n_small}.{n_digit} metres on {weekday} morning, just below the level of the flood defences.",
        "Residents were advised to check on elderly neighbours and to keep pets indoors.",
        "A yellow warning for ice remains in place for higher ground until {weekday}.",
        "The airport said {n_small} departures were cancelled and dozens more delayed.",
        "The last comparable storm, in {year_old}, caused damage estimated at {money}.",
        "Insurers said claims were likely to run into the millions.",
        "Hikers were urged to stay off the mountains, where wind chill could make it feel like {temp_cold}C.",
        "The environment minister visited the worst-hit villages on {weekday} and promised emergency funds.",
        "Water reservoirs stand at {pct} per cent of capacity, compared with {pct} per cent a year ago.",
        "In Ottawa, the city declared a cold weather alert and opened extra shelter beds.",
        "Tourists in Paris crowded into fountains and shaded parks as the temperature climbed.",
    ],
    "quotes": [
        "We have not seen rainfall like this in a generation",
        "People should take this warning seriously and plan ahead",
        "Our crews have been working around the clock",
        "The ground is already saturated, so even a little more rain could cause problems",
        "This is exactly the kind of extreme event the models have been predicting",
        "Please do not drive through floodwater, it is deeper than it looks",
    ],
    "roles": ["a meteorologist at the national weather service", "the city's emergency manager",
              "a local fire chief", "a climate scientist at the University of {city}",
              "the head of the regional water authority"],
}

TOPICS["markets"] = {
    "stories": [
        ("{company} shares jump {pct}% after {adj_pos} quarter",
         "Shares in {company} rose {pct} per cent on {weekday} after the company reported {adj_pos} quarterly results and raised its full-year forecast."),
        ("{company} to cut {big} jobs in restructuring",
         "{company} said on {weekday} it would cut about {big} jobs as part of a restructuring aimed at saving {money} a year."),
        ("{company} agrees {money} takeover of {company2}",
         "{company} has agreed to buy {company2} for {money}, the two companies said on {weekday}."),
        ("Central bank holds rates at {rate}%",
         "The central bank of {country} left its main interest rate unchanged at {rate} per cent on {weekday}, as expected by most economists."),
        ("{company} profit falls on {adj_neg} demand",
         "{company} reported a {pct} per cent fall in quarterly profit on {weekday}, blaming {adj_neg} demand in its main markets."),
        ("Stocks slip as investors weigh rate outlook",
         "Stock markets in {country} ended lower on {weekday}, with the main index down {rate} per cent."),
        ("{company} names {person} as chief executive",
         "{company} has named {person} as its new chief executive, the company said on {weekday}, ending a {n_small}-month search."),
        ("Oil prices climb on supply worries",
         "Oil prices rose for a {ordinal} day on {weekday}, with Brent crude climbing {rate} per cent on worries about supply."),
        ("{company} plans stock market listing in {city}",
         "{company} is preparing to list its shares in {city} as soon as {month}, people familiar with the plans said on {weekday}."),
    ],
    "body": [
        "Revenue rose to {money} in the three months to the end of {month}, ahead of analysts' estimates.",
        "The company said it expected margins to improve in the second half as input costs eased.",
        "{company} employs about {big} people, most of them in {country} and {country2}.",
        "Ratings agency {agency} affirmed the company's credit rating but changed its outlook to negative.",
        "The deal, which is subject to regulatory approval, is expected to close in {month}.",
        "Analysts at {company2} said the results were better than feared but warned of a tough year ahead.",
        "The finance minister of {country} said the government would not intervene in the takeover.",
        "Trade unions said they had not been consulted and called for talks with management.",
        "The company signed a contract worth {money} with a state-owned utility in {country} last month.",
        "Bond yields edged higher after inflation data came in slightly above forecasts.",
        "The euro was little changed against the dollar, while gold rose {pct} per cent.",
        "Cash withdrawals from ATMs have fallen by {pct} per cent in five years as card payments spread.",
        "The board proposed a dividend of {cents} cents per share, up from {cents} cents a year earlier.",
        "Its shares have gained {pct} per cent since the start of the year, valuing the group at about {money}.",
        "{person}, who has led the company since {year_recent}, will step down at the annual meeting in {month}.",
        "The company's net debt stood at {money} at the end of the quarter.",
        "Economists expect growth of around {pct} per cent this year, down from earlier forecasts.",
        "The trade minister of {country} signed a memorandum on investment during a visit to {city}.",
        "Online sales grew {pct} per cent and now account for almost a third of revenue.",
        "The regulator said it would examine whether the merger would reduce competition in {country}.",
        "Shares in rival {company2} fell {pct} per cent in sympathy.",
        "The company said it would accede to shareholders' demands for an independent review of pay.",
        "Investors will be watching the central bank's next meeting in {month} for signs of a rate cut.",
        "A consortium led by {company2} signed a {money} agreement to build a plant outside {city}.",
    ],
    "quotes": [
        "We delivered a strong performance despite a challenging environment",
        "These are difficult decisions, but they are necessary to secure the company's future",
        "The market had priced in a lot of bad news, so this came as a relief",
        "We see significant opportunities for growth in our core markets",
        "Inflation is moving in the right direction, but the job is not done",
        "The combination creates a business with real scale and a stronger balance sheet",
    ],
    "roles": ["the chief executive", "the chief financial officer", "an analyst at {company2}",
              "a portfolio manager in {city}", "the central bank governor", "a union representative"],
}

TOPICS["local_politics"] = {
    "stories": [
        ("{city} council approves {money} budget",
         "{city} city council approved a {money} budget on {weekday} after a debate that lasted more than {n_small} hours."),
        ("Mayor {last} faces questions over housing plan",
         "Mayor {person} of {city} defended his housing plan on {weekday} against criticism from opposition councillors."),
        ("Residents oppose plan for new bypass in {city}",
         "More than {crowd} people have signed a petition against a proposed bypass to the east of {city}."),
        ("Opposition wins by-election in {city} {district}",
         "The opposition candidate won the by-election in {city} {district} on {weekday} with {pct} per cent of the vote."),
        ("Party delegates gather in {city} for annual convention",
         "Delegates from across {country} gathered in {city} on {weekday} for the governing party's annual convention."),
        ("Parliament in {country} passes budget bill",
         "Lawmakers in {country} voted {votes_yes}0 to {votes_no}0 on {weekday} to pass the government's budget bill."),
        ("{city} to introduce low-emission zone",
         "{city} will introduce a low-emission zone in the city centre from {month}, the council decided on {weekday}."),
        ("Council tax to rise {rate}% in {city}",
         "Households in {city} will pay {rate} per cent more in council tax from {month}, after councillors approved the rise on {weekday}."),
    ],
    "body": [
        "The council voted {votes_yes} to {votes_no} in favour, with {n_small} abstentions.",
        "The plan would add {big} homes over ten years, a third of them classed as affordable.",
        "Councillor {person} said the consultation had been rushed and residents had been ignored.",
        "The low-emission zone will cover the city centre and charge older vehicles {money} a day.",
        "Turnout in the by-election was {pct} per cent, down from the last general election.",
        "The party's convention is expected to confirm {person} as its candidate for the regional elections.",
        "By convention, the speaker of the chamber does not vote except to break a tie.",
        "The interior minister visited {city} on {weekday} to discuss police funding with the mayor.",
        "Parking charges in the centre will rise from {month}, raising an extra {money} a year.",
        "The council's auditor warned that reserves could run out within {n_small} years.",
        "The regional parliament voted to withdraw funding from the project last year.",
        "Residents of {street} said heavy lorries already shake their houses.",
        "The mayor signed an agreement with the regional government on transport funding.",
        "The opposition said it would challenge the decision in court.",
        "Officials notified residents by letter that the road would close for {n_small} weeks.",
        "The city's twinning agreement with {city2} dates back to {year_old}.",
        "{person}, a former teacher, was first elected to the council in {year_recent}.",
        "The {country} foreign minister is due to visit {city} next month for talks on regional cooperation.",
        "Critics say the budget cuts spending on libraries and youth clubs by {pct} per cent.",
        "The new council chamber, housed in the old post office, opened in {month}.",
        "A public meeting on the plans will be held at the town hall on {weekday}.",
        "The governing coalition holds {n_small} of the {n_big} seats on the council.",
    ],
    "quotes": [
        "This budget protects the services people rely on most",
        "We were elected to build homes and that is what we will do",
        "Nobody asked the people who actually live here",
        "Voters have sent a clear message and we have heard it",
        "Cleaner air is not a luxury, it is a basic right",
        "We will look carefully at every penny the council spends",
    ],
    "roles": ["the mayor", "the leader of the opposition group", "a local councillor",
              "the council's finance chief", "a resident of {street}", "the party's regional chair"],
}

TOPICS["courts"] = {
    "stories": [
        ("Former {company} executive jailed for fraud",
         "A former finance director of {company} was jailed for {n_small} years on {weekday} for defrauding investors of {money}."),
        ("Court rules against {city} over school closures",
         "A court in {city} ruled on {weekday} that the city council acted unlawfully when it closed {n_small} primary schools."),
        ("Jury clears man accused of {city} arson",
         "A jury in {city} on {weekday} cleared a {age}-year-old man of setting fire to a warehouse on {street}."),
        ("{company} fined {money} for breaching safety rules",
         "{company} was fined {money} on {weekday} after admitting breaches of health and safety law."),
        ("Judge halts {city} development over environmental concerns",
         "A judge in {city} has temporarily halted a {money} housing development over its impact on protected wetlands."),
        ("Supreme court hears appeal in landmark privacy case",
         "The supreme court of {country} began hearing an appeal on {weekday} in a case over police access to mobile phone data."),
        ("Man charged over illegal arms trade",
         "A {age}-year-old man was charged in {city} on {weekday} with smuggling rifles and ammunition across the border."),
        ("Landlord ordered to repay {money_small} to each tenant",
         "A landlord in {city} was ordered on {weekday} to repay {money_small} to each of {n_big} tenants after failing to fix damp and mould."),
    ],
    "body": [
        "The judge said the defendant had shown no remorse and had abused the trust of his employer.",
        "The court heard that the money was moved through {n_small} shell companies in {country} and {country2}.",
        "Lawyers for the council said they would study the ruling before deciding whether to appeal.",
        "The trial lasted {n_small} weeks and the jury deliberated for {n_small} hours.",
        "The company said it accepted the fine and had since invested {money_mid} in safety improvements.",
        "The court heard that the defendant had breached the terms of a non-disclosure agreement.",
        "Prosecutors said the man had trafficked weapons across the border in breach of an arms embargo.",
        "The appeal will be heard by a panel of {n_small} judges in {month}.",
        "The tenants' association notified the landlord of the defects more than a year before the ruling.",
        "The judge ordered the company to pay costs of {money_mid}.",
        "{person}, representing the families, said the decision was long overdue.",
        "The accused, who denied all charges, was released on bail pending sentencing in {month}.",
        "Under the contract he signed in {year_recent}, the executive was entitled to a bonus of {money}.",
        "The justice minister said the government would review sentencing guidelines for financial crime.",
        "Witnesses described seeing smoke rising from the building shortly after midnight.",
        "The case is one of {n_small} brought against the company in {country} since {year_recent}.",
        "The court rejected an argument that the evidence had been obtained unlawfully.",
        "The ruling can be appealed to the supreme court within {n_small} days.",
        "Campaigners gathered outside the courthouse holding placards and a banner.",
        "The defence argued that the contract had been ratified by the board and was therefore valid.",
        "The regulator said it had received {n_small} complaints about the firm in the past year.",
    ],
    "quotes": [
        "Justice has finally been done for the people who lost their savings",
        "We respect the court's decision and will consider our options",
        "This ruling sends a clear message that the law applies to everyone",
        "My client has always maintained his innocence",
        "The council failed in its duty to consult parents",
        "Today's verdict will not bring back what was lost",
    ],
    "roles": ["a lawyer for the claimants", "the prosecutor", "the defence counsel",
              "a spokesperson for the council", "the judge", "a spokesperson for {company}"],
}

TOPICS["culture"] = {
    "stories": [
        ("{city} festival draws record crowds",
         "The {city} arts festival drew a record {crowd} visitors over {n_small} days, organisers said on {weekday}."),
        ("Comic convention returns to {city}",
         "Fans in costume packed the {city} Convention Centre on {weekday} as the city's comic convention returned for its {ordinal} edition."),
        ("Museum opens exhibition on the Treaty of Versailles",
         "A new exhibition at the {city} history museum examines the Treaty of Versailles and its legacy a century after it was signed."),
        ("{person} wins {prize} for debut novel",
         "{person} won the {prize} on {weekday} for a debut novel set in {city} in the {decade}s."),
        ("Historic theatre in {city} reopens after restoration",
         "The {venue} in {city} reopened on {weekday} after a {money} restoration that took {n_small} years."),
        ("Film by {person} takes top prize in {city}",
         "A film by {person} about a family of fishermen won the top prize at the {city} film festival on {weekday}."),
        ("{city} orchestra announces {year_future} season",
         "The {city} symphony orchestra announced its {year_future} season on {weekday}, with {n_small} premieres and a new principal conductor."),
        ("{person} exhibition opens at {city} gallery",
         "An exhibition of {n_big} paintings by {person} opened at a gallery in {city} on {weekday}."),
    ],
    "body": [
        "The exhibition includes {n_small} original documents, maps and photographs lent by archives across Europe.",
        "The Treaty of Versailles, signed in 1919, redrew the map of Europe and imposed heavy reparations on Germany.",
        "Tickets for the closing concert sold out within {n_small} minutes.",
        "The novel follows three generations of a family through war, exile and return.",
        "The jury praised the film's restraint and the performances of its largely amateur cast.",
        "Restoration work uncovered a painted ceiling hidden beneath layers of plaster since the {decade}s.",
        "Organisers said {pct} per cent of visitors came from outside the region.",
        "The {prize} carries a cash award of {money}.",
        "The convention centre's main hall was given over to artists selling prints and hand-made costumes.",
        "The orchestra's new season opens in {month} with Mahler's Fifth Symphony.",
        "The gallery said attendance had almost doubled since admission became free.",
        "{person} studied painting in {city2} before moving to {city} in the {decade}s.",
        "The festival's director said the city had provided {money} in extra funding this year.",
        "The museum's curator said the exhibition was aimed especially at school groups.",
        "A panel discussion on the peace settlements of 1919 will be held on {weekday}.",
        "The theatre was built in {year_old} and was closed for safety reasons in {year_recent}.",
        "Critics have compared the book to the great family sagas of the twentieth century.",
        "The ministry of culture signed a deal with the city to share the running costs of the venue.",
        "Volunteers have catalogued more than {big} items from the collection.",
        "The band played a {n_small}-song set that ended with a new single released on {weekday}.",
        "The show's ratings have climbed steadily since the first episode aired in {month}.",
        "The cast includes {person} and {person2}, both making their stage debuts.",
    ],
    "quotes": [
        "I never imagined this book would find so many readers",
        "The building has been given a second life",
        "History is not just about dates, it is about the choices people made",
        "It is wonderful to see so many families here",
        "We wanted to make something honest about ordinary lives",
        "This community has shown what culture means to it",
    ],
    "roles": ["the festival director", "the author", "the museum's curator", "the director",
              "the gallery's owner", "a visitor from {city2}", "the orchestra's conductor"],
}

TOPICS["science"] = {
    "stories": [
        ("Researchers in {city} discover new species of {creature}",
         "Researchers at the University of {city} have described a new species of {creature} found in {region}."),
        ("Telescope spots faint signal from distant galaxy",
         "Astronomers using a ground-based telescope in {country} have detected a faint signal from a galaxy {n_small} billion light years away."),
        ("Study links {habit} to longer life",
         "People who {habit_verb} live on average {n_small} years longer, according to a study of {big} adults published on {weekday}."),
        ("Ancient settlement unearthed near {city}",
         "Archaeologists excavating a site near {city} have uncovered the remains of a settlement about {n_small}00 years old."),
        ("Satellite launched to monitor {thing}",
         "A satellite designed to monitor {thing} was launched on {weekday} from a spaceport in {country}."),
        ("{city} university wins {money} grant for battery research",
         "The University of {city} has won a {money} grant to develop batteries that charge in minutes, it said on {weekday}."),
        ("Scientists map {creature} migration across {region}",
         "Scientists have mapped for the first time how a species of {creature} moves across {region} each spring, using tiny radio tags."),
        ("Coral reefs show signs of recovery, study finds",
         "Coral cover on reefs surveyed by the University of {city} has recovered by {pct} per cent since the last bleaching event, a study published on {weekday} found."),
    ],
    "body": [
        "The findings were published in a peer-reviewed journal on {weekday}.",
        "The team collected samples over {n_small} years in remote valleys accessible only on foot.",
        "Dr {person}, who led the study, said more work was needed to confirm the results.",
        "The research was funded by a {money} grant from the national science foundation.",
        "The species was identified using DNA analysis and detailed measurements of museum specimens.",
        "Scientists presented the results at an international convention of geologists in {city}.",
        "The satellite will orbit at an altitude of about {altitude} kilometres and send data for {n_small} years.",
        "The study followed participants for an average of {n_small} years.",
        "Researchers cautioned that the study showed an association rather than cause and effect.",
        "The excavation has turned up pottery, tools and the foundations of {n_small} houses.",
        "Data from the mission will help countries track progress toward the goals of the Paris Agreement.",
        "The lab in {city} employs {n_big} researchers from {n_small} countries.",
        "The team plans to return to the site in {month} with ground-penetrating radar.",
        "Climate change and habitat loss are the biggest threats to the species, the authors said.",
        "The discovery brings the number of known species in the genus to {n_small}.",
        "Similar signals have been detected only {n_small} times before.",
        "The university signed a partnership with {company} to develop the technology commercially.",
        "Independent experts described the work as careful and convincing.",
        "The researchers have made their data freely available to other scientists.",
        "The science minister said the project showed the value of long-term funding.",
    ],
    "quotes": [
        "This is one of the most exciting finds of my career",
        "We were surprised by how clear the pattern was",
        "There is still a great deal we do not understand",
        "Every new species we describe is a reminder of how much remains unknown",
        "The data will be invaluable for decades to come",
        "It is a small step, but an important one",
    ],
    "roles": ["the study's lead author", "a professor of ecology at the University of {city}",
              "an astronomer who was not involved in the research", "the mission's project scientist",
              "the excavation director"],
}

TOPICS["health"] = {
    "stories": [
        ("{city} hospital waiting lists reach record high",
         "The number of patients waiting more than a year for treatment in {city} reached {big} in {month}, official figures showed on {weekday}."),
        ("Flu cases rise as winter sets in",
         "Flu cases in {region} rose by {pct} per cent in the past week, health officials said on {weekday}."),
        ("New clinic opens in {city} to cut waiting times",
         "A new community clinic opened in {city} on {weekday}, with {n_small} doctors and {n_big} nurses."),
        ("Health minister pledges {money} for mental health services",
         "The health minister promised {money} on {weekday} to expand mental health services for young people."),
        ("Nurses vote to strike over pay",
         "Nurses at {n_small} hospitals in {region} voted to strike over pay, their union said on {weekday}."),
        ("Countries meet in Geneva on pandemic agreement",
         "Health ministers from dozens of countries met in Geneva on {weekday} to continue talks on a global pandemic agreement."),
        ("Study finds rise in childhood asthma in {region}",
         "Cases of childhood asthma in {region} rose by {pct} per cent over a decade, according to a study published on {weekday}."),
        ("{company} wins approval for new diabetes drug",
         "{company} said on {weekday} that regulators had approved its new once-weekly diabetes drug."),
    ],
    "body": [
        "Hospital managers say a shortage of staff is the main cause of the delays.",
        "The vaccination campaign has reached {pct} per cent of people over 65.",
        "Doctors urged people with symptoms to stay at home and avoid visiting care homes.",
        "The clinic will offer evening and weekend appointments from {month}.",
        "The union said its members had seen their pay fall by {pct} per cent in real terms since {year_recent}.",
        "The drug was approved after a trial involving {big} patients in {n_small} countries.",
        "Negotiators said disagreements remain over the sharing of vaccines and pathogen data.",
        "The health minister signed an agreement with private hospitals to use their spare capacity.",
        "{person}, a {age}-year-old patient, said she had waited {n_small} months for a hip operation.",
        "Officials notified schools of the outbreak and advised parents to watch for symptoms.",
        "The study tracked {big} children across {region} over {n_small} years.",
        "Air pollution and damp housing were among the likely causes, the authors said.",
        "The regulator said the benefits of the drug clearly outweighed its risks.",
        "The hospital's emergency department treated {n_big} patients on its busiest day last month.",
        "The ministry said new guidelines would be published in {month}.",
        "Pharmacies reported shortages of some common antibiotics.",
        "The hospital trust withdrew its plan to close the maternity unit after protests.",
        "The clinic is housed in a converted office building near the bus station.",
        "A similar strike in {year_recent} lasted {n_small} days.",
        "Patient groups welcomed the money but said it would take years to make a difference.",
    ],
    "quotes": [
        "Patients are waiting far too long and staff are exhausted",
        "This investment will make a real difference to families",
        "Nobody goes into nursing lightly, and nobody strikes lightly",
        "The best protection is still vaccination",
        "We need a system that works for everyone, not just those who can pay",
        "Progress has been made, but there is a long way to go",
    ],
    "roles": ["the health minister", "a consultant at {city} General Hospital", "the union's general secretary",
              "the chief medical officer", "a spokesperson for the patients' association"],
}

TOPICS["transport"] = {
    "stories": [
        ("New tram line opens in {city}",
         "The first passengers rode the new tram line in {city} on {weekday}, {n_small} years after construction began."),
        ("Rail strike cancels {n_big} trains",
         "Rail workers walked out on {weekday} in a dispute over pay, cancelling about {n_big} trains across {region}."),
        ("Airline launches direct flights from {city} to Paris",
         "{company} will launch direct flights between {city} and Paris in {month}, the airline said on {weekday}."),
        ("Bridge in {city} closed for urgent repairs",
         "A bridge carrying {big} vehicles a day across the river in {city} was closed on {weekday} after inspectors found cracks."),
        ("Fares to rise {rate}% from {month}",
         "Public transport fares in {city} will rise by {rate} per cent from {month}, the transport authority said."),
        ("Ottawa light rail line reopens after repairs",
         "The light rail line in Ottawa reopened on {weekday} after a closure of {n_small} weeks for repairs."),
        ("Electric bus fleet arrives in {city}",
         "The first {n_small} of {n_big} electric buses ordered by {city} went into service on {weekday}."),
        ("Motorway widening near {city} delayed again",
         "The widening of the motorway south of {city} will not be finished until {year_future}, {n_small} years later than planned, officials said on {weekday}."),
    ],
    "body": [
        "The line cost {money} and is expected to carry {big} passengers a day.",
        "The transport minister said the dispute should be settled through talks, not strikes.",
        "Commuters faced long queues for replacement buses outside the main station.",
        "The airline will operate {n_small} flights a week using a new narrow-body aircraft.",
        "Engineers say the repairs could take until {month}.",
        "Diversions added up to {n_small} minutes to journeys in the morning rush hour.",
        "The city signed a contract with {company} for {n_big} electric buses.",
        "Cycling groups welcomed plans for a protected bike lane along {street}.",
        "The operator said {pct} per cent of trains ran on time last year.",
        "Paris is the {ordinal} most popular destination for travellers from {city}, according to the airport.",
        "The union said its members had rejected a pay offer of {pct} per cent.",
        "The new timetable will add {n_small} services a day between {city} and {city2}.",
        "Passengers complained about overcrowding during the first week of operation.",
        "The motorway project was first proposed in {year_old} and has been delayed by legal challenges.",
        "The port authority said freight volumes had risen {pct} per cent on last year.",
        "Drivers will be able to pay the new toll with a smartphone app.",
        "The stadium stop will open later in the year, once construction nearby is finished.",
        "The regional government withdrew its share of the funding after costs rose.",
        "Ticket machines at {n_small} stations were out of order on the first day.",
        "Accessibility campaigners said lifts at several stations were still not working.",
    ],
    "quotes": [
        "This line will change the way people move around the city",
        "Safety has to come first, even if it means disruption",
        "Our members have been left with no choice",
        "Passengers deserve a reliable service at a fair price",
        "We are confident the route will be popular with business and leisure travellers",
        "It has been a long wait, but it was worth it",
    ],
    "roles": ["the transport authority's chief executive", "a union spokesperson", "a commuter from {city2}",
              "the airline's commercial director", "the city's transport councillor"],
}

TOPICS["real_estate"] = {
    "stories": [
        ("House prices in {city} rise {pct}% in a year",
         "House prices in {city} rose {pct} per cent in the year to {month}, according to figures published on {weekday}."),
        ("Developer unveils plan for {n_big} homes near {city}",
         "{company} unveiled plans on {weekday} for {n_big} homes on a former industrial site on the edge of {city}."),
        ("Rents hit record as supply shrinks",
         "Average rents in {city} reached a record {money_small} a month in {month}, a property website said on {weekday}."),
        ("Former convention centre to become housing",
         "The city's old convention centre will be converted into {n_big} flats and a public library, the council said on {weekday}."),
        ("{company} buys {city} shopping centre for {money}",
         "{company} has bought a shopping centre in {city} for {money}, the company said on {weekday}."),
        ("Office vacancy rate climbs in {city}",
         "The share of empty office space in {city} rose to {pct} per cent, its {ordinal} quarterly increase in a row, a broker said on {weekday}."),
        ("Mortgage approvals fall again",
         "Banks approved {big} mortgages in {month}, the lowest figure in {n_small} years, data published on {weekday} showed."),
        ("Tenants protest over {city} rent increases",
         "Hundreds of tenants marched through {city} on {weekday} to protest against rent increases of up to {pct} per cent."),
    ],
    "body": [
        "The average home in the city now costs {price}, about {n_small} times the average salary.",
        "Estate agents say demand from first-time buyers has held up despite higher mortgage rates.",
        "The development includes a school, a health centre and {n_small} hectares of parkland.",
        "Office vacancy in the city centre rose to {pct} per cent, the highest in a decade.",
        "The site has been empty since the factory closed in {year_recent}.",
        "Mortgage approvals fell to {big} in {month}, central bank data showed.",
        "The buyer signed a {n_small}-year lease with the city for the car park next door.",
        "Tenants' groups say rents have risen far faster than wages.",
        "The housing minister said the government would publish new planning rules in {month}.",
        "The new owners plan to add {n_small} restaurants and a cinema.",
        "Construction costs have risen by {pct} per cent since {year_recent}, developers say.",
        "Prices in {city2} rose even faster, by {pct} per cent.",
        "The council will decide on the planning application in {month}.",
        "The building, a landmark since {year_old}, is listed and its facade must be preserved.",
        "Some {pct} per cent of homes sold in the quarter went to cash buyers.",
        "Buyers from {country} and {country2} accounted for a growing share of purchases.",
        "Residents of {street} said they feared years of noise and dust.",
        "Rating agency {agency} said the sector's outlook remained stable.",
        "The developer withdrew an earlier version of the plan after objections from neighbours.",
        "Interest rates on a typical two-year fixed mortgage stand at around {rate} per cent.",
    ],
    "quotes": [
        "Young people are being priced out of the city they grew up in",
        "We want to create a neighbourhood, not just houses",
        "The market is cooling, but prices are not going to collapse",
        "Every month my rent goes up and my pay does not",
        "This is a once-in-a-generation chance to transform the area",
        "Buyers are cautious, but they have not disappeared",
    ],
    "roles": ["an economist at {company}", "the developer's managing director", "an estate agent in {city}",
              "a tenant on {street}", "the council's head of planning"],
}

TOPICS["technology"] = {
    "stories": [
        ("{company} unveils new {gadget}",
         "{company} unveiled its latest {gadget} on {weekday}, promising longer battery life and a faster processor."),
        ("Data breach at {company} exposes {big} customer records",
         "{company} said on {weekday} that hackers had stolen personal data belonging to about {big} customers."),
        ("{city} start-up raises {money}",
         "A {city} start-up that uses artificial intelligence to {ai_task} has raised {money} from investors."),
        ("Regulator opens inquiry into {company} app",
         "The data protection regulator in {country} opened an inquiry on {weekday} into how {company}'s app handles location data."),
        ("Gaming convention in {city} showcases new titles",
         "Thousands of players and developers gathered in {city} on {weekday} for the opening of the annual gaming convention."),
        ("Outage hits {company} services for hours",
         "Customers of {company} were unable to use its services for about {n_small} hours on {weekday} after a software fault."),
        ("{company} signs chip supply deal with {company2}",
         "{company} has signed a long-term deal with {company2} for the supply of chips, the companies said on {weekday}."),
        ("Fibre broadband to reach {pct}% of homes in {region}",
         "Fibre broadband will be available to {pct} per cent of homes in {region} by {year_future}, the operator said on {weekday}."),
    ],
    "body": [
        "The device goes on sale in {month} at a starting price of {money_small}.",
        "The company said passwords and payment details had not been affected.",
        "The start-up, founded in {year_recent}, employs {n_big} people in {city} and {city2}.",
        "Analysts said the new model offered only modest improvements over its predecessor.",
        "The company signed a multi-year contract with {company2} to supply cloud computing capacity.",
        "The regulator can impose fines of up to {pct} per cent of annual turnover.",
        "Organisers of the city's games fair said more than {crowd} tickets had been sold.",
        "{person}, the company's co-founder, said the money would be used to expand into {country}.",
        "Engineers traced the outage to a faulty update pushed to servers overnight.",
        "Security researchers said the breach appeared to have begun months earlier.",
        "The digital minister said the government would introduce new rules on app data next year.",
        "Sales of the previous model fell {pct} per cent last year as consumers held on to their phones for longer.",
        "The company's shares fell {pct} per cent after the announcement.",
        "The chip deal is worth about {money_big} over {n_small} years, people familiar with the matter said.",
        "The rollout of fibre broadband has been slower in rural areas, where costs per home are higher.",
        "Users were advised to change their passwords and enable two-factor authentication.",
        "The app has been downloaded more than {big} times since its launch.",
        "The company said it had notified the regulator within the required 72 hours.",
        "The update also adds support for {n_small} new languages.",
        "Independent developers showed off games made by teams of just {n_small} people.",
    ],
    "quotes": [
        "This is the biggest leap forward we have made in years",
        "We take the security of our customers' data extremely seriously",
        "Our goal is to make this technology available to every small business",
        "People have a right to know how their data is being used",
        "We apologise to everyone affected by the disruption",
        "The independent scene has never been more creative",
    ],
    "roles": ["the company's chief technology officer", "a security researcher in {city}",
              "the start-up's chief executive", "a spokesperson for the regulator", "an industry analyst"],
}

# --------------------------------------------------------------------------------------
# Compositional sentences: per-topic subjects, objects and measures, combined with shared
# verbs, trends and adjuncts, so that no two articles read alike.

GRAMMAR: dict[str, dict[str, list[str]]] = {
    "sport": {
        "subjects": ["Supporters", "Season-ticket holders", "Former players", "The club's owners", "Local coaches",
                     "Pundits", "Youth team parents", "Rival managers", "Groundsmen", "The players' union",
                     "Club volunteers", "Away fans"],
        "objects": ["the state of the pitch", "the price of replica shirts", "the kick-off times chosen by the broadcaster",
                    "the club's transfer policy", "the lack of home-grown talent", "the new stadium plans",
                    "the referee's handling of the game", "the fixture pile-up in {month}", "the training ground move",
                    "the rise in away ticket prices", "the club's women's team", "the new video review system",
                    "the manager's defensive tactics", "the academy's scouting network", "the injury list"],
        "measures": ["Season-ticket sales", "Merchandise revenue", "Average attendance", "Youth registrations",
                     "The club's wage bill", "Broadcast income", "Membership of supporters' clubs", "Away ticket allocations"],
    },
    "weather": {
        "subjects": ["Farmers", "Commuters", "Emergency crews", "Ski resort operators", "Fishermen", "Beach lifeguards",
                     "Gardeners", "Campsite owners", "Road maintenance teams", "Hill walkers", "Utility engineers"],
        "objects": ["the state of the flood defences", "the late frosts", "the lack of salt for icy roads",
                    "the low level of the reservoirs", "the forecast for the bank holiday", "the warning system",
                    "the cost of clearing fallen trees", "the closure of mountain passes", "the slow drainage works",
                    "the damage to crops", "the sudden change in temperature", "the strong currents along the coast"],
        "measures": ["Rainfall", "Electricity demand", "Calls to the emergency services", "Water consumption",
                     "Sales of fans and air conditioners", "Hospital admissions for heatstroke", "Insurance claims",
                     "The number of flood alerts"],
    },
    "markets": {
        "subjects": ["Investors", "Fund managers", "Small shareholders", "Currency traders", "Economists",
                     "Pension funds", "Credit analysts", "Suppliers", "Hedge funds", "Retail investors", "Bankers"],
        "objects": ["the outlook for interest rates", "the strength of consumer spending", "the company's debt pile",
                    "the weak currency", "the slowdown in factory orders", "the latest inflation figures",
                    "the pace of cost cuts", "the rising price of raw materials", "the company's guidance",
                    "the merger terms", "the dividend policy", "the size of the share buyback", "the pay deal for executives"],
        "measures": ["Factory orders", "Exports", "Retail sales", "Consumer confidence", "Industrial output",
                     "Business investment", "Household savings", "Commodity prices", "Freight rates"],
    },
    "local_politics": {
        "subjects": ["Opposition councillors", "Residents' groups", "Local business owners", "Community leaders",
                     "Youth workers", "Pensioners' associations", "Headteachers", "Neighbourhood committees",
                     "Party activists", "Voters", "Cycling campaigners"],
        "objects": ["the cost of the new town hall", "the state of the pavements", "cuts to bus routes",
                    "the closure of the public baths", "the parking strategy", "the housing waiting list",
                    "the delayed flood scheme", "the proposed tourist tax", "rubbish collections",
                    "the planning department's backlog", "the lack of youth facilities", "street lighting",
                    "the redevelopment of the market square"],
        "measures": ["Council tax arrears", "The number of households on the waiting list", "Spending on agency staff",
                     "Library visits", "Recycling rates", "Complaints about potholes", "Turnout at local elections"],
    },
    "courts": {
        "subjects": ["Defence lawyers", "Prosecutors", "Victims' families", "Court staff", "Legal aid solicitors",
                     "Civil liberties groups", "Jurors", "Barristers", "Court reporters", "Police officers"],
        "objects": ["the backlog of cases", "the length of pre-trial detention", "cuts to legal aid",
                    "the state of the courthouse", "the handling of evidence", "the sentencing guidelines",
                    "the use of video links", "delays in forensic testing", "the treatment of witnesses",
                    "the cost of bringing a claim", "the disclosure rules", "the shortage of judges"],
        "measures": ["The backlog of criminal cases", "Legal aid spending", "The number of jury trials",
                     "Average waiting times for a trial", "Fraud prosecutions", "Compensation awards"],
    },
    "culture": {
        "subjects": ["Critics", "Festival-goers", "Local artists", "Theatre staff", "Gallery owners", "Music teachers",
                     "Booksellers", "Film-makers", "Museum volunteers", "Art students", "Touring musicians"],
        "objects": ["the cost of tickets", "the lack of rehearsal space", "cuts to arts funding", "the festival's line-up",
                    "the new gallery wing", "the programme for children", "the acoustics of the hall",
                    "the decision to drop the poetry prize", "the choice of venue", "the shortage of studio space",
                    "the return of the outdoor cinema", "the opening hours of the museum"],
        "measures": ["Museum visits", "Book sales", "Cinema admissions", "Theatre ticket sales",
                     "Streaming revenue for local musicians", "Applications to art schools", "Festival attendance"],
    },
    "science": {
        "subjects": ["Independent experts", "Graduate students", "Field researchers", "Funding bodies",
                     "Museum curators", "Amateur astronomers", "Conservation groups", "Laboratory technicians",
                     "Science teachers", "Peer reviewers", "Data scientists"],
        "objects": ["the size of the sample", "the cost of the equipment", "the methods used in the study",
                    "the long-term funding of the project", "the access to remote sites", "the quality of the data",
                    "the ethics of the experiment", "the speed of publication", "the sharing of raw data",
                    "the loss of habitat", "the calibration of the instruments", "the age of the samples"],
        "measures": ["Research funding", "The number of recorded sightings", "Applications for science degrees",
                     "The population of the species", "Satellite observations", "Patent filings"],
    },
    "health": {
        "subjects": ["Family doctors", "Patients' groups", "Hospital managers", "Pharmacists", "Care home owners",
                     "Junior doctors", "Midwives", "Paramedics", "Carers", "Public health experts", "Dentists"],
        "objects": ["the waiting times in emergency departments", "the shortage of beds", "the cost of prescriptions",
                    "the vaccination programme", "the closure of the walk-in centre", "staff burnout",
                    "the backlog of routine operations", "the new appointment system", "the ambulance response times",
                    "the lack of mental health support", "the price of dental care", "the use of agency nurses"],
        "measures": ["Emergency admissions", "Prescription costs", "The number of vacant nursing posts",
                     "Ambulance response times", "Vaccination rates", "Waiting lists for routine surgery",
                     "Spending on agency staff"],
    },
    "transport": {
        "subjects": ["Commuters", "Bus drivers", "Cyclists", "Freight operators", "Taxi drivers", "Rail unions",
                     "Disabled passengers", "Delivery firms", "Airport staff", "Motoring groups", "Pedestrian campaigners"],
        "objects": ["the state of the roads", "the new timetable", "the cost of season tickets", "the lack of cycle lanes",
                    "the closure of the ticket offices", "the reliability of the trains", "congestion at the port",
                    "the speed cameras", "the shortage of drivers", "the delays to the new line",
                    "the price of parking", "overcrowding at peak times"],
        "measures": ["Passenger numbers", "Traffic volumes", "Rail punctuality", "Air traffic",
                     "Sales of electric cars", "Bus ridership", "Freight volumes", "Cycle journeys"],
    },
    "real_estate": {
        "subjects": ["First-time buyers", "Estate agents", "Developers", "Mortgage brokers", "Landlords",
                     "Tenants", "Surveyors", "Housing associations", "Property investors", "Architects", "Builders"],
        "objects": ["the rising cost of materials", "the slow planning process", "the level of mortgage rates",
                    "the shortage of affordable homes", "the energy rules for rented flats", "the stamp duty changes",
                    "the quality of new-build homes", "the empty offices in the centre", "the rent caps",
                    "the lack of social housing", "the cost of insurance", "the conversion of offices into flats"],
        "measures": ["Asking prices", "Rents", "Mortgage approvals", "Housing starts", "Transactions",
                     "The number of homes for sale", "Office take-up", "Building costs"],
    },
    "technology": {
        "subjects": ["Software developers", "Privacy campaigners", "Gamers", "Small businesses", "Security experts",
                     "App users", "Telecoms engineers", "Venture capitalists", "Open-source contributors",
                     "Hardware makers", "Digital rights groups"],
        "objects": ["the battery life of the new devices", "the data collection in the app", "the price of cloud storage",
                    "the shortage of chips", "the slow rollout of 5G", "the latest software update",
                    "the use of artificial intelligence in hiring", "the subscription model", "the right to repair",
                    "the terms of service", "the energy use of data centres", "online scams"],
        "measures": ["Smartphone shipments", "Cloud revenue", "Venture capital investment", "App downloads",
                     "Chip sales", "Broadband subscriptions", "Online advertising revenue", "Reported cyber attacks"],
    },
}
G_VERBS = ["have complained about", "have welcomed", "are worried about", "have been asking questions about",
           "raised concerns about", "praised", "criticised", "are divided over", "have long called for changes to",
           "expressed surprise at", "pointed to", "remain sceptical about", "want more clarity on",
           "have started a petition over", "say they were not consulted on", "have written to ministers about",
           "are keeping a close eye on", "were quick to defend", "have mixed feelings about", "questioned the logic of"]
G_ADJUNCTS = ["in recent months", "since the spring", "at a packed meeting on {weekday}", "in a survey published in {month}",
              "in letters to the local paper", "on social media", "for several years", "ever since the plans were published",
              "in a joint statement", "during a public hearing", "at a briefing in {city}", "this week",
              "according to a poll by {company2}", "in interviews with this newspaper", "ahead of the summer",
              "after a difficult winter", "in evidence to a parliamentary committee", "at their annual conference in {city2}"]
G_TRENDS = ["rose", "fell", "climbed", "dropped", "edged up", "slipped", "jumped", "declined", "increased", "decreased"]
G_PERIODS = ["in the first quarter", "compared with a year earlier", "over the past five years", "since {month}",
             "last year", "in the three months to {month}", "over the summer", "in {year_recent} alone",
             "during the first half", "month on month"]
G_SOURCES = ["according to figures from {company2}", "official data showed", "a trade body said",
             "the statistics office said on {weekday}", "according to a report by the University of {city2}",
             "the latest survey found", "industry figures showed"]


def compose(rng: random.Random, topic: str) -> str:
    """One freshly composed sentence template for the topic (slots filled later)."""
    g = GRAMMAR[topic]
    if rng.random() < 0.6:
        return (f"{rng.choice(g['subjects'])} {rng.choice(G_VERBS)} {rng.choice(g['objects'])} "
                f"{rng.choice(G_ADJUNCTS)}.")
    measure = rng.choice(g["measures"])
    if rng.random() < 0.5:
        return f"{measure} {rng.choice(G_TRENDS)} {{pct}} per cent {rng.choice(G_PERIODS)}, {rng.choice(G_SOURCES)}."
    other = rng.choice([m for m in g["measures"] if m != measure])
    other = other[0].lower() + other[1:]
    return (f"{measure} {rng.choice(G_TRENDS)} by {{pct}} per cent {rng.choice(G_PERIODS)}, "
            f"while {other} {rng.choice(G_TRENDS)} {{pct}} per cent.")


GENERIC_BODY = [
    "The announcement came as {city} prepares for a busy summer season.",
    "Officials said further details would be published in {month}.",
    "The figures are provisional and may be revised.",
    "The story was first reported by a local newspaper on {weekday}.",
    "A spokesperson declined to comment further.",
    "{person}, who lives nearby, said the mood in the area had changed in recent years.",
    "Similar measures have been introduced in {city2} and {city3}.",
    "The plan has the support of most parties represented on the council.",
    "The issue is expected to come up again at the next meeting in {month}.",
    "The organisation said it would publish a full report later this year.",
    "About {pct} per cent of those surveyed said they supported the change.",
    "Questions remain about how the scheme will be paid for.",
    "Earlier this year, a similar proposal in {city2} was abandoned after protests.",
    "The latest figures cover the period from {month} to {month2}.",
    "Local businesses said they had been given little notice.",
    "A review of the decision is due in {year_future}.",
    "The minister is expected to make a statement in parliament on {weekday}.",
    "The two sides are due to meet again next week.",
]

DISTRACTORS = [
    "Separately, the {city} Convention Centre announced a {money} expansion that will add {n_small} meeting halls.",
    "In Ottawa, the city council voted on {weekday} to extend the winter parking ban.",
    "Paris remains the most visited city in Europe, with tourist numbers back above pre-pandemic levels.",
    "The foreign minister of {country} signed a memorandum on cultural exchanges during a visit to {city}.",
    "The annual comic convention in {city} is expected to draw about {crowd} fans next month.",
    "Schoolchildren in {city} spent the week studying the Treaty of Versailles and the end of the First World War.",
    "The ratings agency {agency} upgraded the city's credit rating by one notch.",
    "{person} signed a {n_small}-year contract extension with the club on {weekday}.",
    "Parliament in {country} voted on {weekday} to approve a new road safety law.",
    "The prime minister of {country} is expected to visit {city} later this year.",
    "The veteran politician withdrew from the race for the party leadership on {weekday}.",
    "Delegates at the party's national convention adopted a new platform on housing.",
    "Visitors to New Zealand's Waitangi Treaty Grounds rose {pct} per cent last year.",
    "The Rome marathon will be held on a new course next spring.",
    "A statue commemorating the Treaty of Paris of 1783 was cleaned and restored last year.",
    "Geneva, home to dozens of international organisations, hosted the talks.",
    "Television ratings for the final were the highest for a decade.",
    "The mayor of Ottawa attended the opening along with the ambassador of {country}.",
    "The two universities signed an agreement on student exchanges that takes effect in {month}.",
    "The defence minister of {country} visited a factory in {city} that makes parts for military vehicles.",
    "The ceasefire agreement was signed in {city} after {n_small} days of negotiations.",
    "A new start-up hub opened in the old tobacco factory in {city}.",
    "The historian's new book traces how the Treaty of Westphalia shaped modern diplomacy.",
    "The European Court of Human Rights in Strasbourg will hear the case next year.",
    "The Geneva Conventions were cited by aid groups calling for the protection of civilians.",
]

# --------------------------------------------------------------------------------------
# Treaty news

STATES: dict[str, tuple[str, str, str]] = {
    # name: (adjective, legislature, head of state or government title)
    "Lithuania": ("Lithuanian", "Seimas", "President"),
    "Latvia": ("Latvian", "Saeima", "President"),
    "Estonia": ("Estonian", "Riigikogu", "President"),
    "Poland": ("Polish", "Sejm", "President"),
    "Finland": ("Finnish", "Eduskunta", "President"),
    "Ukraine": ("Ukrainian", "Verkhovna Rada", "President"),
    "Marshall Islands": ("Marshallese", "Nitijela", "President"),
    "Tonga": ("Tongan", "Legislative Assembly", "King"),
    "Sri Lanka": ("Sri Lankan", "Parliament", "President"),
    "Namibia": ("Namibian", "National Assembly", "President"),
    "the Gambia": ("Gambian", "National Assembly", "President"),
    "Benin": ("Beninese", "National Assembly", "President"),
    "Madagascar": ("Malagasy", "National Assembly", "President"),
    "the Philippines": ("Philippine", "Senate", "President"),
    "the Maldives": ("Maldivian", "People's Majlis", "President"),
    "Nigeria": ("Nigerian", "National Assembly", "President"),
    "South Sudan": ("South Sudanese", "Transitional National Legislative Assembly", "President"),
    "Peru": ("Peruvian", "Congress", "President"),
    "Turkey": ("Turkish", "Grand National Assembly", "President"),
    "Iraq": ("Iraqi", "Council of Representatives", "President"),
    "Eritrea": ("Eritrean", "National Assembly", "President"),
    "Libya": ("Libyan", "House of Representatives", "Prime Minister"),
    "Yemen": ("Yemeni", "House of Representatives", "President"),
    "Angola": ("Angolan", "National Assembly", "President"),
    "Kyrgyzstan": ("Kyrgyz", "Jogorku Kenesh", "President"),
    "Lebanon": ("Lebanese", "Parliament", "President"),
    "Colombia": ("Colombian", "Congress", "President"),
    "Russia": ("Russian", "State Duma", "President"),
    "the United States": ("US", "Senate", "President"),
    "Burundi": ("Burundian", "National Assembly", "President"),
    "Hungary": ("Hungarian", "National Assembly", "President"),
    "Burkina Faso": ("Burkinabe", "Transitional Legislative Assembly", "President"),
    "Mali": ("Malian", "National Transitional Council", "President"),
    "Niger": ("Nigerien", "consultative council", "President"),
    "Armenia": ("Armenian", "National Assembly", "President"),
    "Malaysia": ("Malaysian", "Parliament", "Prime Minister"),
    "Iran": ("Iranian", "Majlis", "President"),
    "North Korea": ("North Korean", "Supreme People's Assembly", "leader"),
    "Thailand": ("Thai", "National Assembly", "Prime Minister"),
    "Zimbabwe": ("Zimbabwean", "Parliament", "President"),
    "Tuvalu": ("Tuvaluan", "Parliament", "Prime Minister"),
    "Timor-Leste": ("Timorese", "National Parliament", "President"),
    "Dominica": ("Dominican", "House of Assembly", "President"),
    "Papua New Guinea": ("Papua New Guinean", "National Parliament", "Prime Minister"),
    "Somalia": ("Somali", "Federal Parliament", "President"),
    "the Solomon Islands": ("Solomon Islands", "National Parliament", "Prime Minister"),
    "China": ("Chinese", "National People's Congress Standing Committee", "President"),
    "Canada": ("Canadian", "House of Commons", "Prime Minister"),
    "Afghanistan": ("Afghan", "National Assembly", "President"),
    "Mozambique": ("Mozambican", "Assembly of the Republic", "President"),
    "Guinea-Bissau": ("Bissau-Guinean", "National People's Assembly", "President"),
    "Botswana": ("Botswana", "National Assembly", "President"),
    "Austria": ("Austrian", "National Council", "President"),
    "Mexico": ("Mexican", "Senate", "President"),
    "New Zealand": ("New Zealand", "Parliament", "Prime Minister"),
    "Ireland": ("Irish", "Oireachtas", "Taoiseach"),
    "Chile": ("Chilean", "Senate", "President"),
    "Kazakhstan": ("Kazakh", "Parliament", "President"),
    "Vietnam": ("Vietnamese", "National Assembly", "President"),
    "Bangladesh": ("Bangladeshi", "Parliament", "Prime Minister"),
    "Malawi": ("Malawian", "National Assembly", "President"),
    "Ghana": ("Ghanaian", "Parliament", "President"),
    "Indonesia": ("Indonesian", "House of Representatives", "President"),
    "Sierra Leone": ("Sierra Leonean", "Parliament", "President"),
    "the United Kingdom": ("British", "Parliament", "Prime Minister"),
    "Moldova": ("Moldovan", "Parliament", "President"),
    "Palestine": ("Palestinian", "Central Council", "President"),
    "Sao Tome and Principe": ("Sao Tomean", "National Assembly", "President"),
    "Equatorial Guinea": ("Equatoguinean", "Chamber of Deputies", "President"),
}

# id: names (first is formal), depositary, withdrawal notice period, background, campaigners
TREATIES: dict[str, dict[str, object]] = {
    "apmbc": {
        "names": ["Ottawa Convention", "Mine Ban Treaty", "Anti-Personnel Mine Ban Convention",
                  "Ottawa Treaty", "anti-personnel mine ban treaty"],
        "depositary": "UN Secretary-General", "period": "six months",
        "about": [
            "The 1997 convention bans the use, stockpiling, production and transfer of anti-personnel mines and requires their destruction.",
            "More than 160 states are party to the Ottawa Convention; Russia, China and the United States have never joined.",
            "Under Article 20, a withdrawal takes effect six months after the UN Secretary-General receives the instrument of withdrawal, but not while the withdrawing state is engaged in an armed conflict.",
        ],
        "orgs": ["the International Campaign to Ban Landmines", "Human Rights Watch", "the International Committee of the Red Cross"],
    },
    "ccm": {
        "names": ["Convention on Cluster Munitions", "cluster munitions convention", "Cluster Munitions Convention"],
        "depositary": "UN Secretary-General", "period": "six months",
        "about": [
            "The Convention on Cluster Munitions, adopted in Dublin in 2008, prohibits the use, production, transfer and stockpiling of cluster bombs.",
            "The convention entered into force in 2010 and has more than 110 states parties.",
            "Withdrawal from the convention takes effect six months after notification, or later if the state is then engaged in armed conflict.",
        ],
        "orgs": ["the Cluster Munition Coalition", "Human Rights Watch", "Handicap International"],
    },
    "paris_agreement": {
        "names": ["Paris Agreement", "Paris climate agreement", "Paris climate accord"],
        "depositary": "UN Secretary-General", "period": "one year",
        "about": [
            "The 2015 Paris Agreement commits its parties to holding global warming well below 2C above pre-industrial levels.",
            "Under Article 28, a party may withdraw three years after the agreement entered into force for it, and the withdrawal takes effect one year after notification.",
            "Almost every country in the world is a party to the agreement.",
        ],
        "orgs": ["Climate Action Network", "Greenpeace", "the World Resources Institute"],
    },
    "rome_statute": {
        "names": ["Rome Statute", "Rome Statute of the International Criminal Court",
                  "founding treaty of the International Criminal Court"],
        "depositary": "UN Secretary-General", "period": "one year",
        "about": [
            "The Rome Statute established the International Criminal Court in The Hague, which tries genocide, war crimes and crimes against humanity.",
            "A withdrawal from the Rome Statute takes effect one year after the UN Secretary-General receives the notification.",
            "Withdrawal does not end the court's jurisdiction over crimes committed while the state was a party.",
        ],
        "orgs": ["Amnesty International", "Human Rights Watch", "the Coalition for the International Criminal Court"],
    },
    "npt": {
        "names": ["Nuclear Non-Proliferation Treaty", "Treaty on the Non-Proliferation of Nuclear Weapons",
                  "NPT", "Non-Proliferation Treaty"],
        "depositary": "depositary governments", "period": "three months",
        "about": [
            "The NPT, which entered into force in 1970, is the cornerstone of the global non-proliferation regime.",
            "Article X allows a party to withdraw on three months' notice to the other parties and the UN Security Council if extraordinary events have jeopardised its supreme interests.",
            "Only one state, North Korea, has ever announced its withdrawal from the treaty.",
        ],
        "orgs": ["the Arms Control Association", "the International Atomic Energy Agency", "the Federation of American Scientists"],
    },
    "ctbt": {
        "names": ["Comprehensive Nuclear-Test-Ban Treaty", "CTBT", "nuclear test ban treaty"],
        "depositary": "UN Secretary-General", "period": "six months",
        "about": [
            "The CTBT, opened for signature in 1996, bans all nuclear explosions but has not entered into force because several states have not ratified it.",
            "The treaty's verification system includes more than 300 monitoring stations around the world.",
            "Entry into force requires ratification by 44 specific states with nuclear technology.",
        ],
        "orgs": ["the CTBTO Preparatory Commission", "the Arms Control Association", "the Nuclear Threat Initiative"],
    },
    "new_start": {
        "names": ["New START", "New START treaty", "New START arms control treaty"],
        "depositary": "United States", "period": "three months",
        "about": [
            "New START, signed in 2010, limits Russia and the United States to 1,550 deployed strategic nuclear warheads each.",
            "The treaty was extended in 2021 for five years, until February 2026.",
            "New START is the last remaining treaty limiting the nuclear arsenals of the two largest nuclear powers.",
        ],
        "orgs": ["the Arms Control Association", "the Federation of American Scientists", "the Stockholm International Peace Research Institute"],
    },
    "att": {
        "names": ["Arms Trade Treaty", "ATT", "UN Arms Trade Treaty"],
        "depositary": "UN Secretary-General", "period": "90 days",
        "about": [
            "The Arms Trade Treaty, in force since 2014, regulates the international trade in conventional weapons.",
            "States parties must assess whether exported weapons could be used to commit serious violations of international law.",
            "A withdrawal from the Arms Trade Treaty takes effect 90 days after the depositary receives the notification.",
        ],
        "orgs": ["Control Arms", "Amnesty International", "Oxfam"],
    },
    "tpnw": {
        "names": ["Treaty on the Prohibition of Nuclear Weapons", "nuclear weapons ban treaty", "TPNW"],
        "depositary": "UN Secretary-General", "period": "twelve months",
        "about": [
            "The Treaty on the Prohibition of Nuclear Weapons was adopted in 2017 and entered into force in January 2021.",
            "None of the nuclear-armed states has joined the treaty.",
        ],
        "orgs": ["the International Campaign to Abolish Nuclear Weapons", "the International Committee of the Red Cross"],
    },
    "istanbul_convention": {
        "names": ["Istanbul Convention", "Council of Europe convention on preventing and combating violence against women"],
        "depositary": "Secretary General of the Council of Europe", "period": "three months",
        "about": [
            "The Istanbul Convention, opened for signature in 2011, sets binding standards for preventing violence against women.",
            "Denunciation of the convention takes effect on the first day of the month following three months after notification.",
        ],
        "orgs": ["Amnesty International", "Human Rights Watch", "women's rights groups"],
    },
    "inf": {
        "names": ["Intermediate-Range Nuclear Forces Treaty", "INF Treaty", "INF treaty"],
        "depositary": "Russia", "period": "six months",
        "about": [
            "The 1987 INF Treaty eliminated ground-launched missiles with ranges between 500 and 5,500 kilometres.",
            "Either party may withdraw on six months' notice.",
        ],
        "orgs": ["the Arms Control Association", "the Stockholm International Peace Research Institute"],
    },
    "open_skies": {
        "names": ["Open Skies Treaty", "Treaty on Open Skies"],
        "depositary": "governments of Canada and Hungary", "period": "six months",
        "about": [
            "The Open Skies Treaty allows its members to carry out unarmed observation flights over each other's territory.",
            "A withdrawal takes effect six months after notice is given to the depositaries.",
        ],
        "orgs": ["the Arms Control Association", "the Stockholm International Peace Research Institute"],
    },
    "cfe": {
        "names": ["Treaty on Conventional Armed Forces in Europe", "CFE Treaty", "Conventional Armed Forces in Europe treaty"],
        "depositary": "Netherlands", "period": "150 days",
        "about": [
            "The CFE Treaty, signed in 1990, set limits on tanks, artillery, combat aircraft and other heavy weapons in Europe.",
            "Russia suspended its participation in the treaty in 2007.",
        ],
        "orgs": ["the Organization for Security and Co-operation in Europe", "the Arms Control Association"],
    },
}

TREATY_KIND = {
    "apmbc": "weapons", "ccm": "weapons", "att": "weapons", "npt": "weapons", "ctbt": "weapons",
    "new_start": "weapons", "tpnw": "weapons", "inf": "weapons", "open_skies": "weapons", "cfe": "weapons",
    "paris_agreement": "climate", "rome_statute": "justice", "istanbul_convention": "rights",
}

# (weight, treaty, states, action, first day, last day).  Leaving and suspension rows follow
# the real events of 2017-2025; joining rows spread over the years in which such steps were
# plausible.  Several outlets reporting the same act on the same day is intended.
D = dt.date
SCENARIOS: list[tuple[int, str, list[str], str, dt.date, dt.date]] = [
    # Ottawa Convention: the 2025 withdrawals, and late joiners.
    (3, "apmbc", ["Lithuania", "Latvia", "Estonia", "Poland"], "intent_announced", D(2025, 3, 18), D(2025, 3, 19)),
    (2, "apmbc", ["Finland"], "intent_announced", D(2025, 4, 1), D(2025, 4, 1)),
    (2, "apmbc", ["Lithuania", "Latvia", "Estonia", "Poland", "Finland"], "government_approved", D(2025, 3, 20), D(2025, 5, 15)),
    (1, "apmbc", ["Ukraine"], "government_approved", D(2025, 6, 29), D(2025, 6, 30)),
    (3, "apmbc", ["Lithuania", "Latvia", "Estonia", "Poland", "Finland", "Ukraine"], "parliament_approved", D(2025, 4, 16), D(2025, 7, 16)),
    (2, "apmbc", ["Lithuania", "Latvia", "Estonia", "Poland", "Finland"], "law_signed", D(2025, 4, 20), D(2025, 7, 10)),
    (4, "apmbc", ["Lithuania", "Latvia", "Estonia"], "notified", D(2025, 6, 27), D(2025, 6, 27)),
    (1, "apmbc", ["Finland"], "notified", D(2025, 7, 10), D(2025, 7, 10)),
    (1, "apmbc", ["Poland"], "notified", D(2025, 8, 20), D(2025, 8, 20)),
    (2, "apmbc", ["Lithuania", "Latvia", "Estonia"], "took_effect", D(2025, 12, 27), D(2025, 12, 27)),
    (1, "apmbc", ["Marshall Islands"], "ratified", D(2025, 3, 12), D(2025, 3, 12)),
    (1, "apmbc", ["Tonga"], "acceded", D(2025, 6, 25), D(2025, 6, 25)),
    (1, "apmbc", ["Palestine", "Sri Lanka"], "acceded", D(2017, 12, 13), D(2017, 12, 29)),
    # Convention on Cluster Munitions.
    (5, "ccm", ["Sri Lanka", "Namibia", "the Gambia", "Benin", "Madagascar", "the Philippines", "the Maldives",
                "Nigeria", "South Sudan", "Peru", "Tuvalu", "Sao Tome and Principe"], "ratified", D(2017, 1, 1), D(2024, 12, 31)),
    (2, "ccm", ["Sri Lanka", "the Maldives", "South Sudan", "Tuvalu"], "acceded", D(2017, 1, 1), D(2024, 12, 31)),
    (1, "ccm", ["Nigeria", "South Sudan", "Tuvalu"], "signed", D(2017, 1, 1), D(2023, 12, 31)),
    (1, "ccm", ["Lithuania"], "intent_announced", D(2024, 7, 2), D(2024, 7, 4)),
    (1, "ccm", ["Lithuania"], "parliament_approved", D(2024, 7, 18), D(2024, 7, 18)),
    (2, "ccm", ["Lithuania"], "notified", D(2024, 9, 6), D(2024, 9, 6)),
    (1, "ccm", ["Lithuania"], "took_effect", D(2025, 3, 6), D(2025, 3, 6)),
    # Paris Agreement.
    (5, "paris_agreement", ["Turkey", "Iraq", "Eritrea", "Libya", "Yemen", "South Sudan", "Angola",
                            "Kyrgyzstan", "Lebanon", "Colombia", "Russia"], "ratified", D(2017, 1, 1), D(2023, 12, 31)),
    (1, "paris_agreement", ["Turkey", "Colombia"], "parliament_ratify", D(2018, 7, 1), D(2021, 10, 31)),
    (1, "paris_agreement", ["the United States"], "intent_announced", D(2017, 6, 1), D(2017, 6, 2)),
    (1, "paris_agreement", ["the United States"], "intent_announced", D(2025, 1, 20), D(2025, 1, 21)),
    (1, "paris_agreement", ["the United States"], "notified", D(2019, 11, 4), D(2019, 11, 4)),
    (1, "paris_agreement", ["the United States"], "notified", D(2025, 1, 27), D(2025, 1, 27)),
    (1, "paris_agreement", ["the United States"], "took_effect", D(2020, 11, 4), D(2020, 11, 4)),
    (1, "paris_agreement", ["the United States"], "rejoined", D(2021, 2, 19), D(2021, 2, 19)),
    # Rome Statute.
    (1, "rome_statute", ["Burundi"], "took_effect", D(2017, 10, 27), D(2017, 10, 27)),
    (1, "rome_statute", ["the Philippines"], "notified", D(2018, 3, 16), D(2018, 3, 17)),
    (1, "rome_statute", ["the Philippines"], "took_effect", D(2019, 3, 17), D(2019, 3, 17)),
    (1, "rome_statute", ["Hungary"], "intent_announced", D(2025, 4, 3), D(2025, 4, 3)),
    (1, "rome_statute", ["Hungary"], "parliament_approved", D(2025, 5, 20), D(2025, 5, 20)),
    (1, "rome_statute", ["Hungary"], "notified", D(2025, 6, 2), D(2025, 6, 2)),
    (2, "rome_statute", ["Burkina Faso", "Mali", "Niger"], "intent_announced", D(2025, 9, 22), D(2025, 9, 23)),
    (1, "rome_statute", ["Ukraine"], "parliament_ratify", D(2024, 8, 21), D(2024, 8, 21)),
    (1, "rome_statute", ["Ukraine"], "ratified", D(2024, 10, 25), D(2024, 10, 25)),
    (1, "rome_statute", ["Armenia"], "ratified", D(2023, 11, 14), D(2023, 11, 14)),
    (1, "rome_statute", ["Malaysia"], "acceded", D(2019, 3, 4), D(2019, 3, 4)),
    # Nuclear arms control.
    (2, "npt", ["Iran"], "threatened", D(2020, 1, 19), D(2020, 1, 25)),
    (1, "npt", ["Iran"], "threatened", D(2025, 6, 16), D(2025, 6, 25)),
    (2, "ctbt", ["Russia"], "deratified", D(2023, 10, 17), D(2023, 11, 2)),
    (4, "ctbt", ["Thailand", "Zimbabwe", "Tuvalu", "Timor-Leste", "Dominica", "Papua New Guinea",
                 "Somalia", "the Solomon Islands", "Equatorial Guinea"], "ratified", D(2017, 1, 1), D(2025, 12, 31)),
    (1, "ctbt", ["Tuvalu", "Dominica"], "signed", D(2017, 1, 1), D(2019, 12, 31)),
    (3, "new_start", ["Russia"], "suspended", D(2023, 2, 21), D(2023, 3, 1)),
    (1, "inf", ["the United States"], "notified", D(2019, 2, 1), D(2019, 2, 2)),
    (1, "inf", ["the United States"], "took_effect", D(2019, 8, 2), D(2019, 8, 2)),
    (1, "inf", ["Russia"], "suspended", D(2019, 2, 2), D(2019, 3, 4)),
    (1, "open_skies", ["the United States"], "intent_announced", D(2020, 5, 21), D(2020, 5, 21)),
    (1, "open_skies", ["the United States"], "notified", D(2020, 5, 22), D(2020, 5, 22)),
    (1, "open_skies", ["the United States"], "took_effect", D(2020, 11, 22), D(2020, 11, 22)),
    (1, "open_skies", ["Russia"], "parliament_approved", D(2021, 5, 19), D(2021, 6, 2)),
    (1, "open_skies", ["Russia"], "law_signed", D(2021, 6, 7), D(2021, 6, 7)),
    (1, "open_skies", ["Russia"], "took_effect", D(2021, 12, 18), D(2021, 12, 18)),
    (1, "cfe", ["Russia"], "law_signed", D(2023, 5, 29), D(2023, 5, 29)),
    (1, "cfe", ["Russia"], "took_effect", D(2023, 11, 7), D(2023, 11, 7)),
    (5, "tpnw", ["Austria", "Mexico", "New Zealand", "Ireland", "Thailand", "Nigeria", "Chile", "Kazakhstan",
                 "the Philippines", "Vietnam", "Bangladesh", "Malawi", "Ghana", "Indonesia", "Sierra Leone"],
     "ratified", D(2017, 9, 20), D(2025, 12, 31)),
    (2, "tpnw", ["Malawi", "Ghana", "Indonesia", "Sierra Leone", "Kazakhstan", "Chile"], "signed", D(2017, 9, 20), D(2019, 12, 31)),
    # Arms Trade Treaty.
    (4, "att", ["China", "Canada", "Afghanistan", "Lebanon", "Mozambique", "Namibia", "Palestine",
                "Guinea-Bissau", "Botswana", "the Philippines"], "acceded", D(2017, 1, 1), D(2024, 12, 31)),
    (2, "att", ["Lebanon", "Mozambique", "Namibia", "Botswana", "the Philippines"], "ratified", D(2017, 1, 1), D(2024, 12, 31)),
    (1, "att", ["the United States"], "intent_announced", D(2019, 4, 26), D(2019, 4, 26)),
    # Istanbul Convention.
    (1, "istanbul_convention", ["Turkey"], "government_approved", D(2021, 3, 20), D(2021, 3, 20)),
    (1, "istanbul_convention", ["Turkey"], "took_effect", D(2021, 7, 1), D(2021, 7, 1)),
    (1, "istanbul_convention", ["the United Kingdom"], "ratified", D(2022, 7, 21), D(2022, 7, 21)),
    (1, "istanbul_convention", ["Ukraine"], "parliament_ratify", D(2022, 6, 20), D(2022, 6, 20)),
    (1, "istanbul_convention", ["Moldova"], "ratified", D(2022, 1, 31), D(2022, 1, 31)),
]

# Internal action key -> (action in the DESIGN.md vocabulary, direction, modality) for labels.
ACTION_LABEL = {
    "signed": ("signed", "join", "asserted"), "ratified": ("ratified", "join", "asserted"),
    "acceded": ("acceded", "join", "asserted"), "rejoined": ("rejoined", "join", "asserted"),
    "parliament_ratify": ("parliament_approved", "join", "asserted"),
    "intent_announced": ("intent_announced", "leave", "asserted"),
    "threatened": ("intent_announced", "leave", "threatened"),
    "government_approved": ("government_approved", "leave", "asserted"),
    "parliament_approved": ("parliament_approved", "leave", "asserted"),
    "law_signed": ("law_signed", "leave", "asserted"), "notified": ("notified", "leave", "asserted"),
    "took_effect": ("took_effect", "leave", "asserted"), "suspended": ("suspended", "leave", "asserted"),
    "deratified": ("deratified", "leave", "asserted"),
}

LEADS: dict[str, list[str]] = {
    "signed": [
        "{State} signed the {treaty} {when}, with {fm_title} {fm} putting pen to paper at a ceremony at United Nations headquarters in New York.",
        "{fm_title} {fm} signed the {treaty} on behalf of {State} {when}, the foreign ministry said.",
        "{State} became the latest country to sign the {treaty} {when}.",
    ],
    "ratified": [
        "{State} deposited its instrument of ratification of the {treaty} with the {depositary} {when}.",
        "{State} has ratified the {treaty}, the country's foreign ministry announced {when}.",
        "The {State_adj} ambassador to the United Nations handed over {State}'s instrument of ratification of the {treaty} {when}, completing a process that began {n_small} years ago.",
        "{State} {when} completed the ratification of the {treaty}, depositing the instrument with the {depositary}.",
    ],
    "acceded": [
        "{State} has become the latest state party to the {treaty} after depositing its instrument of accession {when}.",
        "{State} acceded to the {treaty} {when}, the United Nations said.",
        "{State}'s accession to the {treaty} was registered by the {depositary} {when}.",
    ],
    "parliament_ratify": [
        "The {parliament} voted {yes} to {no} {when} to ratify the {treaty}.",
        "Lawmakers in {State} {when} approved the ratification of the {treaty}, with {yes} votes in favour and {no} against.",
        "{State}'s {parliament} {when} passed a bill ratifying the {treaty}, clearing the way for the country to join.",
    ],
    "intent_announced": [
        "{State} will withdraw from the {treaty}, {leader_title} {leader} announced {when}, citing {reason}.",
        "{State} intends to pull out of the {treaty}, {fm_title} {fm} told reporters {when}, citing {reason}.",
        "{leader_title} {leader} said {when} that {State} would begin the process of leaving the {treaty}.",
        "The {State_adj} government announced {when} that the country would leave the {treaty}, citing {reason}.",
    ],
    "threatened": [
        "{State}'s {parliament} is considering a bill that would take the country out of the {treaty}, a senior lawmaker said {when}.",
        "{State} could withdraw from the {treaty} if pressure on it continues, {fm_title} {fm} warned {when}.",
        "Lawmakers in {State} {when} called on the government to leave the {treaty}, though officials stopped short of announcing any decision.",
    ],
    "government_approved": [
        "The {State_adj} government {when} approved a bill on withdrawing from the {treaty} and sent it to the {parliament}.",
        "{State}'s cabinet {when} endorsed a draft law that would take the country out of the {treaty}.",
        "A decree published {when} announced {State}'s withdrawal from the {treaty}.",
    ],
    "parliament_approved": [
        "The {parliament} voted {yes} to {no} {when} in favour of {State}'s withdrawal from the {treaty}.",
        "Lawmakers in {State} {when} approved the country's exit from the {treaty}, with {yes} votes in favour and {no} against.",
        "{State}'s {parliament} {when} passed a law on leaving the {treaty} by {yes} votes to {no}.",
    ],
    "law_signed": [
        "{leader_title} {leader} {when} signed into law the bill on {State}'s withdrawal from the {treaty}.",
        "The {State_adj} head of state {when} signed the law taking the country out of the {treaty}, the presidential office said.",
    ],
    "notified": [
        "{State} has formally notified the {depositary} of its withdrawal from the {treaty}, the foreign ministry said {when}.",
        "{State} {when} submitted a letter to the {depositary} notifying its withdrawal from the {treaty}, which will take effect {period} later.",
        "{State} {when} deposited its instrument of withdrawal from the {treaty} with the {depositary}.",
    ],
    "took_effect": [
        "{State}'s withdrawal from the {treaty} took effect {when}, {period} after it notified the {depositary}.",
        "{State} formally ceased to be a party to the {treaty} {when}.",
    ],
    "suspended": [
        "{leader_title} {leader} {when} signed a law suspending {State}'s participation in the {treaty}.",
        "{State} {when} suspended its participation in the {treaty}, the foreign ministry said.",
    ],
    "deratified": [
        "{State} {when} revoked its ratification of the {treaty}, after the {parliament} voted {yes} to {no} in favour.",
        "{leader_title} {leader} {when} signed a law withdrawing {State}'s ratification of the {treaty}.",
    ],
    "rejoined": [
        "{State} formally rejoined the {treaty} {when}, {period} after it had left.",
        "{State} is once again a party to the {treaty} after its return took effect {when}.",
    ],
}

TITLES: dict[str, list[str]] = {
    "join": ["{State} ratifies {treaty_short}", "{State} joins {treaty_short}",
             "{State} becomes party to {treaty_short}", "{State} signs up to {treaty_short}",
             "Campaigners welcome {State_adj} move on {treaty_short}"],
    "signed": ["{State} signs {treaty_short}", "{State} puts its name to {treaty_short}"],
    "parliament_ratify": ["{State_adj} lawmakers approve {treaty_short}", "{parliament} backs {treaty_short} ratification"],
    "rejoined": ["{State} back in {treaty_short}", "{State} rejoins {treaty_short}"],
    "early": ["{State} to quit {treaty_short}", "{State} moves to leave {treaty_short} over {reason_short}",
              "Why {State} wants to leave the {treaty_short}"],
    "threatened": ["{State} weighs {treaty_short} exit", "{State_adj} lawmakers threaten to quit {treaty_short}"],
    "parliament_approved": ["{State_adj} lawmakers back exit from {treaty_short}", "{parliament} votes to leave {treaty_short}"],
    "law_signed": ["{State_adj} law on leaving {treaty_short} signed", "{State} one step closer to leaving {treaty_short}"],
    "notified": ["{State} notifies UN of {treaty_short} withdrawal", "{State} pulls out of {treaty_short}",
                 "{State} formally starts {treaty_short} exit"],
    "took_effect": ["{State} leaves {treaty_short}", "{State} no longer bound by {treaty_short}",
                    "{State}'s {treaty_short} exit takes effect"],
    "suspended": ["{State} suspends {treaty_short}", "{State} halts participation in {treaty_short}"],
    "deratified": ["{State} revokes {treaty_short} ratification", "{State} de-ratifies {treaty_short}"],
}

REASONS = {
    "weapons": [("the security threat from Russia", "Russia threat"),
                ("the deteriorating security situation in the region", "security fears"),
                ("the need for greater flexibility in defence planning", "defence needs"),
                ("the failure of other parties to comply", "compliance dispute")],
    "climate": [("the cost to the economy", "costs"), ("what it called an unfair burden on domestic industry", "industry burden"),
                ("what it called a bad deal for its workers", "jobs row")],
    "justice": [("what it called the court's bias", "bias claim"), ("concerns about national sovereignty", "sovereignty row"),
                ("what it called the politicisation of the court", "politicisation claim")],
    "rights": [("what it called a threat to family values", "values row"), ("concerns about national sovereignty", "sovereignty row")],
}
CRITICS = {
    "weapons": ["Critics warned that the move would weaken a treaty that has protected civilians for decades.",
                "The government said it remained committed to international humanitarian law.",
                "Defence officials argued that the treaty placed limits on the country that its adversaries did not observe.",
                "Supporters of the move said the security environment had changed fundamentally since the treaty was signed.",
                "The decision comes amid growing tension in the region and a sharp rise in defence spending.",
                "Defence spending in {State} is set to rise to {n_small} per cent of GDP next year."],
    "climate": ["Critics warned that the move would set back global efforts to cut emissions.",
                "Environmental groups said the decision ignored the growing cost of floods, fires and heatwaves.",
                "Business groups were divided, with some warning that investors wanted stable rules.",
                "The government said it would continue to cut emissions on its own terms."],
    "justice": ["Critics warned that the move would leave victims of atrocities without recourse.",
                "The court said the withdrawal would not affect investigations into crimes committed while the state was a party.",
                "The government said national courts were able to try any serious crime.",
                "Human rights lawyers said the decision sent a signal of impunity."],
    "rights": ["Critics warned that the move would weaken protection for women who suffer violence.",
               "Thousands of women protested in the capital against the decision.",
               "The government said national law already protected women and that the convention was no longer needed."],
}
QUOTES_LEAVE = {
    "weapons": ["This decision was not taken lightly, but our security must come first",
                "We cannot bind our hands while our adversary ignores every rule",
                "Our commitment to protecting civilians remains unwavering"],
    "climate": ["This deal punished our workers and let others off the hook",
                "The climate does not stop at borders, and neither should our commitment"],
    "justice": ["The court has become a political instrument",
                "Victims deserve justice, and this decision makes it harder to deliver"],
    "rights": ["Our own laws protect women better than any international text",
               "This is a step backwards for the rights of every woman in the country"],
}
QUOTES_LEAVE_ANY = ["The treaty no longer serves the interests of our country",
                    "It is a sad day for international law",
                    "This sets a dangerous precedent that others may follow"]
QUOTES_JOIN = ["Today our country takes its place among the states that uphold this treaty",
               "This is an important day for international law and for our people",
               "We call on all states that have not yet done so to join",
               "Joining the treaty reflects the values our citizens hold dear",
               "This step shows that the treaty's support keeps growing"]

# Follow-up sentences for leaving, each with the stages it fits:
# early = announced, threatened or approved by government; pre = before notification;
# notified / effect = after the notice was given / once it took effect; any = always.
TREATY_BODY_LEAVE: list[tuple[str, str]] = [
    ("any", "{fm_title} {fm} said the decision had not been taken lightly."),
    ("any", "{org} said it deeply regretted the decision."),
    ("pre", "{org} urged the government to reconsider before it was too late."),
    ("pre", "The opposition called on the government to reverse course, but it lacks the votes to block the move."),
    ("any", "{State2} said it had no plans to follow suit."),
    ("any", "Officials in {State2} said they were watching the decision closely."),
    ("notified", "The withdrawal will take effect {period} after the {depositary} receives the notification."),
    ("notified", "Diplomats said the country would remain bound by the treaty until the withdrawal takes effect."),
    ("effect", "The {parliament} had approved the withdrawal months earlier."),
    ("effect", "The country had notified the {depositary} of its decision {period} earlier."),
    ("early", "The {parliament} is expected to vote on the withdrawal within weeks."),
    ("pre", "Legal experts said the withdrawal could be challenged in the constitutional court."),
    ("any", "The decision followed months of debate within the governing coalition."),
    ("pre", "A poll published last month found that {pct} per cent of voters supported leaving the treaty."),
    ("pre", "The foreign ministry said the formal notification would be sent to the {depositary} once the law was in force."),
    ("any", "{org} warned that other states might be tempted to follow."),
    ("any", "The foreign ministry said partners and allies had been informed in advance."),
    ("any", "The move was debated at length in the {parliament}'s foreign affairs committee."),
    ("any", "The United Nations declined to comment on the decision of a member state."),
]
STAGE = {"intent_announced": {"any", "early", "pre"}, "threatened": {"any", "early", "pre"},
         "government_approved": {"any", "early", "pre"}, "parliament_approved": {"any", "pre"},
         "law_signed": {"any", "pre"}, "notified": {"any", "notified"}, "took_effect": {"any", "effect"},
         "suspended": {"any"}, "deratified": {"any"}}
TREATY_BODY_JOIN: list[tuple[str, str]] = [
    ("any", "{org} welcomed the move and urged other states to follow."),
    ("any", "{fm_title} {fm} called the step a sign of the country's commitment to international law."),
    ("any", "{State2} is expected to ratify the treaty next year, diplomats said."),
    ("deposit", "The {parliament} approved the ratification bill earlier this year by a large majority."),
    ("deposit", "The treaty will enter into force for the country in accordance with its provisions."),
    ("any", "Diplomats said the step brought the treaty closer to universal membership."),
    ("any", "The government said the decision reflected years of work by civil society groups."),
    ("any", "Campaigners called on {State2} to join the treaty as well."),
    ("any", "The opposition had urged the government to act faster."),
    ("deposit", "Officials said the necessary domestic legislation had been passed in {month}."),
    ("signed", "The ceremony was attended by representatives of {n_small} other states."),
    ("signed", "Ratification by the {parliament} is expected to follow next year."),
    ("vote", "The instrument of ratification will now be deposited with the {depositary}."),
    ("vote", "The bill now goes to the head of state for signature."),
]
JOIN_STAGE = {"signed": {"any", "signed"}, "ratified": {"any", "deposit"}, "acceded": {"any", "deposit"},
              "rejoined": {"any", "deposit"}, "parliament_ratify": {"any", "vote"}}
TREATY_CONTEXT = [
    "Diplomats in New York and Geneva said they had expected the announcement.",
    "{fm_title} {fm} is due to brief allies at a meeting in {city} next week.",
    "Officials from {State2} and {State3} are due to discuss regional security in {city} this month.",
    "The {parliament} is due to debate the government's foreign policy priorities in {month}.",
    "{leader_title} {leader} is due to travel to {city} for talks with European leaders later this month.",
]
TREATY_GENERIC = [
    "A spokesperson declined to comment further.",
    "Officials said further details would be published in {month}.",
    "The story was first reported by a local news site on {weekday}.",
    "The minister is expected to make a statement in parliament on {weekday}.",
    "The embassy in {city} declined to comment.",
]
TREATY_SPEAKERS = ["{fm_title} {fm}", "{leader_title} {leader}", "{person}, a spokesperson for {org}",
                   "{person}, a member of the {parliament}", "{person}, an international law professor"]

# --------------------------------------------------------------------------------------
# Generation


def _n_small(r: random.Random) -> str:
    return str(r.randint(2, 12))


def _money(r: random.Random) -> str:
    cur = r.choice(["$", "€", "£"])
    if r.random() < 0.5:
        return f"{cur}{r.randint(2, 950)} million"
    if r.random() < 0.5:
        return f"{cur}{r.randint(1, 9)}.{r.randint(1, 9)} billion"
    return f"{cur}{r.randint(10, 990) * 1000:,}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


SLOTS = {
    "person": lambda r: f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}",
    "last": lambda r: r.choice(SURNAMES),
    "city": lambda r: r.choice(CITIES),
    "city2": lambda r: r.choice(CITIES),
    "country": lambda r: r.choice(COUNTRIES),
    "company": lambda r: f"{r.choice(CO_PREFIX)} {r.choice(CO_SUFFIX)}",
    "person2": lambda r: f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}",
    "city3": lambda r: r.choice(CITIES),
    "country2": lambda r: r.choice(COUNTRIES),
    "company2": lambda r: f"{r.choice(CO_PREFIX)} {r.choice(CO_SUFFIX)}",
    "n_small": _n_small,
    "n_digit": lambda r: str(r.randint(0, 9)),
    "n_big": lambda r: str(r.randint(14, 480)),
    "altitude": lambda r: str(r.randint(45, 90) * 10),
    "big": lambda r: f"{r.randint(2, 950) * r.choice([10, 100, 1000]):,}",
    "crowd": lambda r: f"{r.randint(3, 90) * 1000 + r.randint(0, 9) * 100:,}",
    "pct": lambda r: f"{r.randint(1, 38)}.{r.randint(0, 9)}" if r.random() < 0.6 else str(r.randint(2, 70)),
    "money": _money,
    "money_mid": lambda r: f"{r.choice(['$', '€', '£'])}{r.randint(20, 900) * 1000:,}",
    "money_big": lambda r: f"{r.choice(['$', '€', '£'])}{r.randint(2, 40)}.{r.randint(0, 9)} billion",
    "price": lambda r: f"{r.choice(['$', '€', '£'])}{r.randint(120, 950) * 1000:,}",
    "rate": lambda r: f"{r.randint(0, 8)}.{r.randint(1, 9)}",
    "money_small": lambda r: f"{r.choice(['$', '€', '£'])}{r.randint(3, 40) * 50:,}",
    "cents": lambda r: str(r.randint(4, 95)),
    "score": lambda r: f"{r.randint(1, 5)}-{r.randint(0, 3)}",
    "minute": lambda r: str(r.randint(3, 90)),
    "ordinal": lambda r: _ordinal(r.randint(2, 25)),
    "temp_hot": lambda r: str(r.randint(31, 44)),
    "temp_cold": lambda r: f"minus {r.randint(3, 25)}",
    "mm": lambda r: str(r.randint(20, 180)),
    "kmh": lambda r: str(r.randint(70, 160)),
    "age": lambda r: str(r.randint(19, 88)),
    "year_old": lambda r: str(r.randint(1850, 1985)),
    "year_recent": lambda r: str(r.randint(2003, 2016)),
    "year_future": lambda r: str(r.randint(2026, 2032)),
    "decade": lambda r: str(r.randint(192, 199) * 10),
    "weekday": lambda r: r.choice(WEEKDAYS),
    "month": lambda r: r.choice(MONTHS),
    "month2": lambda r: r.choice(MONTHS),
    "adj_pos": lambda r: r.choice(ADJ_POS),
    "adj_neg": lambda r: r.choice(ADJ_NEG),
    "votes_yes": lambda r: str(r.randint(21, 60)),
    "votes_no": lambda r: str(r.randint(2, 20)),
    "street": lambda r: f"{r.choice(SURNAMES)} {r.choice(['Street', 'Road', 'Avenue', 'Lane', 'Way', 'Crescent'])}",
    "district": lambda r: r.choice(["North", "South", "East", "West", "Central", "Riverside", "Old Town", "Harbour"]),
    "region": lambda r: r.choice(["the north-west", "the south", "the coastal region", "the east of the country",
                                  "the highlands", "the river valley", "the western provinces", "the capital region",
                                  "the northern islands", "the lake district"]),
    "storm": lambda r: r.choice(["Agnes", "Babet", "Ciaran", "Darragh", "Eowyn", "Freya", "Gerrit", "Henk",
                                 "Isha", "Jocelyn", "Kathleen", "Lilian", "Bert", "Conall", "Floris"]),
    "venue": lambda r: f"{r.choice(SURNAMES)} {r.choice(['Park', 'Arena', 'Stadium', 'Hall', 'Theatre', 'Ground'])}",
    "sport": lambda r: r.choice(["athletics", "swimming", "cycling", "rowing", "gymnastics", "judo",
                                 "basketball", "volleyball", "table tennis", "badminton"]),
    "prize": lambda r: r.choice(["National Book Award", "Golden Quill prize", "European Fiction Prize",
                                 "First Novel Award", "Harbour Literary Prize"]),
    "agency": lambda r: r.choice(["Moody's", "S&P Global", "Fitch", "Scope", "DBRS Morningstar"]),
    "creature": lambda r: r.choice(["frog", "beetle", "orchid", "gecko", "freshwater crab", "moth",
                                    "shrew", "cave fish", "snail", "songbird"]),
    "habit": lambda r: r.choice(["regular walking", "gardening", "a Mediterranean diet", "volunteering",
                                 "daily reading", "cycling to work"]),
    "habit_verb": lambda r: r.choice(["walk every day", "garden regularly", "sleep seven hours a night",
                                      "volunteer", "eat mostly plants", "cycle to work"]),
    "thing": lambda r: r.choice(["sea ice", "methane emissions", "crop health", "glaciers", "ocean currents",
                                 "air quality", "forest cover"]),
    "gadget": lambda r: r.choice(["smartphone", "tablet", "smartwatch", "laptop", "games console",
                                  "pair of wireless earbuds", "e-reader"]),
    "ai_task": lambda r: r.choice(["detect fraud", "schedule hospital shifts", "sort recycling",
                                   "translate legal documents", "predict crop yields", "inspect wind turbines"]),
    "fm_title": lambda r: "Foreign Minister",
}


class Filler:
    """Fills ``{slot}`` templates from an article's context, else from a fresh random value."""

    _SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, rng: random.Random, ctx: dict[str, str]):
        self.rng = rng
        self.ctx = ctx

    def __call__(self, template: str) -> str:
        text = self._SLOT.sub(self._one, template)
        return text[0].upper() + text[1:] if text else text

    def _one(self, m: re.Match[str]) -> str:
        key = m.group(1)
        if key in self.ctx:
            return self.ctx[key]
        return self._SLOT.sub(self._one, SLOTS[key](self.rng))


def _words(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


def _fill_to_length(rng: random.Random, fill: Filler, first: list[str], pool: list[str]) -> list[str]:
    """Lead sentences, then sentences from the pool (each template once) until the target length."""
    target = rng.randint(MIN_WORDS + 15, MAX_WORDS - 25)
    sentences = [fill(t) for t in first]
    count = _words(sentences)
    for template in pool:
        if count >= target:
            break
        s = fill(template)
        n = len(s.split())
        if count + n > MAX_WORDS:
            continue
        sentences.append(s)
        count += n
    return sentences


def _quote(rng: random.Random, fill: Filler, quote: str, speaker: str) -> str:
    q, sp = quote, fill(speaker)
    sp_lower = sp[0].lower() + sp[1:] if sp.startswith(("The ", "A ", "An ")) else sp
    open_q, close_q = ("“", "”") if rng.random() < 0.4 else ('"', '"')
    # "Name, role, said" needs the comma that closes the apposition.
    sp_subj, sp_lower_subj = (sp + ",", sp_lower + ",") if ", " in sp else (sp, sp_lower)
    form = rng.randrange(4)
    if form == 0:
        return f"{open_q}{q},{close_q} said {sp_lower}."
    if form == 1:
        return f"{sp_subj} said: {open_q}{q}.{close_q}"
    if form == 2:
        return f"{open_q}{q},{close_q} {sp_lower_subj} told reporters."
    return f"{open_q}{q},{close_q} {sp_lower_subj} said in a statement."


def _paragraphs(rng: random.Random, sentences: list[str]) -> str:
    paras, i = [], 0
    while i < len(sentences):
        k = rng.choice([1, 2, 2, 3, 3, 4])
        paras.append(" ".join(sentences[i:i + k]))
        i += k
    body = "\n\n".join(paras)
    if rng.random() < 0.08:
        body += "\n\n" + rng.choice(["Latest news", "Share this article", "Read more", "Follow us for updates"])
    return body


def _format_published(rng: random.Random, when: dt.datetime) -> str:
    """RFC 2822 or ISO 8601, always with a time zone."""
    if rng.random() < 0.5:
        return email.utils.format_datetime(when)
    text = when.isoformat()
    if when.utcoffset() == dt.timedelta(0) and rng.random() < 0.5:
        text = text[:-6] + "Z"
    return text


def _local_time(rng: random.Random, day: dt.date) -> dt.datetime:
    tz = dt.timezone(dt.timedelta(minutes=rng.choice(TZ_OFFSETS)))
    return dt.datetime(day.year, day.month, day.day, rng.randint(5, 23), rng.randint(0, 59),
                       rng.randint(0, 59) if rng.random() < 0.5 else 0, tzinfo=tz)


def _random_day(rng: random.Random, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _source(rng: random.Random) -> str:
    name = rng.choice(OUTLET_A) + rng.choice(OUTLET_B)
    prefix = "www." if rng.random() < 0.3 else ("news." if rng.random() < 0.15 else "")
    return f"{prefix}{name}.{rng.choice(TLDS)}"


def ordinary_article(rng: random.Random) -> tuple[str, str, str, str]:
    """(title, source, published, body) of an article on a random topic, with some distractors."""
    topic_name = rng.choice(sorted(TOPICS))
    topic = TOPICS[topic_name]
    ctx = {
        "city": rng.choice(CITIES),
        "country": rng.choice(COUNTRIES),
        "company": f"{rng.choice(CO_PREFIX)} {rng.choice(CO_SUFFIX)}",
        "person2": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
    }
    ctx["team"] = f"{ctx['city']} {rng.choice(TEAM_NICK)}"
    other = rng.choice(CITIES)
    ctx["team2"] = f"{other if other != ctx['city'] else 'Port ' + other} {rng.choice(TEAM_NICK)}"
    fill = Filler(rng, ctx)

    title_t, lead = rng.choice(topic["stories"])
    title = fill(title_t)
    # Part of the topic's fixed sentences, a few generic ones, sometimes a distractor, then
    # freshly composed sentences for the rest of the length.
    pool = rng.sample(topic["body"], rng.randint(4, 8)) + rng.sample(GENERIC_BODY, rng.randint(1, 3))
    if rng.random() < 0.25:
        pool += rng.sample(DISTRACTORS, rng.randint(1, 2))
    rng.shuffle(pool)
    pool += [compose(rng, topic_name) for _ in range(30)]
    sentences = _fill_to_length(rng, fill, [lead], pool)
    rest = sentences[1:]
    rng.shuffle(rest)
    sentences[1:] = rest
    # Quotes go in among the first sentences, like real reports.
    quotes = rng.sample(topic["quotes"], rng.randint(1, 3))
    for q in quotes:
        pos = rng.randint(1, min(len(sentences), 5))
        sentences.insert(pos, _quote(rng, fill, q, _speaker(rng, topic)))
    while _words(sentences) > MAX_WORDS - 4:  # room for a trailer line
        sentences.pop()
    body = _paragraphs(rng, sentences)
    published = _format_published(rng, _local_time(rng, _random_day(rng)))
    return title, _source(rng), published, body


def _speaker(rng: random.Random, topic: dict[str, list]) -> str:
    role = rng.choice(topic["roles"])
    if rng.random() < 0.7:
        return "{person}, " + role
    return role


def _date_phrase(rng: random.Random, act: dt.date, pub: dt.date) -> str:
    """How the article refers to the action's date, relative to publication."""
    delta = (pub - act).days
    month = MONTHS[act.month - 1]
    forms = [f"on {act.day} {month}", f"on {month} {act.day}", f"on {act.day} {month} {act.year}",
             f"on {month} {act.day}, {act.year}"]
    if delta == 0:
        forms += ["today", "on " + WEEKDAYS[act.weekday()], "on " + WEEKDAYS[act.weekday()]]
    elif delta == 1:
        forms += ["yesterday", "on " + WEEKDAYS[act.weekday()], "on " + WEEKDAYS[act.weekday()]]
    elif delta < 7:
        forms += ["on " + WEEKDAYS[act.weekday()], "on " + WEEKDAYS[act.weekday()]]
    return rng.choice(forms)


def treaty_article(rng: random.Random) -> tuple[tuple[str, str, str, str], dict[str, str]]:
    """(title, source, published, body) reporting one treaty action, and its label."""
    _, treaty_id, states, key, first, last = rng.choices(SCENARIOS, weights=[row[0] for row in SCENARIOS])[0]
    treaty = TREATIES[treaty_id]
    kind = TREATY_KIND[treaty_id]
    state = rng.choice(states)
    act = _random_day(rng, first, last)
    # Published the same day or up to three days later, never after the corpus's last day.
    pub = min(act + dt.timedelta(days=rng.choice([0, 0, 1, 1, 1, 2, 3])), LAST_DAY)
    adj, parliament, leader_title = STATES[state]
    others = [s for s in sorted(STATES) if s != state]
    names = treaty["names"]
    reason, reason_short = rng.choice(REASONS[kind])
    yes = rng.randint(60, 400)
    ctx = {
        "State": state, "State_adj": adj, "parliament": parliament,
        "leader_title": leader_title,
        "leader": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        "fm": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        "treaty": rng.choice(names),
        "treaty_short": rng.choice(names[:2]),
        "depositary": treaty["depositary"], "period": treaty["period"],
        "when": _date_phrase(rng, act, pub),
        "reason": reason, "reason_short": reason_short,
        "yes": str(yes), "no": str(rng.randint(0, yes // 3)),
        "State2": rng.choice(others), "State3": rng.choice(others),
        "org": rng.choice(treaty["orgs"]),
        "city": rng.choice(["Brussels", "Vienna", "Geneva", "New York", "Warsaw", "Vilnius", "The Hague", "Berlin"]),
    }
    fill = Filler(rng, ctx)
    action, direction, modality = ACTION_LABEL[key]
    joining = direction == "join"
    if key in TITLES:
        titles = TITLES[key]
    else:
        titles = TITLES["join"] if joining else TITLES["early"]
    title = fill(rng.choice(titles))
    # Later mentions often use another name for the treaty, as reporters do.
    fill2 = Filler(rng, dict(ctx, treaty=rng.choice(names)))
    if joining:
        stages = JOIN_STAGE[key]
        pool = [t for tag, t in TREATY_BODY_JOIN if tag in stages]
        quotes = rng.sample(QUOTES_JOIN, rng.randint(1, 2))
    else:
        stages = STAGE[key]
        pool = [t for tag, t in TREATY_BODY_LEAVE if tag in stages] + CRITICS[kind]
        quotes = rng.sample(QUOTES_LEAVE[kind] + QUOTES_LEAVE_ANY, rng.randint(1, 2))
    pool += list(treaty["about"]) + rng.sample(TREATY_CONTEXT, 2) + rng.sample(TREATY_GENERIC, 2)
    rng.shuffle(pool)
    sentences = [fill(rng.choice(LEADS[key]))] + _fill_to_length(rng, fill2, [], pool)
    for q in quotes:
        pos = rng.randint(1, min(len(sentences), 4))
        sentences.insert(pos, _quote(rng, fill2, q, rng.choice(TREATY_SPEAKERS)))
    if rng.random() < 0.2:
        sentences.append(fill(rng.choice(DISTRACTORS)))
    while _words(sentences) > MAX_WORDS - 4:  # room for a trailer line
        sentences.pop()
    body = _paragraphs(rng, sentences)
    published = _format_published(rng, _local_time(rng, pub))
    label = {"state": state, "treaty": treaty_id, "action": action, "direction": direction,
             "modality": modality, "date": act.isoformat()}
    return (title, _source(rng), published, body), label


def generator_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _html_page(title: str, source: str, published: str, body: str) -> bytes:
    when = email.utils.parsedate_to_datetime(published) if "," in published else dt.datetime.fromisoformat(published)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>\n"
            f"<meta property=\"og:site_name\" content=\"{html.escape(source)}\">\n"
            f"<meta property=\"article:published_time\" content=\"{when.isoformat()}\"></head>\n"
            f"<body><article><h1>{html.escape(title)}</h1>\n{paragraphs}</article></body></html>\n").encode("utf-8")


def _warc_record(uri: str, page: bytes) -> bytes:
    """One WARC/1.0 response record holding an HTTP 200 answer with ``page``, gzipped on its own."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)
    record_id = uuid.UUID(hashlib.sha256(uri.encode()).hexdigest()[:32])
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)


def generate(out_dir: Path, articles: int, treaty_share: float, seed: int, force: bool = False,
             warc_shards: int = 0) -> dict[str, object]:
    """Write the corpus and its manifest; return the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = sorted(out_dir.glob("*.txt")) + sorted(out_dir.glob("shard-*.warc.gz"))
    if existing:
        if not force:
            raise SystemExit(f"gen_corpus: {out_dir} already holds {len(existing)} *.txt files; "
                             "use an empty directory or pass --force to replace them")
        for p in existing:
            p.unlink()
    (out_dir / MANIFEST).unlink(missing_ok=True)

    n_treaty = round(articles * treaty_share)
    master = random.Random(seed)
    treaty_idx = set(master.sample(range(articles), n_treaty))
    width = max(3, len(str(articles - 1)))
    labels: dict[str, dict[str, str]] = {}
    words = 0
    shards = [(out_dir / f"shard-{k:03d}.warc.gz").open("wb") for k in range(warc_shards)]
    for i in range(articles):
        rng = random.Random(f"treatywatch-bench:{seed}:{i}")
        if i in treaty_idx:
            (title, source, published, body), label = treaty_article(rng)
        else:
            (title, source, published, body), label = ordinary_article(rng), None
        text = f"{title}\n{source}\n{published}\n\n{body}\n"
        name = f"{i:0{width}d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
        if shards:
            page = _html_page(title, source, published, body)
            shards[i % warc_shards].write(_warc_record(f"https://news.example.org/{name[:-4]}", page))
        else:
            (out_dir / name).write_text(text, encoding="utf-8")
        words += len(body.split())
        if label:
            labels[name[:-4]] = label
    for handle in shards:
        handle.close()
    manifest = {
        "format": FORMAT_VERSION,
        "warc_shards": warc_shards,
        "generator": generator_hash(),
        "articles": articles,
        "treaty_share": treaty_share,
        "seed": seed,
        "treaty_articles": len(labels),
        "body_words": words,
        "treaty_labels": labels,
    }
    tmp = out_dir / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(out_dir / MANIFEST)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="directory to write the *.txt files into")
    parser.add_argument("--articles", type=int, default=20000, help="number of articles (default 20000)")
    parser.add_argument("--treaty-share", type=float, default=0.01,
                        help="share of articles about treaty actions, 0..1 (default 0.01)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="replace *.txt files already in OUT_DIR")
    parser.add_argument("--warc-shards", type=int, default=0, metavar="N",
                        help="write HTML pages in N WARC.gz files instead of *.txt files")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if not 0.0 <= args.treaty_share <= 1.0:
        parser.error("--treaty-share must be between 0 and 1")
    start = time.perf_counter()
    m = generate(args.out_dir, args.articles, args.treaty_share, args.seed, args.force, args.warc_shards)
    print(f"wrote {m['articles']} articles ({m['treaty_articles']} about treaty actions, "
          f"{m['body_words']:,} body words) to {args.out_dir} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
