-- Notifications (消息通知): the outbox written in the transaction that caused a message, drained by dispatchers on
-- every node (FOR UPDATE SKIP LOCKED), and the one-time codes that prove a phone number.

create table ntf_outbox (
    id               bigserial    primary key,
    channel          varchar(8)   not null check (channel in ('SMS', 'EMAIL')),
    category         varchar(40)  not null,
    status           varchar(8)   not null check (status in ('PENDING', 'HELD', 'SENT', 'FAILED')),
    -- The recipient sealed by org.yimen.privacy.PersonalData, its keyed look-up index and its masked form.
    recipient_sealed bytea        not null,
    recipient_index  varchar(64)  not null,
    recipient_masked varchar(100) not null,
    message_key      varchar(100) not null,
    -- Subject (e-mail only) and text, rendered when written and sealed: they may name people or carry a code.
    subject_sealed   bytea,
    body_sealed      bytea,
    -- A secret message (a verification code) loses its text once sent, failed or expired.
    secret           boolean      not null default false,
    created_at       timestamptz  not null,
    expires_at       timestamptz,
    next_attempt_at  timestamptz  not null,
    attempts         integer      not null default 0,
    last_error       varchar(500),
    sent_at          timestamptz,
    provider_id      varchar(300),
    parts            integer
);
create index ntf_outbox_due on ntf_outbox (next_attempt_at, id) where status = 'PENDING';
create index ntf_outbox_status on ntf_outbox (status, id);
create index ntf_outbox_recipient on ntf_outbox (recipient_index);
create index ntf_outbox_secret_text on ntf_outbox (expires_at) where secret and body_sealed is not null;

create table ntf_phone_code (
    id          bigserial   primary key,
    phone_index varchar(64) not null,
    purpose     varchar(24) not null,
    -- HMAC-SHA256 under the privacy index key (never in the database) of purpose, phone and code: no code in clear.
    code_hash   varchar(64) not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    integer     not null default 0,
    -- Set when the code was used, replaced by a newer one, ran out of attempts or expired on a try.
    closed_at   timestamptz,
    outbox_id   bigint      not null references ntf_outbox (id)
);
create index ntf_phone_code_open on ntf_phone_code (phone_index, purpose) where closed_at is null;
create index ntf_phone_code_created on ntf_phone_code (created_at);
