-- One general job mechanism (imports, re-embedding, index builds...). A job's counts, cursor and
-- per-row errors are written in the same transaction as the work they describe, so a job that is
-- resumed after a crash neither repeats nor loses anything.

CREATE TABLE job (
    id               BIGSERIAL PRIMARY KEY,
    type             VARCHAR(64)  NOT NULL CHECK (type ~ '^[a-z][a-z0-9_.-]*$'),
    -- What the job works on, e.g. 'collection:12'; at most one queued/running job per subject.
    subject          VARCHAR(200) NOT NULL,
    collection_id    BIGINT REFERENCES collection (id) ON DELETE CASCADE,
    state            VARCHAR(16)  NOT NULL
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    parameters       JSONB        NOT NULL DEFAULT '{}'::jsonb,
    -- Units of work: processed so far and the total when known (null: unknown).
    processed        BIGINT       NOT NULL DEFAULT 0 CHECK (processed >= 0),
    total            BIGINT CHECK (total >= 0),
    succeeded        BIGINT       NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
    failed           BIGINT       NOT NULL DEFAULT 0 CHECK (failed >= 0),
    warnings         BIGINT       NOT NULL DEFAULT 0 CHECK (warnings >= 0),
    -- Type-specific counters (created, updated, embedded...), written whole with each commit.
    counts           JSONB        NOT NULL DEFAULT '{}'::jsonb,
    -- Share of the work done, 0..1, for progress bars (the total may be unknown).
    progress         DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    message          VARCHAR(1000),
    -- Opaque position from which a resumed run continues.
    resume_cursor    TEXT,
    cancel_requested BOOLEAN      NOT NULL DEFAULT false,
    attempts         INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    owner            VARCHAR(200),
    error            TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    started_at       TIMESTAMP WITH TIME ZONE,
    heartbeat_at     TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    CHECK ((state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL)),
    CHECK (state = 'queued' OR started_at IS NOT NULL)
);
CREATE UNIQUE INDEX job_one_active_per_subject ON job (subject) WHERE state IN ('queued', 'running');
CREATE INDEX job_state_type ON job (state, type);
CREATE INDEX job_collection ON job (collection_id, id DESC);

-- Per-row problems: an 'error' row was not imported, a 'warning' row was imported with a change
-- (e.g. markup removed). (job, ordinal, code) is unique, so a resumed run cannot record twice.
CREATE TABLE job_error (
    id         BIGSERIAL PRIMARY KEY,
    job_id     BIGINT        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    ordinal    BIGINT        NOT NULL CHECK (ordinal >= 0),
    location   VARCHAR(500)  NOT NULL,
    source_id  VARCHAR(500),
    severity   VARCHAR(16)   NOT NULL CHECK (severity IN ('error', 'warning')),
    code       VARCHAR(64)   NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]*$'),
    message    VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    UNIQUE (job_id, ordinal, code)
);
CREATE INDEX job_error_job ON job_error (job_id, id);
