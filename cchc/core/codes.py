"""The catalogue of problem codes: every code cchc reports, its usual severity, what it means and
what to do. The README's table is generated from it (``python -m cchc.core.codes``) and a test keeps
both complete: a code used in the source but missing here fails the suite."""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    severity: str  # "error" or "warning": how the code is usually reported
    meaning: str  # English, for the developer docs
    fix: str


def _e(meaning: str, fix: str) -> Code:
    return Code("error", meaning, fix)


def _w(meaning: str, fix: str) -> Code:
    return Code("warning", meaning, fix)


CODES: dict[str, Code] = {
    # YAML
    "Y001": _e("YAML syntax error, or nesting deeper than 100 levels", "fix the indentation, ':' or brackets at the line shown"),
    "Y002": _e("duplicate key in a mapping", "remove one of the two keys"),
    "Y003": _e("tab in indentation", "indent with spaces"),
    "Y004": _e("empty file", "write the data, or delete the file"),
    "Y005": _e("unreadable file: missing, a folder, too large, not UTF-8 (UTF-16, Windows-1258, a NUL byte) — exit 2", "save the file as UTF-8 text"),
    "Y006": _e("YAML aliases expand too far (billion laughs)", "write the data out instead of aliasing it"),
    "Y007": _e("unsupported YAML tag (Python objects …)", "keep to plain strings, numbers, lists and mappings"),
    # schema
    "S101": _e("missing required field, or no/unknown top-level `kind`", "add the field"),
    "S102": _e("wrong type (text where a number is needed …)", "write the value in the type named"),
    "S103": _e("unknown field (closest name suggested)", "fix the spelling or remove the field"),
    "S104": _e("bad value (not one of the allowed words, out of range, wrong pattern, impossible date)", "use a value the message lists"),
    # plans
    "P201": _e("duplicate id (item or plan)", "give each item its own id"),
    "P202": _e("unknown agency (closest registry names suggested; diacritics count)", "fix the name or add it to agencies.yaml"),
    "P203": _e("unknown indicator", "use an id from `cchc indicators`"),
    "P204": _e("percentage outside 0–100, or a range target without a valid max", "fix the target"),
    "P205": _e("unreadable deadline", "reword it, or add a deadline_override"),
    "P206": _w("a date or target year outside the plan period (and before the plan's adoption)", "check the year"),
    "P207": _e("invalid deadline_override", "fix the override's fields"),
    "P208": _e("an activity refers to an annex the plan does not have", "fix the annex id"),
    "P209": _e("plan period starts after it ends", "write the period as FIRST-LAST"),
    "P210": _e("no agency registry for the plan", "put agencies.yaml beside the plan or name it with `registry:`"),
    "P211": _w("two different goals for the same indicator, year, level and agency: the stricter one counts (highest ≥, lowest ≤), never file order", "keep one, or give them different years/levels"),
    "P212": _w("an activity with no lead agency (it is in nobody's overdue list)", "add the lead if the document names one; otherwise the warning stands"),
    # agency registries
    "A301": _e("not an agency registry (`kind` is not agencies)", "name the registry file, or fix `kind`"),
    "A302": _e("duplicate agency or collective id", "give each entry its own id"),
    "A303": _e("one name (or alias) points to two agencies", "keep the name on one entry"),
    "A304": _e("reference to an unknown id (member_of, members, includes, successor)", "fix the id or add the entry"),
    "A305": _e("a successor chain that loops (a → b → a)", "fix one agency's successor"),
    "A306": _e("a collective that includes itself", "remove the loop in `includes`"),
    # methodologies
    "M401": _e("wrong structure of a methodology file", "follow docs/plan-format.md, 'Methodologies'"),
    "M402": _e("the criteria's points do not add up to the block's total", "fix the points or the total"),
    "M403": _e("unknown indicator (closest names suggested)", "use an id from `cchc indicators`"),
    "M404": _e("unknown scoring mode", "use a mode the message lists"),
    "M405": _e("the mode does not fit the indicator", "pick a mode for the indicator's direction and unit"),
    "M406": _e("bad tiers", "give every tier points not above the criterion's"),
    "M407": _e("bad bands (not decreasing, out of range)", "order the bands from the highest minimum down"),
    "M408": _e("duplicate block, area or criterion id", "give each its own id"),
    "M409": _e("unknown agency kind, or a kind claimed by two blocks", "fix the kinds"),
    "M410": _e("bad target or threshold", "fix the number"),
    "M411": _e("bad `missing`, `rank_by`, `nothing_to_measure` or `bands_in` setting", "use a value the message lists"),
    "M413": _w("unknown key, ignored", "fix the spelling or remove it"),
    "M414": _e("bad `not_applicable` (not a mapping, unknown kind, neither kinds nor agencies)", "give `kinds:` or `agencies:` lists"),
    "M415": _w("the methodology's `year` is not the year scored", "use that year's methodology, or check the year"),
    "M416": _e("bad deduction or bonus rule (`points_each` not above 0 or above `cap`, a number missing)", "give 0 < points_each ≤ cap"),
    "M417": _e("an appraisal criterion with `indicator`, `mode`, `threshold`, `target` or `tiers`", "remove the key: the council awards the points"),
    "M418": _w("an `appraisals` row names no appraisal criterion, deduction or bonus of the methodology", "fix the id, or check the methodology"),
    "M419": _e("bad composite criterion (no `parts`, a part's `weight` not within (0, max], weights short of `max`, a part that is no ratio, `indicator`/`mode`/`threshold`/`target`/`tiers` on a composite, `parts` elsewhere)", "give each part a ratio indicator and a weight; the weights must reach max"),
    # figures
    "F501": _e("not a figures file (shape, `kind`, a row that is not a mapping)", "follow docs/plan-format.md, 'Figures'"),
    "F502": _e("CSV/xlsx header not the contract, a row with the wrong number of fields, a broken CSV row", "use the header agency,indicator,numerator,denominator,value,period,source,note; quote decimal commas"),
    "F503": _e("unknown agency", "fix the name or add it to the registry"),
    "F504": _e("unknown indicator or input", "use an id from `cchc indicators`"),
    "F505": _e("not a number", "write a number (95,5 or 95.5)"),
    "F506": _e("a count that is negative or not whole", "write a whole count"),
    "F507": _e("numerator greater than denominator", "check the two counts"),
    "F508": _e("value out of range (120 %, negative minutes, a count of 16 digits or more)", "check the value"),
    "F509": _e("ambiguous fraction (0.955)", "write 95.5, or declare `fractions: true`"),
    "F510": _e("bad or missing period", "write 2024, 2024-Q1 or 2024-05"),
    "F511": _e("a row without agency, indicator or figures, or only half a ratio; a named file with no rows", "complete the row"),
    "F512": _e("figures that do not fit the indicator (a value that disagrees with its counts …)", "give counts or a value that agree"),
    "F513": _e("the same figure given twice", "keep one"),
    "F514": _e("a collective where one agency is needed", "name one agency"),
    "F516": _e("a period outside the file's year", "fix the period or the year"),
    "F517": _e("the file's province is not known, or not the registry's", "add `province:` or put the file under reports/<year>/<province>/"),
    "F518": _w("a folder with no figure files", "check the path"),
    "F519": _w("unknown key", "fix the spelling or remove it"),
    "F520": _e("a file type that is not YAML, CSV or xlsx", "save the figures as .yaml, .csv or .xlsx"),
    "F521": _e("a bad `appraisals` row (no agency or criterion, no points or count, a negative or non-number value)", "give agency, criterion and self_points/appraised_points or count"),
    # progress reports
    "R601": _e("not a progress file", "use .yaml, .csv or .xlsx"),
    "R602": _e("progress table header or row shape wrong, or a broken CSV row", "use the header plan,activity,occurrence,status,completed,evidence,link,agency,note"),
    "R603": _e("a progress row that does not fit the plans (unknown plan, activity, occurrence, status, agency; impossible date)", "fix the row as the message says"),
    # spreadsheets
    "X701": _e("not a valid .xlsx/.docx file (exit 2)", "save it again from Excel or Word"),
    "X702": _e("a file that unpacks to far more than its size (zip bomb) — exit 2", "do not open it; ask the sender"),
    "X703": _e("XML with a DTD or entities (XXE) — exit 2", "save it again from Excel or Word"),
    # import
    "I001": _e("import source missing, empty or damaged", "check the file"),
    "I002": _e("bad --period", "write 2024 or 2021-2025"),
    "I004": _e("title, period or province not found in the document", "give them with --title, --period, --province"),
    "I005": _e("the imported table has no activity (empty table, or no content column recognised); nothing written", "check the table's header row"),
    "I006": _e("the imported plan would fail `cchc validate`; nothing written (the errors are listed first)", "fix the source or the registry, or give --title/--period/--province"),
    # national portal snapshots (cchc portal)
    "G801": _e("not a portal table (no unit-name column, not valid JSON, a row without a name)", "export the table again from the portal"),
    "G802": _e("a score that is not a number from 0 to 100", "check the cell"),
    "G803": _w("a unit the registry does not know; kept as unmatched", "add the unit (or an alias) to agencies.yaml"),
    "G804": _e("the same unit twice in one table", "keep one row"),
    "G805": _e("an unusable snapshot file (wrong kind, date not the file name's, bad row)", "import the table again"),
    # collected forms (cchc collect)
    "B801": _e("not a cchc form, or an unknown form kind or version", "fill in a form made by `cchc form`"),
    "B802": _e("the form's province or agency is not in the loaded registries", "collect with the plans the form was made from"),
    "B803": _e("a fixed cell was changed, or a row was added", "make a new form, or undo the change"),
    "B804": _e("the form's rows no longer match the plans", "make a new form"),
    "B805": _e("a row with notes but no status, or a completion date on a row not marked done", "set the status"),
    "B806": _e("a completion date before the plan starts or after today", "fix the date"),
    "B807": _e("two forms for one agency and period in one run", "collect one of them"),
    "B808": _e("a newer report, or other values, already on disk", "check which is right; --replace takes the form's"),
    "B809": _w("the plan files changed since the form was made, but its rows still match", "nothing, unless the plan change matters"),
    "B810": _e("--replace cannot take out a row written over several lines, or in a CSV/xlsx file", "remove the old row by hand"),
    # general
    "E000": _e("a problem without a position (see the message)", "as the message says"),
    "E001": _w("more problems in a file than are shown (50 per file); an error when an error is among those not shown", "fix the first ones and run again"),
    "E002": _e("a named CSV/xlsx file that is neither a figures nor a progress table", "use one of the two headers"),
}


def markdown_table() -> str:
    """The README's table of problem codes."""
    lines = ["| code | severity | meaning | what to do |", "|---|---|---|---|"]
    lines += [f"| {code} | {c.severity} | {c.meaning} | {c.fix} |" for code, c in CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
