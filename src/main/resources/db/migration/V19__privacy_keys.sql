-- Every node must hold the same personal-data keys, or a value one node sealed cannot be opened on another and the
-- look-up index splits in two. Each node records a fingerprint of each key it holds (HMAC of a fixed label under a
-- key derived for that purpose: the fingerprint reveals nothing of the key) and refuses to start when a key with the
-- same id, or the index key, differs from what the first node recorded.
create table privacy_key_fingerprint (
    key_id        varchar(64)  primary key,
    fingerprint   varchar(64)  not null,
    recorded_at   timestamptz  not null
);
