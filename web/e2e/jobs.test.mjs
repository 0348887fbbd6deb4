// @ts-check
// "Công việc nền" (/can-bo/cong-viec-nen): an administrator of the root agency sees the
// background jobs with their states, attempts, progress and errors, filters them, and retries
// a failed one. The jobs are written into the fresh database with the sqlite3 shell before
// the server starts: a failed citizen notice (its error kept) and a done one, and the periodic
// jobs' schedules as if they had just run. Retried, the
// notice runs again at once and is done (its dossier does not exist: nothing to send).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

import { useEgov, withPage } from './harness.mjs';

const ROOT = { code: '000.00.00.H48', name: 'UBND tỉnh Quảng Ngãi', kind: 'province', abbreviation: 'UBND' };
const ADMIN = { username: 'quantri', fullName: 'Trần Văn Quản Trị', password: 'Kiem-thu#Quan-tri-2025' };
const ERROR = 'Máy chủ thư từ chối: 550 hộp thư không tồn tại';
// 2026-02-02T08:00:00+07:00 and a few minutes later, UTC epoch ms.
const T0 = 1769994000000;

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
    const file = db.replace(/^sqlite:/, '');
    execFileSync('sqlite3', [
      file,
      `INSERT INTO jobs (id, kind, payload, state, run_at, attempts, max_attempts, last_error, claimed_by, progress, created_at, finished_at)
         VALUES (1, 'citizen_notice', '{"dossier_code":"000.00.00.H48-260202-0001","event":"received","event_id":1}',
                 'failed', ${T0 + 600000}, 10, 10, '${ERROR}', 'may-chu:42', 0, ${T0}, ${T0 + 600000});
       INSERT INTO jobs (id, kind, payload, state, run_at, attempts, max_attempts, claimed_by, progress, created_at, finished_at)
         VALUES (2, 'citizen_notice', '{"dossier_code":"000.00.00.H48-260202-0002","event":"received","event_id":2}',
                 'done', ${T0}, 1, 10, 'may-chu:42', 100, ${T0}, ${T0 + 1000});
       -- The periodic jobs (docs/jobs.md) ran a moment ago: their next runs come after the
       -- test (the daily retention would delete the done notice of February).
       INSERT INTO job_schedules (kind, every_ms, next_run_at) VALUES
         ('reminder_scan', 300000, ${Date.now() + 280000}),
         ('job_retention', 86400000, ${Date.now() + 86000000});`,
    ]);
  },
});

test('an administrator sees the jobs, filters the failed ones and retries one', async (t) => {
  await withPage(ctx, t, async (page) => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/can-bo'));
    await page.getByRole('menu').getByRole('menuitem', { name: 'Công việc nền' }).click();
    await page.waitForURL((url) => url.pathname === '/can-bo/cong-viec-nen');
    await page.getByRole('heading', { level: 1, name: 'Công việc nền' }).waitFor();

    const failed = page.getByRole('row', { name: /#1\b/ });
    await failed.getByText('Thất bại', { exact: true }).waitFor();
    await failed.getByText(ERROR, { exact: true }).waitFor();
    await failed.getByText('10/10', { exact: true }).waitFor();
    await failed.getByText('Thông báo cho công dân').waitFor();
    const done = page.getByRole('row', { name: /#2\b/ });
    await done.getByText('Đã xong', { exact: true }).waitFor();
    assert.equal(await done.getByRole('button', { name: /Thử lại/ }).count(), 0, 'only a failed job has "Thử lại"');
    await page.getByText('Tổng số 2 công việc').waitFor();

    // Filter: failed only.
    // The select's frame (its inner search input carries the same label).
    const state = page.getByLabel('Lọc theo trạng thái').first();
    await state.click();
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/jobs' && new URL(r.url()).searchParams.get('state') === 'failed'),
      page.locator('.ant-select-item-option', { hasText: 'Thất bại' }).click(),
    ]);
    assert.equal(filtered.status(), 200);
    await page.getByText('Tổng số 1 công việc').waitFor();
    assert.equal(await page.getByRole('row', { name: /#2\b/ }).count(), 0);

    // Retry: queued again now, with fresh attempts.
    const [retried] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/jobs/1/retry' && r.request().method() === 'POST'),
      failed.getByRole('button', { name: 'Thử lại công việc #1' }).click(),
    ]);
    assert.equal(retried.status(), 200, await retried.text());
    const job = await retried.json();
    assert.equal(job.state, 'queued');
    assert.equal(job.attempts, 0);
    await page.getByText('Đã đưa công việc #1 vào hàng đợi để chạy lại.').waitFor();
    // The server's worker runs it again at once: its dossier does not exist, so the notice is
    // dropped (nothing a retry could change) and the job is done, after one fresh attempt.
    await page.getByText('Không có công việc nào.').waitFor();
    await state.click();
    await page.locator('.ant-select-item-option', { hasText: 'Đã xong' }).click();
    const rerun = page.getByRole('row', { name: /#1\b/ });
    await rerun.getByText('Đã xong', { exact: true }).waitFor();
    await rerun.getByText('1/10', { exact: true }).waitFor();
  });
});
