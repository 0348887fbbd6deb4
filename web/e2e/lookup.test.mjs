// @ts-check
// /tra-cuu/{code}: a deep link served by the server's SPA fallback, showing the API's answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VIETNAMESE_LETTERS, apiCall, useEgov, withPage } from './harness.mjs';

const ctx = useEgov();
const CODE = '000.00.00.H48-260101-0001';

test('a deep link to an unknown dossier renders the lookup page with the API error message', async (t) => {
  const api = await apiCall(ctx, `/api/v1/public/dossiers/${CODE}`);
  assert.ok(api.status >= 400, `a fresh database has no dossier ${CODE} (got ${api.status})`);

  await withPage(ctx, t, async (page) => {
    const apiRequest = page.waitForRequest((request) => new URL(request.url()).pathname === `/api/v1/public/dossiers/${CODE}`);
    const response = await page.goto(`/tra-cuu/${CODE}`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-type'] ?? '', /text\/html/);
    await apiRequest;

    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    assert.equal(await page.getByTestId('lookup-code').innerText(), CODE);

    const alert = page.getByTestId('lookup-error');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, VIETNAMESE_LETTERS, `error text is Vietnamese: ${JSON.stringify(text)}`);
    if (typeof api.body?.error?.message === 'string') {
      assert.ok(text.includes(api.body.error.message), `page shows the server's message ${JSON.stringify(api.body.error.message)}; it shows ${JSON.stringify(text)}`);
    }
  });
});

test('looking up another code from the lookup page navigates to it', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto(`/tra-cuu/${CODE}`);
    await page.getByTestId('lookup-error').waitFor();
    const other = '000.00.00.H48-260101-0009';
    await page.getByLabel('Mã hồ sơ').fill(other);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL((url) => url.pathname === `/tra-cuu/${other}`);
    await page.getByTestId('lookup-code').filter({ hasText: other }).waitFor();
    await page.getByTestId('lookup-error').waitFor();
  });
});
