"""Environment colours: what the window's colour band and switcher swatch can show.

A colour is #RRGGBB or one of the 147 CSS (SVG 1.0) colour names, the names QColor and Qt
style sheets know (a test checks every one against QColor). Checked when a colour is entered.
"""

from __future__ import annotations

import re

CSS_COLOUR_NAMES = frozenset("""
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
    brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan
    darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen
    darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey
    darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite
    forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
    hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue
    lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon
    lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
    limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple
    mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue
    mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna
    silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato
    turquoise violet wheat white whitesmoke yellow yellowgreen
""".split())

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def colour_problem(text: str) -> str | None:
    """Why `text` is not a colour the window can show, or None when it is one."""

    if _HEX.match(text) or text.lower() in CSS_COLOUR_NAMES:
        return None
    return f"not a colour: {text!r}; a colour is #RRGGBB (e.g. #c62828) or a CSS colour name (e.g. teal)"
