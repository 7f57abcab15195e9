"""Each person's training, summed up in the database for the coverage page.

The coverage page counts people: who is trained to a level, who is missing or has let lapse a required
course, who completed something this financial year. Working out every cell of the matrix in Python to
count them took most of a second for 2,000 people by 50 courses. Here one query works out, for each
person the viewer may see, the same statuses the matrix shows (`matrix_cells` says what each means)
and hands back a short summary per person: a few thousand rows, however many bookings there are
(`training_of`). The page itself asks for the counts alone (`training_counts`): the same statuses,
counted by target and team and by required course in the same query, a hundred rows or so.

The rules are the matrix's, written in SQL: the latest completion of each course counts; a course that
needs refreshing runs out `refresh_months` after the later of its own latest completion and the latest
refresher course of its programme (a refresher renews the others, not itself), a month on from the
31st being the month's last day, as `portal.dates.add_months` has it; a cell has something in it when
there is a completion or a live booking for a date still to come.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import repeat

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import QuerySet

from portal.models import Team
from training.matrix import Column
from training.matrix_cells import EXPIRING_DAYS, day_start
from training.models import LEVEL_RANK, LIVE, Booking, CourseDate, Level, financial_year_bounds, financial_year_of

User = get_user_model()


@dataclass(frozen=True)
class PersonTraining:
    pk: int
    team_id: int | None
    team_name: str
    roles: frozenset
    # The highest level the person is trained to now in each programme, {programme id: level rank}: a
    # course completed and not run out (completed, refreshed or expiring). It counts for lower levels too.
    levels: dict
    # Of the courses required for some role (whether or not for this person's):
    required_with_cell: frozenset  # a completion or an upcoming live booking: not missing
    expired: frozenset
    expiring: frozenset  # runs out within EXPIRING_DAYS
    completed_this_year: bool  # a latest completion dated in this financial year

    def trained_to(self, programme_id: int, rank: int) -> bool:
        return self.levels.get(programme_id, 0) >= rank


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "booking": quote(Booking._meta.db_table),
        "course_date": quote(CourseDate._meta.db_table),
        "team": quote(Team._meta.db_table),
        "roles": quote(User.groups.through._meta.db_table),
    }


def _state_sql(people_sql: str) -> str:
    """The common part: `scope` (the people), `pair` (each person's latest completion of each course,
    or none where there is only an upcoming live booking) and `state` (when each pair runs out)."""
    tables = _tables()
    booking, course_date = tables["booking"], tables["course_date"]
    return f"""
