-- Accounts, roles and security.

-- A local account. password_hash is "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" (kusari.account.Passwords).
-- site_admin: an administrator of the whole installation (accounts, new workspaces, imports); administrator in
-- every workspace. totp_secret (Base32) is set once a second factor was confirmed; totp_last_step stops a code
-- from being used twice.
CREATE TABLE account (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
    password_hash       TEXT    NOT NULL,
    site_admin          INTEGER NOT NULL DEFAULT 0 CHECK (site_admin IN (0, 1)),
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    totp_secret         TEXT,
    totp_pending        TEXT,
    totp_last_step      INTEGER,
    created_at          TEXT    NOT NULL,
    password_changed_at TEXT    NOT NULL
);

-- An account's role in one workspace. MEMBER = department member, bound to actors in member_actor.
CREATE TABLE workspace_member (
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    workspace_id INTEGER NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    role         TEXT    NOT NULL CHECK (role IN ('ADMIN', 'PLANNER', 'MEMBER', 'VIEWER')),
    PRIMARY KEY (account_id, workspace_id)
);

-- The actors (departments, partners) a department member acts for.
CREATE TABLE member_actor (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, actor_id)
);

-- Signed-in browsers. Only the SHA-256 of the cookie's token is stored: a copy of the database opens no session.
CREATE TABLE account_session (
    token_hash   TEXT    PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    last_seen_at TEXT    NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_id);

-- API tokens for integrations: shown once, stored as SHA-256, revocable (revoked_at set, row kept for the record).
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    label        TEXT    NOT NULL CHECK (length(label) <= 100),
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

-- One-time recovery codes for a lost second factor (SHA-256 of each code).
CREATE TABLE recovery_code (
    account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  TEXT    NOT NULL,
    used_at    TEXT,
    PRIMARY KEY (account_id, code_hash)
);

-- The one-time link printed on the console while no administrator exists (SHA-256 of its token).
CREATE TABLE setup_token (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    used_at    TEXT
);

-- Per-workspace access settings. A workspace without a row is readable without login (as every workspace was
-- before accounts existed, and as the sample must be); an administrator can turn that off or on.
CREATE TABLE workspace_access (
    workspace_id        INTEGER PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
    public_read         INTEGER NOT NULL DEFAULT 1 CHECK (public_read IN (0, 1)),
    require_totp_admins INTEGER NOT NULL DEFAULT 0 CHECK (require_totp_admins IN (0, 1))
);

-- A workspace made once accounts exist (new, copied, imported through the web or the API) starts readable only by
-- those with a role in it; the ones loaded on first start, before any account (the sample), stay readable.
CREATE TRIGGER workspace_private_once_accounts_exist AFTER INSERT ON workspace WHEN (SELECT COUNT(*) FROM account) > 0
BEGIN
    INSERT OR IGNORE INTO workspace_access (workspace_id, public_read) VALUES (NEW.id, 0);
END;

-- The history as a hash chain (kusari.history.HistoryChain): entries written before this migration are sealed
-- on the next write or start.
ALTER TABLE change_log ADD COLUMN prev_hash TEXT;
ALTER TABLE change_log ADD COLUMN hash TEXT;
CREATE INDEX change_log_author ON change_log (changed_by, changed_at);
CREATE INDEX change_log_time ON change_log (changed_at);
