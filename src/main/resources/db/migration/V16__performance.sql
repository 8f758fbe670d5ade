-- The estimated wait averages a line's latest services of the day. Without an index it read every ticket of the
-- table at each issue (7.7 ms with 18,000 tickets, while the line's counter row was locked); newest first from here
-- it reads 50.
create index rcp_ticket_done on rcp_ticket (line_id, service_date, finished_at desc) where state = 'DONE';

-- The audit chain's head, read once the chain lock is granted, in one round trip. The lock is held from here to the
-- commit, so every statement less in that stretch is more appends per second. The function is volatile: its select
-- takes a fresh snapshot after the lock is granted and so sees the head the previous holder committed.
create function audit_chain_head(out seq bigint, out hash varchar) language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(418581342580); -- 0x6175646974, "audit" in ASCII
    select r.seq, r.hash into seq, hash from audit_record r order by r.seq desc limit 1;
end
$$;
