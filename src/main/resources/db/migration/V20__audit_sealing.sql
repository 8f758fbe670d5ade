-- Audit records are sealed into the chain after they commit instead of inside the transaction that made them.
-- Before, every audited transaction of every node queued for one lock to read the chain head and link its records:
-- about 1,000 audited transactions per second for a whole province, less under load. Now a transaction inserts its
-- records with a number from a sequence (seq, no lock), and one sealer at a time (audit.AuditSealer) gives each
-- committed record its place in the chain (link), in order, with its hashes, within a second.

create sequence audit_record_seq owned by audit_record.seq;
select setval('audit_record_seq', coalesce((select max(seq) from audit_record), 0) + 1, false);
alter table audit_record alter column seq set default nextval('audit_record_seq');

alter table audit_record add column link bigint;
alter table audit_record alter column algorithm drop not null;
alter table audit_record alter column prev_hash drop not null;
alter table audit_record alter column hash drop not null;

-- Records chained so far keep their place: it was their number, and their hashes were computed over it.
alter table audit_record disable trigger audit_record_no_update_or_delete;
update audit_record set link = seq;
alter table audit_record enable trigger audit_record_no_update_or_delete;

create unique index audit_record_link on audit_record (link);
create index audit_record_unsealed on audit_record (seq) where link is null;

drop function audit_chain_head();

-- The one change the database allows besides the retention purge: sealing, which fills the chain columns of a record
-- that has none and leaves everything it says untouched.
create or replace function audit_record_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE'
            and current_setting('yimen.audit_purge', true) = 'on'
            and old.occurred_at < now() - interval '180 days' then
        return old;
    end if;
    if tg_op = 'UPDATE'
            and old.link is null and old.hash is null
            and new.link is not null and new.hash is not null and new.prev_hash is not null
            and new.algorithm is not null
            and (new.seq, new.occurred_at, new.actor_type, new.actor_id, new.actor_name, new.actor_role, new.action,
                 new.target_type, new.target_id, new.detail, new.client_address)
                is not distinct from
                (old.seq, old.occurred_at, old.actor_type, old.actor_id, old.actor_name, old.actor_role, old.action,
                 old.target_type, old.target_id, old.detail, old.client_address) then
        return new;
    end if;
    raise exception 'audit records cannot be changed or deleted (% on record %)', tg_op, old.seq
        using errcode = 'insufficient_privilege';
end
$$;
