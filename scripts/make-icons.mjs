// Draws LikeCast's app icons at build time, so no image file is kept in the repository:
// a white heart on the accent colour, as icon.svg and as PNGs for the web app manifest.
//   node scripts/make-icons.mjs OUT_FOLDER
// Writes icon.svg, icon-192.png, icon-512.png (rounded square) and icon-maskable-512.png (full bleed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const kBackground = [0xb8, 0x14, 0x4f];   // the light theme's accent (src/app/theme.cpp)
const kHeart = [0xff, 0xff, 0xff];
const kCornerRadius = 0.22;               // of the icon's width
const kHeartWidth = 0.56;                 // of the icon's width; the maskable icon's heart stays in its safe zone
const kSubsamples = 4;                    // per pixel side, for antialiased edges

// The classic parametric heart, x = 16 sin³t, y = 13 cos t - 5 cos 2t - 2 cos 3t - cos 4t, scaled and centred
// on a size x size icon with y pointing down.
function heartPolygon(size, points = 160) {
  const raw = [];
  for (let i = 0; i < points; i += 1) {
    const t = (2 * Math.PI * i) / points;
    raw.push([16 * Math.sin(t) ** 3, -(13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t))]);
  }
  const xs = raw.map((p) => p[0]);
  const ys = raw.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (kHeartWidth * size) / (maxX - minX);
  const offsetX = size / 2 - ((minX + maxX) / 2) * scale;
  const offsetY = size / 2 - ((minY + maxY) / 2) * scale;
  return raw.map(([x, y]) => [x * scale + offsetX, y * scale + offsetY]);
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return x >= 0 && y >= 0 && x <= size && y <= size && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// The x positions where a horizontal line at y crosses the polygon, sorted: inside between pairs.
function crossings(polygon, y) {
  const xs = [];
  for (let i = 0; i < polygon.length; i += 1) {
    const [x1, y1] = polygon[i];
    const [x2, y2] = polygon[(i + 1) % polygon.length];
    if ((y1 <= y) !== (y2 <= y)) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  }
  return xs.sort((a, b) => a - b);
}

// RGBA pixels of the icon; `fullBleed` fills the whole square, as maskable icons must.
function drawIcon(size, fullBleed) {
  const heart = heartPolygon(size);
  const radius = fullBleed ? 0 : kCornerRadius * size;
  const pixels = new Float64Array(size * size * 4);
  const weight = 1 / (kSubsamples * kSubsamples);
  for (let row = 0; row < size * kSubsamples; row += 1) {
    const y = (row + 0.5) / kSubsamples;
    const spans = crossings(heart, y);
    for (let column = 0; column < size * kSubsamples; column += 1) {
      const x = (column + 0.5) / kSubsamples;
      if (!insideRoundedSquare(x, y, size, radius)) continue;
      const inHeart = spans.filter((edge) => edge < x).length % 2 === 1;
      const colour = inHeart ? kHeart : kBackground;
      const index = (Math.floor(y) * size + Math.floor(x)) * 4;
      for (let channel = 0; channel < 3; channel += 1) pixels[index + channel] += colour[channel] * weight;
      pixels[index + 3] += 255 * weight;
    }
  }
  // The colours were summed premultiplied by coverage; PNG stores straight alpha.
  const out = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i += 1) {
    const alpha = pixels[i * 4 + 3];
    for (let channel = 0; channel < 3; channel += 1) {
      out[i * 4 + channel] = alpha > 0 ? Math.round((pixels[i * 4 + channel] * 255) / alpha) : 0;
    }
    out[i * 4 + 3] = Math.round(alpha);
  }
  return out;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// An 8-bit RGBA PNG, every row with filter type 0 (none).
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function svgIcon() {
  const size = 512;
  const hex = (rgb) => '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
  const path = heartPolygon(size).map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">` +
    `<rect width="${size}" height="${size}" rx="${kCornerRadius * size}" fill="${hex(kBackground)}"/>` +
    `<path d="${path}Z" fill="${hex(kHeart)}"/></svg>\n`;
}

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/make-icons.mjs OUT_FOLDER');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon.svg'), svgIcon());
writeFileSync(join(out, 'icon-192.png'), encodePng(192, drawIcon(192, false)));
writeFileSync(join(out, 'icon-512.png'), encodePng(512, drawIcon(512, false)));
writeFileSync(join(out, 'icon-maskable-512.png'), encodePng(512, drawIcon(512, true)));
