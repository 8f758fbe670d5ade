-- Request counts per fixed window, shared by every node, for rate limits on public endpoints.
create table platform_rate_window (
    bucket       varchar(200) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket, window_start)
);
create index platform_rate_window_start on platform_rate_window (window_start);
