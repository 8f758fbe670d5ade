-- Reception: the catalog item a citizen chose for a ticket or a booking, the short message when a ticket's turn is
-- near, and appointments marked no-show by a job once their slot is over.

-- The catalog item (事项编码) the citizen chose at the kiosk or when booking, which led to the line; null when they
-- chose the line itself. A booking's item goes on to its check-in ticket.
alter table rcp_ticket add column item_code varchar(40);
alter table rcp_appointment add column item_code varchar(40);

-- V9 kept a column on the ticket for this phone. It lives in a table of its own instead: claiming the message takes
-- a row lock, and a lock on a waiting ticket would make windows calling at that moment skip it.
alter table rcp_ticket drop column phone_sealed;

-- A citizen's mobile number for one short message when at most yimen.reception.notify-ahead people are ahead of the
-- ticket. The call that moves the ticket that near claims it with "update ... where notified_at is null", so windows
-- calling at once send it exactly once.
create table rcp_ticket_sms (
    ticket_id    bigint      primary key references rcp_ticket (id),
    line_id      bigint      not null references rcp_line (id),
    service_date date        not null,
    -- Personal data (个人信息): sealed by org.yimen.privacy.PersonalData, shown only masked.
    phone_sealed bytea       not null,
    phone_masked varchar(20) not null,
    notified_at  timestamptz,
    people_ahead integer
);
create index rcp_ticket_sms_pending on rcp_ticket_sms (line_id, service_date) where notified_at is null;

-- The end of the booked slot, as it was when booked (a manager may change the line's slot length later); the
-- no-show job marks a booking not checked in by then. Earlier bookings take the line's slot as it is now.
alter table rcp_appointment add column ends_at time;
update rcp_appointment a
set ends_at = least(a.starts_at + make_interval(mins => l.appointment_slot_minutes), l.closes_at)
from rcp_line l where l.id = a.line_id;
alter table rcp_appointment alter column ends_at set not null;
alter table rcp_appointment add column no_show_at timestamptz;
