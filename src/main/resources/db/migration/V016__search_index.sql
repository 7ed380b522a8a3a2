-- Search across the whole chain. One row per thing a person may look for (a persona, a step, an action, an
-- actor, a challenge, a framework item, a project, an indicator, later a workshop card), with the text it is
-- found by; the rows are written by kusari.change.SearchIndex in the same transaction as every change, and
-- rebuilt per workspace when what is indexed changes (search_built). No foreign keys on purpose: the trash and
-- workspace copies follow foreign keys, and the index is not part of what people edit.
CREATE TABLE search_doc (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    ref          INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    UNIQUE (kind, ref)
);
CREATE INDEX search_doc_workspace ON search_doc (workspace_id, kind);

-- Queries of three characters and more: the trigram tokenizer finds any substring (Japanese has no spaces).
-- Contentless: the text is kept once, in search_doc; the index only points back to its rows.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content = '', contentless_delete = 1, tokenize = 'trigram');
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- Queries of one and two characters (「課」, 「子育」), which trigrams cannot answer: every character with the
-- one after it as a token, so a two-character query is one token and a one-character query a prefix.
CREATE VIRTUAL TABLE search_gram USING fts5(title, body, content = '', contentless_delete = 1,
                                            tokenize = 'unicode61 remove_diacritics 0', prefix = '1');
INSERT INTO search_gram (search_gram, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- Which workspaces are indexed, and by which declarations (a new kind in the index rebuilds them at start).
CREATE TABLE search_built (
    workspace_id INTEGER PRIMARY KEY,
    signature    TEXT NOT NULL
);
