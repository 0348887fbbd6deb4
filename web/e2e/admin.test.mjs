// @ts-check
// The staff area (/can-bo/…) on a database seeded through the real command line: a root
// agency (`egov agency add`) and an admin (`egov user add`, password on stdin).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VIETNAMESE_LETTERS, apiCall, useEgov, withPage } from './harness.mjs';

const ROOT = { code: '000.00.00.H48', name: 'UBND tỉnh Quảng Ngãi', kind: 'province', abbreviation: 'UBND' };
const ADMIN = { username: 'quantri', fullName: 'Trần Văn Quản Trị', password: 'Kiem-thu#Quan-tri-2025' };
const NEW_USER = { username: 'lan.nt', fullName: 'Nguyễn Thị Lan', password: 'Mot-Cua#Tra-Bong-2025' };

const ctx = useEgov({
  seed: ({ db, egov }) => {
    egov([
      'agency', 'add', '--db', db,
      '--code', ROOT.code, '--name', ROOT.name, '--kind', ROOT.kind, '--abbreviation', ROOT.abbreviation,
    ]);
    egov(
      ['user', 'add', '--db', db, '--username', ADMIN.username, '--full-name', ADMIN.fullName,
        '--agency', ROOT.code, '--role', 'admin'],
      `${ADMIN.password}\n`,
    );
  },
});

/**
 * Signs in through the form and waits for the staff area.
 * @param {import('playwright-core').Page} page
 * @param {{username: string, password: string}} who
 */
async function signIn(page, who) {
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/can-bo'));
}

test('a wrong password shows the Vietnamese message of the server', async (t) => {
  const api = await apiCall(ctx, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: ADMIN.username, password: 'khong-phai-mat-khau' }),
  });
  assert.equal(api.status, 401, `a wrong password is 401 (got ${api.status} ${JSON.stringify(api.body)})`);
  const expected = api.body?.error?.message;
  assert.equal(typeof expected, 'string');
  assert.match(expected, VIETNAMESE_LETTERS, `the server's message is Vietnamese: ${JSON.stringify(expected)}`);

  await withPage(ctx, t, async (page) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill('van-khong-phai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    assert.equal((await alert.innerText()).trim(), expected);
    assert.equal(new URL(page.url()).pathname, '/dang-nhap');
  });
});

test('the staff area sends a visitor without a session to sign in, then back', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/can-bo/co-quan');
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/can-bo/co-quan');
    await signIn(page, ADMIN);
    await page.waitForURL((url) => url.pathname === '/can-bo/co-quan');
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(ROOT.code.replace(/\./g, '\\.')) });
    await row.getByText(ROOT.name, { exact: true }).waitFor();
    await row.getByText('UBND tỉnh', { exact: true }).waitFor();
  });
});

