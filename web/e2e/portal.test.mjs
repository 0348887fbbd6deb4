// @ts-check
// The public portal (/) and the client-side 404 page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { apiCall, useEgov, withPage } from './harness.mjs';

const ctx = useEgov();

test('the portal loads with its Vietnamese heading, title and three entry cards', async (t) => {
  await withPage(ctx, t, async (page) => {
    const response = await page.goto('/');
    assert.equal(response?.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal(await page.title(), 'Egov — Dịch vụ công');
    for (const card of ['Thủ tục hành chính', 'Tra cứu hồ sơ', 'Đăng nhập cán bộ']) {
      await page.locator('.ant-card-head-title', { hasText: card }).waitFor();
    }
  });
});

test('the footer reports the server health that GET /api/v1/health returns', async (t) => {
  const health = await apiCall(ctx, '/api/v1/health');
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    const footer = page.getByTestId('health-status');
    await footer.and(page.locator(':not([data-state="loading"])')).waitFor();
    const state = await footer.getAttribute('data-state');
    if (health.status === 200 && health.body?.status === 'ok') {
      assert.equal(state, 'ok');
      assert.match(await footer.innerText(), /Máy chủ hoạt động bình thường/);
    } else {
      assert.equal(state, 'error');
      assert.match(await footer.innerText(), /Máy chủ không sẵn sàng/);
    }
  });
});

test('the lookup card opens /tra-cuu/{code} for the code typed in', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    const code = '000.00.00.H48-260101-0002';
    await page.getByLabel('Mã hồ sơ').fill(`  ${code} `);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForURL((url) => url.pathname === `/tra-cuu/${code}`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
  });
});

test('an empty dossier code is refused with a Vietnamese message', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Vui lòng nhập mã hồ sơ.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
  });
});

test('the catalog card searches /thu-tuc and the page shows the list or the API error', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).or(page.getByLabel('Tìm thủ tục hành chính'));
    await search.first().fill('khai sinh');
    await search.first().press('Enter');
    await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.searchParams.get('q') === 'khai sinh');
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    await page.locator('[data-testid="catalog-results"][data-state="loaded"], [data-testid="catalog-error"]').first().waitFor();
  });
});

test('the catalog card links to the whole catalog at /thu-tuc', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    const link = page.locator('.ant-card').filter({ hasText: 'Thủ tục hành chính' }).getByRole('link', { name: 'Xem toàn bộ danh mục' });
    assert.equal(await link.getAttribute('href'), '/thu-tuc');
    await link.click();
    await page.waitForURL((url) => url.pathname === '/thu-tuc' && url.search === '');
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
  });
});

test('the staff sign-in card leads to /dang-nhap', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/');
    await page.locator('.ant-card').filter({ hasText: 'Đăng nhập cán bộ' }).getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/dang-nhap');
  });
});

test('the portal fits a phone screen without sideways scrolling', async (t) => {
  await withPage(
    ctx,
    t,
    async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công' }).waitFor();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide on a ${clientWidth}px screen`);
    },
    { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  );
});

test('an unknown client route shows the Vietnamese 404 page', async (t) => {
  await withPage(ctx, t, async (page) => {
    const response = await page.goto('/trang-khong-ton-tai/abc');
    assert.equal(response?.status(), 200, 'the server answers unknown client paths with the web app');
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cổng dịch vụ công' }).waitFor();
  });
});
