package org.mnemosyne.web.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * The embedding model of the running portal: the provider named by {@code mnemosyne.model.provider}
 * (default {@code djl}), opened on first use and closed at shutdown. If it cannot be opened, the
 * reason is kept for the start page and every use fails with it.
 */
@ApplicationScoped
public class ModelService {
  private static final Logger LOG = Logger.getLogger(ModelService.class.getName());

  @Inject PluginRegistry registry;
  @Inject MnemosyneConfig config;

  private final ImageDecoder decoder = new ImageDecoder();
  private volatile EmbeddingModel model;
  private String failure;

  /**
   * The model, opening it if needed. Once open it is read without a lock (every search and
   * explanation request asks for it).
   */
  public EmbeddingModel model() {
    EmbeddingModel open = model;
    return open != null ? open : openModel();
  }

  private synchronized EmbeddingModel openModel() {
    if (model == null) {
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      String name = config.get(ConfigKey.MODEL_PROVIDER, "djl");
      try {
        EmbeddingModelProvider provider = registry.require(EmbeddingModelProvider.class, name);
        model = provider.open(registry.contextFor(provider));
      } catch (RuntimeException e) {
        failure = "model '" + name + "' is unavailable: " + e.getMessage();
        LOG.log(Level.SEVERE, failure, e);
        throw new IllegalStateException(failure, e);
      }
    }
    return model;
  }

  /** What the model is, if it has been opened successfully. */
  public synchronized Optional<ModelInfo> infoIfLoaded() {
    return Optional.ofNullable(model).map(EmbeddingModel::info);
  }

  /** Why the model could not be opened, if it could not. */
  public synchronized Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Decodes an untrusted image and embeds it.
   *
   * @throws org.mnemosyne.runtime.image.ImageDecodingException if the bytes are not a usable image
   */
  public Embedding embed(byte[] imageBytes) {
    return embed(decodeForModel(imageBytes));
  }

  /**
   * Decodes untrusted image bytes for the model's input exactly as an import does: a large image is
   * subsampled while decoding (never below twice the input size), so an uploaded file gets the
   * vector the same file gets when imported.
   *
   * @throws org.mnemosyne.runtime.image.ImageDecodingException if the bytes are not a usable image
   */
  public BufferedImage decodeForModel(byte[] imageBytes) {
    ModelInfo info = model().info();
    return decoder.decode(imageBytes, info.inputWidth(), info.inputHeight());
  }

  /**
   * Decodes untrusted image bytes at full size (bounded pixel count, EXIF orientation applied), for
   * a detail to be cut out of.
   *
   * @throws org.mnemosyne.runtime.image.ImageDecodingException if the bytes are not a usable image
   */
  public BufferedImage decode(byte[] imageBytes) {
    return decoder.decode(imageBytes);
  }

  /** Embeds a decoded image: the whole image resized to the model's input, as everywhere. */
  public Embedding embed(BufferedImage image) {
    EmbeddingModel m = model();
    ModelInfo info = m.info();
    RgbImage rgb = ImageResizer.toRgb(image, info.inputWidth(), info.inputHeight());
    return m.embed(List.of(rgb)).get(0);
  }

  @PreDestroy
  synchronized void close() {
    if (model != null) {
      model.close();
      model = null;
    }
  }
}
