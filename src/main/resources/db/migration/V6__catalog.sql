-- Service catalog (办事指南 / 一本通): service items and their versions.
--
-- cat_item is the item's identity: its code (事项编码) and which version is in force now. cat_item_version holds every
-- version ever written; a published version is never changed again, because a case is judged by the version that was
-- in force when it was accepted. The structured parts of a guide (materials, review stages, special procedures, fees)
-- are jsonb arrays on the version row: they are written and read only as part of one whole version, never updated on
-- their own, and the fee schedule page reads them with jsonb_array_elements. Consulted departments (会审) are ids of
-- org_department; channels and themes are code arrays shown through the message bundles.
create extension if not exists pg_trgm;

create table cat_item (
    id                 bigserial primary key,
    code               varchar(40) not null unique,
    published_version  integer,
    created_at         timestamptz not null
);

create table cat_item_version (
    item_id                    bigint       not null references cat_item (id),
    version                    integer      not null check (version > 0),
    status                     varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    name                       varchar(200) not null,
    item_type                  varchar(32)  not null,
    department_id              bigint       not null references org_department (id),
    legal_basis                text         not null,
    conditions                 text         not null,
    procedure_text             text         not null default '',
    statutory_days             integer      not null check (statutory_days >= 0),
    promised_days              integer      not null check (promised_days >= 0),
    max_visits                 integer      not null check (max_visits >= 0),
    place                      text         not null,
    hours                      text         not null,
    consultation_phone         varchar(40)  not null,
    complaint_phone            varchar(40)  not null,
    result_pickup              text         not null default '',
    keywords                   text         not null default '',
    channels                   varchar(16)[] not null default '{}',
    themes                     varchar(32)[] not null default '{}',
    consulted_department_ids   bigint[]     not null default '{}',
    materials                  jsonb        not null default '[]',
    stages                     jsonb        not null default '[]',
    special_procedures         jsonb        not null default '[]',
    fees                       jsonb        not null default '[]',
    -- what search matches: code, name, keywords; kept by the writer so one trigram index serves the search box
    search_text                text         not null,
    created_at                 timestamptz  not null,
    published_at               timestamptz,
    retired_at                 timestamptz,
    primary key (item_id, version),
    check (promised_days <= statutory_days)
);

-- At most one draft and at most one version in force per item.
create unique index cat_item_version_one_draft on cat_item_version (item_id) where status = 'DRAFT';
create unique index cat_item_version_one_published on cat_item_version (item_id) where status = 'PUBLISHED';

-- Search by any part of a name or keyword. Trigrams serve queries of three characters or more; shorter ones (two
-- Chinese characters such as 用地 are common) fall back to a scan of the published versions, which stays correct.
create index cat_item_version_search on cat_item_version using gin (search_text gin_trgm_ops)
    where status = 'PUBLISHED';
create index cat_item_version_department on cat_item_version (department_id) where status = 'PUBLISHED';
