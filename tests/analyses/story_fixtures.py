"""Small news-like corpora with known stories (written for these tests; places and people invented)."""

from __future__ import annotations

import pandas as pd

# Three events, each reported by three outlets in their own words.
BRIDGE = [
    (
        "Daily Ledger",
        "2023-03-02",
        "Bridge collapses over Marlow River",
        "A section of the Halvorsen Bridge collapsed into the Marlow River early on Thursday, "
        "sending two delivery trucks into the water. Fire chief Dana Okafor said divers pulled "
        "both drivers out alive. Engineers had warned the city council in January that the "
        "steel girders were corroded. Mayor Luis Ferreira closed the remaining spans and said "
        "an inspection of every bridge in Marlow Falls would begin next week.",
    ),
    (
        "Evening Post",
        "2023-03-02",
        "Two drivers rescued after Halvorsen Bridge gives way",
        "Divers rescued two truck drivers after the Halvorsen Bridge gave way over the Marlow "
        "River on Thursday morning. Chief Dana Okafor of the fire department said the drivers "
        "were taken to hospital with minor injuries. Residents said the corroded girders had "
        "worried them for years. Mayor Luis Ferreira ordered inspections of every bridge in "
        "Marlow Falls.",
    ),
    (
        "Metro Wire",
        "2023-03-03",
        "Marlow Falls orders bridge inspections after collapse",
        "Marlow Falls will inspect all of its bridges after part of the Halvorsen Bridge "
        "collapsed into the Marlow River, Mayor Luis Ferreira said on Friday. A January report "
        "to the council had found corroded girders on the span. Fire chief Dana Okafor said "
        "divers saved both truck drivers.",
    ),
]

TRANSIT = [
    (
        "Daily Ledger",
        "2023-03-01",
        "Eastbrook council approves transit tax",
        "The Eastbrook city council voted 7 to 2 on Wednesday to approve a half-cent sales tax "
        "for buses and a new light rail line. Council member Priya Raman, who wrote the measure, "
        "said the tax would raise 40 million dollars a year. Opponents led by Gordon Blythe said "
        "shoppers would drive to neighbouring towns. Voters must still approve the tax in a "
        "referendum in November.",
    ),
    (
        "Evening Post",
        "2023-03-02",
        "Transit tax heads to Eastbrook voters",
        "Eastbrook voters will decide in November on a half-cent sales tax for light rail and "
        "buses after the council approved it late on Wednesday. Priya Raman said the measure "
        "would finally connect the east side to downtown. Gordon Blythe, who voted against it, "
        "called the sales tax a burden on families.",
    ),
    (
        "Metro Wire",
        "2023-03-01",
        "Council backs light rail tax in 7-2 vote",
        "A light rail line and more buses moved closer in Eastbrook as the council backed a "
        "sales tax in a 7-2 vote. Council member Priya Raman said the referendum in November "
        "would let voters have the final word. Gordon Blythe warned that the half-cent tax "
        "would hurt local shops.",
    ),
]

FIRE = [
    (
        "Daily Ledger",
        "2023-05-10",
        "Wildfire forces evacuations near Cedar Ridge",
        "A wildfire driven by strong winds burned 3,000 acres near Cedar Ridge on Wednesday and "
        "forced the evacuation of 800 homes. Forestry official Mara Lindqvist said crews had "
        "contained ten percent of the blaze. Smoke closed Highway 9 and schools in the valley.",
    ),
    (
        "Evening Post",
        "2023-05-10",
        "800 homes evacuated as fire spreads in Cedar Ridge hills",
        "Residents of 800 homes fled as a wildfire spread through the hills above Cedar Ridge. "
        "Mara Lindqvist of the forestry service said winds pushed the blaze across Highway 9 "
        "and that crews had contained a tenth of it. Valley schools were closed.",
    ),
    (
        "Metro Wire",
        "2023-05-11",
        "Crews battle Cedar Ridge blaze",
        "Firefighters battled a wildfire near Cedar Ridge for a second day as smoke kept Highway "
        "9 closed. Forestry spokeswoman Mara Lindqvist said evacuation orders for 800 homes "
        "remained and the blaze was ten percent contained.",
    ),
]

# The same kind of event in the same place, seven weeks later: only dates tell them apart.
SECOND_FIRE = [
    (
        "Daily Ledger",
        "2023-07-01",
        "New wildfire near Cedar Ridge",
        "A new wildfire burned near Cedar Ridge on Saturday. Forestry official Mara Lindqvist "
        "said crews had contained ten percent of the blaze. Smoke closed Highway 9 and homes "
        "in the valley were evacuated.",
    ),
    (
        "Evening Post",
        "2023-07-01",
        "Cedar Ridge evacuates homes as fire returns",
        "Residents fled homes as a wildfire returned to the hills above Cedar Ridge. Mara "
        "Lindqvist of the forestry service said winds pushed the blaze toward Highway 9 and "
        "crews had contained ten percent of it.",
    ),
]


def corpus_of(*events: list[tuple[str, str, str, str]], dates: bool = True) -> pd.DataFrame:
    """A raw table (load it with mediakit.load_corpus) and the true event of each row in ``event``."""
    rows = []
    for e, event in enumerate(events):
        for i, (outlet, date, title, text) in enumerate(event):
            rows.append(
                {
                    "doc_id": f"e{e}-{i}",
                    "outlet": outlet,
                    "date": date if dates else None,
                    "title": title,
                    "text": text,
                    "event": f"event-{e}",
                }
            )
    return pd.DataFrame(rows)
