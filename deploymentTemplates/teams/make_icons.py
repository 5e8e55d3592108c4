#!/usr/bin/env python3
"""Draws the Teams app icons (an open book) into color.png (192x192) and outline.png (32x32).

Run once after changing the drawing: python3 make_icons.py. Needs only the standard library: the shapes are
sampled 8x8 times per pixel for smooth edges and written as RGBA PNGs with zlib.
"""
import math
import os
import struct
import zlib

BACKGROUND = (0x2F, 0x5D, 0x8A)  # the manifest's accentColor
COVER = (0xF2, 0xB8, 0x4B)
PAGE = (0xFF, 0xFF, 0xFF)
INK = (0x9F, 0xB6, 0xCE)
SAMPLES = 8


def page_edges(u):
    """Top and bottom of a page at u (0 at the spine, 1 at the outer edge), in a 192-unit square."""
    lift = 14 * u ** 0.7
    return 62 - lift, 146 - lift


class Style:
    """How much detail a size can carry: the 32-pixel icon needs a wider spine and fewer, thicker lines."""

    def __init__(self, spine, lines, line_half_width):
        self.spine = spine
        self.lines = lines
        self.line_half_width = line_half_width


DETAILED = Style(spine=2.5, lines=(0.2, 0.34, 0.48, 0.62, 0.76), line_half_width=2.2)
SIMPLE = Style(spine=6, lines=(0.3, 0.5, 0.7), line_half_width=5.5)


def book(x, y, style):
    """What the book shows at (x, y) of the 192-unit square: 'page', 'ink', 'cover' or None."""
    side = x - 96
    if abs(side) < style.spine:
        u = None
    else:
        u = (abs(side) - style.spine) / 58
    if u is not None and u <= 1:
        top, bottom = page_edges(u)
        if top <= y <= bottom:
            # Lines of text follow the page's curve, with margins at the spine and the outer edge.
            if 0.12 <= u <= 0.86:
                t = (y - top) / (bottom - top)
                for line in style.lines:
                    last = line == style.lines[-1]
                    if abs(t - line) * (bottom - top) < style.line_half_width and not (last and u > 0.55):
                        return 'ink'
            return 'page'
    # The cover shows as a band under the pages, a little wider than them.
    cu = abs(side) / 64
    if cu <= 1:
        _, bottom = page_edges(min(1.0, max(0.0, (abs(side) - style.spine) / 58)))
        if bottom < y <= bottom + 9 - 3 * cu:
            return 'cover'
    return None


def render(size, style, paint):
    """Averages paint(part) over SAMPLES x SAMPLES points of every pixel; paint gives (r, g, b, a) floats."""
    scale = 192 / size
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) * scale
                    y = (py + (sy + 0.5) / SAMPLES) * scale
                    r, g, b, a = paint(book(x, y, style))
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes((0, 0, 0, 0))
            else:
                row += bytes(round(c / acc[3]) for c in acc[:3]) + bytes((round(alpha * 255),))
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)

    raw = b''.join(b'\x00' + row for row in rows)  # filter type 0 (None) on every row
    ihdr = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def color_paint(part):
    colour = {'page': PAGE, 'ink': INK, 'cover': COVER}.get(part, BACKGROUND)
    return (*colour, 1.0)


def outline_paint(part):
    # White on transparent, as Teams asks: the pages and the cover are white, the lines of text are cut out.
    return (255, 255, 255, 1.0 if part in ('page', 'cover') else 0.0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, 'color.png'), 192, render(192, DETAILED, color_paint))
    write_png(os.path.join(here, 'outline.png'), 32, render(32, SIMPLE, outline_paint))


if __name__ == '__main__':
    main()
