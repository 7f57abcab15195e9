"""The quarterly report put together: each section's figures for the quarter and the one before, its chart
and its sentence. The page and the CSV file are both made from `report_for`, so they always agree."""

from dataclasses import dataclass, field
from datetime import date

from committee_report import figures, sentences
from committee_report.chart import paired_chart
from committee_report.numbers import NOTE_1, Value, count, decimal, money, share
from committee_report.quarters import FinancialQuarter
from family_survey.questions import STATEMENTS
from portal.bar_chart import Chart
from supervision.dashboard import people_in_scope
from supervision.standards import Standard, current_standard
from training.reports_figures import percent


@dataclass(frozen=True)
class Row:
    figure: str
    current: Value
    previous: Value


@dataclass
class Section:
    key: str
    title: str
    sentence: str
    rows: list[Row]
    chart: Chart | None = None
    about: str = ""  # what the figures count, in a sentence

    @property
    def has_note_1(self) -> bool:
        return any(NOTE_1 in text for row in self.rows for text in (row.current.text, row.previous.text))


@dataclass
class Report:
    quarter: FinancialQuarter
    previous: FinancialQuarter
    standard: Standard
    sections: list[Section] = field(default_factory=list)

    @property
    def has_note_1(self) -> bool:
        return any(section.has_note_1 for section in self.sections)

    @property
    def standard_asks(self) -> str:
        """What the standard asks, for after its name: the standard's own sentence without the name it opens
        with (": sessions of at least 90 minutes; …")."""
        described, name = self.standard.describe(), self.standard.name
        return described.removeprefix(name) if described.startswith(name) else f". {described}"

    def csv_rows(self):
        """One row per figure: section, figure, this quarter, last quarter."""
        for section in self.sections:
            for row in section.rows:
                yield [section.title, row.figure, row.current.text, row.previous.text]


def _row(figure: str, values: dict, quarter, previous, make) -> Row:
    return Row(figure, make(values[quarter]), make(values[previous]))


def _supervision(report: Report, on_time: dict, times: dict) -> list[Section]:
    quarter, previous, standard = report.quarter, report.previous, report.standard

    def rate(figure):
        return share(figure.on_time, figure.people)

    rows = [
        _row("People with a supervision agreement in force", on_time, quarter, previous, lambda f: count(f.people)),
        _row("People whose supervision was on time", on_time, quarter, previous, lambda f: count(f.on_time)),
        _row("Share on time", on_time, quarter, previous, rate),
    ]
    now, before = on_time[quarter], on_time[previous]
    on_time_section = Section(
        "on-time",
        "Supervision on time",
        sentences.on_time(rate(now), rate(before), count(now.people), count(now.on_time)),
        rows,
        paired_chart(
            "on-time-chart",
            "the share of people whose supervision was on time",
            [("On time", rows[2].current, rows[2].previous)],
            quarter.short,
            previous.short,
        ),
        about=(
            "People with a supervision agreement in force at some time in the quarter, counted as on time when "
            f"no session was overdue on any day of it by the {standard.name}."
        ),
    )

    def reflective(figure):
        return share(figure.reflective_minutes, figure.balanced_minutes, behind=(figure.balanced,))

    def short(figure):
        return share(figure.short, figure.timed)

    minimum = standard.minimum_minutes
    rows = [
        _row("Sessions held", times, quarter, previous, lambda f: count(f.held)),
        _row("Sessions with their length recorded", times, quarter, previous, lambda f: count(f.timed)),
        _row("Sessions with the split of their time recorded", times, quarter, previous, lambda f: count(f.balanced)),
        _row("Share of recorded time spent on support and development", times, quarter, previous, reflective),
        _row(f"Sessions shorter than {minimum} minutes", times, quarter, previous, lambda f: count(f.short)),
        _row(f"Share of sessions shorter than {minimum} minutes", times, quarter, previous, short),
    ]
    now, before = times[quarter], times[previous]
    reflective_section = Section(
        "reflective",
        "Reflective supervision and session length",
        sentences.reflective(
            count(now.timed),
            count(now.short),
            count(now.balanced),
            reflective(now),
            reflective(before),
            short(now),
            short(before),
            minimum,
        ),
        rows,
        paired_chart(
            "reflective-chart",
            "the reflective share of supervision time and the share of short sessions",
            [
                ("Support and development", rows[3].current, rows[3].previous),
                (f"Under {minimum} minutes", rows[5].current, rows[5].previous),
            ],
            quarter.short,
            previous.short,
        ),
        about=(
            "The reflective share is the time spent on support and professional development (two of the four "
            "functions of supervision) out of the minutes of the sessions whose split of time was recorded. "
            f"A session is short when it lasted less than the {minimum} minutes the standard asks for."
        ),
    )
    return [on_time_section, reflective_section]


def _caseloads(report: Report, loads: dict) -> Section:
    quarter, previous = report.quarter, report.previous

    def average(figure):
        return decimal(figure.average, behind=figure.people)

    def spread(figure):
        low = decimal(figure.lowest, behind=figure.people)
        high = decimal(figure.highest, behind=figure.people)
        return Value(f"{low.text} to {high.text}", figure.highest) if low.shown else low

    now = loads[quarter]
    return Section(
        "caseloads",
        "Caseloads",
        sentences.caseloads(
            count(now.people),
            average(now),
            average(loads[previous]),
            decimal(now.lowest, behind=now.people),
            decimal(now.highest, behind=now.people),
        ),
        [
            _row("People with a caseload recorded", loads, quarter, previous, lambda f: count(f.people)),
            _row("Average caseload (children)", loads, quarter, previous, average),
            _row("Smallest to largest caseload (children)", loads, quarter, previous, spread),
        ],
        about="Each person counts once, with the last caseload recorded at their supervision in the quarter.",
    )


