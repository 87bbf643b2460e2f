/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core, against
 * the gateway serving the built pages in front of the four services running embedded (the quick
 * start's round). An admin adds a ward team's user (a wrong form first: the error shows at its
 * field), the team signs in and finds its own ward's case, and is refused another ward's; a district
 * enters a pooled tube by scanner; the lab takes the box; a ward team interviews an F0 and adds
 * contacts from the keyboard; the committee reads the report and a cluster drawing. Only the
 * keyboard and the fields' labels are used, as a screen-reader or keyboard user would. Screenshots
 * go to reports/screenshots; the first page's load time is printed (measured, not asserted).
 *
 * Needs /usr/bin/chromium (`.ci/run` installs Debian's chromium; CHROMIUM_PATH to use another):
 * without it the suite is skipped loudly, and fails under REQUIRE_INFRA=1.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { unaryCall } from '@truyvet/grpc';
import type { QuickStartResult } from '../../scripts/quick-start';
import { ROUND_DISTRICT as DISTRICT, startConsoleRound, type ConsoleRound } from '../harness/console-round';
import { clientsFor } from '../../scripts/scenario/clients';
import { roles } from '../../scripts/scenario/mass-testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'reports/screenshots');
const ADMIN_PASSWORD = 'quan-tri-vien-2021';

// Flags for a closed network: without the background-networking ones Chromium keeps dialling out.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The console's pages built into `outDir`, as `npm run build:console` builds them. */
async function buildPages(outDir: string): Promise<void> {
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(process.execPath, [
    vite,
    'build',
    path.join(ROOT, 'services/console/web'),
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
}

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

const describeInBrowser = existsSync(CHROMIUM)
  ? describe
  : process.env.REQUIRE_INFRA === '1'
    ? (name: string) => {
        describe(name, () => {
          it('has a Chromium to drive', () => {
            throw new Error(`no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)`);
          });
        });
      }
    : (name: string) => {
        process.stderr.write(
          `\n*** SKIPPING "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium)\n`,
        );
        describe.skip(name, () => {
          it('signs in, adds a user, finds a case', () => undefined);
        });
      };

describeInBrowser('the console in Chromium', () => {
  let round: QuickStartResult | undefined;
  let running: ConsoleRound | undefined;
  let browser: Browser | undefined;
  let webDir: string;
  let base: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'truyvet-console-'));
    await buildPages(webDir);
    running = await startConsoleRound({ tag: '712', adminPassword: ADMIN_PASSWORD, webDir });
    round = running.round;
    base = `http://localhost:${running.gateway.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const signIn = signInAs;

  /** Two cases of the round in different wards of the district. */
  async function casesInTwoWards() {
    if (!round) throw new Error('no round');
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    const { cases } = await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT });
    const own = cases[0];
    const other = cases.find((c) => c.wardCode !== own?.wardCode);
    if (!own || !other) throw new Error('the round made no cases in two wards');
    return { own, other };
  }

  it("an admin adds a ward team; the team works its tasks, sees a new one arrive, finds its own case and not another ward's; a district center sees its worklist", async () => {
    const { own, other } = await casesInTwoWards();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();

    const started = Date.now();
    await page.goto(base);
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    const loadMs = Date.now() - started;
    // Runs in the page: the browser's own navigation timing.
    const navigation = await page.evaluate<number>(
      "Math.round(performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? -1)",
    );
    process.stderr.write(
      `  [console] first page: sign-in form shown ${loadMs} ms after navigation began (load event at ${navigation} ms)\n`,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in.png') });

    // A wrong password first: the form says so and keeps the username.
    await signIn(page, 'admin', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('admin');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Người dùng', exact: true }).waitFor();

    // The new user's form, by keyboard: a too short password is refused at its field (in the page),
    // a username already taken too (by the gateway).
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    const username = `tyt-${own.wardCode}`;
    const passwordField = form.getByLabel('Mật khẩu');
    await form.getByLabel('Tên đăng nhập').fill('admin');
    await form.getByLabel('Họ tên hoặc đơn vị').fill(`Tổ COVID phường ${own.wardCode}`);
    await passwordField.fill('ngan');
    await form.getByLabel('Vai trò').selectOption('ward_team');
    await form.getByLabel(/Mã địa bàn/).fill(own.wardCode);
    await form.getByLabel(/Mã địa bàn/).press('Enter');
    await form.getByRole('alert').filter({ hasText: 'Mật khẩu cần ít nhất 10 ký tự' }).waitFor();
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    await passwordField.fill('mat-khau-phuong-2021');
    await passwordField.press('Enter');
    await form.getByRole('alert').filter({ hasText: 'already taken' }).waitFor();
    expect(await form.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'users-field-error.png') });
    await form.getByLabel('Tên đăng nhập').fill(username);
    await passwordField.fill('mat-khau-phuong-2021');
    await passwordField.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Đã thêm: ${username}` })
      .waitFor();
    await page.getByRole('cell', { name: username, exact: true }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'users.png') });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The ward team signs in to its tasks: claims one, ends it with an outcome.
    await signIn(page, username, 'mat-khau-phuong-2021');
    await page.getByRole('heading', { name: 'Việc cần làm', exact: true }).waitFor();
    const queue = page.getByRole('list', { name: 'Việc cần làm' });
    const first = queue.getByRole('listitem').first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    await first.getByRole('button', { name: 'Nhận việc' }).click();
    const claimed = queue.getByRole('listitem', { name: label, exact: true });
    await claimed.getByLabel('Kết quả').selectOption('reached');
    await claimed.getByLabel('Ghi chú').fill('Đã gọi, hướng dẫn cách ly tại nhà');
    await claimed.getByLabel('Ghi chú').press('Enter');
    await claimed.waitFor({ state: 'detached' });
    // A hotline tip for the ward while the page is open: it appears without a reload.
    if (!round) throw new Error('no round');
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    await unaryCall(city.tracing, 'ReportTip', {
      districtCode: DISTRICT,
      wardCode: own.wardCode,
      description: 'Người nhà đi về từ vùng dịch, chưa khai báo',
      place: 'Hẻm 12',
    });
    await queue.getByRole('listitem', { name: /^Tin báo đường dây nóng/ }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tasks.png') });
    city.close();

    // The team finds its case; another ward's is refused.
    await page.getByRole('button', { name: 'Tra cứu ca bệnh' }).click();
    await page.getByRole('heading', { name: 'Tra cứu ca bệnh', exact: true }).waitFor();
    await page.getByLabel('Mã ca bệnh').fill(own.caseId);
    await page.getByLabel('Mã ca bệnh').press('Enter');
    const details = page.getByLabel(own.caseId, { exact: true });
    await details.waitFor();
    expect(await details.textContent()).toContain(own.wardCode);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case-lookup.png') });
    await page.getByLabel('Mã ca bệnh').fill(other.caseId);
    await page.getByLabel('Mã ca bệnh').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Ca bệnh này không thuộc địa bàn của bạn.' }).waitFor();
    expect(await page.getByLabel(other.caseId, { exact: true }).count()).toBe(0);

    // English on request, kept across a reload.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Find a case', exact: true }).waitFor();
    // After a reload the team starts at its tasks again, still in English.
    await page.reload();
    await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // The district center starts at today's sampling worklist, by ward.
    await running?.gateway.accounts.ensureUsers([
      {
        username: `ttyt-${DISTRICT}`,
        displayName: 'TTYT huyện Phong Điền',
        password: 'mat-khau-huyen-2021',
        role: 'district_center',
        jurisdiction: { level: 'district', code: DISTRICT },
        createdBy: 'test',
      },
    ]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, `ttyt-${DISTRICT}`, 'mat-khau-huyen-2021');
    await page.getByRole('heading', { name: 'Danh sách lấy mẫu', exact: true }).waitFor();
    await page.getByRole('region', { name: `Phường/xã ${own.wardCode}` }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'worklist.png') });
    await context.close();
  });

  /** The box the district sent in the test below, for the lab's test after it. */
  let boxLabel = '';

  it("a district center enters a pooled tube with a barcode scanner; the steering committee's report shows the round's figures", async () => {
    if (!browser || !round || !running) throw new Error('not started');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await running.gateway.accounts.ensureUsers([
      {
        username: 'ttyt-nhap-mau',
        displayName: 'TTYT quận Cái Răng — tổ lấy mẫu',
        password: 'mat-khau-lay-mau-2021',
        role: 'district_center',
        jurisdiction: { level: 'district', code: DISTRICT },
        createdBy: 'test',
      },
      {
        username: 'bcd-thanh-pho',
        displayName: 'Ban Chỉ đạo thành phố Cần Thơ',
        password: 'mat-khau-bcd-2021',
        role: 'city',
        jurisdiction: { level: 'city', code: '92' },
        createdBy: 'test',
      },
    ]);
    // Three people of the round who are neither cases nor contacts: one pooled tube.
    const { summary } = round;
    const traced = new Set([
      ...summary.cases.community,
      ...summary.cases.quarantine,
      ...summary.f1,
      ...summary.f2,
    ]);
    const people = [...summary.names.keys()].filter((id) => !traced.has(id)).slice(0, 3);

    await page.goto(base);
    await signIn(page, 'ttyt-nhap-mau', 'mat-khau-lay-mau-2021');
    await page.getByRole('heading', { name: 'Danh sách lấy mẫu', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nhập mẫu' }).click();
    const barcode = page.getByLabel('Mã vạch ống mẫu');
    await barcode.waitFor();
    // A USB scanner is a keyboard: it types the code and Enter into whatever has the focus.
    const scan = async (code: string) => {
      await page.keyboard.type(code, { delay: 5 });
      await page.keyboard.press('Enter');
    };
    // Runs in the page: which field has the focus.
    const focusedId = () => page.evaluate<string>("document.activeElement?.id ?? ''");
    await barcode.focus();
    await scan('CT-712-GOP-0001');
    const personField = page.getByLabel(/^Mã người/);
    expect(await focusedId()).toBe(await personField.getAttribute('id'));
    for (const id of people) await scan(id);
    const members = page.getByRole('list', { name: 'Người trong ống' });
    expect(await members.getByRole('listitem').count()).toBe(3);
    await page.getByText('Mẫu gộp, số người: 3').waitFor();
    await page.getByRole('button', { name: 'Lưu ống mẫu' }).click();
    const entered = page.getByRole('region', { name: 'Ống đã nhập' });
    await entered.getByRole('row', { name: /CT-712-GOP-0001 3 \(gộp\)/ }).waitFor();
    // Ready for the next tube: the barcode field has the focus again, the people are cleared.
    expect(await focusedId()).toBe(await barcode.getAttribute('id'));
    expect(await members.getByRole('listitem').count()).toBe(0);
    // A person the registry does not know: refused at that person, the tube kept as typed.
    await scan('CT-712-GOP-0002');
    await scan(people[0] ?? '');
    await scan('p-khong-co-trong-so');
    await page.getByRole('button', { name: 'Lưu ống mẫu' }).click();
    await members
      .getByRole('alert')
      .filter({ hasText: 'no person p-khong-co-trong-so in the registry' })
      .waitFor();
    expect(await barcode.inputValue()).toBe('CT-712-GOP-0002');
    // The tube entered goes in a box for the lab; the box label is what the lab scans.
    await page.getByRole('button', { name: /^Đóng thùng và gửi phòng xét nghiệm/ }).click();
    const sent = page.getByRole('status').filter({ hasText: 'Đã gửi thùng' });
    await sent.waitFor();
    boxLabel = /Đã gửi thùng: (\S+)/.exec((await sent.textContent()) ?? '')?.[1] ?? '';
    expect(boxLabel).not.toBe('');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sample-entry.png'), fullPage: true });
    await page.getByRole('button', { name: 'Chuyển mẫu' }).click();
    await page.getByRole('heading', { name: 'Chuyển mẫu', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Đang chuyển' }).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shipments.png') });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The committee starts at the city's report: the day's figures as reporting has them.
    const figure = (key: string) => page.locator(`[data-figure="${key}"] dd`);
    const vi = new Intl.NumberFormat('vi-VN');
    await signIn(page, 'bcd-thanh-pho', 'mat-khau-bcd-2021');
    await page.getByRole('heading', { name: /^Báo cáo ngày — Thành phố Cần Thơ/ }).waitFor();
    expect(await figure('cases.total').textContent()).toBe(vi.format(round.cityReport.cases.total));
    for (const chart of ['Ca mắc mới theo ngày', 'F1 đang cách ly', 'Thời gian xử lý (trung vị, giờ)'])
      await page.getByRole('img', { name: chart }).waitFor();
    // The district the round was in, by its name in the area list.
    await page.getByLabel('Địa bàn', { exact: true }).selectOption({ value: `district:${DISTRICT}` });
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.getByRole('heading', { name: /^Báo cáo ngày — Quận Cái Răng/ }).waitFor();
    const district = round.report;
    expect(await figure('cases.newToday').textContent()).toBe(vi.format(district.cases.newToday));
    expect(await figure('cases.newInCommunity').textContent()).toBe(vi.format(district.cases.newInCommunity));
    expect(await figure('isolation.f1Centralized').textContent()).toBe(
      vi.format(district.isolation.f1Centralized),
    );
    expect(await figure('testing.samplesTested').textContent()).toBe(
      vi.format(district.testing.samplesTested),
    );
    expect(
      await page.getByRole('region', { name: 'Cấp độ dịch của phường/xã' }).getByRole('row').count(),
    ).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png'), fullPage: true });
    await context.close();
  });

  it('the lab accessions the box by scanning, sees what is missing and what is not on the manifest, uploads an instrument export with a bad row, amends a result', async () => {
    if (!browser || !running) throw new Error('not started');
    expect(boxLabel).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await running.gateway.accounts.ensureUsers([
      {
        username: 'ktv-cdc',
        displayName: 'Kỹ thuật viên CDC Cần Thơ',
        password: 'mat-khau-ktv-2021',
        role: 'lab',
        jurisdiction: { level: 'city', code: '92' },
        createdBy: 'test',
      },
    ]);
    await page.goto(base);
    await signIn(page, 'ktv-cdc', 'mat-khau-ktv-2021');
    await page.getByRole('heading', { name: 'Phòng xét nghiệm', exact: true }).waitFor();
    const scan = async (code: string) => {
      await page.keyboard.type(code, { delay: 5 });
      await page.keyboard.press('Enter');
    };
    // The box label, then each tube out of it: the scanner's Enter moves from one to the next.
    await page.getByLabel(/^Mã thùng/).focus();
    await scan(boxLabel);
    await scan('CT-712-GOP-0001');
    await scan('CT-712-LAC-0001');
    const scanned = page.getByRole('list', { name: 'Ống đã quét' });
    expect(await scanned.getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Ghi nhận thùng (2)' }).click();
    const received = page.getByRole('region', { name: 'Đã nhận thùng' });
    await received.getByText('Ống không có trong danh sách: CT-712-LAC-0001').waitFor();
    expect(await received.textContent()).toContain('1 ống đã nhận');

    // An instrument export: the box's tube negative, and a row for a tube the lab never had.
    const csv = path.join(webDir, 'ket-qua-may.csv');
    writeFileSync(
      csv,
      [
        'barcode,method,outcome,kit_id,ct_E,ct_N,run_id',
        'CT-712-GOP-0001,rt_pcr,negative,allplex-2019-ncov,,,RUN-0712',
        'CT-712-KHONG-CO,rt_pcr,negative,allplex-2019-ncov,,,RUN-0712',
      ].join('\n'),
    );
    await page.getByLabel('Tệp kết quả (CSV xuất từ máy)').setInputFiles(csv);
    await page.getByRole('status').filter({ hasText: '1 kết quả đã ghi' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '1 dòng bị từ chối' }).count()).toBe(1);
    expect(await page.locator('#results-progress').getAttribute('value')).toBe('2');
    const rowErrors = page.getByRole('table', { name: 'Các dòng lỗi' });
    await rowErrors.getByRole('row', { name: /^3 barcode/ }).waitFor();

    // The result amended, with the reason: the history shows both.
    const amendSection = page.getByRole('region', { name: 'Sửa kết quả' });
    await amendSection.getByLabel('Mã vạch ống mẫu').fill('CT-712-GOP-0001');
    await amendSection.getByRole('button', { name: 'Tìm' }).click();
    const history = page.getByRole('table', { name: 'Lịch sử kết quả CT-712-GOP-0001' });
    await history.waitFor();
    await amendSection.getByLabel('Kết quả', { exact: true }).selectOption('rejected');
    await amendSection.getByLabel('Lý do sửa').fill('Giếng bị nhiễm chéo, chạy lại');
    await amendSection.getByRole('button', { name: 'Sửa kết quả' }).click();
    await history.getByRole('cell', { name: 'Giếng bị nhiễm chéo, chạy lại' }).waitFor();
    expect(await history.getByRole('row').count()).toBe(3); // the header and two results
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lab.png'), fullPage: true });
    await context.close();
  });

  it("a ward team opens an F0 from its tasks, sees the household traced, adds a contact the registry suggests and a new one by keyboard; sees its ward's isolation; the committee sees the case's cluster drawn", async () => {
    if (!running || !browser) throw new Error('not started');
    const city = await clientsFor(roles(DISTRICT).city, running.round.services.ports);
    // A case whose interview is still to do (the first test ended one of them).
    const { tasks } = await unaryCall(city.tracing, 'ListTasks', {
      districtCode: DISTRICT,
      kind: 'interview_case',
      status: 'open',
    });
    const { cases } = await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT });
    const f0 = cases.find((c) => tasks.some((t) => t.caseId === c.caseId));
    if (!f0) throw new Error('no case left to interview');
    const ward = f0.wardCode;
    const person = (await unaryCall(city.registry, 'GetPerson', { personId: f0.personId })).details;
    if (!person) throw new Error('no F0 in the registry');
    // A neighbour the registry has who is nobody's contact yet.
    const { people: isolated } = await unaryCall(city.isolation, 'ListInIsolation', {
      districtCode: DISTRICT,
    });
    const traced = new Set(isolated.map((p) => p.personId));
    const neighbour = (await running.registeredIn(ward)).find(
      (p) => !traced.has(p.personId) && p.personId !== f0.personId,
    );
    if (!neighbour) throw new Error(`nobody untraced in ward ${ward}`);
    await running.gateway.accounts.ensureUsers([
      {
        username: `to-truy-vet-${ward}`,
        displayName: `Tổ truy vết ${ward}`,
        password: 'mat-khau-truy-vet-2021',
        role: 'ward_team',
        jurisdiction: { level: 'ward', code: ward },
        createdBy: 'test',
      },
      {
        username: 'bcd-thanh-pho',
        displayName: 'Ban Chỉ đạo thành phố',
        password: 'mat-khau-bcd-2021',
        role: 'city',
        jurisdiction: { level: 'city', code: '92' },
        createdBy: 'test',
      },
    ]);

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1200, height: 860 } });
    const page = await context.newPage();
    await page.goto(base);
    await signInAs(page, `to-truy-vet-${ward}`, 'mat-khau-truy-vet-2021');
    // From the interview task (listed by the F0's name) to the F0's page.
    const task = page
      .getByRole('list', { name: 'Việc cần làm' })
      .getByRole('listitem', { name: `Phỏng vấn F0 ${person.fullName}`, exact: true });
    await task.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await page
      .getByRole('heading', { name: `${person.fullName} (${String(person.birthYear)}) · F0` })
      .waitFor();
    // The household from the registry, each member already a household F1 (traced on the result).
    const household = page.getByRole('group', { name: /Người cùng hộ/ });
    const members = household.getByRole('checkbox');
    expect(await members.count()).toBeGreaterThan(0);
    for (const member of await members.all()) {
      expect(await member.isChecked()).toBe(true);
      expect(await member.isDisabled()).toBe(true);
    }
    await household.getByText('đã ghi nhận').first().waitFor();

    // Row 1: typed name and birth year, the registry suggests the neighbour, picked by keyboard.
    const form = page.getByRole('form', { name: 'Thêm người tiếp xúc' });
    await form.getByLabel('Họ tên 1').fill(neighbour.fullName);
    await form.getByLabel('Năm sinh 1').fill(String(neighbour.birthYear));
    await form.getByLabel('Họ tên 1').focus();
    const suggestions = form.getByRole('listbox', { name: 'Người đã có trong sổ đăng ký' });
    await suggestions.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await form.locator('.picked').filter({ hasText: 'Đã có trong sổ' }).waitFor();
    await form.getByLabel('Hình thức tiếp xúc 1').selectOption('same_room');
    await form.getByLabel('Hình thức tiếp xúc 1').press('Enter');
    // Enter on the last field of the last row opens a new row, its name field focused.
    await form.getByLabel('Ngày tiếp xúc cuối 1').press('Enter');
    await page.keyboard.type('Hồ Thị Mới');
    await page.keyboard.press('Enter');
    // Saved too early, without the birth year: refused in the page, at the row's field, nothing lost.
    await page.keyboard.press('Control+Enter');
    await form.getByText('Năm sinh 4 chữ số, từ 1900 đến năm nay').waitFor();
    expect(await form.getByLabel('Năm sinh 2').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Họ tên 2').inputValue()).toBe('Hồ Thị Mới');
    await form.getByLabel('Năm sinh 2').focus();
    await page.keyboard.type('1985');
    await page.keyboard.press('Enter');
    await page.keyboard.type('0987 654 321');
    await page.keyboard.press('Enter');
    await form.getByLabel('Hình thức tiếp xúc 2').selectOption('workplace');
    expect(await form.getByLabel('Họ tên 2').inputValue()).toBe('Hồ Thị Mới');
    expect(await form.getByLabel('Năm sinh 2').inputValue()).toBe('1985');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Đã lưu: 1 người mới ghi nhận' }).waitFor();
    const recorded = page.getByRole('table', { name: 'Người tiếp xúc đã ghi nhận' });
    for (const name of [neighbour.fullName, 'Hồ Thị Mới'])
      await recorded.getByRole('cell', { name, exact: true }).waitFor({ timeout: 20_000 });
    // The chain drawn under the file: the F0 and the contacts just named.
    const drawing = page.getByRole('img', { name: 'Chuỗi lây nhiễm' });
    await drawing.locator('text.name', { hasText: 'Hồ Thị Mới' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'case.png'), fullPage: true });

    // The ward's people in isolation: the neighbour among them with a next test date.
    await page.getByRole('button', { name: 'Đang cách ly' }).click();
    const inIsolation = page.getByRole('table', { name: 'Đang cách ly' });
    const row = inIsolation.getByRole('row').filter({ hasText: neighbour.fullName });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toMatch(/F1.*\d{2}\/\d{2}\/\d{4}/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'isolation.png'), fullPage: true });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    // The steering committee opens the case and its whole cluster.
    await signInAs(page, 'bcd-thanh-pho', 'mat-khau-bcd-2021');
    await page.getByRole('button', { name: 'Tra cứu ca bệnh' }).click();
    await page.getByLabel('Mã ca bệnh').fill(f0.caseId);
    await page.getByLabel('Mã ca bệnh').press('Enter');
    await page.getByRole('img', { name: 'Chuỗi lây nhiễm' }).waitFor();
    await page.getByRole('button', { name: 'Toàn bộ ổ dịch' }).click();
    const cluster = page.getByRole('img', { name: 'Toàn bộ ổ dịch' });
    await cluster.waitFor();
    const inCluster = await unaryCall(city.cases, 'GetCluster', { clusterId: f0.clusterId });
    expect(await cluster.locator('g.node').count()).toBe(Math.min(inCluster.members.length, 150));
    await cluster.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cluster.png'), fullPage: true });
    city.close();
    await context.close();
  });
  it("an admin reads who saw and changed a person's data, from every service, and downloads it", async () => {
    const { own } = await casesInTwoWards();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 760 } });
    const page = await context.newPage();
    await page.goto(base);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Người dùng', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nhật ký truy cập' }).click();
    const form = page.getByRole('form', { name: 'Nhật ký truy cập' });
    await form.getByLabel('Mã người (personId)').fill(own.personId);
    await form.getByLabel('Mã người (personId)').press('Enter');
    const trail = page.getByRole('region', { name: `Nhật ký truy cập ${own.personId}` });
    // The registration of the round's person is a change recorded by sample-collection.
    await trail
      .getByRole('row')
      .filter({ hasText: 'sample-collection' })
      .filter({ hasText: 'thay đổi' })
      .first()
      .waitFor();
    expect(await trail.getByRole('row').count()).toBeGreaterThan(1);
    const link = trail.getByRole('link', { name: 'Tải CSV' });
    expect(await link.getAttribute('href')).toBe(
      `/api/audit?personId=${encodeURIComponent(own.personId)}&format=csv`,
    );
    const download = page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^at,service,kind,outcome,method,caller/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'audit.png'), fullPage: true });
    await context.close();
  });
});
