// Image decoding through sharp (libvips): full size for the colorizer, cover-cropped for datasets.
import sharp, { type Sharp } from 'sharp';

export interface DecodedImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** The decoding pipeline every image goes through: EXIF orientation applied, alpha flattened onto black, sRGB. */
function rgbPipeline(path: string): Sharp {
  return sharp(path, { failOn: 'error' }).rotate().flatten({ background: { r: 0, g: 0, b: 0 } }).toColourspace('srgb');
}

async function toRgb(pipeline: Sharp, path: string): Promise<DecodedImage> {
  try {
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels, expected 3`);
    return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (error) {
    // libvips repeats its complaint over several lines; the first says what is wrong.
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(`cannot decode image ${path}: ${reason}`, { cause: error });
  }
}

/** Decodes an image file at its own size to RGB; a corrupt or unreadable file is an error naming it. */
export async function decodeImageFile(path: string): Promise<DecodedImage> {
  return toRgb(rgbPipeline(path), path);
}

/** Decodes an image file, scaled and centre-cropped to cover size × size. */
export async function decodeSquare(path: string, size: number): Promise<Uint8Array> {
  const image = await toRgb(rgbPipeline(path).resize(size, size, { fit: 'cover', position: 'centre' }), path);
  return image.pixels;
}

/** Rescales a square RGB image (e.g. a 32×32 CIFAR-10 record) to size × size. */
export async function resizeSquareRgb(pixels: Uint8Array, from: number, size: number): Promise<Uint8Array> {
  const data = await sharp(pixels, { raw: { width: from, height: from, channels: 3 } }).resize(size, size, { fit: 'fill' }).raw().toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
