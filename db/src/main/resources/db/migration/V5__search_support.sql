-- Users and roles, saved conditions, cached explanations and index snapshots.

CREATE TABLE app_role (
    name        VARCHAR(64) PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]*$'),
    description VARCHAR(500) NOT NULL
);
INSERT INTO app_role (name, description) VALUES
    ('admin', 'manages collections, imports, indexes and plugins'),
    ('curator', 'edits item metadata and takes items down');

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._@-]*$'),
    display_name  VARCHAR(200),
    -- A salted hash in a self-describing format (e.g. PBKDF2WithHmacSHA256:...); null for users
    -- who authenticate elsewhere.
    password_hash VARCHAR(500),
    enabled       BOOLEAN      NOT NULL DEFAULT true,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

CREATE TABLE app_user_role (
    user_id   BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_name VARCHAR(64) NOT NULL REFERENCES app_role (name) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_name)
);

-- A named condition; stored as its canonical text and its JSON (data, never SQL).
CREATE TABLE saved_condition (
    id             BIGSERIAL PRIMARY KEY,
    owner_id       BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
    name           VARCHAR(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    condition_text VARCHAR(4000) NOT NULL,
    condition_json JSONB         NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_condition_owner_name ON saved_condition (coalesce(owner_id, 0), name);

-- A computed explanation, keyed by everything that determines it. Taking an item down deletes
-- the explanations that show it (the foreign keys cascade).
CREATE TABLE cached_explanation (
    id                BIGSERIAL PRIMARY KEY,
    model_id          VARCHAR(200) NOT NULL,
    model_version     VARCHAR(200) NOT NULL,
    explainer         VARCHAR(100) NOT NULL,
    explainer_version VARCHAR(100) NOT NULL,
    -- sha-256 (hex) of the canonical parameter JSON, which is kept beside it.
    parameters_hash   CHAR(64)     NOT NULL CHECK (parameters_hash ~ '^[0-9a-f]{64}$'),
    parameters        JSONB        NOT NULL,
    query_hash        CHAR(64)     NOT NULL CHECK (query_hash ~ '^[0-9a-f]{64}$'),
    query_item_id     BIGINT REFERENCES item (id) ON DELETE CASCADE,
    target_hash       CHAR(64)     NOT NULL CHECK (target_hash ~ '^[0-9a-f]{64}$'),
    target_item_id    BIGINT REFERENCES item (id) ON DELETE CASCADE,
    result            JSONB        NOT NULL,
    evaluations       BIGINT       NOT NULL CHECK (evaluations >= 0),
    wall_time_ms      BIGINT       NOT NULL CHECK (wall_time_ms >= 0),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    last_used_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    UNIQUE (model_id, model_version, explainer, explainer_version, parameters_hash, query_hash,
            target_hash)
);
CREATE INDEX cached_explanation_query_item ON cached_explanation (query_item_id);
CREATE INDEX cached_explanation_target_item ON cached_explanation (target_item_id);
CREATE INDEX cached_explanation_last_used ON cached_explanation (last_used_at);

-- Metadata of an index file on disk (the file is rebuildable from item/embedding).
CREATE TABLE index_snapshot (
    id               BIGSERIAL PRIMARY KEY,
    provider         VARCHAR(100)  NOT NULL,
    provider_version VARCHAR(100)  NOT NULL,
    model_id         VARCHAR(200)  NOT NULL,
    model_version    VARCHAR(200)  NOT NULL,
    dimension        INTEGER       NOT NULL CHECK (dimension > 0),
    item_count       BIGINT        NOT NULL CHECK (item_count >= 0),
    file_path        VARCHAR(4000) NOT NULL,
    file_sha256      CHAR(64) CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('building', 'ready', 'obsolete')),
    job_id           BIGINT REFERENCES job (id) ON DELETE SET NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX index_snapshot_model ON index_snapshot (model_id, model_version, status, id DESC);
CREATE UNIQUE INDEX index_snapshot_one_ready
    ON index_snapshot (provider, model_id, model_version) WHERE status = 'ready';
