-- Reception (取号叫号): service lines per hall, the windows that serve them, devices (kiosks, displays), tickets,
-- their daily numbering and the call events that displays follow.

-- A service line (业务类别): one queue of a hall with its own ticket prefix, hours on working days and daily cap.
create table rcp_line (
    id              bigserial primary key,
    hall_id         bigint       not null references org_hall (id),
    name            varchar(100) not null,
    prefix          varchar(3)   not null check (prefix ~ '^[A-Z]{1,3}$'),
    -- Catalog item codes (事项编码) the line covers; the catalog module resolves them.
    item_codes      text[]       not null default '{}',
    opens_at        time         not null,
    closes_at       time         not null,
    daily_cap       integer      not null check (daily_cap > 0),
    -- Minutes one service takes on average, for the estimated wait until enough of today's services are done.
    service_minutes integer      not null default 8 check (service_minutes > 0),
    -- Offered on the kiosk; a line only reception staff issue to (绿色通道) is not.
    kiosk           boolean      not null default true,
    active          boolean      not null default true,
    check (closes_at > opens_at),
    unique (hall_id, name),
    unique (hall_id, prefix)
);

-- A window serves several lines in a stated order (1 first).
create table rcp_line_window (
    line_id   bigint  not null references rcp_line (id) on delete cascade,
    window_id bigint  not null references org_window (id),
    position  integer not null check (position > 0),
    primary key (line_id, window_id),
    unique (window_id, position)
);

-- The last number issued per line and day: incremented with "update ... returning" in the issuing transaction, so
-- numbers have neither gaps nor duplicates.
create table rcp_counter (
    line_id      bigint  not null references rcp_line (id) on delete cascade,
    service_date date    not null,
    last_number  integer not null,
    primary key (line_id, service_date)
);

-- Kiosks and displays sign in with a token of their own; only its SHA-256 is stored.
create table rcp_device (
    id           bigserial primary key,
    token_hash   char(64)     not null unique,
    kind         varchar(20)  not null check (kind in ('KIOSK', 'HALL_DISPLAY', 'WINDOW_DISPLAY')),
    hall_id      bigint       not null references org_hall (id),
    window_id    bigint references org_window (id),
    name         varchar(100) not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_seen_at timestamptz,
    check ((kind = 'WINDOW_DISPLAY') = (window_id is not null))
);

create table rcp_ticket (
    id               bigserial primary key,
    -- Unguessable reference for the citizen's phone (QR code); a transfer keeps it.
    public_id        varchar(32)  not null,
    hall_id          bigint       not null references org_hall (id),
    line_id          bigint       not null references rcp_line (id),
    service_date     date         not null,
    -- The counter value; null on the continuation row a transfer creates (it keeps the number).
    seq              integer,
    number           varchar(8)   not null,
    priority         varchar(20)  not null check (priority in ('NONE', 'GREEN_CHANNEL', 'APPOINTMENT')),
    green_category   varchar(32),
    state            varchar(20)  not null
        check (state in ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'TRANSFERRED')),
    issued_at        timestamptz  not null,
    -- Place in the queue: issue time, the original's place after a transfer, the rejoin time after a no-show.
    queued_at        timestamptz  not null,
    called_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- Only this window may call it (transfer to a window).
    target_window_id bigint references org_window (id),
    window_id        bigint references org_window (id),
    officer_staff_id bigint references org_staff (id),
    recall_count     integer      not null default 0,
    no_show_at       timestamptz,
    rejoined         boolean      not null default false,
    transferred_from bigint references rcp_ticket (id),
    issued_by        varchar(20)  not null check (issued_by in ('KIOSK', 'STAFF')),
    -- Reserved for an SMS when the turn is near; to be stored sealed, never in the clear.
    phone_sealed     bytea,
    check ((priority = 'GREEN_CHANNEL') = (green_category is not null)),
    unique (line_id, service_date, seq)
);
create index rcp_ticket_public on rcp_ticket (public_id);
create index rcp_ticket_queue on rcp_ticket (line_id, service_date, (priority <> 'NONE'), queued_at, id)
    where state = 'WAITING';
create index rcp_ticket_targeted on rcp_ticket (target_window_id, service_date, queued_at, id)
    where state = 'WAITING' and target_window_id is not null;
create index rcp_ticket_window on rcp_ticket (window_id) where state in ('CALLED', 'SERVING');
create index rcp_ticket_hall_day on rcp_ticket (hall_id, service_date, number);

-- A window closed for a while (暂停服务) with a reason.
create table rcp_window_pause (
    window_id bigint       primary key references org_window (id),
    reason    varchar(200) not null,
    paused_at timestamptz  not null,
    paused_by bigint references org_staff (id)
);

-- What the displays show: every call and recall, numbered; a reconnecting display asks for the ones after the last
-- it saw (Last-Event-ID). Inserted under a per-hall lock, so within a hall ids follow commit order.
create table rcp_call_event (
    id            bigserial primary key,
    hall_id       bigint       not null references org_hall (id),
    window_id     bigint       not null references org_window (id),
    window_number integer      not null,
    ticket_id     bigint       not null references rcp_ticket (id),
    number        varchar(8)   not null,
    line_name     varchar(100) not null,
    recall        boolean      not null,
    officer_name  varchar(50),
    officer_no    varchar(32),
    acting        varchar(32),
    occurred_at   timestamptz  not null
);
create index rcp_call_event_hall on rcp_call_event (hall_id, id);
