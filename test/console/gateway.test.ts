/**
 * The gateway over HTTP on loopback, in front of the four services running embedded (the quick
 * start's round: cases in three wards of one district). What a browser would send, checked for what
 * the console must guarantee: sign-in, sessions in cookies, CSRF, roles, and that a ward's team reads
 * its own ward's cases and no other's.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unaryCall } from '@truyvet/grpc';
import type { QuickStartResult } from '../../scripts/quick-start';
import {
  ROUND_DISTRICT as DISTRICT,
  ROUND_WARDS as WARDS,
  startConsoleRound,
  type ConsoleRound,
} from '../harness/console-round';
import { clientsFor } from '../../scripts/scenario/clients';
import { roles } from '../../scripts/scenario/mass-testing';
import { CSRF_HEADER, sessionCookieName } from '@truyvet/console';
import { eventually } from '../harness/eventually';

const ADMIN = { username: 'admin', password: 'quan-tri-vien-2021' };

describe('the console gateway', () => {
  let round: QuickStartResult;
  let running: ConsoleRound;
  let base: string;

  beforeAll(async () => {
    running = await startConsoleRound({ tag: '611', adminPassword: ADMIN.password });
    round = running.round;
    base = `http://127.0.0.1:${running.gateway.port}`;
  }, 120_000);

  afterAll(async () => {
    await running.stop();
  });

  /** The gateway's answers, as far as these tests read them. */
  interface Reply {
    csrfToken?: string;
    user?: { username: string; lab?: string };
    users?: Array<{ username: string }>;
    case?: { caseId: string; personId: string };
    task?: { taskId: string; status: string; claimedBy: string; outcome: string };
    tasks?: Array<{
      taskId: string;
      kind: string;
      wardCode: string;
      status: string;
      personId: string;
      personName: string;
      contactRef: string;
      candidates: Array<{ personId: string; fullName: string }>;
    }>;
    districtCode?: string;
    items?: Array<{ orderId: string; wardCode: string; reason: string }>;
    error?: { code: string; fields: Array<{ field: string }> };
    sample?: { sampleId: string; barcode: string; pooled: boolean; personIds: string[]; status: string };
    districts?: Array<{ code: string; wards: Array<{ code: string }> }>;
    report?: { date: string; area: { level: string; code: string } | null; cases: { total: number } | null };
    days?: Array<{ date: string }>;
    parts?: Array<{ area: { level: string; code: string } | null }>;
    risk?: { wards: Array<{ wardCode: string }> };
    shipments?: Array<{ shipmentId: string; fromDistrictCode: string }>;
    shipment?: { shipmentId: string; manifest: Array<{ sampleId: string; barcode: string }> };
    accession?: {
      status: string;
      receivedSampleIds: string[];
      missingSampleIds: string[];
      unexpectedBarcodes: string[];
    };
    results?: Array<{
      index: number;
      recorded: { outcome: string } | null;
      rejected: { fieldViolations: Array<{ field: string }> } | null;
    }>;
    accepted?: number;
    person?: { personId: string; fullName: string; householdId: string } | null;
    household?: Array<{ personId: string; fullName: string; isContact: boolean }>;
    contacts?: Array<{ personId: string; fullName: string; contactType: string }>;
    persons?: Array<{ personId: string; fullName: string; wardCode: string }>;
    outcomes?: Array<{ index: number; status: string; contactId: string }>;
    awaitingIdentification?: Array<{ contactRef: string }>;
    nodes?: Array<{ id: string; name: string; level: number; focus: boolean }>;
    edges?: Array<{ from: string; to: string; link: string }>;
    view?: string;
    entries?: Array<{
      service: string;
      kind: string;
      method: string;
      caller: string;
      role: string;
      client: string;
      at: string;
    }>;
    people?: Array<{
      personId: string;
      fullName: string;
      level: number;
      nextTestOn: string;
      releaseOn: string;
    }>;
  }

  /** A browser: keeps the session cookie and the CSRF token it was given. */
  class Browser {
    cookie = '';
    csrf = '';
    async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.csrf && method !== 'GET' ? { [CSRF_HEADER]: this.csrf } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
      const text = await response.text();
      const json = (text ? JSON.parse(text) : undefined) as Reply | undefined;
      if (typeof json?.csrfToken === 'string') this.csrf = json.csrfToken;
      return { status: response.status, json, setCookie };
    }
    signIn(username: string, password: string) {
      return this.call('POST', '/api/session', { username, password });
    }
  }

  async function userOf(
    username: string,
    role: string,
    jurisdiction: { level: string; code: string },
    extra: { lab?: string } = {},
  ) {
    const admin = new Browser();
    await admin.signIn(ADMIN.username, ADMIN.password);
    const added = await admin.call('POST', '/api/users', {
      username,
      displayName: username,
      password: `${username}-mat-khau`,
      role,
      jurisdiction,
      ...extra,
    });
    expect(added.status).toBe(201);
    const browser = new Browser();
    expect((await browser.signIn(username, `${username}-mat-khau`)).status).toBe(200);
    return browser;
  }

  it('signs in with the right password only, into an HttpOnly, SameSite=Strict, Secure cookie', async () => {
    const browser = new Browser();
    const wrong = await browser.signIn(ADMIN.username, 'not-the-password');
    const unknown = await browser.signIn('nobody', 'not-the-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    // The same answer either way: the console does not say which usernames exist.
    expect(unknown.json).toEqual(wrong.json);

    const ok = await browser.signIn(ADMIN.username, ADMIN.password);
    expect(ok.status).toBe(200);
    expect(ok.json?.user).toEqual({
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      role: 'admin',
      jurisdiction: { level: 'city', code: '92' },
    });
    expect(ok.setCookie).toMatch(/^__Host-truyvet_session=[A-Za-z0-9_-]{43}; /);
    expect(ok.setCookie).toContain('HttpOnly');
    expect(ok.setCookie).toContain('SameSite=Strict');
    expect(ok.setCookie).toContain('Secure');
    expect((await browser.call('GET', '/api/session')).json?.user?.username).toBe('admin');
    expect((await new Browser().call('GET', '/api/session')).status).toBe(401);
    // Served for HTTPS: browsers are told to come back over HTTPS only, answers and pages alike.
    const hsts = (await fetch(`${base}/api/session`)).headers.get('strict-transport-security');
    expect(hsts).toBe('max-age=31536000; includeSubDomains');
  });

  it('takes changes only with the session CSRF token, from the console itself, as JSON', async () => {
    const admin = new Browser();
    await admin.signIn(ADMIN.username, ADMIN.password);
    const user = {
      username: 'ttyt-phong-dien',
      displayName: 'TTYT Phong Điền',
      password: 'phong-dien-2021',
      role: 'district_center',
      jurisdiction: { level: 'district', code: DISTRICT },
    };
    const noToken = await admin.call('POST', '/api/users', user, { [CSRF_HEADER]: '' });
    expect(noToken).toMatchObject({ status: 403, json: { error: { code: 'CSRF_TOKEN_MISSING' } } });
    const crossSite = await admin.call('POST', '/api/users', user, { origin: 'https://evil.example' });
    expect(crossSite).toMatchObject({ status: 403, json: { error: { code: 'CROSS_SITE' } } });
    const asForm = await admin.call('POST', '/api/users', undefined, { 'content-type': 'text/plain' });
    expect(asForm.status).toBe(415);
    expect((await admin.call('POST', '/api/users', user)).status).toBe(201);
    expect(await admin.call('POST', '/api/users', user)).toMatchObject({
      status: 409,
      json: { error: { code: 'USERNAME_TAKEN', fields: [{ field: 'username' }] } },
    });
    const listed = await admin.call('GET', '/api/users');
    expect(listed.json?.users?.map((u) => u.username)).toEqual(['admin', 'ttyt-phong-dien']);
    expect(JSON.stringify(listed.json)).not.toContain('scrypt');
  });

  it('answers a wrong user form with the offending fields', async () => {
    const admin = new Browser();
    await admin.signIn(ADMIN.username, ADMIN.password);
    const bad = await admin.call('POST', '/api/users', {
      username: 'A',
      displayName: '',
      password: 'short',
      role: 'ward_team',
      jurisdiction: { level: 'district', code: DISTRICT },
    });
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.fields.map((f) => f.field).sort()).toEqual([
      'displayName',
      'jurisdiction.level',
      'password',
      'username',
    ]);
    const nowhere = await admin.call('POST', '/api/users', {
      username: 'to-nowhere',
      displayName: 'x',
      password: 'long-enough-password',
      role: 'ward_team',
      jurisdiction: { level: 'ward', code: '99999' },
    });
    expect(nowhere).toMatchObject({
      status: 400,
      json: { error: { fields: [{ field: 'jurisdiction.code' }] } },
    });
    // A lab is named for lab staff only, in the shape of a lab id.
    for (const [role, lab, level, code] of [
      ['ward_team', 'lab-92-khac', 'ward', WARDS[0]],
      ['lab', 'Phòng XN số 2', 'city', '92'],
    ] as const) {
      const wrongLab = await admin.call('POST', '/api/users', {
        username: 'ktv-sai-lab',
        displayName: 'x',
        password: 'long-enough-password',
        role,
        jurisdiction: { level, code },
        lab,
      });
      expect(wrongLab).toMatchObject({ status: 400, json: { error: { fields: [{ field: 'lab' }] } } });
    }
  });

  it('lets only an admin add or list users', async () => {
    const district = await userOf('ttyt-kiem-tra', 'district_center', { level: 'district', code: DISTRICT });
    const attempt = await district.call('POST', '/api/users', {
      username: 'self-made-admin',
      displayName: 'x',
      password: 'long-enough-password',
      role: 'admin',
      jurisdiction: { level: 'city', code: '92' },
    });
    expect(attempt).toMatchObject({ status: 403, json: { error: { code: 'ADMIN_ONLY' } } });
    expect((await district.call('GET', '/api/users')).status).toBe(403);
  });

  it('lets a user change their password and an admin disable a user, ending their sessions', async () => {
    const user = await userOf('ttyt-doi-mat-khau', 'district_center', { level: 'district', code: DISTRICT });
    const changed = await user.call('POST', '/api/password', {
      current: 'ttyt-doi-mat-khau-mat-khau',
      next: 'mat-khau-moi-cua-toi',
    });
    expect(changed.status).toBe(204);
    expect((await user.call('GET', '/api/session')).status).toBe(200); // this browser stays signed in
    const admin = new Browser();
    await admin.signIn(ADMIN.username, ADMIN.password);
    expect((await user.call('POST', '/api/users/ttyt-doi-mat-khau/disable', {})).status).toBe(403);
    const disabled = await admin.call('POST', '/api/users/ttyt-doi-mat-khau/disable', {});
    expect(disabled).toMatchObject({ status: 200, json: { user: { disabledBy: ADMIN.username } } });
    expect((await user.call('GET', '/api/session')).status).toBe(401);
    expect((await new Browser().signIn('ttyt-doi-mat-khau', 'mat-khau-moi-cua-toi')).status).toBe(401);
  });

  it("shows a ward's team its own ward's case, and no other ward's", async () => {
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    const listed = await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT });
    const someCase = listed.cases[0];
    if (!someCase) throw new Error('the round made no case');
    const otherWard = WARDS.find((w) => w !== someCase.wardCode) ?? '';
    const own = await userOf(`tyt-${someCase.wardCode}`, 'ward_team', {
      level: 'ward',
      code: someCase.wardCode,
    });
    const other = await userOf(`tyt-${otherWard}`, 'ward_team', { level: 'ward', code: otherWard });
    const otherDistrict = await userOf('ttyt-ninh-kieu', 'district_center', {
      level: 'district',
      code: '916',
    });

    const seen = await own.call('GET', `/api/cases/${encodeURIComponent(someCase.caseId)}`);
    expect(seen.status).toBe(200);
    expect(seen.json?.case).toMatchObject({ caseId: someCase.caseId, personId: someCase.personId });
    for (const outsider of [other, otherDistrict]) {
      const refused = await outsider.call('GET', `/api/cases/${encodeURIComponent(someCase.caseId)}`);
      // Refused without saying where the case is (its ward, its person).
      expect(refused).toMatchObject({
        status: 403,
        json: { error: { message: 'not in your area or role' } },
      });
      expect(JSON.stringify(refused.json)).not.toContain(someCase.personId);
      expect(JSON.stringify(refused.json)).not.toContain(someCase.wardCode);
    }
    // The browser cannot claim another area: the role and area come from the session only.
    const claimed = await other.call('GET', `/api/cases/${encodeURIComponent(someCase.caseId)}`, undefined, {
      'x-role': 'city',
      authorization: 'Bearer forged',
    });
    expect(claimed.status).toBe(403);
  });

  it("gives an admin a person's trail across the services (who, through what, read or changed) and its CSV; no one else", async () => {
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    const someCase = (await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT })).cases[0];
    if (!someCase) throw new Error('the round made no case');
    const team = await userOf(`tyt-audit-${someCase.wardCode}`, 'ward_team', {
      level: 'ward',
      code: someCase.wardCode,
    });
    expect((await team.call('GET', `/api/cases/${encodeURIComponent(someCase.caseId)}`)).status).toBe(200);

    const admin = new Browser();
    await admin.signIn(ADMIN.username, ADMIN.password);
    const trail = await admin.call('GET', `/api/audit?personId=${encodeURIComponent(someCase.personId)}`);
    expect(trail.status).toBe(200);
    const entries = trail.json?.entries ?? [];
    // The team's look through the console, and the round's own calls (a registration: a change).
    expect(entries).toContainEqual(
      expect.objectContaining({
        service: 'case-graph',
        kind: 'read',
        method: '/truyvet.cases.v1.Cases/GetCase',
        caller: `tyt-audit-${someCase.wardCode}`,
        role: 'ward_team',
        client: 'console',
      }),
    );
    expect(entries.some((e) => e.service === 'sample-collection' && e.kind === 'change')).toBe(true);
    expect([...entries].sort((a, b) => b.at.localeCompare(a.at))).toEqual(entries); // newest first

    const csv = await fetch(
      `${base}/api/audit?personId=${encodeURIComponent(someCase.personId)}&format=csv`,
      {
        headers: { cookie: admin.cookie },
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-[\w-]+\.csv"$/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with a BOM: spreadsheets read it so
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'at,service,kind,outcome,method,caller,role,area_level,area_code,client,reason,people_in_answer,correlation_id',
    );
    expect(lines.length - 1).toBeGreaterThanOrEqual(entries.length); // later reads may have come

    expect(
      (await team.call('GET', `/api/audit?personId=${encodeURIComponent(someCase.personId)}`)).status,
    ).toBe(403);
    const bad = await admin.call('GET', '/api/audit?personId=%20&format=xml');
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.fields.map((f) => f.field).sort()).toEqual(['format', 'personId']);
  });

  it("gives a ward team its own ward's tasks to claim and end with an outcome", async () => {
    const [ward, otherWard] = WARDS as [string, string];
    const team = await userOf(`to-covid-${ward}`, 'ward_team', { level: 'ward', code: ward });
    const other = await userOf(`to-covid-${otherWard}`, 'ward_team', { level: 'ward', code: otherWard });
    const mineListed = await team.call('GET', '/api/tasks');
    const theirsListed = await other.call('GET', '/api/tasks');
    expect([mineListed.status, theirsListed.status]).toEqual([200, 200]);
    const mine = mineListed.json?.tasks ?? [];
    const theirs = theirsListed.json?.tasks ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.wardCode === ward)).toBe(true);
    expect(theirs.every((t) => t.wardCode === otherWard)).toBe(true);
    const task = mine.find((t) => t.status === 'open');
    if (!task) throw new Error(`no open task in ward ${ward}`);
    const path = `/api/tasks/${encodeURIComponent(task.taskId)}`;

    expect((await team.call('POST', `${path}/claim`, {}, { [CSRF_HEADER]: '' })).status).toBe(403);
    // Another ward's team cannot take it: case-graph decides, on the user's own token.
    expect(await other.call('POST', `${path}/claim`, {})).toMatchObject({
      status: 403,
      json: { error: { code: 'PERMISSION_DENIED' } },
    });
    expect((await team.call('POST', `${path}/claim`, {})).json?.task).toMatchObject({
      status: 'claimed',
      claimedBy: `to-covid-${ward}`,
    });
    expect(await team.call('POST', `${path}/complete`, { outcome: 'gone fishing' })).toMatchObject({
      status: 400,
      json: { error: { fields: [{ field: 'outcome' }] } },
    });
    expect(
      (await team.call('POST', `${path}/complete`, { outcome: 'reached', note: 'đã gọi' })).json?.task,
    ).toMatchObject({
      status: 'done',
      outcome: 'reached',
    });
    const afterListed = await team.call('GET', '/api/tasks');
    expect(afterListed.status).toBe(200);
    const after = afterListed.json?.tasks ?? [];
    expect(after.map((t) => t.taskId)).not.toContain(task.taskId);
  });

  it("lists the district's sampling worklist for its center, a ward's part for its team, and no other district's", async () => {
    const center = await userOf('ttyt-danh-sach', 'district_center', { level: 'district', code: DISTRICT });
    const list = await center.call('GET', '/api/worklist');
    expect(list.status).toBe(200);
    expect(list.json?.districtCode).toBe(DISTRICT);
    const items = list.json?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => WARDS.includes(i.wardCode))).toBe(true);
    const ward = items[0]?.wardCode ?? '';
    const team = await userOf(`tyt-lay-mau-${ward}`, 'ward_team', { level: 'ward', code: ward });
    const wardItems = (await team.call('GET', '/api/worklist')).json?.items ?? [];
    expect(wardItems.map((i) => i.orderId).sort()).toEqual(
      items
        .filter((i) => i.wardCode === ward)
        .map((i) => i.orderId)
        .sort(),
    );
    const elsewhere = await userOf('ttyt-o-mon', 'district_center', { level: 'district', code: '917' });
    expect((await elsewhere.call('GET', `/api/worklist?districtCode=${DISTRICT}`)).status).toBe(403);
    expect(
      (await elsewhere.call('GET', '/api/worklist')).json?.items?.some((i) => WARDS.includes(i.wardCode)),
    ).toBe(false);
  });

  it("enters a district's pooled tube, answers a wrong one with its fields, and refuses a ward of another district", async () => {
    const center = await userOf('ttyt-nhap-mau', 'district_center', { level: 'district', code: DISTRICT });
    const areas = await center.call('GET', '/api/areas');
    expect(areas.json?.districts?.map((d) => d.code)).toEqual([DISTRICT]);
    expect(areas.json?.districts?.[0]?.wards.map((w) => w.code)).toEqual(expect.arrayContaining(WARDS));
    // People of the round who are neither cases nor contacts: a new mass-testing pool.
    const traced = new Set([
      ...round.summary.cases.community,
      ...round.summary.cases.quarantine,
      ...round.summary.f1,
      ...round.summary.f2,
    ]);
    const people = [...round.summary.names.keys()].filter((id) => !traced.has(id)).slice(0, 3);
    expect(people).toHaveLength(3);
    const tube = {
      barcode: 'CT-611-GOP-0001',
      personIds: people,
      wardCode: WARDS[0],
      reason: 'mass_testing',
      specimenType: 'nasopharyngeal',
    };
    const saved = await center.call('POST', '/api/samples', tube);
    expect(saved.status).toBe(201);
    expect(saved.json?.sample).toMatchObject({
      barcode: tube.barcode,
      pooled: true,
      personIds: people,
      status: 'collected',
    });
    // The same barcode again is refused by the service; a tube with nobody in it by the gateway.
    const again = await center.call('POST', '/api/samples', tube);
    expect(again.status).toBe(409);
    const empty = await center.call('POST', '/api/samples', { ...tube, barcode: 'x', personIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.json?.error?.fields.map((f) => f.field).sort()).toEqual(['barcode', 'personIds']);
    const unknown = await center.call('POST', '/api/samples', {
      ...tube,
      barcode: 'CT-611-GOP-0002',
      personIds: ['p-nobody'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json?.error?.fields.map((f) => f.field)).toEqual(['personIds.0']);
    const otherWard = await center.call('POST', '/api/samples', {
      ...tube,
      barcode: 'CT-611-GOP-0003',
      wardCode: '31117',
    });
    expect(otherWard.status).toBe(400);
    expect(otherWard.json?.error?.fields.map((f) => f.field)).toEqual(['wardCode']);
    // The round's boxes, from this district only.
    const shipments = await center.call('GET', '/api/shipments');
    expect(shipments.status).toBe(200);
    expect(shipments.json?.shipments?.length).toBeGreaterThan(0);
    expect(shipments.json?.shipments?.every((b) => b.fromDistrictCode === DISTRICT)).toBe(true);
  });

  it("shows the steering committee the city's report with the district's figures, a district its own only", async () => {
    const committee = await userOf('bcd-bao-cao', 'city', { level: 'city', code: '92' });
    const city = await committee.call('GET', '/api/report');
    expect(city.status).toBe(200);
    expect(city.json?.report?.area?.level).toBe('city');
    expect(city.json?.report?.cases?.total).toBe(round.cityReport.cases.total);
    expect(city.json?.days).toHaveLength(14);
    expect(city.json?.days?.at(-1)?.date).toBe(city.json?.report?.date);
    expect(city.json?.parts?.some((p) => p.area?.code === DISTRICT)).toBe(true);
    const district = await committee.call('GET', `/api/report?level=district&code=${DISTRICT}`);
    expect(district.json?.report?.cases?.total).toBe(round.report.cases.total);
    expect(district.json?.risk?.wards.length).toBeGreaterThan(0);
    const center = await userOf('ttyt-bao-cao', 'district_center', { level: 'district', code: DISTRICT });
    expect((await center.call('GET', '/api/report')).json?.report?.area?.code).toBe(DISTRICT);
    expect((await center.call('GET', '/api/report?level=city')).status).toBe(403);
    expect((await center.call('GET', '/api/report?level=district&code=917')).status).toBe(403);
    const bad = await center.call('GET', '/api/report?date=02-12-2021');
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.fields.map((f) => f.field)).toEqual(['date']);

    // The district's case line list, as a spreadsheet opens it; not another district's.
    const list = await fetch(`${base}/api/report/line-list`, { headers: { cookie: center.cookie } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(list.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="truyvet-line_list-district-${DISTRICT}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    );
    const bytes = Buffer.from(await list.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['case_id', 'person_id', 'district_code']);
    expect(rows.length).toBe(round.report.cases.total);
    expect(rows.every((row) => row.split(',')[2] === DISTRICT)).toBe(true);
    expect((await center.call('GET', '/api/report/line-list?level=district&code=917')).status).toBe(403);
  });

  it('takes a box from a district center to the lab: dispatched, accessioned with its discrepancies, resulted, amended', async () => {
    const center = await userOf('ttyt-gui-thung', 'district_center', { level: 'district', code: DISTRICT });
    const traced = new Set([
      ...round.summary.cases.community,
      ...round.summary.cases.quarantine,
      ...round.summary.f1,
      ...round.summary.f2,
    ]);
    const [a, b] = [...round.summary.names.keys()].filter((id) => !traced.has(id)).slice(3, 5);
    const tube = (barcode: string, person: string | undefined) => ({
      barcode,
      personIds: [person],
      wardCode: WARDS[1],
      reason: 'symptoms',
      specimenType: 'nasopharyngeal',
    });
    const ids: string[] = [];
    for (const [code, person] of [
      ['CT-611-DON-0001', a],
      ['CT-611-DON-0002', b],
    ] as const) {
      const saved = await center.call('POST', '/api/samples', tube(code, person));
      expect(saved.status).toBe(201);
      ids.push(saved.json?.sample?.sampleId ?? '');
    }
    const sent = await center.call('POST', '/api/shipments', { sampleIds: ids });
    expect(sent.status).toBe(201);
    const box = sent.json?.shipment;
    expect(box?.manifest.map((m) => m.barcode).sort()).toEqual(['CT-611-DON-0001', 'CT-611-DON-0002']);

    const lab = await userOf('ktv-nhan-mau', 'lab', { level: 'city', code: '92' });
    // Only the lab accessions; the box's second tube did not arrive, a stray one did.
    const scanned = {
      shipmentId: box?.shipmentId,
      tubes: [
        { barcode: 'CT-611-DON-0001', condition: 'ok' },
        { barcode: 'CT-611-LAC-0009', condition: 'ok' },
      ],
    };
    expect((await center.call('POST', '/api/accessions', scanned)).status).toBe(403);
    const received = await lab.call('POST', '/api/accessions', scanned);
    expect(received.status).toBe(200);
    expect(received.json?.accession).toMatchObject({
      status: 'accessioned',
      receivedSampleIds: [ids[0]],
      missingSampleIds: [ids[1]],
      unexpectedBarcodes: ['CT-611-LAC-0009'],
    });
    // Staff of another lab (named on their user) act on the boxes sent to their lab only.
    const otherLab = await userOf(
      'ktv-lab-khac',
      'lab',
      { level: 'city', code: '92' },
      { lab: 'lab-92-khac' },
    );
    expect((await otherLab.call('GET', '/api/session')).json?.user).toMatchObject({ lab: 'lab-92-khac' });
    expect((await otherLab.call('POST', '/api/accessions', scanned)).status).toBe(403);
    const badBox = await lab.call('POST', '/api/accessions', { shipmentId: '', tubes: [] });
    expect(badBox.json?.error?.fields.map((f) => f.field).sort()).toEqual(['shipmentId', 'tubes']);

    // A part of an instrument export: a good row, and one for a tube the lab never had.
    const reading = { method: 'rt_pcr', kitId: 'allplex-2019-ncov', outcome: 'negative', ctValues: {} };
    const recorded = await lab.call('POST', '/api/results', {
      rows: [
        { ...reading, barcode: 'CT-611-DON-0001' },
        { ...reading, barcode: 'CT-611-KHONG-CO' },
      ],
    });
    expect(recorded.status).toBe(200);
    expect(recorded.json?.accepted).toBe(1);
    expect(recorded.json?.results?.[0]?.recorded?.outcome).toBe('negative');
    expect(recorded.json?.results?.[1]?.rejected?.fieldViolations.map((f) => f.field)).toEqual(['barcode']);

    // Amended with a reason; without one, refused at the field.
    interface Sample {
      history: Array<{ outcome: string; reason: string; amends: string }>;
    }
    const noReason = await lab.call('POST', '/api/results/CT-611-DON-0001/amend', {
      outcome: 'inconclusive',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json?.error?.fields.map((f) => f.field)).toEqual(['reason']);
    // The reading stays as it was read (an outcome against the Ct values is refused): the well was contaminated.
    const amended = await lab.call('POST', '/api/results/CT-611-DON-0001/amend', {
      outcome: 'rejected',
      kitId: 'allplex-2019-ncov',
      reason: 'nhiễm chéo giếng bên cạnh, chạy lại',
    });
    expect(amended.status).toBe(200);
    const history = (amended.json as { sample?: Sample } | undefined)?.sample?.history ?? [];
    expect(history.map((h) => h.outcome)).toEqual(['negative', 'rejected']);
    expect(history[1]?.reason).toBe('nhiễm chéo giếng bên cạnh, chạy lại');
    const read = await lab.call('GET', '/api/results/CT-611-DON-0001');
    expect((read.json as { sample?: Sample } | undefined)?.sample?.history).toHaveLength(2);
    expect((await lab.call('GET', '/api/results/bad%20code')).status).toBe(400);
  });

  it("opens an F0's file for its ward team with the household pre-filled, suggests the registry's people, records contacts and draws the chain", async () => {
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    const listed = await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT });
    const someCase = listed.cases[0];
    if (!someCase) throw new Error('the round made no case');
    const ward = someCase.wardCode;
    const otherWard = WARDS.find((w) => w !== ward) ?? '';
    const team = await userOf(`ho-so-${ward}`, 'ward_team', { level: 'ward', code: ward });
    const other = await userOf(`ho-so-${otherWard}`, 'ward_team', { level: 'ward', code: otherWard });
    const casePath = `/api/cases/${encodeURIComponent(someCase.caseId)}`;

    const opened = await team.call('GET', casePath);
    expect(opened.status).toBe(200);
    const person = opened.json?.person;
    if (!person) throw new Error('the case file has no person');
    const registered = await unaryCall(city.registry, 'GetPerson', { personId: someCase.personId });
    expect(person).toMatchObject({
      personId: someCase.personId,
      fullName: registered.details?.fullName,
      householdId: registered.details?.householdId,
    });
    // The household as the registry has it, less the F0; already household F1 (traced on the result).
    const home = await unaryCall(city.registry, 'FindPersons', { householdId: person.householdId });
    const members = home.persons.filter((p) => p.personId !== someCase.personId);
    expect(opened.json?.household?.map((m) => m.personId).sort()).toEqual(
      members.map((p) => p.personId).sort(),
    );
    const contactIds = new Set(opened.json?.contacts?.map((c) => c.personId));
    for (const member of opened.json?.household ?? [])
      expect(member.isContact).toBe(contactIds.has(member.personId));
    // Named where the team may read the registration: its own ward's people, not another ward's.
    for (const contact of opened.json?.contacts ?? []) {
      const where = (await unaryCall(city.registry, 'GetPerson', { personId: contact.personId })).details;
      expect(contact.fullName).toBe(where?.address?.wardCode === ward ? where.fullName : '');
    }

    // Someone of the ward who is nobody's contact yet, found while their details are typed.
    const wardPeople = await unaryCall(city.isolation, 'ListInIsolation', { districtCode: DISTRICT });
    const isolated = new Set(wardPeople.people.map((p) => p.personId));
    const neighbour = (await running.registeredIn(ward)).find(
      (p) => !isolated.has(p.personId) && p.personId !== someCase.personId,
    );
    if (!neighbour) throw new Error(`nobody untraced in ward ${ward}`);
    const details = neighbour;
    const byName = await team.call(
      'GET',
      `/api/persons?fullName=${encodeURIComponent(details.fullName)}&birthYear=${String(details.birthYear)}`,
    );
    expect(byName.status).toBe(200);
    expect(byName.json?.persons?.map((p) => p.personId)).toContain(neighbour.personId);
    const byPhone = await team.call('GET', `/api/persons?phone=${encodeURIComponent(details.phone)}`);
    expect(byPhone.json?.persons?.map((p) => p.personId)).toContain(neighbour.personId);
    // Another ward's team is suggested nobody of this ward.
    const theirs = await other.call('GET', `/api/persons?phone=${encodeURIComponent(details.phone)}`);
    expect(theirs).toMatchObject({ status: 200, json: { persons: [] } });
    expect(await team.call('GET', '/api/persons?fullName=An')).toMatchObject({ status: 400 });

    const day = someCase.confirmedAt.slice(0, 10);
    const entries = [
      { personId: neighbour.personId, contactType: 'same_room', lastExposureOn: day },
      {
        fullName: 'Lâm Văn Mới',
        birthYear: 1990,
        phone: '0912 345 678',
        contactType: 'workplace',
        lastExposureOn: day,
      },
    ];
    // Checked by the gateway first, then by the services; each error at the form's own field.
    expect(
      await team.call('POST', `${casePath}/contacts`, {
        contacts: [{ contactType: 'venue', lastExposureOn: 'hôm qua' }],
      }),
    ).toMatchObject({
      status: 400,
      json: {
        error: {
          fields: expect.arrayContaining([
            { field: 'contacts.0.lastExposureOn', description: expect.any(String) },
            { field: 'contacts.0.fullName', description: expect.any(String) },
            { field: 'contacts.0.birthYear', description: expect.any(String) },
          ]) as unknown,
        },
      },
    });
    const refusedByService = await team.call('POST', `${casePath}/contacts`, {
      contacts: [{ ...entries[1], birthYear: 2100, phone: '12345678901' }],
    });
    expect(refusedByService.status).toBe(400);
    expect(refusedByService.json?.error?.fields.map((f) => f.field).sort()).toEqual([
      'contacts.0.birthYear',
      'contacts.0.phone',
    ]);
    expect((await other.call('POST', `${casePath}/contacts`, { contacts: entries })).status).toBe(403);

    const recorded = await team.call('POST', `${casePath}/contacts`, { contacts: entries });
    expect(recorded.status).toBe(200);
    // A person named by id is recorded at once; one named by details once the registry has
    // identified (or registered) them.
    expect(recorded.json?.outcomes?.map((o) => o.status)).toEqual(['recorded', 'awaiting_identification']);
    const newcomersIn = (file: Reply | undefined) =>
      (file?.contacts ?? []).filter((c) => c.fullName === 'Lâm Văn Mới' && c.contactType === 'workplace');
    const after = await eventually('the new contact identified', async () => {
      const file = (await team.call('GET', casePath)).json;
      return newcomersIn(file).length > 0 ? file : undefined;
    });
    expect(after.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personId: neighbour.personId,
          fullName: details.fullName,
          contactType: 'same_room',
        }),
      ]),
    );
    const newcomer = newcomersIn(after)[0]?.personId ?? '';
    // Sent again (a retry after a lost answer): the same people, nobody twice.
    const again = await team.call('POST', `${casePath}/contacts`, { contacts: entries });
    expect(again.json?.outcomes?.[0]?.status).toBe('unchanged');
    await eventually('the retry identified', async () => {
      const file = (await team.call('GET', casePath)).json;
      return file?.awaitingIdentification?.length === 0 ? file : undefined;
    });
    const settled = (await team.call('GET', casePath)).json;
    expect(newcomersIn(settled).map((c) => c.personId)).toEqual([newcomer]);
    expect(settled?.contacts?.filter((c) => c.personId === neighbour.personId)).toHaveLength(1);

    // The chain: the F0 marked, their contacts under them by name.
    const chain = await team.call('GET', `${casePath}/graph`);
    expect(chain.status).toBe(200);
    expect(chain.json?.view).toBe('chain');
    expect(chain.json?.nodes?.find((n) => n.focus)).toMatchObject({ id: someCase.personId, level: 0 });
    expect(chain.json?.nodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: newcomer, name: 'Lâm Văn Mới', level: 1 })]),
    );
    expect(chain.json?.edges).toContainEqual({ from: someCase.personId, to: newcomer, link: 'contact' });
    // A whole cluster is the district's and the city's to see.
    expect((await team.call('GET', `${casePath}/graph?view=cluster`)).status).toBe(403);
    const committee = await userOf('bcd-cum-ca', 'city', { level: 'city', code: '92' });
    const cluster = await committee.call('GET', `${casePath}/graph?view=cluster`);
    expect(cluster.json?.view).toBe('cluster');
    expect(cluster.json?.nodes?.map((n) => n.id)).toEqual(
      expect.arrayContaining([someCase.personId, newcomer]),
    );
    expect((await other.call('GET', `${casePath}/graph`)).status).toBe(403);

    // The ward's people in isolation, by name, with their next test and release dates.
    const inIsolation = await eventually('the new contact isolated', async () => {
      const list = await team.call('GET', '/api/isolation');
      return list.json?.people?.some((p) => p.personId === newcomer) ? list.json.people : undefined;
    });
    expect(inIsolation.find((p) => p.personId === newcomer)).toMatchObject({
      fullName: 'Lâm Văn Mới',
      level: 1,
    });
    expect(inIsolation.filter((p) => p.fullName === '')).toEqual([]);
    // A quarantine ends on a day; an F0's treatment when their tests say so.
    expect(inIsolation.filter((p) => p.level > 0 && p.releaseOn === '')).toEqual([]);
    // Another ward's list, of this district or another: refused, not answered empty.
    expect((await team.call('GET', `/api/isolation?wardCode=${otherWard}`)).status).toBe(403);
    expect((await team.call('GET', '/api/isolation?wardCode=31117')).status).toBe(403);
    const expected = await unaryCall(city.isolation, 'ListInIsolation', {
      districtCode: DISTRICT,
      wardCode: ward,
    });
    expect(inIsolation.map((p) => p.personId).sort()).toEqual(expected.people.map((p) => p.personId).sort());
    city.close();
  });

  it('ends a call with the ward the person moved to, and an identity question with the person chosen', async () => {
    const city = await clientsFor(roles(DISTRICT).city, round.services.ports);
    const [ward, otherWard] = WARDS as [string, string];
    const team = await userOf(`chuyen-${ward}`, 'ward_team', { level: 'ward', code: ward });
    const there = await userOf(`chuyen-${otherWard}`, 'ward_team', { level: 'ward', code: otherWard });
    const calls = (await team.call('GET', '/api/tasks')).json?.tasks ?? [];
    const call = calls.find((t) => t.kind === 'call_contact' && t.status === 'open');
    if (!call) throw new Error(`no call to make in ward ${ward}`);
    expect(call.personName.length).toBeGreaterThan(0);
    const path = `/api/tasks/${encodeURIComponent(call.taskId)}`;
    await team.call('POST', `${path}/claim`, {});
    expect(await team.call('POST', `${path}/complete`, { outcome: 'moved' })).toMatchObject({
      status: 400,
      json: { error: { fields: [{ field: 'movedToWardCode' }] } },
    });
    const moved = await team.call('POST', `${path}/complete`, {
      outcome: 'moved',
      movedToWardCode: otherWard,
    });
    expect(moved.json?.task).toMatchObject({ status: 'open' });
    // Handed over: the ward the person moved to has it now, the first ward no longer.
    expect((await there.call('GET', '/api/tasks')).json?.tasks?.map((t) => t.taskId)).toContain(call.taskId);
    expect((await team.call('GET', '/api/tasks')).json?.tasks?.map((t) => t.taskId)).not.toContain(
      call.taskId,
    );
    // The city's ward list, for where someone moved (a ward team's own areas are its ward only).
    const own = await team.call('GET', '/api/areas');
    const all = await team.call('GET', '/api/areas?scope=city');
    expect(own.json?.districts?.flatMap((d) => d.wards)).toHaveLength(1);
    expect(all.json?.districts?.length).toBe(9);

    // A contact named with the name and birth year of someone the registry has, another phone:
    // the registry asks the ward who it is; the team answers with the person.
    const { cases } = await unaryCall(city.cases, 'ListCases', { districtCode: DISTRICT, wardCode: ward });
    const f0 = cases[0];
    if (!f0) throw new Error(`no case in ward ${ward}`);
    const known = (await running.registeredIn(ward)).find((p) => p.personId !== f0.personId);
    if (!known) throw new Error(`nobody registered in ward ${ward}`);
    const named = await team.call('POST', `/api/cases/${encodeURIComponent(f0.caseId)}/contacts`, {
      contacts: [
        {
          fullName: known.fullName,
          birthYear: known.birthYear,
          phone: '0900 000 123',
          contactType: 'venue',
          lastExposureOn: f0.confirmedAt.slice(0, 10),
        },
      ],
    });
    expect(named.json?.outcomes?.[0]?.status).toBe('awaiting_identification');
    const question = await eventually('the identity question', async () => {
      const tasks = (await team.call('GET', '/api/tasks')).json?.tasks ?? [];
      return tasks.find(
        (t) => t.kind === 'confirm_identity' && t.candidates.some((c) => c.personId === known.personId),
      );
    });
    expect(question.candidates.find((c) => c.personId === known.personId)?.fullName).toBe(known.fullName);
    const questionPath = `/api/tasks/${encodeURIComponent(question.taskId)}`;
    await team.call('POST', `${questionPath}/claim`, {});
    const answered = await team.call('POST', `${questionPath}/complete`, {
      outcome: 'confirmed',
      chosenPersonId: known.personId,
    });
    expect(answered.json?.task).toMatchObject({ status: 'done', outcome: 'confirmed' });
    await eventually('the contact recorded as the person chosen', async () => {
      const file = (await team.call('GET', `/api/cases/${encodeURIComponent(f0.caseId)}`)).json;
      return file?.contacts?.some((c) => c.personId === known.personId && c.contactType === 'venue')
        ? file
        : undefined;
    });
    city.close();
  });

  it('refuses cross-site sign-in, sign-out without the token, and survives requests no browser sends', async () => {
    const browser = new Browser();
    const crossSite = await browser.call('POST', '/api/session', ADMIN, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite).toMatchObject({ status: 403, json: { error: { code: 'CROSS_SITE' } } });
    const nullOrigin = await browser.call('POST', '/api/session', ADMIN, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect((await browser.signIn(ADMIN.username, ADMIN.password)).status).toBe(200);
    expect((await browser.call('DELETE', '/api/session', undefined, { [CSRF_HEADER]: 'guess' })).status).toBe(
      403,
    );
    expect((await browser.call('GET', '/api/cases/%E0%A4%A')).status).toBe(400);
    expect(
      (
        await browser.call('GET', '/api/session', undefined, {
          cookie: `${sessionCookieName(true)}=%E0%A4%A`,
        })
      ).status,
    ).toBe(400);
    // A request line that is not a URL: answered 400, and the gateway goes on serving.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.end('GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      let answer = '';
      socket.on('data', (chunk) => (answer += String(chunk)));
      socket.on('end', () => {
        resolve(answer);
      });
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect((await browser.call('GET', '/api/session')).status).toBe(200);
  });

  it('ends a session at sign-out: the cookie no longer opens anything', async () => {
    const browser = new Browser();
    await browser.signIn(ADMIN.username, ADMIN.password);
    const cookie = browser.cookie;
    expect((await browser.call('DELETE', '/api/session')).status).toBe(204);
    browser.cookie = cookie;
    expect((await browser.call('GET', '/api/session')).status).toBe(401);
    expect((await browser.call('GET', '/api/users')).status).toBe(401);
  });
});
