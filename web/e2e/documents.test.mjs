// @ts-check
// Official documents on the demo world (`egov demo`), through the documents' screens:
//  - the district's clerk (vanthu) registers an incoming công văn from the keyboard with a PDF
//    dropped on it: its incoming number, the next one, the cursor back on the first field;
//    registering it again shows the duplicate warning with a link to the first one, and
//    "Vẫn vào sổ" registers it marked as a likely duplicate;
//  - the district's leader (lanhdao) finds it in "Công việc của tôi" and directs it to the land
//    unit's specialist with a deadline; the specialist records progress and completes it;
//  - the specialist drafts an outgoing reply to xã Trà Sơn and submits it; the leader approves
//    and signs it; the clerk issues it (its số/ký hiệu) and sends it;
//  - the list finds both by a query typed without diacritics, the matches marked (and markup
//    typed in a subject shown as text).
// The buttons shown are always the server's `allowed_actions`.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useEgov, withPage } from './harness.mjs';

const CLERK = 'vanthu';
const LEADER = 'lanhdao';
const HANDLER = 'chuyenvien.tnmt';
const COMMUNE = '000.21.99.H48'; // UBND xã Trà Sơn
const INCOMING = {
  issuer: 'Sở Nội vụ tỉnh Quảng Ngãi',
  notation: '245/SNV-CCVC',
  subject: 'Về việc rà soát, đánh giá đội ngũ công chức cấp xã năm 2026',
};
const REPLY = 'Báo cáo kết quả rà soát, đánh giá đội ngũ công chức cấp xã của huyện Trà Bồng';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['demo', '--db', db]);
  },
});

/** @typedef {import('playwright-core').Page} Page */

