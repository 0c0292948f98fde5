"""Draws Tasklane's icons (the brand mark: an indigo-to-teal rounded square with three white lanes) as PNG
files and a favicon.ico, with the standard library only. Run once; the outputs are committed:
  python3 scripts/make-icons.py
"""
import struct, zlib

A = (0x4F, 0x46, 0xE5)  # --accent
B = (0x22, 0xC1, 0xC3)


def pixel(x, y, n):
    u, v = (x + 0.5) / n, (y + 0.5) / n
    r = 0.22  # corner radius, as a share of the side
    cx = min(max(u, r), 1 - r)
    cy = min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    # Three lanes (board columns) of different heights.
    for left, bottom in ((0.22, 0.74), (0.43, 0.58), (0.64, 0.66)):
        if left <= u <= left + 0.14 and 0.24 <= v <= bottom:
            return (255, 255, 255, 255)
    t = (u + v) / 2
    return tuple(round(A[i] + (B[i] - A[i]) * t) for i in range(3)) + (255,)


def png(n):
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n))
    chunk = lambda tag, data: struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ico(sizes):
    images = [png(n) for n in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for n, data in zip(sizes, images):
        out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)


open("app/favicon.ico", "wb").write(ico([16, 32, 48]))
open("app/apple-icon.png", "wb").write(png(180))
open("public/icons/icon-192.png", "wb").write(png(192))
open("public/icons/icon-512.png", "wb").write(png(512))
