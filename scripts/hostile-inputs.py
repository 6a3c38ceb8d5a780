#!/usr/bin/env python3
"""Writes the inputs BENCHMARKS.md measures re-import, import memory, nested
notes and PDF memory with, into the folder given (default: the current one).

  headings-<N>k.md   N thousand lines of `# h`: one section each, all of
                     one title (re-import matches sections by title)
  headings-8mib.md   `# h` lines up to 8 MiB (the import size cap)
  ordinary-<N>mb.md  the ordinary shape of a brief (a group label and two
                     topics, again and again) of N MB: PDF export
  deep-note.md       a brief whose prose section is `- ` x 12,500 (25 KB)
  deep-note-1mb.md   a prose section of `- ` x 500,000 (1 MB)

Usage: scripts/hostile-inputs.py [DIR]
"""

import os
import sys

CAP = 8 * 1024 * 1024


def write(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def headings(n):
    return "# h\n" * n


def ordinary(size):
    parts = ["# Big brief\n\n## Company Overview\n\n**Company Name:** Hanbit Freight\n\n"
             "## Likely topics\n\n"]
    total = len(parts[0])
    n = 0
    while total < size:
        line = (f"- **Group {n}:**\n  - Topic {n} alpha with some words\n"
                f"  - Topic {n} beta \uba74\uc811\n")
        parts.append(line)
        total += len(line.encode("utf-8"))
        n += 1
    return "".join(parts)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(folder, exist_ok=True)
    for k in (5, 10, 20, 40, 80):
        write(folder, f"headings-{k}k.md", headings(k * 1000))
    write(folder, "headings-8mib.md", headings(CAP // 4))
    for mb in (1, 4, 8):
        write(folder, f"ordinary-{mb}mb.md", ordinary(mb * 1000 * 1000))
    write(folder, "deep-note.md", "# Deep\n\n## Notes\n\n" + "- " * 12_500 + "x\n")
    write(folder, "deep-note-1mb.md", "# Deep\n\n## Notes\n\n" + "- " * 500_000 + "x\n")


if __name__ == "__main__":
    main()
