// @ts-check
// The working calendar screen (/can-bo/lich-lam-viec) on a database seeded through the real
// command line: a root agency, an admin and a viewer. The shipped 2026 schedule is loaded by
// `egov serve` at start.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VIETNAMESE_LETTERS, useEgov, withPage } from './harness.mjs';

const ROOT = { code: '000.00.00.H48', name: 'UBND tỉnh Quảng Ngãi' };
const ADMIN = { username: 'quantri', fullName: 'Trần Văn Quản Trị', password: 'Kiem-thu#Quan-tri-2025' };
const VIEWER = { username: 'xem.lich', fullName: 'Lê Thị Xem', password: 'Chi-xem#Lich-2026-abc' };

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['agency', 'add', '--db', db, '--code', ROOT.code, '--name', ROOT.name, '--kind', 'province']);
    for (const [who, role] of /** @type {const} */ ([[ADMIN, 'admin'], [VIEWER, 'viewer']])) {
      egov(
        ['user', 'add', '--db', db, '--username', who.username, '--full-name', who.fullName,
          '--agency', ROOT.code, '--role', role],
        `${who.password}\n`,
      );
    }
  },
});

/**
 * Opens `target` (a staff path), signing in on the way.
 * @param {import('playwright-core').Page} page
 * @param {{username: string, password: string}} who
 * @param {string} target
 */
async function openAs(page, who, target) {
  await page.goto(target);
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === '/can-bo/lich-lam-viec');
  await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
}

/**
 * The grid cell of a date.
 * @param {import('playwright-core').Page} page
 * @param {string} date
 */
function day(page, date) {
  return page.locator(`[data-testid="year-grid"] td[data-date="${date}"]`);
}

test('an admin sees Tết 2026, marks a new day off, saves, and it is still there after a reload', async (t) => {
  await withPage(ctx, t, async (page) => {
    await openAs(page, ADMIN, '/can-bo/lich-lam-viec?nam=2026');
    await page.locator('[data-testid="year-grid"][data-year="2026"]').waitFor();
    await page.getByTestId('schedule-badge').getByText('Lịch chính thức').waitFor();
    assert.match(await page.getByTestId('schedule-source').innerText(), /Văn phòng Chính phủ/);

    // Tết: 16/2–20/2 are holidays; mùng 1 (17/2) shows its lunar date 1/1.
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      assert.equal(await day(page, date).getAttribute('data-kind'), 'holiday', date);
    }
    assert.match(await day(page, '2026-02-17').getAttribute('title') ?? '', /âm lịch 1\/1.*Tết/);
    assert.equal((await day(page, '2026-02-17').locator('.egov-cal-lunar').innerText()).trim(), '1/1');
    assert.equal(await day(page, '2026-01-10').getAttribute('data-kind'), 'working_day'); // make-up Saturday
    assert.equal(await day(page, '2026-03-01').getAttribute('data-kind'), 'weekend');
    assert.equal(await day(page, '2026-03-02').getAttribute('data-kind'), 'working');
    // Twelve months, Monday first.
    assert.equal(await page.locator('[data-testid="year-grid"] table').count(), 12);
    assert.equal((await page.locator('table[data-month="1"] th').first().innerText()).trim(), 'T2');

    // Edit: pick Monday 2/3 in the grid; saving without a name shows the server's message.
    await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
    const editor = page.getByTestId('schedule-editor');
    await editor.waitFor();
    await day(page, '2026-03-02').getByRole('button').click();
    const name = editor.getByLabel('Tên ngày 2026-03-02');
    await name.waitFor();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/calendar/holidays' && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    assert.equal(refused.status(), 422);
    const refusal = await refused.json();
    const rowMessage = Object.entries(refusal.error.details ?? {}).find(([field]) => field.endsWith('.name'))?.[1];
    assert.equal(typeof rowMessage, 'string', JSON.stringify(refusal));
    assert.match(/** @type {string} */ (rowMessage), VIETNAMESE_LETTERS);
    await page.getByTestId('calendar-error').getByText(refusal.error.message, { exact: true }).waitFor();
    await editor.getByText(/** @type {string} */ (rowMessage), { exact: true }).waitFor();

    // With a name it is saved as a swapped day off (the default for a weekday).
    await name.fill('Nghỉ theo quyết định của Chủ tịch UBND tỉnh');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/calendar/holidays' && r.request().method() === 'PUT'),
      page.getByRole('button', { name: 'Lưu' }).click(),
    ]);
    assert.equal(saved.status(), 200, await saved.text());
    await editor.waitFor({ state: 'detached' });
    await page.getByText(`cập nhật bởi ${ADMIN.username}`, { exact: false }).waitFor();
    assert.equal(await day(page, '2026-03-02').getAttribute('data-kind'), 'day_off');

    await page.reload();
    await page.locator('[data-testid="year-grid"][data-year="2026"]').waitFor();
    assert.equal(await day(page, '2026-03-02').getAttribute('data-kind'), 'day_off');
    assert.match(await day(page, '2026-03-02').getAttribute('title') ?? '', /Nghỉ theo quyết định của Chủ tịch UBND tỉnh/);
    assert.equal(await day(page, '2026-02-17').getAttribute('data-kind'), 'holiday');

    // The year switcher: 2027 has no official schedule yet.
    await page.getByRole('button', { name: 'Năm sau' }).click();
    await page.locator('[data-testid="year-grid"][data-year="2027"]').waitFor();
    await page.getByTestId('schedule-badge').getByText('Theo quy định của Bộ luật Lao động').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('nam'), '2027');
  });
});

test('everyone signed in may look, only admins edit', async (t) => {
  await withPage(ctx, t, async (page) => {
    await openAs(page, VIEWER, '/can-bo/lich-lam-viec?nam=2026');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Lịch làm việc' }).waitFor();
    await page.locator('[data-testid="year-grid"][data-year="2026"]').waitFor();
    assert.equal(await day(page, '2026-02-16').getAttribute('data-kind'), 'holiday');
    assert.equal(await page.getByRole('button', { name: 'Chỉnh sửa' }).count(), 0);
  });
});
