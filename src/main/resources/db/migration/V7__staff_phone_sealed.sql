-- Staff phones are personal data (个人信息): stored sealed (encrypted, see org.yimen.privacy) with a keyed look-up
-- index, never in plain text. The keys live outside the database, so the existing plain phones cannot be sealed here:
-- at start-up one node (under an advisory lock) seals every phone still in org_staff.phone and blanks that column.
-- The plain column stays only until every installation has run that step; a later migration drops it.
alter table org_staff
    add column phone_sealed bytea,
    add column phone_index  varchar(64);

comment on column org_staff.phone is 'Deprecated: blanked at start-up once sealed into phone_sealed; to be dropped.';
comment on column org_staff.phone_sealed is 'The phone sealed by org.yimen.privacy.PersonalData (header, nonce, ciphertext, tag).';
comment on column org_staff.phone_index is 'HMAC-SHA256 of the normalised phone (hex), to find staff by phone without decrypting.';

create index org_staff_phone_index on org_staff (phone_index) where phone_index is not null;
