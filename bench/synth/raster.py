"""Turn a generated PDF page into a scan-like image: grey paper, a slight skew, blur, sensor
noise and JPEG artefacts. Deterministic for a given `random.Random` and library versions."""

from __future__ import annotations

import io
import random
from typing import Literal

import numpy as np
import pymupdf
from PIL import Image, ImageFilter


def scan(pdf: bytes, rng: random.Random, *, fmt: Literal["png", "jpg"], dpi: int = 200) -> bytes:
    """The first page as a noisy greyscale scan (what a flatbed or phone app makes of a receipt)."""
    with pymupdf.open("pdf", pdf) as document:
        pixmap = document[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        image = Image.frombytes("L", (pixmap.width, pixmap.height), pixmap.samples)
    noise = np.random.default_rng(rng.getrandbits(32))
    paper = rng.randint(200, 238)
    ink = rng.randint(20, 70)
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels = ink + pixels * (paper - ink)  # grey paper, faded thermal ink
    fade = np.linspace(1.0, rng.uniform(0.9, 1.05), pixels.shape[0], dtype=np.float32)[:, None]
    pixels = pixels * fade
    pixels += noise.normal(0, rng.uniform(3, 9), pixels.shape).astype(np.float32)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    angle = rng.uniform(0.4, 2.0) * rng.choice((-1, 1))
    image = image.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=paper - 25
    )
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    out = io.BytesIO()
    if fmt == "jpg":
        image.save(out, format="JPEG", quality=rng.randint(45, 80))
    else:
        image.save(out, format="PNG", optimize=False)
    return out.getvalue()
