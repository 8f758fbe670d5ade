-- Art. 32 counts an unexamined application as accepted from the day its materials arrived. After a one-time notice
-- that is the day the supplemented materials came in, not the first submission, so the case keeps that moment.
alter table case_application add column materials_arrived_at timestamptz;
update case_application set materials_arrived_at = submitted_at;
alter table case_application alter column materials_arrived_at set not null;

-- The sweep looks for online applications still unexamined by when their materials arrived.
drop index case_application_online;
create index case_application_online on case_application (materials_arrived_at)
    where channel = 'ONLINE' and state = 'SUBMITTED';
