// @ts-check
// Processing on the demo world (`egov demo`), through the dossier page's action buttons (the
// server's `allowed_actions`), work queues and the citizen's rating on a phone:
//  - a land dossier (1.012789, Cung cấp thông tin, dữ liệu đất đai) received at the counter
//    of Trà Bồng's office (found again in the counter's list) goes to the land department
//    (naming its specialist), is paused for a supplement and resumed, sent back by the head of
//    the department, who reassigns it from the unit's queue, and approved; returned at the
//    counter, and rated by the citizen from the lookup page on a phone;
//  - the same procedure received at xã Trà Sơn (liên thông): the commune's counter hands it
//    to the district's land department, which processes it and hands it back; a stale action
//    (someone acted first) is refused with a Vietnamese message and the page reloads.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VIETNAMESE_LETTERS, useEgov, withPage } from './harness.mjs';

const LAND = { code: '1.012789', name: 'Cung cấp thông tin, dữ liệu đất đai' };
const OFFICE = '000.01.99.H48'; // Văn phòng HĐND và UBND huyện Trà Bồng (its one-stop counter)
const COMMUNE = '000.21.99.H48'; // UBND xã Trà Sơn
const LAND_DEPARTMENT = '000.02.99.H48'; // Phòng Tài nguyên và Môi trường huyện Trà Bồng
const RECEPTION = 'tiepnhan';
const COMMUNE_RECEPTION = 'tiepnhan.traso';
const SPECIALIST = 'chuyenvien.tnmt';
const HEAD = 'lanhdao.tnmt';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const STEP_NAMES = ['Tiếp nhận hồ sơ', 'Thẩm định hồ sơ, trình duyệt', 'Phê duyệt', 'Trả kết quả'];

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['demo', '--db', db]);
  },
});

/** @typedef {import('playwright-core').Page} Page */

/**
 * Signs `username` in (password "demo") from the sign-in page, dropping whoever was signed in,
 * and lands on `next`.
 * @param {Page} page
 * @param {string} username
 * @param {string} next
 */
async function signIn(page, username, next) {
  await page.context().clearCookies();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.waitForLoadState('networkidle'); // the icon too: the next page load must not cut it off
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === next);
  await page.getByRole('heading', { level: 1 }).first().waitFor(); // the screen's code has loaded
}

/**
 * Receives a land dossier at the counter (the reception officer is signed in, on the intake
 * page) and returns its code, on the dossier page.
 * @param {Page} page
 * @param {{name: string, id: string, phone: string, address: string}} applicant
 */
async function receiveLandDossier(page, applicant) {
  await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
  const search = page.getByLabel('Tìm thủ tục');
  await search.pressSequentially(LAND.code, { delay: 10 });
  await page.locator(`.egov-picker-option[data-code="${LAND.code}"]`).waitFor();
  await page.locator('[data-testid="picker-state"][data-state="idle"]').waitFor();
  await search.press('Enter');
  await page.getByTestId('intake-procedure').getByText(LAND.name, { exact: true }).waitFor();
  await page.getByLabel('Họ và tên người nộp').fill(applicant.name);
  await page.getByLabel('Số CCCD (định danh cá nhân)').fill(applicant.id);
  await page.getByLabel('Số điện thoại').fill(applicant.phone);
  await page.getByLabel('Địa chỉ').fill(applicant.address);
  await page.getByRole('button', { name: 'Đã nhận đủ tất cả' }).click();
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  const code = (await page.getByTestId('intake-code').innerText()).trim();
  await page.getByRole('link', { name: `Xem chi tiết hồ sơ ${code}` }).click();
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  return code;
}

/**
 * Opens the dossier page of `code` (already signed in).
 * @param {Page} page
 * @param {string} code
 */
async function openDossier(page, code) {
  await page.goto(`/can-bo/ho-so/${code}`);
  await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  await page.getByTestId('dossier-step').waitFor();
}

/**
 * The action buttons shown, in order (their `data-action`).
 * @param {Page} page
 */
