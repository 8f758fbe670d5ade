-- Evaluation pads (好差评, GB/T 39734-2020): a pad at each window asks for one rating of each finished visit
-- (一次一评) on five levels, with reason tags for the low ones, which the feedback work follows up.

alter table rcp_device drop constraint rcp_device_kind_check;
alter table rcp_device add constraint rcp_device_kind_check
    check (kind in ('KIOSK', 'HALL_DISPLAY', 'WINDOW_DISPLAY', 'EVALUATION_PAD'));
alter table rcp_device drop constraint rcp_device_check;
alter table rcp_device add constraint rcp_device_window_check
    check ((kind in ('WINDOW_DISPLAY', 'EVALUATION_PAD')) = (window_id is not null));

create table rcp_rating (
    id               bigserial primary key,
    -- One rating per visit: the ticket is the visit.
    ticket_id        bigint       not null unique references rcp_ticket (id),
    hall_id          bigint       not null references org_hall (id),
    window_id        bigint       not null references org_window (id),
    officer_staff_id bigint references org_staff (id),
    -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
    level            smallint     not null check (level between 1 and 5),
    -- Reason tags (only for levels 1 and 2).
    tags             text[]       not null default '{}',
    comment          varchar(200),
    device_id        bigint       not null references rcp_device (id),
    rated_at         timestamptz  not null,
    -- PENDING once a low rating has been handed to the follow-up (整改回访) work.
    follow_up        varchar(20) check (follow_up in ('PENDING')),
    check (level <= 2 or cardinality(tags) = 0)
);
create index rcp_rating_window on rcp_rating (window_id, rated_at);
create index rcp_rating_follow_up on rcp_rating (rated_at) where follow_up is not null;
-- A pad asks for its window's last visit every few seconds.
create index rcp_ticket_window_last on rcp_ticket (window_id, called_at desc, id desc) where called_at is not null;
