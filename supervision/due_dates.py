"""`Agreement.next_due` as a SQL expression, so the dashboard can count, sort and page people by when
their next session is due without bringing everyone into Python.

The rules are `Agreement.interval_ends`'s, written once more for PostgreSQL; the tests compare the two
on every frequency and on the days where month arithmetic is awkward (31 January, 29 February).
"""

from django.db.models import DateField, Func

from supervision.models import ASYE_FORTNIGHTLY_UNTIL_MONTHS, ASYE_WEEKLY_UNTIL, Frequency


class NextDue(Func):
    """When the next session is due under an agreement with this `frequency` and `starts_on`, if the
    last session was on `since` (pass `starts_on` again for no sessions yet). NULL with no agreement.

    Written as one piece of SQL rather than nested Case and When expressions: Django would otherwise
    build and compile some forty expressions for every query that uses it. Each argument appears
    several times in the SQL, so pass columns or an outer query's columns, not a subquery, which
    PostgreSQL would run again for each appearance.
    """

    output_field = DateField()
    arity = 3

    def as_sql(self, compiler, connection, **extra_context):
        names = ("frequency", "starts_on", "since")
        compiled = dict(zip(names, map(compiler.compile, self.source_expressions), strict=True))
        sql, params = [], []

        def text(*pieces: str):
            sql.extend(pieces)

        def argument(name: str):
            argument_sql, argument_params = compiled[name]
            sql.append(f"({argument_sql})")
            params.extend(argument_params)

        def plus(name: str, *, days: int = 0, months: int = 0):
            # PostgreSQL moves a day that a shorter month lacks to that month's last day (31 January
            # + 1 month = 28 or 29 February), just as portal.dates.add_months does.
            text("CAST(")
            argument(name)
            text(f" + make_interval(months => {months}, days => {days}) AS date)")

        # The frequencies are the model's own choices and the numbers constants: nothing here comes
        # from a request.
        text("CASE ")
        argument("frequency")
        for frequency, days, months in (
            (Frequency.MONTHLY, 0, 1),
            (Frequency.WEEKLY, 7, 0),
            (Frequency.FORTNIGHTLY, 14, 0),
            (Frequency.SIX_WEEKLY, 42, 0),
        ):
            text(f" WHEN '{frequency}' THEN ")
            plus("since", days=days, months=months)
        text(f" WHEN '{Frequency.ASYE}' THEN CASE WHEN ")
        argument("since")
        text(" < ")
        plus("starts_on", days=ASYE_WEEKLY_UNTIL.days)
        text(" THEN ")
        plus("since", days=7)
        text(" WHEN ")
        argument("since")
        text(" < ")
        plus("starts_on", months=ASYE_FORTNIGHTLY_UNTIL_MONTHS)
        text(" THEN ")
        plus("since", days=14)
        text(" ELSE ")
        plus("since", months=1)
        text(" END END")
        return "".join(sql), params
