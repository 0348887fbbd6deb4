// Tags of a document's status, urgency and secrecy (labels from labels.ts, the one table of
// each), and the search snippet with its <mark>s rendered as elements, never as HTML.
import { Tag } from 'antd';
import { Fragment } from 'react';

import { documentStatusLabel, secrecyLabel, urgencyLabel } from '../../labels';

export function DocumentStatusTag({ status }: { status: string }) {
  const label = documentStatusLabel(status);
  return (
    <Tag color={label.color} data-status={status}>
      {label.text}
    </Tag>
  );
}

/** Nothing for a normal urgency: only the urgent ones stand out. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  if (urgency === 'normal' || !urgency) return null;
  return (
    <Tag color={urgency === 'hoa_toc' ? 'red' : urgency === 'thuong_khan' ? 'volcano' : 'orange'} data-urgency={urgency}>
      {urgencyLabel(urgency)}
    </Tag>
  );
}

/** Nothing for a document that is not secret. */
export function SecrecyTag({ secrecy }: { secrecy: string }) {
  if (secrecy === 'normal' || !secrecy) return null;
  return (
    <Tag color="magenta" data-secrecy={secrecy}>
      {secrecyLabel(secrecy)}
    </Tag>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Tag color="red">Quá hạn</Tag> : null;
}

/**
 * The pieces of a snippet: the server wraps each match in `<mark>…</mark>` inside plain text,
 * so the text is split on those two markers and everything else stays text (a `<b>` typed in a
 * subject shows as `<b>`).
 */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('<mark>');
    if (open < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    const close = rest.indexOf('</mark>', open + 6);
    if (close < 0) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), marked: false });
    parts.push({ text: rest.slice(open + 6, close), marked: true });
    rest = rest.slice(close + 7);
  }
  return parts.filter((part) => part.text.length > 0);
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <span data-testid="document-snippet">
      {snippetParts(snippet).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </span>
  );
}
