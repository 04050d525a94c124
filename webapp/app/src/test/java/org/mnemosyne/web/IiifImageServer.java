package org.mnemosyne.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A museum's IIIF server in miniature, on 127.0.0.1 for the portal's tests: one image behind a IIIF
 * Image API 3 service of compliance level 1 (regions {@code full} and {@code x,y,w,h}; sizes {@code
 * max}, {@code w,}, {@code ,h}, {@code w,h}, {@code !w,h}; tiles of 256 pixels) and a IIIF
 * Presentation 3 manifest whose one canvas shows it. {@code info.json} answers with the CORS header
 * a browser needs to read it from another origin, as real IIIF servers do. Every request path is
 * recorded.
 */
final class IiifImageServer implements AutoCloseable {
  private static final Pattern IMAGE =
      Pattern.compile("/iiif/img/(full|\\d+,\\d+,\\d+,\\d+)/([^/]+)/0/default\\.jpg");
  private static final Pattern SIZE = Pattern.compile("(!)?(\\d*),(\\d*)");

  private final BufferedImage image;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** Serves the image in {@code file}, enlarged {@code scale} times (a high-resolution master). */
  IiifImageServer(Path file, int scale) throws IOException {
    BufferedImage read = ImageIO.read(file.toFile());
    image =
        new BufferedImage(
            read.getWidth() * scale, read.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(read, 0, 0, image.getWidth(), image.getHeight(), null);
    g.dispose();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The image service's id (its {@code info.json} is below it). */
  String service() {
    return base() + "/iiif/img";
  }

  /** The manifest's URL. */
  String manifest() {
    return base() + "/manifest.json";
  }

  /** The paths asked for so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The image served. */
  BufferedImage image() {
    return image;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    requests.add(path);
    try (ex) {
      if (path.equals("/manifest.json")) {
        send(ex, 200, "application/ld+json", manifestJson().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/iiif/img/info.json")) {
        ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        send(ex, 200, "application/ld+json", infoJson().getBytes(StandardCharsets.UTF_8));
      } else {
        Matcher m = IMAGE.matcher(path);
        byte[] jpeg = m.matches() ? render(m.group(1), m.group(2)) : null;
        if (jpeg == null) {
          send(ex, m.matches() ? 400 : 404, "text/plain", new byte[0]);
        } else {
          send(ex, 200, "image/jpeg", jpeg);
        }
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The JPEG for a region and size, or null if they are outside what level 1 allows. */
  private byte[] render(String region, String size) throws IOException {
    int x = 0;
    int y = 0;
    int w = image.getWidth();
    int h = image.getHeight();
    if (!region.equals("full")) {
      String[] r = region.split(",");
      x = Integer.parseInt(r[0]);
      y = Integer.parseInt(r[1]);
      w = Math.min(Integer.parseInt(r[2]), image.getWidth() - x);
      h = Math.min(Integer.parseInt(r[3]), image.getHeight() - y);
      if (x >= image.getWidth() || y >= image.getHeight() || w <= 0 || h <= 0) {
        return null;
      }
    }
    int[] out = size(size, w, h);
    if (out == null || out[0] < 1 || out[1] < 1 || out[0] > w || out[1] > h) {
      return null; // level 1 does not upscale
    }
    BufferedImage tile = new BufferedImage(out[0], out[1], BufferedImage.TYPE_INT_RGB);
    Graphics2D g = tile.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, out[0], out[1], x, y, x + w, y + h, null);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(tile, "jpg", bytes);
    return bytes.toByteArray();
  }

  private static int[] size(String size, int w, int h) {
    if (size.equals("max") || size.equals("full")) {
      return new int[] {w, h};
    }
    Matcher m = SIZE.matcher(size);
    if (!m.matches() || (m.group(2).isEmpty() && m.group(3).isEmpty())) {
      return null;
    }
    if (m.group(1) != null) { // !w,h: the largest size that fits, aspect ratio kept
      double scale =
          Math.min(
              1.0,
              Math.min(
                  Integer.parseInt(m.group(2)) / (double) w,
                  Integer.parseInt(m.group(3)) / (double) h));
      return new int[] {
        Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale))
      };
    }
    if (m.group(3).isEmpty()) {
      int tw = Integer.parseInt(m.group(2));
      return new int[] {tw, Math.max(1, (int) Math.round(h * tw / (double) w))};
    }
    if (m.group(2).isEmpty()) {
      int th = Integer.parseInt(m.group(3));
      return new int[] {Math.max(1, (int) Math.round(w * th / (double) h)), th};
    }
    return new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  private String infoJson() {
    return "{\"@context\": \"http://iiif.io/api/image/3/context.json\", \"id\": \""
        + service()
        + "\", \"type\": \"ImageService3\", \"protocol\": \"http://iiif.io/api/image\","
        + " \"profile\": \"level1\", \"width\": "
        + image.getWidth()
        + ", \"height\": "
        + image.getHeight()
        + ", \"tiles\": [{\"width\": 256, \"scaleFactors\": [1, 2, 4, 8]}]}";
  }

  private String manifestJson() {
    String canvas = base() + "/canvas/1";
    return "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"id\": \""
        + manifest()
        + "\", \"type\": \"Manifest\", \"label\": {\"en\": [\"A painting behind a IIIF service\"]},"
        + " \"metadata\": [{\"label\": {\"en\": [\"Culture\"]}, \"value\": {\"en\": [\"Testish\"]}}],"
        + " \"rights\": \"http://creativecommons.org/publicdomain/zero/1.0/\","
        + " \"items\": [{\"id\": \""
        + canvas
        + "\", \"type\": \"Canvas\", \"width\": "
        + image.getWidth()
        + ", \"height\": "
        + image.getHeight()
        + ", \"items\": [{\"id\": \""
        + canvas
        + "/page\", \"type\": \"AnnotationPage\", \"items\": [{\"id\": \""
        + canvas
        + "/image\", \"type\": \"Annotation\", \"motivation\": \"painting\", \"target\": \""
        + canvas
        + "\", \"body\": {\"id\": \""
        + service()
        + "/full/max/0/default.jpg\", \"type\": \"Image\", \"format\": \"image/jpeg\","
        + " \"service\": [{\"id\": \""
        + service()
        + "\", \"type\": \"ImageService3\", \"profile\": \"level1\"}]}}]}]}]}";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
