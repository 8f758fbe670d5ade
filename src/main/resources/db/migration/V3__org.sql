-- Organisation: departments, halls, windows, staff (with their sign-in account), A/B posts (AB岗), absences and the
-- record of who acted for each post when.
create table org_department (
    id            bigserial primary key,
    code          varchar(32)  not null unique,
    name          varchar(100) not null unique,
    head_staff_id bigint,
    phone         varchar(32)  not null default ''
);

create table org_hall (
    id      bigserial primary key,
    code    varchar(32)  not null unique,
    name    varchar(100) not null unique,
    address varchar(200) not null default '',
    phone   varchar(32)  not null default ''
);

create table org_window (
    id            bigserial primary key,
    hall_id       bigint       not null references org_hall (id),
    number        integer      not null check (number > 0),
    name          varchar(100) not null,
    department_id bigint references org_department (id),
    active        boolean      not null default true,
    unique (hall_id, number)
);

create table org_staff (
    id            bigserial primary key,
    staff_number  varchar(32)  not null unique,
    name          varchar(50)  not null,
    department_id bigint references org_department (id),
    roles         varchar(32)[] not null default '{}',
    phone         varchar(32)  not null default '',
    username      varchar(64)  not null unique,
    password_hash varchar(200) not null,
    active        boolean      not null default true,
    created_at    timestamptz  not null
);

alter table org_department
    add constraint org_department_head_fk foreign key (head_staff_id) references org_staff (id);

-- AB岗: officer A serves the post; officer B acts when A is absent; the department head when both are.
create table org_post (
    id            bigserial primary key,
    name          varchar(100) not null,
    department_id bigint       not null references org_department (id),
    window_id     bigint references org_window (id),
    officer_a_id  bigint       not null references org_staff (id),
    officer_b_id  bigint       not null references org_staff (id),
    check (officer_a_id <> officer_b_id),
    unique (department_id, name)
);

-- Absent from starts_at (inclusive) until ends_at (exclusive); a cancelled absence no longer counts.
create table org_absence (
    id           bigserial primary key,
    staff_id     bigint       not null references org_staff (id),
    reason       varchar(200) not null,
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null,
    cancelled_at timestamptz,
    check (ends_at > starts_at)
);
create index org_absence_open on org_absence (ends_at) where cancelled_at is null;
create index org_absence_staff on org_absence (staff_id, starts_at);

-- Every change of who acts for a post, recorded once; the latest row is who acts now.
create table org_acting_switch (
    id                bigserial primary key,
    post_id           bigint      not null references org_post (id) on delete cascade,
    acting_staff_id   bigint references org_staff (id),
    previous_staff_id bigint references org_staff (id),
    reason            varchar(32) not null,
    switched_at       timestamptz not null
);
create index org_acting_switch_post on org_acting_switch (post_id, id desc);
