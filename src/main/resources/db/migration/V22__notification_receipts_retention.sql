-- Notifications: the outbox is cleaned up after yimen.notifications.retention (sent and failed rows only).

-- A verification code goes with its message (codes are forgotten after a day anyway).
alter table ntf_phone_code drop constraint ntf_phone_code_outbox_id_fkey,
    add constraint ntf_phone_code_outbox_id_fkey foreign key (outbox_id) references ntf_outbox (id) on delete cascade;
create index ntf_outbox_finished on ntf_outbox (created_at, id) where status in ('SENT', 'FAILED');

-- Delivery receipts (状态报告) of short messages: what the SMSC said last about the handset getting the message.
alter table ntf_outbox
    add column delivery             varchar(12) check (delivery in ('DELIVERED', 'UNDELIVERED')),
    add column delivery_state       varchar(8),
    add column delivery_reported_at timestamptz;

-- The SMSC's id of each part of a sent short message, and the state its receipt reported.
create table ntf_sms_part (
    outbox_id   bigint      not null references ntf_outbox (id) on delete cascade,
    seq         integer     not null,
    message_id  varchar(65) not null,
    state       varchar(8),
    reported_at timestamptz,
    primary key (outbox_id, seq)
);
create index ntf_sms_part_message on ntf_sms_part (message_id);

-- Receipts as they arrive on any node's session, until a dispatcher applies them to their message.
create table ntf_sms_receipt (
    id          bigserial   primary key,
    message_id  varchar(65) not null,
    state       varchar(8)  not null,
    received_at timestamptz not null
);
