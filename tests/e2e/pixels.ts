import { PNG } from 'pngjs';

// Reads screenshots as pixels, so tests can check what a user would actually see.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Counts the pixels of a PNG for which `predicate` holds. */
export function countPixels(png: Buffer, predicate: (pixel: Rgba) => boolean): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const d = image.data;
    if (predicate({ r: d[i]!, g: d[i + 1]!, b: d[i + 2]!, a: d[i + 3]! })) count++;
  }
  return count;
}

/** True for a pixel dark enough to be text on a light page. */
export const isInk = (p: Rgba) => p.r + p.g + p.b < 200;

/** A predicate for pixels within `tolerance` of `colour` on each channel. */
export const near =
  (colour: { r: number; g: number; b: number }, tolerance = 8) =>
  (p: Rgba) =>
    Math.abs(p.r - colour.r) <= tolerance &&
    Math.abs(p.g - colour.g) <= tolerance &&
    Math.abs(p.b - colour.b) <= tolerance;
