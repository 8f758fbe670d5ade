-- Working-day calendar: one row per year whose schedule we hold, and the dates that differ from Monday–Friday.
-- Every change to a year (import or a single day) takes a new version from the sequence, so each node can tell
-- cheaply whether its in-memory calendar is stale: count(*) and sum(version) both only ever grow.
create sequence cal_version_seq;

create table cal_year (
    year        integer      primary key check (year between 1900 and 2199),
    published   boolean      not null,
    source      varchar(500) not null default '',
    imported_at timestamptz,
    imported_by varchar(64),
    version     bigint       not null default nextval('cal_version_seq')
);

create table cal_special_day (
    date       date         primary key,
    year       integer      not null references cal_year (year),
    name       varchar(50)  not null,
    off_day    boolean      not null,
    updated_at timestamptz  not null,
    updated_by varchar(64)  not null,
    check (extract(year from date) = year)
);
create index cal_special_day_year on cal_special_day (year);
