// @ts-check
// /dang-nhap: the staff sign-in form.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VIETNAMESE_LETTERS, apiCall, useEgov, withPage } from './harness.mjs';

const ctx = useEgov();

test('/dang-nhap is a sign-in form with a password field', async (t) => {
  await withPage(ctx, t, async (page) => {
    const response = await page.goto('/dang-nhap');
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    const password = page.getByLabel('Mật khẩu');
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await page.locator('input[type="password"]').count(), 1);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  });
});

test('an empty form is refused in Vietnamese without calling the server', async (t) => {
  await withPage(ctx, t, async (page) => {
    let posted = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/login')) posted = true;
    });
    await page.goto('/dang-nhap');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Vui lòng nhập tên đăng nhập.').waitFor();
    await page.getByText('Vui lòng nhập mật khẩu.').waitFor();
    assert.equal(posted, false);
  });
});

test('a refused sign-in shows the message of the server', async (t) => {
  // What the server answers for unknown credentials (404 while the endpoint does not exist).
  const api = await apiCall(ctx, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'khong-co-ai', password: 'sai-mat-khau' }),
  });
  assert.ok(api.status >= 400, `unknown credentials are refused (got ${api.status})`);

  await withPage(ctx, t, async (page) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('khong-co-ai-2');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    const [request] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/auth/login' && r.method() === 'POST'),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    assert.deepEqual(request.postDataJSON(), { username: 'khong-co-ai-2', password: 'sai-mat-khau' });
    assert.match(request.headers()['content-type'] ?? '', /application\/json/);

    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, VIETNAMESE_LETTERS, `error text is Vietnamese: ${JSON.stringify(text)}`);
    if (typeof api.body?.error?.message === 'string') {
      assert.ok(text.includes(api.body.error.message), `page shows the server's message ${JSON.stringify(api.body.error.message)}; it shows ${JSON.stringify(text)}`);
    }
  });
});
