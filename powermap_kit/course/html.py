"""The HTML of the course: answer results and the exercise widgets' parts, as jinja2 macros.

One template with autoescaping: every text passed in is escaped (our own `code` spans
become ``<code>`` through :func:`inline`), so learner and case text always shows as typed.
Widgets call :func:`render` with a macro name instead of building HTML themselves.

>>> render("prompt", "<b>Asks for references</b>")
'<div class="pmk-prompt" style="font-size:1.15em;padding:8px 12px;margin:4px 0;background:rgba(127,127,127,0.1);border-radius:4px">&lt;b&gt;Asks for references&lt;/b&gt;</div>'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["inline", "render"]

_MACROS = """\
{% macro result(status, colour, mark, heading, lines, look) -%}
<div class="pmk-feedback pmk-result-{{ status }}" style="border-left:4px solid {{ colour }};\
padding:4px 10px;margin:6px 0">\
<div style="font-weight:bold"><span style="color:{{ colour }}">{{ mark }}</span> {{ heading | inline }}</div>\
{% if lines %}<ul style="margin:4px 0;padding-left:1.2em;line-height:1.5;list-style:none">\
{% for m, text in lines %}<li>{{ m }} {{ text | inline }}</li>{% endfor %}</ul>{% endif %}\
{% if look %}<div style="font-style:italic;margin-top:4px">{{ look | inline }}</div>{% endif %}</div>
{%- endmacro %}
{% macro title(text) %}<b>{{ text }}</b>{% endmacro %}
{% macro inline_text(text) %}<span>{{ text | inline }}</span>{% endmacro %}
{% macro note(text, style="color:#666") %}<span style="{{ style }}">{{ text }}</span>{% endmacro %}
{% macro prompt(text) -%}
<div class="pmk-prompt" style="font-size:1.15em;padding:8px 12px;margin:4px 0;\
background:rgba(127,127,127,0.1);border-radius:4px">{{ text }}</div>
{%- endmacro %}
{% macro sheet(heading, choices, prompts) -%}
<div><b>{{ heading }}</b><br><i>{{ choices | join(" · ") }}</i>\
<ol>{% for p in prompts %}<li>{{ p }}</li>{% endfor %}</ol></div>
{%- endmacro %}
{% macro ratings(heading, rows, result) -%}
<b>{{ heading }}</b><table>{% for label, value, meaning in rows %}\
<tr><td>{{ label }}</td><td>{{ "" if value is none else value }}</td><td>{{ meaning }}</td></tr>{% endfor %}\
</table>{{ level(result) }}
{%- endmacro %}
{% macro level(result) %}<div class="pmk-support-level">{{ result | safe }}</div>{% endmacro %}
"""


def inline(text: Any) -> Any:
    """Escape learner and case text for HTML; our own `code` spans become ``<code>``.

    The one escaping helper of the course.

    >>> str(inline("<b>x</b> try `['a', 'b']`"))
    '&lt;b&gt;x&lt;/b&gt; try <code>[&#39;a&#39;, &#39;b&#39;]</code>'
    """
    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(str(text)))))


@lru_cache(maxsize=1)
def _macros() -> Any:
    import jinja2

    env = jinja2.Environment(autoescape=True)
    env.filters["inline"] = inline
    return env.from_string(_MACROS).module


def render(macro: str, *args: Any, **kwargs: Any) -> str:
    """HTML of one macro (``result``, ``title``, ``note``, ``prompt``, ``sheet``, ``ratings``, ``level``).

    ``level`` and ``ratings`` take a result's HTML (already escaped) as it is.
    """
    return str(getattr(_macros(), macro)(*args, **kwargs))
