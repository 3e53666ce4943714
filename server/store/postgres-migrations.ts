/**
 * Schema migrations of the PostgreSQL store, applied in order at start under an advisory lock
 * (several processes may start at once). Never edit a released migration: add a new one.
 */
export const MIGRATIONS: string[] = [
  // 1: the live day per office (one row, locked for every change), history, accounts.
  `
  CREATE TABLE live_day (
    office_id text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0,
    state jsonb
  );
  CREATE TABLE archived_tickets (
    office_id text NOT NULL,
    day text NOT NULL,
    id text NOT NULL,
    token text NOT NULL,
    ticket jsonb NOT NULL,
    PRIMARY KEY (office_id, id)
  );
  CREATE INDEX archived_tickets_day ON archived_tickets (office_id, day);
  CREATE INDEX archived_tickets_token ON archived_tickets (token);
  CREATE TABLE stats_days (
    office_id text NOT NULL,
    day text NOT NULL,
    buckets jsonb NOT NULL,
    PRIMARY KEY (office_id, day)
  );
  CREATE TABLE staff (
    office_id text NOT NULL,
    username text NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (office_id, username)
  );
  CREATE TABLE devices (
    office_id text NOT NULL,
    id text NOT NULL,
    token_hash text NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (office_id, id)
  );
  CREATE UNIQUE INDEX devices_token ON devices (token_hash);
  CREATE TABLE appointments (
    office_id text NOT NULL,
    code text NOT NULL,
    data jsonb NOT NULL,
    PRIMARY KEY (office_id, code)
  );
  CREATE TABLE audit (
    seq bigserial PRIMARY KEY,
    office_id text NOT NULL,
    at bigint NOT NULL,
    entry jsonb NOT NULL
  );
  CREATE INDEX audit_office ON audit (office_id, seq DESC);
  `,
  // 2: staff sessions shared by all processes (token stored as a hash).
  `
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    office_id text NOT NULL,
    username text NOT NULL,
    data jsonb NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (office_id, username);
  `,
  // 3: the office configuration, shared by all processes.
  `
  CREATE TABLE offices (
    office_id text PRIMARY KEY,
    config jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  `,
  // 4: the live day's tickets as rows, so a change writes only what changed (see postgres-day.ts).
  // The rest of the day stays one value (`head`); `base_version` is the version that last replaced
  // every ticket row (a new day). Moves each stored day over and drops the whole-day value.
  `
  CREATE TABLE live_tickets (
    office_id text NOT NULL,
    id text NOT NULL,
    pos int NOT NULL,
    version bigint NOT NULL,
    ticket jsonb NOT NULL,
    PRIMARY KEY (office_id, id)
  );
  CREATE INDEX live_tickets_version ON live_tickets (office_id, version);
  ALTER TABLE live_day ADD COLUMN head jsonb;
  ALTER TABLE live_day ADD COLUMN base_version bigint NOT NULL DEFAULT 0;
  INSERT INTO live_tickets (office_id, id, pos, version, ticket)
    SELECT d.office_id, t.value->>'id', (t.n - 1)::int, d.version, t.value
    FROM live_day d, jsonb_array_elements(d.state->'tickets') WITH ORDINALITY AS t(value, n)
    WHERE d.state IS NOT NULL;
  UPDATE live_day SET head = state - 'tickets', base_version = version WHERE state IS NOT NULL;
  ALTER TABLE live_day DROP COLUMN state;
  `,
];
