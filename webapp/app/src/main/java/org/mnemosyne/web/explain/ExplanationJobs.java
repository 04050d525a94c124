package org.mnemosyne.web.explain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.db.cache.ExplanationCache;
import org.mnemosyne.db.cache.ExplanationKey;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.db.job.Job;
import org.mnemosyne.db.job.JobCheckpoint;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.explain.metrics.DeletionInsertion;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.render.ExplanationJson;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ExplanationService;
import org.mnemosyne.web.platform.ModelService;
import org.mnemosyne.web.search.ImageService;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;

/**
 * Runs explanations in the background. A request is first looked up in the cache (keyed by model,
 * explainer, canonical parameters and image content hashes; hits are remembered in memory, {@link
 * CacheHits}): a hit is answered at once. Otherwise a job of type {@value #TYPE} is recorded in the
 * job table (its subject is the key's digest, so the same explanation asked twice runs once) and
 * queued on {@value #WORKERS} worker thread(s) with room for {@value #QUEUE} waiting; a full queue,
 * or a client with {@value #PER_CLIENT} explanations already waiting or running, is refused ({@link
 * TooBusyException}). Progress is written to the job row; cancellation is a flag the explainer
 * checks between batches. The result is stored in the cache and the job's counts name it ({@code
 * explanation}).
 */
@ApplicationScoped
public class ExplanationJobs {
  /** Job type. */
  public static final String TYPE = "explain";

  /** Explanations running at a time (the model already uses both cores for one). */
  static final int WORKERS = 1;

  /** Explanations waiting at most. */
  static final int QUEUE = 8;

  /** Explanations one client may have waiting or running. */
  public static final int PER_CLIENT = 2;

  private static final Logger LOG = Logger.getLogger(ExplanationJobs.class.getName());
  private static final long CHECKPOINT_NANOS = 250_000_000L;

  @Inject ExplanationService explanations;
  @Inject ModelService models;
  @Inject PluginRegistry registry;
  @Inject Database database;
  @Inject SearchService search;
  @Inject ImageService images;
  @Inject UploadStore uploads;
  @Inject CacheHits hits;

  private final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(
          WORKERS,
          WORKERS,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> {
            Thread t = new Thread(r, "mnemosyne-explain");
            t.setDaemon(true);
            return t;
          });

  /** Jobs of this process not yet finished, by id. */
  private final Map<Long, Active> active = new ConcurrentHashMap<>();

  private record Active(String client, AtomicBoolean cancel) {}

  /**
   * An image resolved for explaining: content hash and item known at once, the bytes read only when
   * the explanation is computed (a cache hit never touches the image).
   */
  private record Resolved(
      java.util.function.Supplier<byte[]> bytes, String hash, Optional<Long> item) {}

  /**
   * Answers from the cache or starts a job.
   *
   * @param asker who asks (for the per-client limit; asked only when a job is started)
   * @throws IllegalArgumentException for a bad request (unknown explainer, unsupported order,
   *     budget above the limit)
   * @throws org.mnemosyne.web.search.NotFoundException if an image does not exist
   * @throws TooBusyException if the queue or the client's share is full
   */
  public JobStatus submit(ExplainRequest r, java.util.function.Supplier<String> asker) {
    ExplainerProvider provider = registry.require(ExplainerProvider.class, r.explainer());
    if (!provider.orders().contains(r.order())) {
      throw new IllegalArgumentException(
          r.explainer() + " computes " + provider.orders() + " explanations, not " + r.order());
    }
    if (r.budget() > ExplanationService.MAX_INTERACTIVE_BUDGET) {
      throw new IllegalArgumentException(
          "budget "
              + r.budget()
              + " is above the limit of "
              + ExplanationService.MAX_INTERACTIVE_BUDGET);
    }
    ExplanationParameters parameters = r.parameters();
    Resolved query = resolve(r.query());
    Resolved target = resolve(r.target());
    ModelInfo model = models.model().info();
    ExplanationKey key =
        new ExplanationKey(
            model.id(),
            model.version(),
            provider.name(),
            provider.version(),
            parameters.canonical(),
            query.hash(),
            query.item(),
            target.hash(),
            target.item());
    Optional<Long> hit = hits.find(key, () -> new ExplanationCache(database.tx()).findId(key));
    if (hit.isPresent()) {
      return new JobStatus(null, "succeeded", 1, "from the cache", null, hit.get());
    }
    String client = asker.get();
    JobRepository jobs = new JobRepository(database.tx());
    String subject = "explain:" + key.digest();
    synchronized (this) {
      Optional<Job> running = jobs.latest(TYPE, subject).filter(j -> !j.state().isFinished());
      if (running.isPresent()) {
        if (active.containsKey(running.get().id())) {
          return status(running.get().id());
        }
        jobs.finish(running.get().id(), JobState.FAILED, Optional.of("the server restarted"));
      }
      long mine = active.values().stream().filter(a -> a.client().equals(client)).count();
      if (mine >= PER_CLIENT) {
        throw new TooBusyException(
            "you already have "
                + mine
                + " explanations waiting or running; wait for one or"
                + " cancel it");
      }
      Job job =
          jobs.createRunning(
              TYPE,
              subject,
              Optional.empty(),
              Map.of("explainer", r.explainer(), "parameters", parameters.canonical()));
      Active a = new Active(client, new AtomicBoolean());
      active.put(job.id(), a);
      try {
        executor.execute(() -> run(job.id(), a, r, parameters, query, target, key));
      } catch (RejectedExecutionException e) {
        active.remove(job.id());
        jobs.finish(job.id(), JobState.FAILED, Optional.of("the explanation queue is full"));
        throw new TooBusyException(
            "the server is busy with other explanations; try again in a minute");
      }
      checkpoint(jobs, job.id(), 0, "queued");
      return status(job.id());
    }
  }

