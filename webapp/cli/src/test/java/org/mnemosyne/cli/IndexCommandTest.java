package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mnemosyne index build` + `query` on random data agree with brute force over the subset. */
class IndexCommandTest {
  @TempDir Path dir;

  private static final String[] CULTURES = {"Dutch", "Flemish", "French", "Italian"};

  private String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      int code = MnemosyneCommand.run(args);
      assertEquals(0, code, bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void answersMatchBruteForceForFvecsAndNpy() throws Exception {
    Random rnd = new Random(5);
    int n = 300;
    int d = 8;
    float[][] v = new float[n][d];
    for (float[] row : v) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) rnd.nextGaussian();
      }
    }
    String[] culture = new String[n];
    int[] year = new int[n];
    StringBuilder csv = new StringBuilder("id,culture,year\n");
    for (int i = 0; i < n; i++) {
      culture[i] = CULTURES[rnd.nextInt(4)];
      year[i] = 1500 + rnd.nextInt(300);
      csv.append(1000 + i).append(',').append(culture[i]).append(',').append(year[i]).append('\n');
    }
    Path facets = Files.writeString(dir.resolve("facets.csv"), csv);
    Path fvecs = dir.resolve("v.fvecs");
    Path npy = dir.resolve("v.npy");
    writeFvecs(fvecs, v);
    writeNpy(npy, v);
    float[] q = v[7];
    String queries =
        "{\"qid\":\"q1\",\"vector\":"
            + java.util.Arrays.toString(q)
            + ",\"condition\":\"culture:Dutch OR culture:Flemish AND year:[1600 TO 1700]\",\"k\":5}\n"
            + "{\"qid\":\"q2\",\"vector\":"
            + java.util.Arrays.toString(q)
            + ",\"k\":3}\n";
    Path qfile = Files.writeString(dir.resolve("q.jsonl"), queries);

    for (String provider : new String[] {"exact-scan", "bounded-scan", "conditional-ball-tree"}) {
      for (Path vectors : new Path[] {fvecs, npy}) {
        check(provider, vectors, facets, qfile, v, q, culture, year);
      }
    }
  }

  private void check(
      String provider,
      Path vectors,
      Path facets,
      Path qfile,
      float[][] v,
      float[] q,
      String[] culture,
      int[] year) {
    Path index = dir.resolve(provider + "-" + vectors.getFileName() + ".idx");
    String built =
        run(
            "index",
            "build",
            "--home",
            dir.toString(),
            "--vectors",
            vectors.toString(),
            "--facets",
            facets.toString(),
            "--out",
            index.toString(),
            "--provider",
            provider);
    assertTrue(built.contains("300 vectors"), built);
    String[] lines =
        run(
                "index",
                "query",
                "--home",
                dir.toString(),
                "--index",
                index.toString(),
                "--queries",
                qfile.toString())
            .strip()
            .split("\n");
    assertEquals(2, lines.length);
    JsonObject a1 = Json.createReader(new StringReader(lines[0])).readObject();
    List<Integer> expected =
        bruteForce(
            v,
            q,
            5,
            i ->
                culture[i].equals("Dutch")
                    || (culture[i].equals("Flemish") && year[i] >= 1600 && year[i] <= 1700));
    assertEquals(expected, ids(a1.getJsonArray("hits")), provider + " " + vectors);
    JsonObject a2 = Json.createReader(new StringReader(lines[1])).readObject();
    assertEquals(bruteForce(v, q, 3, i -> true), ids(a2.getJsonArray("hits")));
    assertEquals(1007, a2.getJsonArray("hits").getJsonObject(0).getInt("id"));
  }

  private static List<Integer> ids(JsonArray hits) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      out.add(hits.getJsonObject(i).getInt("id"));
    }
    return out;
  }

  private static List<Integer> bruteForce(
      float[][] v, float[] q, int k, java.util.function.IntPredicate keep) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (keep.test(i)) {
        idx.add(i);
      }
    }
    idx.sort(Comparator.comparingDouble((Integer i) -> -dot(v[i], q)).thenComparing(i -> i));
    return idx.stream().limit(k).map(i -> 1000 + i).toList();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void writeFvecs(Path file, float[][] v) throws Exception {
    ByteBuffer b =
        ByteBuffer.allocate(v.length * (4 + 4 * v[0].length)).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : v) {
      b.putInt(row.length);
      for (float x : row) {
        b.putFloat(x);
      }
    }
    Files.write(file, b.array());
  }

  private static void writeNpy(Path file, float[][] v) throws Exception {
    String header =
        "{'descr': '<f4', 'fortran_order': False, 'shape': ("
            + v.length
            + ", "
            + v[0].length
            + "), }";
    int total = 10 + header.length() + 1;
    header = header + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer b =
        ByteBuffer.allocate(10 + header.length() + 4 * v.length * v[0].length)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    for (float[] row : v) {
      for (float x : row) {
        b.putFloat(x);
      }
    }
    Files.write(file, b.array());
  }
}
