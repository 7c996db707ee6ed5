"""Text a user may type into the plan that must be stored and shown as typed and do no harm:
SQL, markup, spreadsheet formulas, control characters, line and direction marks, length."""

HOSTILE = [
    "'); DROP TABLE plan_records; --",
    "\" OR 1=1; DELETE FROM plan_events WHERE '1'='1",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "**bold** _it_ [link](javascript:alert(1)) <!-- --> | table | `code`",
    '=HYPERLINK("http://evil.example","click")',
    "+1-2",
    "-3",
    "@SUM(A1)",
    "'quoted",
    "\tTab first",
    "ctrl \x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f end",
    "lines\r\nand\rreturns\nand\u2028separators",
    "right-to-left \u202e override, zero\u200bwidth, emoji 🇳🇱, Ünïcödé, 漢字",
    "trailing spaces   ",
    "x" * 5000,
]