  /**
   * Where a job stands.
   *
   * @throws org.mnemosyne.web.search.NotFoundException if there is no explanation job with this id
   */
  public JobStatus status(long id) {
    Job job =
        new JobRepository(database.tx())
            .find(id)
            .filter(j -> j.type().equals(TYPE))
            .orElseThrow(
                () -> new org.mnemosyne.web.search.NotFoundException("no explanation job " + id));
    String state = job.state().dbValue();
    if (job.state() == JobState.RUNNING && "queued".equals(job.checkpoint().message())) {
      state = "queued";
    }
    Long explanation = job.checkpoint().counts().get("explanation");
    return new JobStatus(
        job.id(),
        state,
        job.checkpoint().progress(),
        job.checkpoint().message(),
        job.error().orElse(null),
        explanation);
  }

  /**
   * Asks a job to stop.
   *
   * @return whether it was still waiting or running
   */
  public boolean cancel(long id) {
    status(id); // 404 for a wrong id
    Active a = active.get(id);
    if (a != null) {
      a.cancel().set(true);
    }
    return new JobRepository(database.tx()).requestCancel(id);
  }

  private void run(
      long id,
      Active a,
      ExplainRequest r,
      ExplanationParameters parameters,
      Resolved query,
      Resolved target,
      ExplanationKey key) {
    JobRepository jobs = new JobRepository(database.tx());
    long[] last = {0};
    try {
      if (a.cancel().get()) {
        throw new CancelledException();
      }
      checkpoint(jobs, id, 0, "running");
      ExplanationService.Result result =
          explanations.explain(
              query.bytes().get(),
              target.bytes().get(),
              r.explainer(),
              parameters,
              (done, total, message) -> {
                long now = System.nanoTime();
                if (now - last[0] > CHECKPOINT_NANOS) {
                  last[0] = now;
                  double p = total > 0 ? Math.min(0.99, (double) done / total) : 0;
                  if (checkpoint(jobs, id, p, message == null ? "running" : message)) {
                    a.cancel().set(true);
                  }
                }
              },
              () -> a.cancel().get());
      Explanation e = result.explanation();
      checkpoint(jobs, id, 0.99, "measuring faithfulness");
      StringBuilder faith = new StringBuilder("{");
      for (Side side : Side.values()) {
        if (e.map(side).isPresent()) {
          DeletionInsertion.Curves c =
              explanations.faithfulness(result, side, parameters, () -> a.cancel().get());
          faith
              .append(faith.length() > 1 ? "," : "")
              .append('"')
              .append(side.name().toLowerCase(java.util.Locale.ROOT))
              .append("\":{\"deletionArea\":")
              .append(finite(c.deletionArea()))
              .append(",\"insertionArea\":")
              .append(finite(c.insertionArea()))
              .append('}');
        }
      }
      String json = ExplanationJson.write(e, Map.of("faithfulness", faith.append('}').toString()));
      long cacheId =
          new ExplanationCache(database.tx())
              .store(key, json, e.evaluations(), e.wallTime().toMillis());
      database
          .tx()
          .inTransaction(
              "finish explanation",
              c ->
                  jobs.checkpoint(
                      c,
                      id,
                      new JobCheckpoint(
                          e.evaluations(),
                          Optional.of((long) e.evaluations()),
                          1,
                          0,
                          0,
                          Map.of("explanation", cacheId),
                          1,
                          "done",
                          Optional.empty())));
      jobs.finish(id, JobState.SUCCEEDED, Optional.empty());
    } catch (CancelledException e) {
      jobs.finish(id, JobState.CANCELLED, Optional.empty());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "explanation job " + id + " failed", e);
      jobs.finish(
          id,
          JobState.FAILED,
          Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } finally {
      active.remove(id);
    }
  }

  private static String finite(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }

  /** Writes progress; returns whether cancellation was requested. */
  private boolean checkpoint(JobRepository jobs, long id, double progress, String message) {
    return database
        .tx()
        .inTransaction(
            "explanation progress",
            c ->
                jobs.checkpoint(
                    c,
                    id,
                    new JobCheckpoint(
                        0,
                        Optional.empty(),
                        0,
                        0,
                        0,
                        Map.of(),
                        progress,
                        message,
                        Optional.empty())));
  }

  private Resolved resolve(ImageRef ref) {
    if (ref.item().isPresent()) {
      ItemRecord item = search.activeItem(ref.item().get());
      return new Resolved(() -> images.original(item), item.contentHash(), ref.item());
    }
    String upload = ref.upload().get();
    uploads.checkExists(upload);
    return new Resolved(() -> uploads.read(upload), upload, Optional.empty());
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
