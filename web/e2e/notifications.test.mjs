// @ts-check
// The bell in the staff header (docs/notifications.md, "Officers"): the unread count, the
// dropdown list, a click that marks one read and opens its link, and "Đánh dấu tất cả đã đọc".
// The notifications are written into the database before the server starts (the reminders
// scan that creates them belongs to the jobs), with Debian's sqlite3.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { useEgov, withPage } from './harness.mjs';

const SPECIALIST = 'chuyenvien.tnmt';

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov(['demo', '--no-dossiers', '--db', db]);
    const file = db.replace(/^sqlite:/, '');
    /** @type {(title: string, link: string, minutes: number) => string} */
    const add = (title, link, minutes) =>
      `INSERT INTO notifications (user_id, kind, title, body, link, created_at) SELECT id, 'step_due_soon', '${title}', 'Bước xử lý sắp đến hạn.', '${link}', ${1769994000000 + minutes * 60000} FROM users WHERE username = '${SPECIALIST}';`;
    execFileSync('sqlite3', [
      file,
      add('Hồ sơ sắp đến hạn xử lý', '/can-bo/cong-viec', 0) + add('Hồ sơ đã quá hạn', '/can-bo/lich-lam-viec', 1),
    ]);
  },
});

test('the bell shows the unread count; a click marks one read and opens its link', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/dang-nhap?next=%2Fcan-bo');
    await page.getByLabel('Tên đăng nhập').fill(SPECIALIST);
    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo');

    const bell = page.getByTestId('notification-bell');
    await page.getByRole('button', { name: 'Thông báo: 2 chưa đọc' }).waitFor();
    await bell.click();
    const items = page.getByTestId('notification-item');
    await items.first().waitFor();
    assert.deepEqual(await items.locator('.ant-list-item-meta-title').allInnerTexts(), [
      'Hồ sơ đã quá hạn',
      'Hồ sơ sắp đến hạn xử lý',
    ]);
    assert.equal(await page.locator('[data-testid="notification-item"][data-unread="true"]').count(), 2);

    await items.filter({ hasText: 'Hồ sơ đã quá hạn' }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/lich-lam-viec');
    await page.getByRole('button', { name: 'Thông báo: 1 chưa đọc' }).waitFor();

    await bell.click();
    await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await page.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
    await page.locator('[data-testid="notification-item"][data-unread="true"]').first().waitFor({ state: 'detached' });
    assert.equal(await items.count(), 2);
  });
});
