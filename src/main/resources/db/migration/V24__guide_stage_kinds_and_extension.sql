-- Guides say two things that were conventions before: what kind each review stage is, and how long the one
-- extension is where a law or regulation sets its own (行政许可法 Art. 42, 法律、法规另有规定的除外).
--
-- extension_days: empty means the statutory extension (10 working days, 15 for joint review), which is what every
-- existing version has meant, so existing versions keep it empty.
alter table cat_item_version
    add column extension_days integer check (extension_days between 1 and 60);

-- Each stage of every version gets the kind cases already gave it: the first stage is the intake (受理), completed by
-- accepting the application; a stage whose role is 会审部门 is the joint review (会审); the last stage is the decision
-- (决定), since completing it decides, unless it is the joint review; every other stage is a review (审查). Published
-- versions get the same backfill: it names what they already meant and changes nothing a case does with them.
update cat_item_version v
set stages = (
    select jsonb_agg(s.stage || jsonb_build_object('kind',
               case
                   when s.position = 1 then 'INTAKE'
                   when s.stage ->> 'role' = '会审部门' then 'JOINT_REVIEW'
                   when s.position = jsonb_array_length(v.stages) then 'DECISION'
                   else 'REVIEW'
               end) order by s.position)
    from jsonb_array_elements(v.stages) with ordinality as s(stage, position))
where jsonb_array_length(v.stages) > 0;
