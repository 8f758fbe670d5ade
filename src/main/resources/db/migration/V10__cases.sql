-- Cases (办件): intake at a window with the one-time notice (一次性告知), acceptance (受理) with its clocks, and
-- refusal (不予受理). A case is judged by the catalog version in force at intake, so it keeps code and version.

-- Case numbers read aloud as <hall code>-<yyyyMMdd>-<six digits>: one database sequence serves every node, so two
-- nodes never hand out the same number, and the hall and the day tell a clerk at once where and when to look.
create sequence case_number_seq;

create table case_application (
    id                      bigserial primary key,
    case_number             varchar(48)  not null unique,
    -- A repeated submission (double click, network retry) finds the case its first submission created.
    idempotency_key         varchar(100) not null unique,
    item_code               varchar(64)  not null,
    item_version            integer      not null check (item_version > 0),
    department_id           bigint       not null references org_department (id),
    hall_id                 bigint       not null references org_hall (id),
    window_id               bigint references org_window (id),
    channel                 varchar(16)  not null check (channel in ('WINDOW', 'ONLINE')),
    clerk_id                varchar(64)  not null,
    clerk_name              varchar(100) not null,
    applicant_kind          varchar(16)  not null check (applicant_kind in ('PERSON', 'ENTERPRISE')),
    applicant_name          varchar(200) not null,
    credit_code             varchar(18),
    document_type           varchar(40)  not null,
    document_sealed         bytea        not null,
    document_index          varchar(64)  not null,
    phone_sealed            bytea        not null,
    phone_index             varchar(64)  not null,
    state                   varchar(32)  not null
        check (state in ('SUBMITTED', 'WAITING_FOR_MATERIALS', 'ACCEPTED', 'REFUSED')),
    -- 最多跑一次 / 决不让群众跑第三趟: every visit of the applicant for this case is counted.
    visits                  integer      not null default 1 check (visits >= 1),
    third_visit             boolean      not null default false,
    second_notice           boolean      not null default false,
    submitted_at            timestamptz  not null,
    -- Clocks: working days from the acceptance date, the acceptance day itself not counted (行政许可法 Art. 42).
    accepted_on             date,
    promised_days           integer,
    statutory_days          integer,
    promised_due            date,
    statutory_due           date,
    -- False when a year between acceptance and a due date had no published holiday schedule (Mon–Fri stood in).
    due_dates_published     boolean,
    refusal_kind            varchar(16) check (refusal_kind in ('NOT_ACCEPTED', 'OUTSIDE_REMIT')),
    refusal_reason          varchar(1000),
    refusal_remedies        varchar(1000),
    competent_department_id bigint references org_department (id),
    decided_on              date,
    row_version             integer      not null default 0,
    check ((state = 'ACCEPTED') = (accepted_on is not null)),
    check ((state = 'REFUSED') = (refusal_kind is not null))
);

create index case_application_document_index on case_application (document_index);
create index case_application_phone_index on case_application (phone_index);
create index case_application_state on case_application (state, submitted_at);

-- The guide's materials as the clerk ticked them, in the guide's order; which visit brought each.
create table case_material (
    case_id      bigint       not null references case_application (id) on delete cascade,
    position     integer      not null,
    name         varchar(200) not null,
    required     boolean      not null,
    received     boolean      not null,
    brought_on   integer check (brought_on >= 1),
    primary key (case_id, position),
    unique (case_id, name)
);

-- 一次性告知书: one notice lists every missing or defective material; a second one is the flagged exception.
create table case_notice (
    id         bigserial primary key,
    case_id    bigint        not null references case_application (id) on delete cascade,
    number     integer       not null check (number >= 1),
    issued_on  date          not null,
    visit      integer       not null,
    reason     varchar(1000) not null default '',
    flagged    boolean       not null default false,
    unique (case_id, number)
);

create table case_notice_item (
    notice_id bigint        not null references case_notice (id) on delete cascade,
    position  integer       not null,
    material  varchar(200)  not null,
    problem   varchar(16)   not null check (problem in ('MISSING', 'DEFECTIVE')),
    reason    varchar(1000) not null default '',
    primary key (notice_id, position)
);
