"""One plain-English sentence for each section of the report, written from its figures.

Each sentence says this quarter's figure and how it compares with the quarter before ("up from 74% last
quarter", "down from", "the same as last quarter"). The figures come as `numbers.Value`s, so a small count
reads "fewer than 5" and a held-back percentage is never given, here as on the page.
"""

from committee_report.numbers import FEWER_THAN_5, Value


def compared(now: Value, before: Value) -> str:
    """How this quarter's figure compares with last quarter's, as the end of a sentence."""
    if now.shown and before.shown:
        if now.number > before.number:
            return f"up from {before.text} last quarter"
        if now.number < before.number:
            return f"down from {before.text} last quarter"
        return "the same as last quarter"
    if before.text == FEWER_THAN_5 or before.shown:
        return f"against {before.text} last quarter"
    return "with no figure to compare from last quarter"


def on_time(rate: Value, rate_before: Value, people: Value, on_time_people: Value) -> str:
    if people.number == 0:
        return "Nobody had a supervision agreement in force in the quarter."
    if not people.shown:
        return "Fewer than 5 people had a supervision agreement in force, so no share is given."
    if not rate.shown:
        return (
            f"Supervision was on time for {on_time_people.text} of the {people.text} people with an agreement, "
            f"so no share is given ({compared(rate, rate_before)})."
        )
    return f"Supervision was on time for {rate.text} of people, {compared(rate, rate_before)}."


def reflective(
    timed: Value,
    short: Value,
    balanced: Value,
    reflective_share: Value,
    reflective_before: Value,
    short_share: Value,
    short_before: Value,
    minimum_minutes: int,
) -> str:
    if timed.number == 0:
        return "No sessions had their length recorded in the quarter."
    if balanced.number == 0:
        reflection = "No sessions had the split of their time recorded"
    elif not reflective_share.shown:
        reflection = "Too few sessions had the split of their time recorded to give the reflective share"
    else:
        reflection = (
            f"Support and development took {reflective_share.text} of recorded supervision time, "
            f"{compared(reflective_share, reflective_before)}"
        )
    if not timed.shown:
        length = "fewer than 5 sessions had their length recorded, too few to give the share that were short"
    elif not short_share.shown:
        length = (
            f"{short.text} of the {timed.text} sessions with their length recorded were shorter than "
            f"{minimum_minutes} minutes"
        )
    else:
        length = (
            f"{short_share.text} of sessions with their length recorded were shorter than {minimum_minutes} minutes, "
            f"{compared(short_share, short_before)}"
        )
    return f"{reflection}, and {length}."


def caseloads(people: Value, average: Value, average_before: Value, lowest: Value, highest: Value) -> str:
    if people.number == 0:
        return "No caseloads were recorded in the quarter."
    if not average.shown:
        return "Fewer than 5 people had a caseload recorded, so no average is given."
    return (
        f"The average caseload was {average.text} children (from {lowest.text} to {highest.text}), "
        f"{compared(average, average_before)}."
    )


def coverage(targets: int, met: Value, met_before: Value, not_given: int) -> str:
    if targets == 0:
        return "No training coverage targets are set."
    reported = targets - not_given
    if reported == 0:
        return f"Each of the {targets} coverage targets counts fewer than 5 people, so none is reported."
    noun = "target" if reported == 1 else "targets"
    sentence = (
        f"{met.text} of {reported} coverage {noun} with enough people to report "
        f"{'was' if met.number == 1 else 'were'} met at the end of the quarter, {compared(met, met_before)}"
    )
    if not_given:
        sentence += f"; {not_given} more {'counts' if not_given == 1 else 'count'} fewer than 5 people"
    return sentence + "."


def lapsed(total: Value, total_before: Value, courses: int) -> str:
    if courses == 0:
        return "No training is required for any role, so none can lapse."
    if total.number == 0:
        return f"No required training had lapsed at the end of the quarter, {compared(total, total_before)}."
    return (
        f"Required training had lapsed in {total.text} cases at the end of the quarter, "
        f"{compared(total, total_before)}."
    )


def spend(
    in_quarter: Value, in_quarter_before: Value, year_to_date: Value, budget: Value, used: Value, year: str
) -> str:
    quarter = f"{in_quarter.text} was spent on training in the quarter, {compared(in_quarter, in_quarter_before)}"
    if not budget.shown:
        return f"{quarter[0].upper()}{quarter[1:]}; no training budget is recorded for {year}."
    return (
        f"{quarter[0].upper()}{quarter[1:]}, making {year_to_date.text} of the {budget.text} budget for {year} "
        f"({used.text}) by the end of the quarter."
    )


def families(
    answered: Value, answered_before: Value, most: tuple[str, Value] | None, least: tuple[str, Value] | None
) -> str:
    if answered.number == 0:
        return "No families’ feedback was received in the quarter."
    if not answered.shown:
        return "Fewer than 5 families answered in the quarter, so their figures are not shown."
    sentence = f"{answered.text} families answered, {compared(answered, answered_before)}"
    if most and least:
        if most[1].number == least[1].number:
            sentence += f"; {most[1].text} agreed with each statement"
        else:
            sentence += (
                f"; the most agreed statement was “{most[0]}” ({most[1].text}) "
                f"and the least “{least[0]}” ({least[1].text})"
            )
    return sentence + "."
