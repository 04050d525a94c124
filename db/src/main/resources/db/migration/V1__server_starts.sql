-- Every start of the portal, written through Hibernate at deploy time: shows on the start page
-- that data survives restarts, and proves the JPA path end to end.
CREATE TABLE server_start (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    app_version VARCHAR(64)              NOT NULL,
    java_version VARCHAR(64)             NOT NULL
);
CREATE INDEX server_start_started_at ON server_start (started_at);
