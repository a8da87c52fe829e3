import zlib from "node:zlib";

/** A PNG written by hand (tests have no image library): `pixel(x, y)` gives [r, g, b, a]. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", zlib.deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** A sample logo: a teal rounded tile with a white ring and three bars, on transparency (240 × 80). */
export function sampleLogoPng(): Uint8Array {
  const teal: [number, number, number, number] = [21, 86, 76, 255];
  const none: [number, number, number, number] = [0, 0, 0, 0];
  return makePng(240, 80, (x, y) => {
    const inTile = x >= 4 && x < 76 && y >= 4 && y < 76 && Math.hypot(Math.max(18 - x, x - 62, 0), Math.max(18 - y, y - 62, 0)) <= 14;
    if (inTile) {
      const r = Math.hypot(x - 40, y - 40);
      return r > 12 && r < 22 ? [255, 255, 255, 255] : teal;
    }
    const bar =
      x >= 92 &&
      x < 232 &&
      [
        [18, 30, 232],
        [36, 48, 200],
        [54, 66, 170],
      ].some(([a, b, end]) => y >= a && y < b && x < end);
    return bar ? teal : none;
  });
}

/** The smallest file pdf-lib accepts as a JPEG (start of image, a baseline frame header, end of image). */
export function makeJpegHeader(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ]);
}
