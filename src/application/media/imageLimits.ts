/**
 * The largest picture kept as a portrait or upload. The byte limits alone do not bound it: a few
 * hundred bytes of PNG can declare 100000×100000 pixels, and a browser decoding that stalls the tab.
 */
const IMAGE_PIXEL_LIMITS = {
  /** The longest side, in pixels. */
  maxSide: 8192,
  /** Width times height: about a 6000×6000 picture. */
  maxPixels: 36_000_000,
} as const;

/** Why an image of this size is not kept, in one line, or null when it may be kept. */
export function imageSizeProblem(size: { width: number; height: number }): string | null {
  const { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    return `the image declares ${width}×${height} pixels, which is not a picture`;
  const { maxSide, maxPixels } = IMAGE_PIXEL_LIMITS;
  if (width > maxSide || height > maxSide || width * height > maxPixels)
    return `the image is ${width}×${height} pixels; the limit is ${maxSide} pixels a side and ${maxPixels / 1_000_000} megapixels`;
  return null;
}
