-- 审计日志: one append-only, hash-chained trail for the whole platform.
create table audit_record (
    seq            bigint       primary key,
    occurred_at    timestamptz  not null,
    actor_type     varchar(16)  not null,
    actor_id       varchar(64)  not null,
    actor_name     varchar(100) not null,
    actor_role     varchar(200) not null,
    action         varchar(80)  not null,
    target_type    varchar(40)  not null,
    target_id      varchar(80)  not null,
    detail         text         not null,
    client_address varchar(64)  not null,
    algorithm      varchar(16)  not null,
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null
);
create index audit_record_target on audit_record (target_type, target_id, seq);
create index audit_record_actor on audit_record (actor_id, occurred_at);
create index audit_record_time on audit_record (occurred_at);

-- The database itself refuses to change or remove audit records. The only exception is the retention purge, which
-- must say so for its own transaction and can never reach records younger than 180 days (等保 2.0: at least 6 months).
create function audit_record_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE'
            and current_setting('yimen.audit_purge', true) = 'on'
            and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    raise exception 'audit records cannot be changed or deleted (% on record %)', tg_op, old.seq
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_guard();

create function audit_record_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit records cannot be truncated' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_no_truncate();
