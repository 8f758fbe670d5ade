-- Appointments (预约): a line offers a number of places per slot of its opening hours on working days; citizens book
-- a place with their name and phone and get a short booking code, and check in at the kiosk with it for a priority
-- ticket.

-- Places per slot and slot length; a line with no places offers no appointments.
alter table rcp_line
    add column appointment_capacity     integer not null default 0 check (appointment_capacity >= 0),
    add column appointment_slot_minutes integer not null default 60
        check (appointment_slot_minutes between 10 and 240);

-- One slot of one line on one day, created with its first booking. "booked" only grows by
-- "update ... set booked = booked + 1 where booked < capacity" in the booking transaction, so the row lock and the
-- re-checked condition never let concurrent bookers oversell it.
create table rcp_appointment_slot (
    id           bigserial primary key,
    line_id      bigint  not null references rcp_line (id) on delete cascade,
    service_date date    not null,
    starts_at    time    not null,
    capacity     integer not null check (capacity >= 0),
    booked       integer not null default 0,
    check (booked >= 0 and booked <= capacity),
    unique (line_id, service_date, starts_at)
);

create table rcp_appointment (
    id            bigserial primary key,
    -- Short and readable (no 0/O, 1/I), unique; with the phone it cancels the booking.
    code          varchar(10)  not null unique,
    slot_id       bigint       not null references rcp_appointment_slot (id),
    hall_id       bigint       not null references org_hall (id),
    line_id       bigint       not null references rcp_line (id),
    service_date  date         not null,
    starts_at     time         not null,
    name          varchar(50)  not null,
    -- Personal data (个人信息): sealed by org.yimen.privacy.PersonalData, found by its keyed index, never in clear.
    phone_sealed  bytea        not null,
    phone_index   varchar(64)  not null,
    state         varchar(20)  not null check (state in ('BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW')),
    booked_at     timestamptz  not null,
    cancelled_at  timestamptz,
    checked_in_at timestamptz,
    ticket_id     bigint references rcp_ticket (id)
);
-- One live booking per person, line and day.
create unique index rcp_appointment_once on rcp_appointment (phone_index, line_id, service_date)
    where state = 'BOOKED';
create index rcp_appointment_phone on rcp_appointment (phone_index, service_date);
create index rcp_appointment_open on rcp_appointment (service_date) where state = 'BOOKED';