def _training(report: Report, found: dict) -> list[Section]:
    quarter, previous = report.quarter, report.previous
    now, before = found[quarter], found[previous]

    def target_share(target):
        return share(target.share.trained, target.share.population)

    def met(training):
        shares = [target_share(target) for target in training.targets]
        return sum(
            1
            for target, shown in zip(training.targets, shares, strict=True)
            if shown.shown and shown.number >= target.target_percent
        ), sum(1 for shown in shares if not shown.shown)

    rows, chart_figures = [], []
    for target_now, target_before in zip(now.targets, before.targets, strict=True):
        row = Row(
            f"{target_now.name} (target {target_now.target_percent}%)",
            target_share(target_now),
            target_share(target_before),
        )
        rows.append(row)
        chart_figures.append((target_now.name, row.current, row.previous))
    met_now, not_given = met(now)
    met_before, _ = met(before)
    rows.append(Row("Targets met", Value(str(met_now), met_now), Value(str(met_before), met_before)))
    coverage = Section(
        "coverage",
        "Training coverage against targets",
        sentences.coverage(len(now.targets), rows[-1].current, rows[-1].previous, not_given),
        rows,
        paired_chart(
            "coverage-chart",
            "the share of people trained against each target",
            chart_figures,
            quarter.short,
            previous.short,
        )
        if chart_figures
        else None,
        about="The share of the people each target applies to who were trained to its level on the quarter's last "
        "day, counted as the training coverage page counts them.",
    )
    lapsed_rows = [
        Row(course_now.title, count(course_now.lapsed), count(course_before.lapsed))
        for course_now, course_before in zip(now.lapsed, before.lapsed, strict=True)
    ]
    total = Row("All required training", count(now.lapsed_total), count(before.lapsed_total))
    lapsed = Section(
        "lapsed",
        "Lapsed required training",
        sentences.lapsed(total.current, total.previous, len(now.lapsed)),
        [*lapsed_rows, total] if lapsed_rows else [],
        about="People whose training in a course required for their role had run out by the quarter's last day.",
    )
    return [coverage, lapsed]


def _spend(report: Report, found: dict) -> Section:
    quarter, previous = report.quarter, report.previous

    def used(figure):
        if not figure.budget:
            return Value("no budget recorded", None)
        shown = percent(int(figure.year_to_date * 100), int(figure.budget * 100))
        return Value(f"{shown}%", shown)

    now = found[quarter]
    return Section(
        "spend",
        "Training spend against budget",
        sentences.spend(
            money(now.in_quarter),
            money(found[previous].in_quarter),
            money(now.year_to_date),
            money(now.budget),
            used(now),
            now.year_label,
        ),
        [
            _row("Spent in the quarter", found, quarter, previous, lambda f: money(f.in_quarter)),
            _row(
                "Spent in the financial year to the quarter's end",
                found,
                quarter,
                previous,
                lambda f: money(f.year_to_date),
            ),
            _row("Budget for the financial year", found, quarter, previous, lambda f: money(f.budget)),
            _row("Share of the year's budget spent", found, quarter, previous, used),
        ],
        about="Financial years run from April to March; each quarter is set against its own year's budget.",
    )


def _families(report: Report, found: dict) -> Section:
    quarter, previous = report.quarter, report.previous
    now, before = found[quarter], found[previous]

    def answered(figures):
        return count(figures.responses)

    def agreed(figure):
        return Value(f"{figure.percent_agreed}%", figure.percent_agreed) if figure.shown else Value(figure.why_hidden)

    def average(figure):
        return Value(f"{figure.average}", figure.average) if figure.shown else Value(figure.why_hidden)

    rows = [Row("Families who answered", answered(now), answered(before))]
    chart_figures, shown = [], []
    for statement in STATEMENTS:
        figure_now, figure_before = now.statements[statement.key], before.statements[statement.key]
        row = Row(f"“{statement.short}”: share who agreed", agreed(figure_now), agreed(figure_before))
        rows.append(row)
        rows.append(Row(f"“{statement.short}”: average score (1 to 5)", average(figure_now), average(figure_before)))
        chart_figures.append((statement.short, row.current, row.previous))
        if row.current.shown:
            shown.append((statement.short, row.current))
    most = max(shown, key=lambda item: item[1].number) if shown else None
    least = min(shown, key=lambda item: item[1].number) if shown else None
    return Section(
        "families",
        "Families’ feedback",
        sentences.families(answered(now), answered(before), most, least),
        rows,
        paired_chart(
            "families-chart",
            "the share of families who agreed with each statement",
            chart_figures,
            quarter.short,
            previous.short,
        )
        if now.responses or before.responses
        else None,
        about="Families score six statements about their social worker from strongly disagree (1) to strongly "
        "agree (5); “agreed” counts agree and strongly agree. A figure with fewer than 5 answers behind it is "
        "not shown.",
    )


def report_for(user, quarter: FinancialQuarter, today: date) -> Report:
    """Every section of the report on `quarter`, with the quarter before beside it, for `user`'s service."""
    previous = quarter.previous()
    quarters = [previous, quarter]
    report = Report(quarter, previous, current_standard())
    people = people_in_scope(user)
    report.sections = [
        *_supervision(
            report,
            figures.on_time(people, quarters, report.standard, today),
            figures.session_time(people, quarters, report.standard, today),
        ),
        _caseloads(report, figures.caseloads(people, quarters, today)),
        *_training(report, figures.training(user, quarters)),
        _spend(report, figures.spend(user, quarters)),
        _families(report, figures.families(user, quarters)),
    ]
    return report
