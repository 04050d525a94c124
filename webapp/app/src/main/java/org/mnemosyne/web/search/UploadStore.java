package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.image.ImageDecoder;

/**
 * Query images uploaded by visitors, kept under {@code <home>/uploads} by the SHA-256 of their
 * bytes so that a permalink ({@code ?upload=<hash>}) reproduces the search. Only bytes that decode
 * as an image are kept; a name is only ever a 64-digit hex hash, so no request can name another
 * file. Thread-safe (files are written to a temporary name and moved into place).
 */
@ApplicationScoped
public class UploadStore {
  /** Largest accepted upload, in bytes. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  @Inject DataLayout layout;

  private final ImageDecoder decoder = new ImageDecoder();

  /**
   * Keeps an uploaded image.
   *
   * @return its id (the SHA-256 of the bytes, hex)
   * @throws IllegalArgumentException if it is empty or too large
   * @throws org.mnemosyne.runtime.image.ImageDecodingException if it is not a usable image
   */
  public String store(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("the upload is empty: choose an image file");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "the image has " + bytes.length + " bytes; the limit is 32 MB");
    }
    decoder.decode(bytes); // refuse what is not an image before it touches the disk
    String hash = sha256(bytes);
    Path file = file(hash);
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "upload", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot keep the upload", e);
      }
    }
    return hash;
  }

  /**
   * The bytes of an upload.
   *
   * @throws IllegalArgumentException if {@code id} is not an upload id
   * @throws NotFoundException if there is no such upload
   */
  public byte[] read(String id) {
    Path file = file(checkId(id));
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("no uploaded image " + id + " (uploads are kept by this server)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read upload " + id, e);
    }
  }

  /**
   * Checks that an upload exists.
   *
   * @throws IllegalArgumentException if {@code id} is not an upload id
   * @throws NotFoundException if there is no such upload
   */
  public void checkExists(String id) {
    if (!Files.isRegularFile(file(checkId(id)))) {
      throw new NotFoundException("no uploaded image " + id + " (uploads are kept by this server)");
    }
  }

  /**
   * Checks that a text is an upload id (64 lower-case hex digits).
   *
   * @return the id
   * @throws IllegalArgumentException otherwise
   */
  public static String checkId(String id) {
    if (id == null || !HASH.matcher(id).matches()) {
      throw new IllegalArgumentException("not an upload id: expected 64 hex digits");
    }
    return id;
  }

  private Path file(String hash) {
    return layout.uploadsDir().resolve(hash.substring(0, 2)).resolve(hash + ".img");
  }

  /** SHA-256 of bytes, as 64 lower-case hex digits. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
