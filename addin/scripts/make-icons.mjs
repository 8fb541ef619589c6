// Draws the add-in's icons (a white ring and cell grid on a blue rounded square) at every
// size the manifest names, into public/assets/. Run once: `node scripts/make-icons.mjs`;
// the PNGs are committed so builds need nothing but Vite.
import { PNG } from "pngjs";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const sizes = [16, 32, 64, 80];
const out = fileURLToPath(new URL("../public/assets/", import.meta.url));
const blue = [0x1f, 0x4e, 0x99];

/** Coverage (0..1) of pixel (x, y) by the shape, sampled 4x4 for smooth edges. */
function coverage(size, x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const roundedSquare = (u, v) => {
  const r = 0.2, cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
};
const ring = (u, v) => {
  const d = Math.hypot(u - 0.5, v - 0.5);
  return d <= 0.33 && d >= 0.21;
};
const grid = (u, v) => {
  const inBox = u >= 0.36 && u <= 0.64 && v >= 0.36 && v <= 0.64;
  const line = Math.abs(u - 0.5) < 0.025 || Math.abs(v - 0.5) < 0.025;
  return inBox && line;
};

for (const size of sizes) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, roundedSquare);
      const fg = coverage(size, x, y, (u, v) => ring(u, v) || grid(u, v));
      const k = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) png.data[k + c] = Math.round(blue[c] * (1 - fg) + 255 * fg);
      png.data[k + 3] = Math.round(255 * bg);
    }
  writeFileSync(`${out}icon-${size}.png`, PNG.sync.write(png));
}
console.log(`icons: ${sizes.map((s) => `icon-${s}.png`).join(", ")}`);
