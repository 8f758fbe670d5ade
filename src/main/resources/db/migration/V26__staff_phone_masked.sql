-- Every read of a member of staff shows the phone masked. Keeping the masked form beside the sealed one saves opening
-- the seal on each read (case transitions read several staff). Rows sealed before this version get it from the
-- start-up step that seals plain phones, which opens each of them once.
alter table org_staff add column phone_masked varchar(20);

comment on column org_staff.phone_masked is 'The phone as shown to everyone (org.yimen.shared.Masking.phone), or null before the start-up step filled it.';
