-- Institutions, collections and the facet dictionary. The database is the source of truth: every
-- index is rebuilt from these tables. Slugs are what conditions and URLs use (collection:art).

CREATE TABLE institution (
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(64)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9_-]*$'),
    name       VARCHAR(500) NOT NULL CHECK (length(btrim(name)) > 0),
    homepage   VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE collection (
    id             BIGSERIAL PRIMARY KEY,
    institution_id BIGINT       NOT NULL REFERENCES institution (id) ON DELETE RESTRICT,
    -- Unique across institutions: a condition says collection:<slug> without the institution.
    slug           VARCHAR(64)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9_-]*$'),
    name           VARCHAR(500) NOT NULL CHECK (length(btrim(name)) > 0),
    description    TEXT,
    status         VARCHAR(16)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX collection_institution ON collection (institution_id);

-- The facets conditions may use. 'derived' fields are computed from item columns (collection,
-- institution, year) and have no rows in item_facet.
CREATE TABLE facet_field (
    name         VARCHAR(64) PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]*$'),
    type         VARCHAR(16) NOT NULL CHECK (type IN ('categorical', 'numeric')),
    multi_valued BOOLEAN     NOT NULL,
    derived      BOOLEAN     NOT NULL DEFAULT false,
    position     INTEGER     NOT NULL DEFAULT 1000,
    CHECK (type = 'categorical' OR NOT multi_valued)
);

INSERT INTO facet_field (name, type, multi_valued, derived, position) VALUES
    ('collection',     'categorical', false, true,  10),
    ('institution',    'categorical', false, true,  20),
    ('culture',        'categorical', true,  false, 30),
    ('medium',         'categorical', true,  false, 40),
    ('classification', 'categorical', true,  false, 50),
    ('period',         'categorical', true,  false, 60),
    ('subject',        'categorical', true,  false, 70),
    ('licence',        'categorical', false, false, 80),
    ('year',           'numeric',     false, true,  90);

-- One dictionary of categorical values: value_key is the case-folded, whitespace-collapsed form
-- that identifies a value; label is the display form first seen for it.
CREATE TABLE facet_value (
    id        BIGSERIAL PRIMARY KEY,
    field     VARCHAR(64)  NOT NULL REFERENCES facet_field (name) ON DELETE RESTRICT,
    value_key VARCHAR(500) NOT NULL CHECK (length(value_key) > 0),
    label     VARCHAR(500) NOT NULL CHECK (length(btrim(label)) > 0),
    UNIQUE (field, value_key)
);