/** Today in Vietnam, as dd/mm/yyyy, shifted by `days`. */
function vnDate(days = 0) {
  const at = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`;
}

/**
 * Signs `username` in (password "demo") and lands on `next`.
 * @param {Page} page
 * @param {string} username
 * @param {string} next
 */
async function signIn(page, username, next) {
  await page.context().clearCookies();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === next);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/**
 * Types a date into an antd date picker and confirms it.
 * @param {import('playwright-core').Locator} input
 * @param {string} date dd/mm/yyyy
 */
async function typeDate(input, date) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/**
 * The buttons shown are exactly the server's `allowed_actions` for the signed-in user.
 * @param {Page} page
 * @param {number} id
 */
async function assertActionsAsServerSays(page, id) {
  const answer = await page.request.get(`/api/v1/documents/${id}`);
  assert.equal(answer.status(), 200);
  /** @type {string[]} */
  const allowed = (await answer.json()).allowed_actions;
  await page.getByTestId('document-summary').waitFor();
  const shown =
    (await page.getByTestId('no-actions').count()) > 0
      ? []
      : await page
          .getByTestId('document-actions')
          .locator('button[data-action]')
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
  assert.deepEqual([...shown].sort(), [...allowed].sort());
}

/**
 * Clicks the action button, lets `fill` fill its dialog, confirms, and waits for the status.
 * @param {Page} page
 * @param {string} action
 * @param {string} status the document's status afterwards
 * @param {(dialog: import('playwright-core').Locator) => Promise<void>} [fill]
 */
async function act(page, action, status, fill) {
  await page.getByTestId('document-actions').locator(`button[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions'));
  await page.getByTestId('action-ok').click();
  const response = await posted;
  assert.equal(response.status(), 200, `${action}: ${await response.text()}`);
  const body = response.request().postDataJSON();
  assert.equal(body.action, action);
  assert.equal(typeof body.version, 'number', 'every action carries the version the user saw');
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="document-status"][data-status="${status}"]`).waitFor();
  return body;
}

/**
 * Opens the document from the officer's task list.
 * @param {Page} page
 * @param {number} id
 * @param {string} subject
 */
async function openFromTasks(page, id, subject) {
  const row = page.getByTestId('document-task-list').getByRole('row').filter({ has: page.locator(`a[href="/can-bo/van-ban/${id}"]`) });
  await row.getByText(subject).waitFor();
  await row.getByTestId('document-link').click();
  await page.getByTestId('document-subject').filter({ hasText: subject }).waitFor();
}

/** @type {{incoming: number, duplicate: number, reply: number}} */
const ids = { incoming: 0, duplicate: 0, reply: 0 };

test('the clerk registers an incoming document from the keyboard, and is warned of a duplicate', async (t) => {
  await withPage(ctx, t, async (page) => {
    await signIn(page, CLERK, '/can-bo/van-ban/den/moi');
    await page.getByRole('heading', { level: 1, name: 'Vào sổ văn bản đến' }).waitFor();
    // The cursor starts on the first field; the fields follow in order with Tab.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'issuer_name');
    await page.keyboard.type(INCOMING.issuer);
    await page.keyboard.press('Tab'); // issuer code: none
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'number_notation');
    await page.keyboard.type(INCOMING.notation);
    await typeDate(page.locator('#issued_on'), vnDate(-2));
    await page.locator('#subject').fill(INCOMING.subject);
    await page.getByTestId('file-drop').locator('input[type="file"]').setInputFiles({
      name: 'cv-245-snv.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText('cv-245-snv.pdf').waitFor();

    // Enter in the subject registers it.
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents/incoming');
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && /\/files$/.test(new URL(r.url()).pathname));
    await page.locator('#subject').press('Enter');
    const answer = await created;
    assert.equal(answer.status(), 201, await answer.text());
    const first = await answer.json();
    assert.equal((await uploaded).status(), 201);
    ids.incoming = first.id;
    assert.equal(typeof first.incoming_number, 'number');
    await page.getByTestId('registered').waitFor();
    assert.equal((await page.getByTestId('registered-number').innerText()).trim(), String(first.incoming_number));
    assert.match(await page.getByTestId('next-number').innerText(), new RegExp(`Số đến tiếp theo: ${first.incoming_number + 1}$`));
    // Ready for the next one: empty, the cursor on the first field.
    assert.equal(await page.locator('#issuer_name').inputValue(), '');
    await page.waitForFunction(() => document.activeElement?.id === 'issuer_name');

    // The same document again: the warning links to the first; "Vẫn vào sổ" registers it anyway.
    await page.keyboard.type(INCOMING.issuer);
    await page.locator('#number_notation').fill(INCOMING.notation.replace('/', ' / '));
    await typeDate(page.locator('#issued_on'), vnDate(-2));
    await page.locator('#subject').fill(INCOMING.subject);
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents/incoming');
    await page.locator('#subject').press('Enter');
    assert.equal((await refused).status(), 409);
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    assert.equal(await warning.getByTestId('duplicate-link').getAttribute('href'), `/can-bo/van-ban/${ids.incoming}`);
    const again = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents/incoming');
    await page.getByTestId('register-anyway').click();
    const second = await again;
    assert.equal(second.status(), 201);
    assert.equal(second.request().postDataJSON().confirm_duplicate, true);
    const duplicate = await second.json();
    ids.duplicate = duplicate.id;
    assert.equal(duplicate.duplicate_of, ids.incoming);
    assert.equal(duplicate.incoming_number, first.incoming_number + 1);
    await page.getByTestId('registered-number').filter({ hasText: String(duplicate.incoming_number) }).waitFor();

    // The first document's page: its number, its file (downloadable), its history.
    await page.goto(`/can-bo/van-ban/${ids.incoming}`);
    await page.getByRole('heading', { level: 1, name: `Văn bản đến số ${first.incoming_number}` }).waitFor();
    await page.getByTestId('document-file').filter({ hasText: 'cv-245-snv.pdf' }).waitFor();
    const href = await page.getByTestId('document-files').getByRole('link', { name: /Tải về/ }).getAttribute('href');
    const file = await page.request.get(/** @type {string} */ (href));
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), PDF);
    await page.getByTestId('document-history').locator('[data-action="register"]').waitFor();
    await assertActionsAsServerSays(page, ids.incoming);
  });
});

test('the leader directs it, the handler records progress and completes it', async (t) => {
  assert.ok(ids.incoming, 'registered by the previous test');
  await withPage(ctx, t, async (page) => {
    await signIn(page, LEADER, '/can-bo/cong-viec');
    await openFromTasks(page, ids.incoming, INCOMING.subject);
    await assertActionsAsServerSays(page, ids.incoming);
    const deadline = vnDate(7);
    const body = await act(page, 'direct', 'directed', async (dialog) => {
      await dialog.locator('#lead').click();
      await page.keyboard.type(HANDLER);
      await page.locator('.ant-select-item-option', { hasText: `(${HANDLER})` }).first().waitFor();
      await page.keyboard.press('Enter');
      await dialog.locator('#co_op').click();
      await page.keyboard.type('Phòng Tư pháp');
      await page.locator('.ant-select-item-option', { hasText: 'Phòng Tư pháp' }).first().waitFor();
      await page.keyboard.press('Enter');
      await dialog.locator('.ant-modal-title').click(); // closes the open list
      await page.locator('.ant-select-item-option', { hasText: 'Phòng Tư pháp (000.03.99.H48)' }).waitFor({ state: 'hidden' });
      await typeDate(dialog.locator('#deadline'), deadline);
      await dialog.locator('#instruction').fill('Giao Phòng Tài nguyên và Môi trường rà soát, báo cáo trước hạn.');
    });
    assert.equal(body.lead, HANDLER);
    assert.deepEqual(body.co_op, ['000.03.99.H48']);
    const [d, m, y] = deadline.split('/');
    assert.equal(body.deadline, `${y}-${m}-${d}`);
    await page.getByTestId('assigned-lead').filter({ hasText: HANDLER }).waitFor();
    await page.getByTestId('document-deadline').filter({ hasText: deadline }).waitFor();
    await assertActionsAsServerSays(page, ids.incoming);

    // The handler finds it among their tasks, records progress, completes it.
    await signIn(page, HANDLER, '/can-bo/cong-viec');
    await openFromTasks(page, ids.incoming, INCOMING.subject);
    await act(page, 'progress', 'in_progress', async (dialog) => {
      await dialog.locator('#note').fill('Đã rà soát 12/15 xã, thị trấn.');
    });
    await page.getByTestId('document-history').getByText('Đã rà soát 12/15 xã, thị trấn.').waitFor();
    await act(page, 'complete', 'done', async (dialog) => {
      await dialog.locator('#note').fill('Đã rà soát xong, báo cáo UBND huyện.');
    });
    await assertActionsAsServerSays(page, ids.incoming);
  });
});

test('a drafted reply is approved and signed by the leader, issued and sent by the clerk', async (t) => {
  await withPage(ctx, t, async (page) => {
    await signIn(page, HANDLER, '/can-bo/van-ban/di/moi');
    await page.locator('#subject').fill(REPLY);
    await page.locator('#content').fill('Thực hiện Công văn số 245/SNV-CCVC, UBND huyện Trà Bồng báo cáo kết quả rà soát như sau…');
    await page.locator('#recipients').click();
    await page.keyboard.type('Trà Sơn');
    await page.locator('.ant-select-item-option', { hasText: `(${COMMUNE})` }).waitFor();
    await page.keyboard.press('Enter');
    const drafted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/documents/outgoing');
    await page.getByRole('button', { name: 'Lưu và trình duyệt' }).click();
    const draft = await drafted;
    assert.equal(draft.status(), 201, await draft.text());
    assert.deepEqual(draft.request().postDataJSON().recipients, [COMMUNE]);
    ids.reply = (await draft.json()).id;
    await page.waitForURL((url) => url.pathname === `/can-bo/van-ban/${ids.reply}`);
    await page.locator('[data-testid="document-status"][data-status="submitted"]').waitFor();
    await assertActionsAsServerSays(page, ids.reply);

    await signIn(page, LEADER, '/can-bo/cong-viec');
    await openFromTasks(page, ids.reply, REPLY);
    await act(page, 'approve', 'approved');
    await act(page, 'sign', 'signed');
    await assertActionsAsServerSays(page, ids.reply);

    await signIn(page, CLERK, '/can-bo/cong-viec');
    await openFromTasks(page, ids.reply, REPLY);
    await act(page, 'issue', 'issued');
    // Numbered by the agency's series: a công văn of the land unit, UBND-TNMT.
    await page.getByTestId('document-notation').filter({ hasText: /^\d{2,}\/UBND-TNMT$/ }).waitFor();
    await act(page, 'send', 'sent');
    await page.getByTestId('document-recipients').getByText(/Đã gửi lúc/).waitFor();
    await assertActionsAsServerSays(page, ids.reply);
  });
});

test('the list finds both by a query typed without diacritics, the matches marked', async (t) => {
  assert.ok(ids.incoming && ids.reply, 'made by the previous tests');
  await withPage(ctx, t, async (page) => {
    await signIn(page, CLERK, '/can-bo/van-ban');
    // A subject with markup of its own: shown as the text it is.
    const tricky = await page.evaluate(async () => {
      const answer = await fetch('/api/v1/documents/incoming', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('egov.csrf_token') ?? '' },
        body: JSON.stringify({
          issuer_name: 'UBND xã Trà Sơn',
          number_notation: '17/BC-UBND',
          issued_on: new Date().toISOString().slice(0, 10),
          type: 'BC',
          subject: 'Báo cáo <b>rà soát</b> công chức cấp xã <img src=x onerror=alert(1)>',
        }),
      });
      return { status: answer.status, id: (await answer.json()).id };
    });
    assert.equal(tricky.status, 201);
    await page.getByLabel('Tìm văn bản').fill('ra soat cong chuc cap xa');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ra soat cong chuc cap xa');
    const list = page.getByTestId('document-list');
    for (const id of [ids.incoming, ids.reply, ids.duplicate, tricky.id]) {
      await list.locator(`a[href="/can-bo/van-ban/${id}"]`).waitFor();
    }
    assert.equal(await list.locator('tbody tr.ant-table-row').count(), 4);
    assert.equal(await list.locator('[data-testid="document-snippet"] b, [data-testid="document-snippet"] img').count(), 0);
    await list.getByText('<img src=x onerror=alert(1)>', { exact: false }).waitFor();
    // The snippets' matches are <mark> elements, never markup shown as text.
    const marks = await list.locator('[data-testid="document-snippet"] mark').allInnerTexts();
    assert.ok(marks.some((m) => /^(rà|soát|rà soát)$/i.test(m.trim())), `marks: ${marks.join(', ')}`);
    assert.doesNotMatch(await list.innerText(), /<\/?mark>/);

    // Only the outgoing ones.
    await page.getByTestId('direction-filter').getByText('Văn bản đi').click();
    await page.waitForURL((url) => url.searchParams.get('huong') === 'outgoing');
    await list.locator(`a[href="/can-bo/van-ban/${ids.incoming}"]`).waitFor({ state: 'detached' });
    await list.locator(`a[href="/can-bo/van-ban/${ids.reply}"]`).click();
    await page.getByTestId('document-subject').filter({ hasText: REPLY }).waitFor();
  });
});
