-- Items (artworks/objects), their facet values and their embeddings (one per model and version).

CREATE TABLE item (
    id               BIGSERIAL PRIMARY KEY,
    collection_id    BIGINT        NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    source_id        VARCHAR(500)  NOT NULL CHECK (length(btrim(source_id)) > 0),
    title            VARCHAR(2000),
    makers           TEXT[]        NOT NULL DEFAULT '{}',
    date_text        VARCHAR(500),
    year_from        INTEGER CHECK (year_from BETWEEN -100000 AND 3000),
    year_to          INTEGER CHECK (year_to BETWEEN -100000 AND 3000),
    culture          VARCHAR(500),
    media            TEXT[]        NOT NULL DEFAULT '{}',
    classification   VARCHAR(500),
    rights_uri       VARCHAR(2000),
    licence          VARCHAR(2000),
    credit_line      VARCHAR(2000),
    page_url         VARCHAR(2000),
    image_kind       VARCHAR(8)    NOT NULL CHECK (image_kind IN ('file', 'url', 'iiif')),
    image_location   VARCHAR(4000) NOT NULL CHECK (length(image_location) > 0),
    width            INTEGER CHECK (width > 0),
    height           INTEGER CHECK (height > 0),
    -- sha-256 (hex) of the image bytes the embeddings were computed from.
    content_hash     CHAR(64)      NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    -- sha-256 (hex) of every stored field and facet value: unchanged on a no-op re-import.
    record_hash      CHAR(64)      NOT NULL CHECK (record_hash ~ '^[0-9a-f]{64}$'),
    metadata         JSONB         NOT NULL DEFAULT '{}'::jsonb,
    status           VARCHAR(16)   NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    withdrawn_at     TIMESTAMP WITH TIME ZONE,
    withdrawn_reason VARCHAR(1000),
    -- The last import job that saw this record in its source (withdrawal of records gone).
    last_job_id      BIGINT REFERENCES job (id) ON DELETE SET NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    UNIQUE (collection_id, source_id),
    CHECK (year_from IS NULL OR year_to IS NULL OR year_from <= year_to),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
    CHECK (array_position(makers, NULL) IS NULL AND array_position(media, NULL) IS NULL)
);
CREATE INDEX item_collection_status ON item (collection_id, status, id);
CREATE INDEX item_year ON item (year_from);
CREATE INDEX item_content_hash ON item (content_hash);
CREATE INDEX item_last_job ON item (last_job_id);

CREATE TABLE item_facet (
    item_id  BIGINT NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    value_id BIGINT NOT NULL REFERENCES facet_value (id) ON DELETE RESTRICT,
    PRIMARY KEY (item_id, value_id)
);
CREATE INDEX item_facet_value ON item_facet (value_id, item_id);

-- real[] because pgvector is not packaged for Debian 12; L2-normalised vectors.
CREATE TABLE embedding (
    item_id       BIGINT       NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    model_id      VARCHAR(200) NOT NULL CHECK (length(model_id) > 0),
    model_version VARCHAR(200) NOT NULL CHECK (length(model_version) > 0),
    dimension     INTEGER      NOT NULL CHECK (dimension > 0),
    vector        REAL[]       NOT NULL,
    -- The item's content_hash when this vector was computed: a mismatch means re-embed.
    content_hash  CHAR(64)     NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, model_id, model_version),
    CHECK (array_ndims(vector) = 1 AND cardinality(vector) = dimension),
    CHECK (array_position(vector, NULL) IS NULL)
);
CREATE INDEX embedding_model ON embedding (model_id, model_version, item_id);
