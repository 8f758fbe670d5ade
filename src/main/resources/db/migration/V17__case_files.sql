-- Materials uploaded with an online application (PDF, JPEG, PNG), one or more per material of the guide. The files
-- live in the cases folder of the data directory (backed up with the database); the row keeps their checksum, so a
-- file changed or lost on disk is noticed when it is read.
create table case_file (
    id            bigserial primary key,
    case_id       bigint       not null references case_application (id) on delete cascade,
    material      varchar(200) not null,
    file_name     varchar(200) not null,
    content_type  varchar(40)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    bigint       not null check (size_bytes > 0),
    sha256        varchar(64)  not null,
    stored_path   varchar(300) not null unique,
    uploaded_at   timestamptz  not null
);

create index case_file_case on case_file (case_id);