WITH scope (id, team_id) AS ({people_sql}),
course AS (
    SELECT * FROM unnest(%(ids)s::integer[], %(programmes)s::integer[], %(months)s::integer[],
                         %(refreshers)s::boolean[], %(ranks)s::integer[], %(required)s::boolean[])
        AS c(id, programme_id, refresh_months, is_refresher, level_rank, is_required)
),
pair AS (
    SELECT b.person_id, d.course_id,
           MAX(b.completed_on) FILTER (WHERE b.completed_on <= %(today)s) AS last_completed
    FROM {booking} b JOIN {course_date} d ON d.id = b.course_date_id
    WHERE b.person_id IN (SELECT id FROM scope) AND d.course_id = ANY(%(ids)s)
      -- Completions up to `today` only, so the counts for a past day (the committee report's quarters)
      -- leave out training done since.
      AND (b.completed_on <= %(today)s
           OR (d.starts_at >= %(day_start)s AND NOT d.is_cancelled AND b.status = ANY(%(live)s)))
    GROUP BY b.person_id, d.course_id
),
renewal AS (
    -- Read from the bookings rather than from `pair`: only the refresher courses' few rows, through the
    -- covering index, instead of a second pass over every pair.
    SELECT b.person_id, course.programme_id, MAX(b.completed_on) AS renewed
    FROM {booking} b JOIN {course_date} d ON d.id = b.course_date_id JOIN course ON course.id = d.course_id
    WHERE course.is_refresher AND b.completed_on <= %(today)s AND b.person_id IN (SELECT id FROM scope)
    GROUP BY b.person_id, course.programme_id
),
state AS (
    SELECT pair.person_id, pair.course_id, pair.last_completed, course.programme_id, course.level_rank,
           course.is_required,
           CASE WHEN pair.last_completed IS NOT NULL AND course.refresh_months IS NOT NULL THEN
               (GREATEST(pair.last_completed, CASE WHEN NOT course.is_refresher THEN renewal.renewed END)
                + make_interval(months => course.refresh_months))::date
           END AS runs_out
    FROM pair JOIN course ON course.id = pair.course_id
    LEFT JOIN renewal ON renewal.person_id = pair.person_id AND renewal.programme_id = course.programme_id
)"""  # noqa: S608 - the names are the models' own tables; every value is a parameter


def _sql(people_sql: str) -> str:
    tables = _tables()
    team, roles = tables["team"], tables["roles"]
    tail = f""",
summary AS (
    SELECT person_id,
           array_agg(programme_id * 10 + level_rank) FILTER (
               WHERE level_rank > 0 AND last_completed IS NOT NULL
                 AND (runs_out IS NULL OR runs_out >= %(today)s)) AS levels,
           array_agg(course_id) FILTER (WHERE is_required) AS required_with_cell,
           array_agg(course_id) FILTER (WHERE is_required AND runs_out < %(today)s) AS expired,
           array_agg(course_id) FILTER (
               WHERE is_required AND runs_out >= %(today)s AND runs_out <= %(soon)s) AS expiring,
           bool_or(last_completed BETWEEN %(year_starts)s AND %(year_ends)s) AS this_year
    FROM state GROUP BY person_id
)
SELECT scope.id, scope.team_id, team.name,
       ARRAY(SELECT r.group_id FROM {roles} r WHERE r.user_id = scope.id),
       summary.levels, summary.required_with_cell, summary.expired, summary.expiring, summary.this_year
FROM scope
LEFT JOIN {team} team ON team.id = scope.team_id
LEFT JOIN summary ON summary.person_id = scope.id
"""  # noqa: S608 - the names are the models' own tables; every value is a parameter
    return _state_sql(people_sql) + tail


def _params(people: QuerySet, columns: list[Column], today: date) -> tuple[str, dict]:
    """The people's own SQL, and the parameters of `_state_sql` by name."""
    people_sql, people_params = people.order_by().values_list("pk", "team_id").query.sql_with_params()
    # The scope's own placeholders are positional: give them names so they sit with the others.
    names = {f"scope_{n}": value for n, value in enumerate(people_params)}
    people_sql = people_sql.replace("%%", "%%%%") % tuple(f"%({name})s" for name in names)
    year_starts, year_ends = financial_year_bounds(financial_year_of(today))
    params = {
        **names,
        "ids": [column.pk for column in columns],
        "programmes": [column.programme_id for column in columns],
        "months": [column.refresh_months for column in columns],
        "refreshers": [column.level == Level.REFRESHER for column in columns],
        "ranks": [LEVEL_RANK.get(column.level, 0) for column in columns],
        "required": [bool(column.required_for) for column in columns],
        "day_start": day_start(today),
        "live": list(LIVE),
        "today": today,
        "soon": today + timedelta(days=EXPIRING_DAYS),
        "year_starts": year_starts,
        "year_ends": year_ends,
    }
    return people_sql, params


def training_of(people: QuerySet, columns: list[Column], today: date) -> list[PersonTraining]:
    """A summary of each person's training in `columns` (every course the viewer may see): one query."""
    people_sql, params = _params(people, columns, today)
    with connection.cursor() as cursor:
        cursor.execute(_sql(people_sql), params)
        rows = cursor.fetchall()
    return [
        PersonTraining(
            pk,
            team_id,
            team_name or "No team",
            frozenset(roles),
            _highest_levels(levels),
            frozenset(required_with_cell or ()),
            frozenset(expired or ()),
            frozenset(expiring or ()),
            bool(this_year),
        )
        for pk, team_id, team_name, roles, levels, required_with_cell, expired, expiring, this_year in rows
    ]


def _highest_levels(codes: list[int] | None) -> dict[int, int]:
    """{programme id: highest level rank} from the query's codes, programme id * 10 + level rank."""
    levels: dict[int, int] = {}
    for programme, rank in map(divmod, codes or (), repeat(10)):
        if rank > levels.get(programme, 0):
            levels[programme] = rank
    return levels


# --- The page's counts, worked out in the database ---------------------------------------------


@dataclass(frozen=True)
class TeamCount:
    """One team's people a target applies to, and how many of them are trained to its level."""

    team_id: int | None
    team_name: str
    population: int
    trained: int


@dataclass
class TrainingCounts:
    """What the coverage page counts, by the same rules as `training_of`'s summaries."""

    people: int = 0
    completed_this_year: int = 0
    # {target's place in the list given: [each team's figures]}
    targets: dict = field(default_factory=dict)
    # {required course id: (missing, expired, expiring)}
    gaps: dict = field(default_factory=dict)


# Counting in SQL rather than summing each person's summary in Python: thousands of summaries cost
# tens of milliseconds to build and count again for every target and course, and the database hands
# back a row per target and team instead of a row per person. One query, whatever the size.
def _counts_sql(people_sql: str) -> str:
    tables = _tables()
    team, roles = tables["team"], tables["roles"]
    tail = f""",
person AS (
    SELECT scope.id, scope.team_id, ARRAY(SELECT r.group_id FROM {roles} r WHERE r.user_id = scope.id) AS roles
    FROM scope
),
level AS (
    SELECT person_id, programme_id, MAX(level_rank) AS level_rank
    FROM state
    WHERE level_rank > 0 AND last_completed IS NOT NULL AND (runs_out IS NULL OR runs_out >= %(today)s)
    GROUP BY person_id, programme_id
),
target AS (
    SELECT * FROM unnest(%(target_programmes)s::integer[], %(target_ranks)s::integer[],
                         %(target_roles)s::integer[]) WITH ORDINALITY
        AS t(programme_id, level_rank, role_id, position)
),
requirement AS (
    SELECT * FROM unnest(%(required_courses)s::integer[], %(required_roles)s::integer[]) AS r(course_id, role_id)
),
required AS (
    SELECT DISTINCT requirement.course_id, person.id AS person_id
    FROM requirement JOIN person ON requirement.role_id = ANY(person.roles)
)
SELECT 'target', target.position::integer, person.team_id, team.name, COUNT(*),
       COUNT(*) FILTER (WHERE COALESCE(level.level_rank, 0) >= target.level_rank), 0
FROM target
JOIN person ON target.role_id IS NULL OR target.role_id = ANY(person.roles)
LEFT JOIN level ON level.person_id = person.id AND level.programme_id = target.programme_id
LEFT JOIN {team} team ON team.id = person.team_id
GROUP BY target.position, person.team_id, team.name
UNION ALL
SELECT 'gap', required.course_id, NULL, NULL,
       COUNT(*) FILTER (WHERE state.person_id IS NULL),
       COUNT(*) FILTER (WHERE state.runs_out < %(today)s),
       COUNT(*) FILTER (WHERE state.runs_out >= %(today)s AND state.runs_out <= %(soon)s)
FROM required
LEFT JOIN state ON state.person_id = required.person_id AND state.course_id = required.course_id
GROUP BY required.course_id
UNION ALL
SELECT 'people', NULL, NULL, NULL, (SELECT COUNT(*) FROM scope),
       (SELECT COUNT(DISTINCT person_id) FROM state
        WHERE last_completed BETWEEN %(year_starts)s AND %(year_ends)s), 0
"""  # noqa: S608 - the names are the models' own tables; every value is a parameter
    return _state_sql(people_sql) + tail


def training_counts(
    people: QuerySet, columns: list[Column], today: date, targets: list[tuple[int, int, int | None]]
) -> TrainingCounts:
    """The coverage page's counts for `people`: for each of `targets` (programme id, level rank, role id
    or None for everyone), the people it applies to in each team and how many are trained to that level
    now; for each required course, the people it is required for who are missing it, whose training in
    it has run out or runs out within EXPIRING_DAYS; everyone; and who completed a course this financial
    year. One query."""
    people_sql, params = _params(people, columns, today)
    requirements = [(column.pk, role) for column in columns for role in sorted(column.required_for)]
    params |= {
        "target_programmes": [programme for programme, _rank, _role in targets],
        "target_ranks": [rank for _programme, rank, _role in targets],
        "target_roles": [role for _programme, _rank, role in targets],
        "required_courses": [course for course, _role in requirements],
        "required_roles": [role for _course, role in requirements],
    }
    with connection.cursor() as cursor:
        cursor.execute(_counts_sql(people_sql), params)
        rows = cursor.fetchall()
    counts = TrainingCounts()
    for kind, key, team_id, team_name, first, second, third in rows:
        if kind == "target":
            counts.targets.setdefault(key, []).append(TeamCount(team_id, team_name or "No team", first, second))
        elif kind == "gap":
            counts.gaps[key] = (first, second, third)
        else:
            counts.people, counts.completed_this_year = first, second
    return counts
