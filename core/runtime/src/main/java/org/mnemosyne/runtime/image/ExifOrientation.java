package org.mnemosyne.runtime.image;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of the APP1 "Exif" segment) and its
 * application, so that a photo taken with a rotated camera is seen upright. Reads only the marker
 * segments before the image data; malformed EXIF is ignored (orientation 1).
 */
final class ExifOrientation {
  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  /** The orientation 1..8 of a JPEG, or 1 if absent, invalid or not a JPEG. */
  static int read(byte[] bytes) {
    if (bytes.length < 4 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
      return 1;
    }
    int pos = 2;
    while (pos + 4 <= bytes.length && (bytes[pos] & 0xff) == 0xff) {
      int marker = bytes[pos + 1] & 0xff;
      if (marker == 0xda || marker == 0xd9) {
        break; // start of scan / end of image: no more metadata
      }
      int length = ((bytes[pos + 2] & 0xff) << 8) | (bytes[pos + 3] & 0xff);
      if (length < 2 || pos + 2 + length > bytes.length) {
        break;
      }
      if (marker == 0xe1 && length >= 16 && isExif(bytes, pos + 4)) {
        return fromTiff(bytes, pos + 10, pos + 2 + length);
      }
      pos += 2 + length;
    }
    return 1;
  }

  private static boolean isExif(byte[] b, int at) {
    return b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  private static int fromTiff(byte[] bytes, int start, int end) {
    try {
      ByteBuffer tiff = ByteBuffer.wrap(bytes, start, end - start).slice();
      if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
        tiff.order(ByteOrder.LITTLE_ENDIAN);
      } else if (tiff.get(0) == 'M' && tiff.get(1) == 'M') {
        tiff.order(ByteOrder.BIG_ENDIAN);
      } else {
        return 1;
      }
      int ifd = tiff.getInt(4);
      int entries = tiff.getShort(ifd) & 0xffff;
      for (int i = 0; i < entries; i++) {
        int entry = ifd + 2 + 12 * i;
        if ((tiff.getShort(entry) & 0xffff) == TAG_ORIENTATION) {
          int value = tiff.getShort(entry + 8) & 0xffff;
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (IndexOutOfBoundsException e) {
      // truncated or malformed EXIF: treat as upright
    }
    return 1;
  }

  /** Returns the image as it should be displayed for the EXIF orientation. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirror horizontally
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // rotate 180
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirror vertically
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transpose
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // rotate 90 clockwise
      case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w); // rotate 90 counter-clockwise
      default -> {
        return image;
      }
    }
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(toArgb(image), out);
    return out;
  }

  private static BufferedImage toArgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
      return image;
    }
    BufferedImage argb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    var g = argb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return argb;
  }
}
