-- Notifications: sending a message again keeps the first one, and receipts may carry the other form of an id.

-- A message an administrator sent again is a new row that names the one it repeats; the first keeps its attempts,
-- error, parts and receipts. One repeat per message: two clicks at once queue it once.
alter table ntf_outbox add column resent_from bigint references ntf_outbox (id) on delete set null;
create unique index ntf_outbox_resent_from on ntf_outbox (resent_from) where resent_from is not null;

-- Some SMSCs answer submit_sm with a hexadecimal id and write it in decimal in the receipt (or the reverse): a part
-- is also found by its id in lower case without leading zeros, the form the other representation is compared in.
create index ntf_sms_part_message_folded on ntf_sms_part (lower(ltrim(message_id, '0')));
