#!/usr/bin/env python3
"""Builds books.csv (the demo catalogue) from goodbooks-10k's books.csv.

Keeps the 400 most-rated books and only the fields the bot shows or ranks with. The tags column is AuthorBot's own
author-level genre annotation (author-genres.tsv), because goodbooks-10k's book_tags.csv is not available here.

Usage (from the repository root):  python3 Dialogs/Data/catalog/build-catalog.py [path/to/goodbooks-10k]
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "goodbooks-10k")
COUNT = 400

genres = {}
with open(os.path.join(HERE, "author-genres.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        author, tags = line.rstrip("\n").split("\t")
        genres[author] = tags

with open(os.path.join(SOURCE, "books.csv"), encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
rows.sort(key=lambda r: (-int(r["work_ratings_count"]), int(r["book_id"])))

with open(os.path.join(HERE, "books.csv"), "w", encoding="utf-8", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["id", "title", "authors", "year", "average_rating", "ratings_count", "image_url", "tags"])
    for r in rows[:COUNT]:
        year = r["original_publication_year"]
        out.writerow([
            r["book_id"],
            r["title"],
            r["authors"],
            str(int(float(year))) if year else "",
            r["average_rating"],
            r["work_ratings_count"],
            "" if "nophoto" in r["image_url"] else r["image_url"],
            genres.get(r["authors"].split(",")[0].strip(), ""),
        ])
