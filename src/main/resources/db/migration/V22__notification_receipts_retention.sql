-- Notifications: the outbox is cleaned up after yimen.notifications.retention (sent and failed rows only).

-- A verification code goes with its message (codes are forgotten after a day anyway).
alter table ntf_phone_code drop constraint ntf_phone_code_outbox_id_fkey,
    add constraint ntf_phone_code_outbox_id_fkey foreign key (outbox_id) references ntf_outbox (id) on delete cascade;
create index ntf_outbox_finished on ntf_outbox (created_at, id) where status in ('SENT', 'FAILED');
