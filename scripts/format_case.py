#!/usr/bin/env python3
"""Pretty-print case files in the house style: one line per element.

    scripts/format_case.py FILE.json...          rewrite the files in place
    scripts/format_case.py --check FILE.json...  exit 1 if any is not formatted

Top-level scalars and each element of a top-level list get a line of their
own, so that diffs of hand-edited households stay readable.
"""
import json
import sys


def dumps_case(case: dict) -> str:
    lines = ["{"]
    items = list(case.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i + 1 < len(items) else ""
        if isinstance(value, list) and value:
            lines.append(f"  {json.dumps(key)}: [")
            for j, element in enumerate(value):
                inner = "," if j + 1 < len(value) else ""
                lines.append("    " + json.dumps(element, ensure_ascii=False) + inner)
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if a != "--check"]
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        formatted = dumps_case(json.loads(text))
        if check:
            if formatted != text:
                print(f"{path}: not formatted (run scripts/format_case.py {path})")
                bad += 1
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(formatted)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
