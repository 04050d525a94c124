package org.mnemosyne.model.djl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model whose outputs are not the expected ones gets an error that names what it has. */
class CnnTranslatorTest {

  private static TranslatorContext context(ModelBatch batch) {
    Map<String, Object> attachments = new HashMap<>();
    attachments.put("batch", batch);
    return (TranslatorContext)
        java.lang.reflect.Proxy.newProxyInstance(
            TranslatorContext.class.getClassLoader(),
            new Class<?>[] {TranslatorContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttachment" -> attachments.get((String) args[0]);
                  default -> null;
                });
  }

  @Test
  void aMissingNamedOutputIsReportedWithTheOutputsThereAre() {
    try (NDManager m = NDManager.newBaseManager("OnnxRuntime")) {
      NDArray other = m.zeros(new ai.djl.ndarray.types.Shape(1, 10));
      other.setName("scores");
      ModelBatch batch =
          new ModelBatch(1, new float[0], 224, EnumSet.of(ModelOutput.Kind.EMBEDDING));
      TranslateException e =
          assertThrows(
              TranslateException.class,
              () -> new CnnTranslator().processOutput(context(batch), new NDList(other)));
      assertTrue(
          e.getMessage().contains("embedding") && e.getMessage().contains("scores"),
          e.getMessage());
    }
  }

  @Test
  void aWrongBatchDimensionIsReported() {
    try (NDManager m = NDManager.newBaseManager("OnnxRuntime")) {
      NDArray emb = m.zeros(new ai.djl.ndarray.types.Shape(3, 10));
      emb.setName("embedding");
      ModelBatch batch =
          new ModelBatch(1, new float[0], 224, EnumSet.of(ModelOutput.Kind.EMBEDDING));
      TranslateException e =
          assertThrows(
              TranslateException.class,
              () -> new CnnTranslator().processOutput(context(batch), new NDList(emb)));
      assertTrue(e.getMessage().contains("[3, 10]"), e.getMessage());
    }
  }
}
