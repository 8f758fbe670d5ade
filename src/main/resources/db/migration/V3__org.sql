-- Organisation: departments, halls, windows, staff (with their sign-in account), A/B posts and absences.
create table org_department (
    id            bigserial primary key,
    code          varchar(32)  not null unique,
    name          varchar(100) not null unique,
    head_staff_id bigint,
    phone         varchar(32)
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