test('an admin creates a user, who then signs in and sees their name', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/dang-nhap');
    await signIn(page, ADMIN);
    assert.equal(new URL(page.url()).pathname, '/can-bo');
    await page.getByTestId('greeting').getByText(ADMIN.fullName).waitFor();
    const header = page.getByTestId('staff-user');
    await header.getByText(ADMIN.fullName).waitFor();
    await header.getByText(ROOT.name).waitFor();
    await page.getByText('Quản trị', { exact: true }).first().waitFor();

    // The admin's menu.
    const menu = page.getByRole('menu');
    for (const entry of ['Trang chủ', 'Cơ quan, đơn vị', 'Người dùng', 'Tài khoản của tôi']) {
      await menu.getByRole('menuitem', { name: entry }).waitFor();
    }
    await menu.getByRole('menuitem', { name: 'Người dùng' }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/nguoi-dung');
    await page.getByRole('cell', { name: ADMIN.username, exact: true }).waitFor();

    // A common password is refused by the server, with its message shown in the form.
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(NEW_USER.username);
    await dialog.getByLabel('Họ và tên').fill(NEW_USER.fullName);
    await dialog.getByLabel('Mật khẩu', { exact: true }).fill('matkhau123');
    const roles = dialog.getByLabel('Vai trò');
    await roles.click();
    await roles.pressSequentially('Chuyên');
    await page.keyboard.press('Enter'); // selects the filtered option
    await page.keyboard.press('Escape'); // closes the list (only the list: the dialog stays)
    await dialog.locator('.ant-select-selection-item', { hasText: 'Chuyên viên' }).waitFor();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'Thêm người dùng' }).click(),
    ]);
    assert.ok(refused.status() >= 400 && refused.status() < 500, `a common password is refused (got ${refused.status()})`);
    const refusal = await refused.json();
    const shown = refusal.error.details?.password ?? refusal.error.message;
    assert.match(shown, VIETNAMESE_LETTERS);
    await dialog.getByText(shown, { exact: true }).waitFor();

    // Then a good password, submitted with Enter from the password field.
    const password = dialog.getByLabel('Mật khẩu', { exact: true });
    await password.fill(NEW_USER.password);
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && r.request().method() === 'POST'),
      password.press('Enter'),
    ]);
    assert.equal(created.status(), 201, `user created: ${await created.text()}`);
    assert.deepEqual(created.request().postDataJSON(), {
      username: NEW_USER.username,
      full_name: NEW_USER.fullName,
      password: NEW_USER.password,
      agency_code: ROOT.code,
      roles: ['specialist'],
    });
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: new RegExp(NEW_USER.username.replace('.', '\\.')) });
    await row.getByText(NEW_USER.fullName).waitFor();
    await row.getByText('Chuyên viên').waitFor();

    // The search box finds the user ignoring diacritics.
    await page.getByLabel('Tìm người dùng').fill('nguyen thi');
    await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && new URL(r.url()).searchParams.get('q') === 'nguyen thi');
    await page.getByRole('cell', { name: NEW_USER.fullName, exact: true }).waitFor();
    await page.getByRole('cell', { name: ADMIN.fullName, exact: true }).waitFor({ state: 'detached' });

    // Sign out: the session ends, the staff area is closed again.
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/logout'),
      page.getByRole('button', { name: 'Đăng xuất' }).click(),
    ]);
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    const me = await page.request.get('/api/v1/auth/me');
    assert.equal(me.status(), 401, 'no session after signing out');

    // The new user signs in and is greeted by name, with a menu without the admin's screens.
    await signIn(page, NEW_USER);
    await page.getByTestId('greeting').getByText(NEW_USER.fullName).waitFor();
    await page.getByTestId('staff-user').getByText(NEW_USER.fullName).waitFor();
    await page.getByText('Chuyên viên', { exact: true }).first().waitFor();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Tài khoản của tôi' }).waitFor();
    assert.equal(await page.getByRole('menu').getByRole('menuitem', { name: 'Người dùng' }).count(), 0);
  });
});

test('a new API token shows when it expires, in the message and in the list', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/can-bo/tai-khoan');
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
    await signIn(page, ADMIN);
    await page.waitForURL((url) => url.pathname === '/can-bo/tai-khoan');
    await page.getByLabel('Tên khóa').fill('Đồng bộ báo cáo');
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/tokens' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Tạo khóa' }).click(),
    ]);
    assert.equal(created.status(), 201, `token created: ${await created.text()}`);
    /** @type {string} */
    const expiresAt = (await created.json()).expires_at;
    // ISO 8601 in Vietnam time: the date and the time shown are those written in it.
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(expiresAt);
    assert.ok(match && expiresAt.endsWith('+07:00'), `expires_at in Vietnam time: ${expiresAt}`);
    const [, year, month, day, hour, minute] = match;
    const date = `${day}/${month}/${year}`;
    const time = `${hour}:${minute}`;
    assert.ok(Date.parse(expiresAt) > Date.now(), 'a new token expires in the future');

    const message = page.getByTestId('created-token-expires');
    await message.waitFor();
    const said = await message.innerText();
    assert.ok(said.includes(date) && said.includes(time), `the message gives the expiry ${date} ${time}: ${said}`);

    // The tokens' table (the sessions' table above it has a "Hết hạn" column too).
    const table = page.locator('.ant-table').filter({ has: page.getByRole('row', { name: /Đồng bộ báo cáo/ }) });
    await table.getByRole('columnheader', { name: 'Hết hạn' }).waitFor();
    const row = table.getByRole('row', { name: /Đồng bộ báo cáo/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const shown = cells[headers.findIndex((header) => header.trim() === 'Hết hạn')] ?? '';
    assert.ok(shown.includes(date) && shown.includes(time), `the list gives the expiry ${date} ${time}: ${shown}`);
  });
});
