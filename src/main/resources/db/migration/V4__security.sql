-- Failed sign-ins, kept in the database so that every node sees the same count and the same lock.
create table sec_login_failure (
    id           bigserial primary key,
    username     varchar(64) not null,
    failed_at    timestamptz not null
);
create index sec_login_failure_user on sec_login_failure (username, failed_at);

create table sec_lockout (
    username     varchar(64) primary key,
    locked_until timestamptz not null
);
