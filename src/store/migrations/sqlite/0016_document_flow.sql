-- Status flowing back, recall and sub-assignment of official documents (docs/documents.md).
-- Each recipient row of a sent document keeps the current status of the recipient's copy
-- (DOMAIN.md §4 status messages, by name: arrived, received, awaiting_assignment, assigned,
-- done, recall_requested, recall_accepted, recall_refused) and when it last changed; the
-- changes themselves are events of the sent document. A unit's assignment may be handed by
-- the unit's leader to one officer of the unit (assigned_user), with who did it, when and a note.
ALTER TABLE document_recipients ADD COLUMN status TEXT;
ALTER TABLE document_recipients ADD COLUMN status_changed_at INTEGER;
CREATE INDEX document_recipients_delivered ON document_recipients(delivered_document_id);

UPDATE document_recipients SET
  status = CASE (SELECT c.status FROM documents c WHERE c.id = document_recipients.delivered_document_id)
    WHEN 'arrived' THEN 'arrived'
    WHEN 'registered' THEN 'awaiting_assignment'
    WHEN 'done' THEN 'done'
    ELSE 'assigned' END,
  status_changed_at = (SELECT c.updated_at FROM documents c
    WHERE c.id = document_recipients.delivered_document_id)
WHERE delivered_document_id IS NOT NULL;

ALTER TABLE document_assignments ADD COLUMN assigned_user TEXT;
ALTER TABLE document_assignments ADD COLUMN assigned_by TEXT;
ALTER TABLE document_assignments ADD COLUMN assigned_at INTEGER;
ALTER TABLE document_assignments ADD COLUMN assigned_note TEXT NOT NULL DEFAULT '';
CREATE INDEX document_assignments_assigned ON document_assignments(assigned_user, document_id);
