-- No query looks cases up by the applicant's document or phone index, and each index costs an entry on every update
-- of a case row (every transition). A look-up by applicant adds its index with the query that needs it.
drop index case_application_document_index;
drop index case_application_phone_index;
