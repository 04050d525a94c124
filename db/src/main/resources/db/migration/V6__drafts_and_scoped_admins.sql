-- Draft collections and admins scoped to one institution.

-- A draft collection is being prepared: its items are imported and embedded but stay out of every
-- public index, count and page until an admin publishes it ('active').
ALTER TABLE collection DROP CONSTRAINT collection_status_check;
ALTER TABLE collection ADD CONSTRAINT collection_status_check
    CHECK (status IN ('draft', 'active', 'withdrawn'));
ALTER TABLE collection ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
UPDATE collection SET published_at = created_at WHERE status = 'active';

-- An admin or curator of one institution manages only its collections; null = the whole portal.
ALTER TABLE app_user ADD COLUMN institution_id BIGINT REFERENCES institution (id) ON DELETE RESTRICT;
CREATE INDEX app_user_institution ON app_user (institution_id);

ALTER TABLE institution ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();