async function shownActions(page) {
  await page.getByTestId('dossier-progress').waitFor();
  if ((await page.getByTestId('no-actions').count()) > 0) return [];
  return page
    .getByTestId('dossier-actions')
    .locator('button[data-action]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
}

/**
 * The buttons shown are exactly the server's `allowed_actions` for the signed-in user.
 * @param {Page} page
 * @param {string} code
 */
async function assertActionsAsServerSays(page, code) {
  const answer = await page.request.get(`/api/v1/dossiers/${code}`);
  assert.equal(answer.status(), 200);
  /** @type {string[]} */
  const allowed = (await answer.json()).allowed_actions;
  assert.ok(Array.isArray(allowed), 'the dossier carries allowed_actions');
  assert.deepEqual([...(await shownActions(page))].sort(), [...allowed].sort());
}

/**
 * Clicks the action button `action`, lets `fill` fill its dialog, confirms with `ok`, and waits
 * for the dialog to close and the dossier page to show the step `stepText`.
 * @param {Page} page
 * @param {string} action
 * @param {string} ok
 * @param {RegExp} stepText
 * @param {(dialog: import('playwright-core').Locator) => Promise<void>} [fill]
 */
async function act(page, action, ok, stepText, fill) {
  await page.getByTestId('dossier-actions').locator(`button[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions'),
  );
  await dialog.getByRole('button', { name: ok, exact: true }).click();
  const response = await posted;
  assert.equal(response.status(), 200, `${action}: ${await response.text()}`);
  const body = response.request().postDataJSON();
  assert.equal(body.action, action);
  assert.equal(typeof body.version, 'number', 'every action carries the version the user saw');
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('dossier-step').filter({ hasText: stepText }).waitFor();
}

/**
 * The link opens a PDF in a new tab.
 * @param {Page} page
 * @param {import('playwright-core').Locator} link
 */
async function assertPdf(page, link) {
  assert.equal(await link.getAttribute('target'), '_blank');
  const pdf = await page.request.get(/** @type {string} */ (await link.getAttribute('href')));
  assert.equal(pdf.status(), 200, await pdf.text());
  assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 4).toString('latin1'), '%PDF');
}

/**
 * The actions of the control sheet, oldest first.
 * @param {Page} page
 */
async function timeline(page) {
  return (await page.getByTestId('dossier-events').getByTestId('event-action').allInnerTexts()).map((t) => t.trim());
}

/** @param {number} n */
const step = (n) => new RegExp(`^${n}/4\\. ${STEP_NAMES[n - 1]}`);

test('a land dossier: counter, supplement, send-back, approval, return, and the citizen rates it on a phone', async (t) => {
  const applicant = { name: 'Lê Thị Mai', id: '051190004455', phone: '0905 222 333', address: 'Thôn Trường Xuân, huyện Trà Bồng' };
  let code = '';
  let token = '';
  await withPage(ctx, t, async (page) => {
    // The counter receives it; the dossier page shows where it stands and what may be done.
    await signIn(page, RECEPTION, '/can-bo/tiep-nhan');
    code = await receiveLandDossier(page, applicant);
    await page.getByTestId('dossier-status').filter({ hasText: 'Đang giải quyết' }).waitFor();
    await page.getByTestId('dossier-step').filter({ hasText: step(1) }).waitFor();
    assert.deepEqual(await timeline(page), ['Tiếp nhận hồ sơ']);
    await assertActionsAsServerSays(page, code);
    const receipt = page.getByTestId('dossier-forms').locator('[data-form="receipt"]');
    assert.equal(await receipt.getAttribute('href'), `/api/v1/dossiers/${code}/forms/01.pdf`);
    await assertPdf(page, receipt);

    // The counter's list finds it by the applicant's name typed without diacritics, among the
    // dossiers in processing received today, and opens it.
    await page.getByRole('menuitem', { name: 'Danh sách hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách hồ sơ' }).waitFor();
    const list = page.getByTestId('dossier-list');
    await page.getByLabel('Tìm hồ sơ').fill('le thi mai');
    await page.waitForURL((url) => url.searchParams.get('q') === 'le thi mai');
    await list.getByRole('row', { name: new RegExp(applicant.name) }).waitFor();
    await page.getByTestId('status-filter').click();
    await page.locator('.ant-select-item-option', { hasText: 'Đã trả kết quả' }).click();
    await list.getByText('Không có hồ sơ nào phù hợp.').waitFor();
    await page.getByTestId('status-filter').click();
    await page.locator('.ant-select-item-option', { hasText: 'Đang giải quyết' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'processing');
    await list.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();

    // Forward to the land department, naming its specialist among the officers offered.
    await act(page, 'forward', 'Chuyển', step(2), async (dialog) => {
      await dialog.getByLabel('Cán bộ xử lý bước tiếp theo').click();
      await page.locator('.ant-select-item-option', { hasText: SPECIALIST }).click();
    });
    await page.getByTestId('dossier-assignee').filter({ hasText: SPECIALIST }).waitFor();
    assert.match(await page.getByTestId('dossier-step').innerText(), new RegExp(LAND_DEPARTMENT.replace(/\./g, '\\.')));
    await assertActionsAsServerSays(page, code);
    assert.equal(await page.locator('button[data-action="forward"]').count(), 0, 'the counter no longer forwards it');

    // The specialist finds it in "Công việc của tôi" and asks for a supplement: a component
    // of the dossier ticked, one more written, and the reason.
    await signIn(page, SPECIALIST, '/can-bo/cong-viec');
    const counts = await (await page.request.get('/api/v1/tasks/counts')).json();
    assert.ok(counts.mine >= 1, JSON.stringify(counts));
    await page.getByTestId('menu-tasks-count').getByText(String(counts.mine)).waitFor();
    await page.getByTestId('task-list').getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await assertActionsAsServerSays(page, code);
    const component = (await (await page.request.get(`/api/v1/dossiers/${code}`)).json()).components[0].name;
    await act(page, 'request_supplement', 'Gửi yêu cầu bổ sung', step(2), async (dialog) => {
      // Nothing chosen: refused in the dialog, nothing sent.
      await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung', exact: true }).click();
      await dialog.getByText('Vui lòng nêu rõ lý do.').waitFor();
      await dialog.getByText('Chọn hoặc ghi ít nhất một thành phần cần bổ sung.').waitFor();
      await dialog.getByLabel(component).check();
      await dialog.getByLabel('Giấy tờ khác cần bổ sung (mỗi dòng một giấy tờ)').fill('Sơ đồ vị trí thửa đất');
      await dialog.getByLabel('Lý do').fill('Phiếu yêu cầu chưa ghi số thửa.');
    });
    await page.getByTestId('dossier-status').filter({ hasText: 'Yêu cầu bổ sung hồ sơ' }).waitFor();
    await page.getByTestId('due-mark').filter({ hasText: 'Tạm dừng, chờ bổ sung' }).waitFor();
    const note = await page.getByTestId('dossier-events').getByText(/Sơ đồ vị trí thửa đất/).innerText();
    assert.match(note, new RegExp(component.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const supplement = page.getByTestId('dossier-forms').locator('[data-form="supplement"]');
    assert.equal(await supplement.getAttribute('href'), `/api/v1/dossiers/${code}/forms/supplement.pdf`);
    await assertPdf(page, supplement);

    // The citizen sends the supplement to the department, which resumes the dossier…
    await assertActionsAsServerSays(page, code);
    await act(page, 'receive_supplement', 'Đã nhận bổ sung', step(2));
    await page.getByTestId('dossier-status').filter({ hasText: 'Đang giải quyết' }).waitFor();

    // …and hands it to the head of the department, who sends it back once…
    await act(page, 'forward', 'Chuyển', step(3));
    await signIn(page, HEAD, '/can-bo/cong-viec-don-vi');
    await page.getByTestId('unit-task-list').getByRole('link', { name: code }).waitFor();
    await openDossier(page, code);
    await assertActionsAsServerSays(page, code);
    await act(page, 'send_back', 'Trả lại', step(2), async (dialog) => {
      await dialog.getByLabel('Lý do trả lại').fill('Bổ sung trích lục bản đồ vào hồ sơ trình.');
    });
    await page.getByTestId('dossier-events').getByText('Bổ sung trích lục bản đồ vào hồ sơ trình.').waitFor();

    // From the unit's queue the head names the officer who takes it up again.
    await page.getByRole('menuitem', { name: /Hồ sơ của đơn vị/ }).click();
    const row = page.getByTestId('unit-task-list').getByRole('row', { name: new RegExp(code.replace(/\./g, '\\.')) });
    await row.getByRole('button', { name: 'Phân công' }).click();
    const assign = page.getByRole('dialog', { name: `Phân công hồ sơ ${code}` });
    await assign.getByLabel('Cán bộ xử lý').click();
    await page.locator('.ant-select-item-option', { hasText: SPECIALIST }).click();
    const [assigned] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith('/assignee')),
      assign.getByRole('button', { name: 'Phân công', exact: true }).click(),
    ]);
    assert.equal(assigned.status(), 200, await assigned.text());
    assert.equal(assigned.request().postDataJSON().username, SPECIALIST);
    await row.getByTestId('task-assignee').getByText(SPECIALIST).waitFor();

    // …and approves it the second time: the result goes to the counter.
    await signIn(page, SPECIALIST, `/can-bo/ho-so/${code}`);
    await act(page, 'forward', 'Chuyển', step(3));
    await signIn(page, HEAD, `/can-bo/ho-so/${code}`);
    await act(page, 'complete', 'Hoàn thành', step(4));
    await page.getByTestId('dossier-status').filter({ hasText: 'Đã có kết quả, chờ trả' }).waitFor();

    // The counter returns it; the control sheet has every hand-off, each judged.
    await signIn(page, RECEPTION, `/can-bo/ho-so/${code}`);
    await act(page, 'return_result', 'Trả kết quả', step(4));
    await page.getByTestId('dossier-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    assert.deepEqual(await timeline(page), [
      'Tiếp nhận hồ sơ',
      'Chuyển bước tiếp theo',
      'Yêu cầu bổ sung hồ sơ',
      'Nhận hồ sơ bổ sung',
      'Chuyển bước tiếp theo',
      'Trả lại bước trước',
      'Phân công cán bộ',
      'Chuyển bước tiếp theo',
      'Hoàn thành giải quyết',
      'Trả kết quả',
    ]);
    // Six hand-offs (forward ×3, send-back, complete, return), all done well before their due times.
    assert.deepEqual(await page.getByTestId('step-result').allInnerTexts(), Array(6).fill('Trước hạn'));
    assert.equal(await shownActions(page).then((a) => a.length), 0, 'a returned dossier has no more actions');
    const sheet = page.getByTestId('dossier-forms').locator('[data-form="control-sheet"]');
    assert.equal(await sheet.getAttribute('href'), `/api/v1/dossiers/${code}/forms/control-sheet.pdf`);
    await assertPdf(page, sheet);
    assert.equal(await page.getByTestId('dossier-forms').locator('[data-form="refusal"]').count(), 0, 'not refused: no refusal form');
    token = (await (await page.request.get(`/api/v1/dossiers/${code}`)).json()).public_token;
  });

  // The citizen scans the receipt's QR on a phone: the lookup page leads to the rating.
  await withPage(
    ctx,
    t,
    async (page) => {
      await page.goto(`/tra-cuu/${code}?ma=${token}`);
      await page.getByTestId('lookup-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
      await page.getByTestId('lookup-rate').getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).click();
      await page.waitForURL((url) => url.pathname === `/danh-gia/${code}` && url.searchParams.get('ma') === token);
      const form = page.getByTestId('rating-form');
      await form.waitFor();
      // No score: asked for before anything is sent.
      await form.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await form.getByText('Vui lòng chọn số sao (từ 1 đến 5).').waitFor();
      await page.getByTestId('rating-score').getByRole('radio').nth(3).click();
      await form.getByText('Hài lòng', { exact: true }).waitFor();
      await page.getByTestId('rating-attitude').getByRole('radio').nth(4).click();
      await form.getByLabel('Ý kiến góp ý').fill('Cán bộ hướng dẫn tận tình.');
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `no sideways scrolling: ${scrollWidth}px on ${clientWidth}px`);
      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/rating')),
        form.getByRole('button', { name: 'Gửi đánh giá' }).click(),
      ]);
      assert.equal(posted.status(), 201, await posted.text());
      assert.deepEqual(posted.request().postDataJSON(), {
        token,
        score: 4,
        criteria: { attitude: 5 },
        comment: 'Cán bộ hướng dẫn tận tình.',
      });
      await page.getByTestId('rating-done').getByText('Cảm ơn bạn đã đánh giá!').waitFor();

      // Once only: coming back shows it as rated.
      await page.reload();
      await page.getByTestId('rating-done').getByText('Hồ sơ này đã được đánh giá. Cảm ơn bạn!').waitFor();
      assert.equal(await page.getByTestId('rating-form').count(), 0);
    },
    PHONE,
  );
});

test('liên thông: received at xã Trà Sơn, processed at the district land department, returned at the commune', async (t) => {
  const applicant = { name: 'Hồ Văn Bình', id: '051090007788', phone: '0912 345 678', address: 'Thôn 2, xã Trà Sơn' };
  await withPage(ctx, t, async (page) => {
    await signIn(page, COMMUNE_RECEPTION, '/can-bo/tiep-nhan');
    const code = await receiveLandDossier(page, applicant);
    assert.ok(code.startsWith(`${COMMUNE}-`), code);
    await page.getByTestId('dossier-step').filter({ hasText: step(1) }).waitFor();
    assert.match(await page.getByTestId('dossier-step').innerText(), /UBND xã Trà Sơn/);

    // Someone else acted first (here: the same officer in another tab): the stale action is
    // refused with a Vietnamese message and the page shows the dossier as it is now.
    const seen = await (await page.request.get(`/api/v1/dossiers/${code}`)).json();
    const csrf = await page.evaluate(() => sessionStorage.getItem('egov.csrf_token') ?? '');
    const other = await page.request.post(`/api/v1/dossiers/${code}/actions`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { action: 'forward', to_user: SPECIALIST, version: seen.version },
    });
    assert.equal(other.status(), 200, await other.text());
    await page.getByTestId('dossier-actions').locator('button[data-action="forward"]').click();
    const dialog = page.getByRole('dialog');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions')),
      dialog.getByRole('button', { name: 'Chuyển', exact: true }).click(),
    ]);
    assert.equal(refused.status(), 409);
    const conflict = page.getByTestId('action-conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /vừa được cập nhật bởi người khác/);
    assert.match(await conflict.innerText(), VIETNAMESE_LETTERS);
    await page.getByTestId('dossier-step').filter({ hasText: step(2) }).waitFor();
    assert.match(await page.getByTestId('dossier-step').innerText(), new RegExp(LAND_DEPARTMENT.replace(/\./g, '\\.')));

    // The district's land department has it in its queues; the commune's counter no longer acts.
    await assertActionsAsServerSays(page, code);
    await signIn(page, SPECIALIST, '/can-bo/cong-viec');
    await page.getByTestId('task-list').getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await act(page, 'forward', 'Chuyển', step(3));
    await signIn(page, HEAD, `/can-bo/ho-so/${code}`);
    await act(page, 'complete', 'Hoàn thành', step(4));

    // Back at the commune for the return.
    await signIn(page, COMMUNE_RECEPTION, `/can-bo/ho-so/${code}`);
    assert.match(await page.getByTestId('dossier-step').innerText(), /UBND xã Trà Sơn/);
    await act(page, 'return_result', 'Trả kết quả', step(4));
    await page.getByTestId('dossier-status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    const sheet = await page.getByTestId('dossier-events').innerText();
    assert.match(sheet, /UBND xã Trà Sơn/);
    assert.match(sheet, new RegExp(LAND_DEPARTMENT.replace(/\./g, '\\.')));
    assert.deepEqual(await timeline(page), [
      'Tiếp nhận hồ sơ',
      'Chuyển bước tiếp theo',
      'Chuyển bước tiếp theo',
      'Hoàn thành giải quyết',
      'Trả kết quả',
    ]);

    // A neighbouring commune's counter does not see it.
    await signIn(page, 'tiepnhan.tragiang', `/can-bo/ho-so/${code}`);
    await page.getByText('Hồ sơ không tồn tại hoặc không thuộc phạm vi đơn vị của bạn.').waitFor();
  });
});

/**
 * A working day at least `days` days after `isoDue` (ISO with +07:00), at 09:00 Vietnam time,
 * skipping weekends and the server's holidays: "DD/MM/YYYY HH:mm" for the picker and the ISO
 * instant the server should store.
 * @param {Page} page
 * @param {string} isoDue
 * @param {number} days
 */
async function workingDayAfter(page, isoDue, days) {
  const [y, m, d] = isoDue.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days));
  /** @type {Set<string>} */
  const off = new Set();
  for (const year of [day.getUTCFullYear(), day.getUTCFullYear() + 1]) {
    const answer = await page.request.get(`/api/v1/calendar/holidays?year=${year}&per_page=500`);
    assert.equal(answer.status(), 200, await answer.text());
    for (const h of (await answer.json()).items) if (h.kind !== 'working_day') off.add(h.date);
  }
  const iso = () => day.toISOString().slice(0, 10);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || off.has(iso())) day.setUTCDate(day.getUTCDate() + 1);
  const [yy, mm, dd] = iso().split('-');
  return { typed: `${dd}/${mm}/${yy} 09:00`, stored: `${iso()}T09:00:00+07:00` };
}

/**
 * Receives a land dossier through the API as the signed-in reception officer and forwards it to
 * the land department's specialist; returns its code.
 * @param {Page} page
 * @param {string} name
 */
async function receiveAndForwardByApi(page, name) {
  const csrf = await page.evaluate(() => sessionStorage.getItem('egov.csrf_token') ?? '');
  const procedure = await (await page.request.get(`/api/v1/procedures/${LAND.code}`)).json();
  const received = await page.request.post('/api/v1/dossiers', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      procedure_code: LAND.code,
      channel: 'direct',
      applicant: { full_name: name, id_number: '051190006677', phone: '0905 111 222', address: 'Thôn Trường Thọ, huyện Trà Bồng' },
      components: procedure.components.map((/** @type {{name: string}} */ c) => ({ name: c.name, original: 1, certified: 0, copy: 0 })),
    },
  });
  assert.equal(received.status(), 201, await received.text());
  const dossier = await received.json();
  const forwarded = await page.request.post(`/api/v1/dossiers/${dossier.code}/actions`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { action: 'forward', to_user: SPECIALIST, version: dossier.version },
  });
  assert.equal(forwarded.status(), 200, await forwarded.text());
  return /** @type {string} */ (dossier.code);
}

/**
 * The form `name` is offered on the dossier page and is a PDF.
 * @param {Page} page
 * @param {string} code
 * @param {string} name
 */
async function assertForm(page, code, name) {
  const link = page.getByTestId('dossier-forms').locator(`[data-form="${name}"]`);
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), `/api/v1/dossiers/${code}/forms/${name}.pdf`);
  await assertPdf(page, link);
}

test('late, refused, withdrawn and stopped dossiers: each action from its dialog, with its written reason and form', async (t) => {
  await withPage(ctx, t, async (page) => {
    // Three land dossiers at the land department; the counter withdraws one at the citizen's request.
    await signIn(page, RECEPTION, '/can-bo/tiep-nhan');
    const late = await receiveAndForwardByApi(page, 'Phạm Văn Hùng');
    const stopped = await receiveAndForwardByApi(page, 'Đinh Thị Hoa');
    const withdrawn = await receiveAndForwardByApi(page, 'Trần Quốc Việt');
    await openDossier(page, withdrawn);
    await assertActionsAsServerSays(page, withdrawn);
    await act(page, 'withdraw', 'Rút hồ sơ', step(2), async (dialog) => {
      await dialog.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click();
      await dialog.getByText('Vui lòng nêu rõ lý do.').waitFor(); // a reason in writing first
      await dialog.getByLabel('Lý do').fill('Người nộp có đơn xin rút hồ sơ ngày hôm nay.');
    });
    await page.getByTestId('dossier-status').filter({ hasText: 'Đã rút hồ sơ' }).waitFor();
    await page.getByTestId('dossier-events').getByText('Người nộp có đơn xin rút hồ sơ ngày hôm nay.').waitFor();
    assert.equal((await shownActions(page)).length, 0, 'a withdrawn dossier has no more actions');

    // The specialist cannot finish in time: an apology and a new appointment, once.
    await signIn(page, SPECIALIST, `/can-bo/ho-so/${late}`);
    await assertActionsAsServerSays(page, late);
    const before = await (await page.request.get(`/api/v1/dossiers/${late}`)).json();
    const when = await workingDayAfter(page, before.due_at, 10);
    await act(page, 'reschedule', 'Hẹn lại', step(2), async (dialog) => {
      const picker = dialog.getByLabel('Thời điểm hẹn trả kết quả mới');
      await picker.click();
      await picker.fill(when.typed);
      await picker.press('Enter');
      await dialog.getByLabel('Lý do').fill('Cần xác minh thêm ranh giới thửa đất với xã Trà Sơn.');
    });
    const after = await (await page.request.get(`/api/v1/dossiers/${late}`)).json();
    assert.equal(after.due_at, when.stored, 'the new appointment is the one chosen, to the minute');
    await page.getByTestId('dossier-events').getByText(/Cần xác minh thêm ranh giới thửa đất/).waitFor();
    await assertForm(page, late, 'apology');
    assert.equal(await page.locator('button[data-action="reschedule"]').count(), 0, 'only one reschedule');

    // Later the same dossier is refused, in writing.
    await act(page, 'refuse', 'Từ chối', step(2), async (dialog) => {
      await dialog.getByLabel('Lý do').fill('Thửa đất đang có tranh chấp, chưa đủ điều kiện cung cấp thông tin.');
    });
    await page.getByTestId('dossier-status').filter({ hasText: 'Từ chối giải quyết' }).waitFor();
    await assertForm(page, late, 'refusal');
    await assertForm(page, late, 'apology');

    // The other one is stopped, with its notice.
    await openDossier(page, stopped);
    await act(page, 'stop', 'Dừng giải quyết', step(2), async (dialog) => {
      await dialog.getByLabel('Lý do').fill('Cơ quan có thẩm quyền đề nghị tạm dừng để thanh tra.');
    });
    await page.getByTestId('dossier-status').filter({ hasText: 'Dừng giải quyết' }).waitFor();
    await assertForm(page, stopped, 'stop');
    assert.equal(await page.getByTestId('dossier-forms').locator('[data-form="refusal"]').count(), 0, 'stopped, not refused');

    // The specialist's queue holds none of the three any more.
    const tasks = await (await page.request.get('/api/v1/tasks?per_page=500')).json();
    const codes = tasks.items.map((/** @type {{code: string}} */ i) => i.code);
    for (const code of [late, stopped, withdrawn]) assert.ok(!codes.includes(code), code);
  });
});
