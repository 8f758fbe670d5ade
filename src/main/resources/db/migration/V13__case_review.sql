-- Cases after acceptance: review stages resolved to the acting officer of a post (AB岗), joint review (网上会审) with
-- per-department deadlines and consent by silence (超时默认), special procedures that stop the clock (行政许可法
-- Art. 45), one approved extension (Art. 42), 容缺受理 with a pledge deadline, the decision (办结) and delivery (送达),
-- online applications deemed accepted after 5 working days (Art. 32), and a timeline citizens can read.

alter table case_application drop constraint case_application_state_check;
alter table case_application drop constraint case_application_check;
alter table case_application add constraint case_application_state_check check (state in
    ('SUBMITTED', 'WAITING_FOR_MATERIALS', 'ACCEPTED', 'PAUSED', 'COMPLETED', 'DELIVERED', 'REFUSED', 'TERMINATED'));
alter table case_application add constraint case_application_accepted_check check
    ((state in ('SUBMITTED', 'WAITING_FOR_MATERIALS', 'REFUSED')) = (accepted_on is null));

alter table case_application
    -- Art. 32: an online application nobody examined within 5 working days counts as accepted; flagged.
    add column deemed_accepted     boolean      not null default false,
    -- 容缺受理: accepted with deferrable materials pending against a signed pledge, terminated if the deadline passes.
    add column pledge              varchar(1000),
    add column pledge_due          date,
    -- The clock stops while a special procedure runs; the working days it took are added to both due dates.
    add column excluded_days       integer      not null default 0,
    -- One extension (延期), requested by the officer and approved by the department head.
    add column extension_days      integer,
    add column extension_reason    varchar(1000),
    add column extension_requested_by varchar(100),
    add column extension_approved_by  varchar(100),
    add column extension_approved_on  date,
    -- Decision (办结) and delivery (送达, within 10 working days: Art. 44).
    add column outcome             varchar(16)  check (outcome in ('APPROVED', 'DISAPPROVED')),
    add column result_number       varchar(100),
    add column decision_reason     varchar(2000),
    add column decision_remedies   varchar(1000),
    add column decided_by          varchar(100),
    add column completed_on        date,
    add column delivery_due        date,
    add column delivery_method     varchar(16)  check (delivery_method in ('WINDOW', 'POST', 'ELECTRONIC')),
    add column delivery_reference  varchar(200),
    add column delivered_on        date,
    add column terminated_on       date,
    -- What the queues and sweeps look for, kept on the case row so they never scan the child tables.
    add column current_post_id     bigint,
    add column current_officer_id  bigint,
    add column opinions_due        date,
    add column veto_pending        boolean      not null default false,
    add constraint case_application_completed_check check ((state in ('COMPLETED', 'DELIVERED')) = (outcome is not null));

-- The guide lets the material come later under 容缺 (can_defer); it was accepted missing and is awaited (pledged).
alter table case_material add column can_defer boolean not null default false;
alter table case_material add column pledged   boolean not null default false;

create index case_application_officer on case_application (current_officer_id) where current_officer_id is not null;
create index case_application_opinions_due on case_application (opinions_due) where opinions_due is not null;
create index case_application_pledge_due on case_application (pledge_due) where pledge_due is not null;
create index case_application_online on case_application (submitted_at) where channel = 'ONLINE' and state = 'SUBMITTED';

-- The guide's review stages (审查环节) as this case walks them; the first (受理) is completed by acceptance.
create table case_stage (
    case_id        bigint       not null references case_application (id) on delete cascade,
    position       integer      not null,
    name           varchar(100) not null,
    role           varchar(100) not null,
    joint_review   boolean      not null default false,
    post_id        bigint,
    officer_id     bigint,
    officer_name   varchar(100),
    -- A, B_FOR_ABSENT_A, HEAD_FOR_BOTH_ABSENT, VACANT, or HEAD when the department has no post by that name.
    acting_reason  varchar(32),
    opened_on      date,
    completed_on   date,
    completed_by   varchar(100),
    opinion        varchar(2000),
    primary key (case_id, position)
);

-- 网上会审: one opinion per consulted department, each with its own deadline; silence past it is consent, once.
create table case_opinion (
    case_id          bigint        not null references case_application (id) on delete cascade,
    department_id    bigint        not null references org_department (id),
    requested_on     date          not null,
    due              date          not null,
    answer           varchar(16)   check (answer in ('CONSENT', 'VETO', 'DEEMED_CONSENT')),
    reason           varchar(2000),
    answered_by      varchar(100),
    answered_on      date,
    -- A veto is reported to the department head and the supervisors; the head acknowledges it before deciding.
    acknowledged_by  varchar(100),
    acknowledged_on  date,
    primary key (case_id, department_id)
);

-- 特殊程序: hearing, testing, expert review… not counted toward the time limit (Art. 45).
create table case_pause (
    case_id        bigint        not null references case_application (id) on delete cascade,
    number         integer       not null check (number >= 1),
    procedure      varchar(32)   not null,
    reason         varchar(1000) not null,
    expected_days  integer       not null check (expected_days >= 1),
    started_on     date          not null,
    expected_end   date          not null,
    ended_on       date,
    excluded_days  integer,
    primary key (case_id, number)
);

-- What happened to the case, in order, for the case page and the citizen's timeline.
create table case_event (
    case_id      bigint        not null references case_application (id) on delete cascade,
    seq          integer       not null,
    occurred_at  timestamptz   not null,
    kind         varchar(40)   not null,
    actor_name   varchar(100)  not null,
    detail       varchar(2000) not null default '',
    primary key (case_id, seq)
);
