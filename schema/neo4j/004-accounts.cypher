// Accounts (issue 11): users, their API keys and website sessions. A key is found by its id (the
// id is part of the key text), a session by the hash of its id, so every request costs one seek.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT user_name IF NOT EXISTS FOR (u:User) REQUIRE u.name IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT session_sid_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.sidHash IS UNIQUE;
// The clean-up of expired sessions seeks this instead of scanning every session.
CREATE INDEX session_expires_at IF NOT EXISTS FOR (s:Session) ON (s.expiresAt);
