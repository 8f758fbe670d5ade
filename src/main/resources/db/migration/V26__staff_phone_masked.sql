-- Every read of a member of staff shows the phone masked. Keeping the masked form beside the sealed one saves opening
-- the seal on each read (case transitions read several staff). Rows sealed before this version get it from the
-- start-up step that seals plain phones, which opens each of them once.
alter table org_staff add column phone_masked varchar(20);

comment on column org_staff.phone_masked is 'The phone as shown to everyone (org.yimen.shared.Masking.phone); null until the start-up step fills it.';

-- A node of an older version, during a rolling upgrade, changes the seal without knowing of the masked form: the
-- stale form is dropped, so reads open the seal until the next start-up fills it again. A writer that knows the
-- column changes the seal first and then sets the masked form in an update of its own.
create function org_staff_masked_phone_follows_seal() returns trigger language plpgsql as $$
begin
    if new.phone_sealed is distinct from old.phone_sealed and new.phone_masked is not distinct from old.phone_masked
    then
        new.phone_masked := null;
    end if;
    return new;
end
$$;

create trigger org_staff_masked_phone_follows_seal before update on org_staff
    for each row execute function org_staff_masked_phone_follows_seal();
