/** A district's worklist, tubes entered at the site, boxes dispatched, and the areas a user works over. */
import { DomainError } from '@truyvet/errors';
import type { Session } from '../../../app/accounts';
import { callerOf, parseInput } from '../../../app/users';
import { dispatchSchema, sampleEntrySchema } from '../../../app/forms';
import type { Route, Services } from './route';

export function sampleRoutes({ samples, units, logger, districtOf, districtFor }: Services): Route[] {
  /** The districts (with their wards) a user works over: all for the city, else their own. */
  const areasOf = (jurisdiction: Session['jurisdiction']) => {
    const { level, code } = jurisdiction;
    const district = level === 'district' ? code : level === 'ward' ? districtOf(code) : undefined;
    return units
      .districts()
      .filter((d) => district === undefined || d.code === district)
      .map((d) => ({
        code: d.code,
        name: d.name,
        wards: units
          .wardsOf(d.code)
          .filter((w) => level !== 'ward' || w.code === code)
          .map((w) => ({ code: w.code, name: w.name })),
      }));
  };

  return [
    {
      method: 'GET',
      path: '/api/worklist',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const { level, code } = session.jurisdiction;
        // By default the user's own area; the sample service checks any other asked for.
        const ward = call.query.get('wardCode') ?? (level === 'ward' ? code : undefined);
        const district =
          call.query.get('districtCode') ??
          (level === 'district' ? code : ward ? districtOf(ward) : undefined);
        if (!district)
          throw new DomainError('DISTRICT_REQUIRED', 'invalid', 'say which district', {
            fields: [{ field: 'districtCode', description: 'a district of the city' }],
          });
        const items = await samples.worklist(callerOf(session), {
          districtCode: district,
          ...(ward ? { wardCode: ward } : {}),
        });
        return { status: 200, body: { districtCode: district, items } };
      },
    },
    {
      method: 'GET',
      path: '/api/areas',
      handle: async (call) => {
        const session = await call.signedIn(false);
        // The whole city's names when asked (where someone moved to); else the user's own area.
        const districts = areasOf(
          call.query.get('scope') === 'city'
            ? { level: 'city', code: units.province.code }
            : session.jurisdiction,
        );
        return { status: 200, body: { province: units.province.name, districts } };
      },
    },
    {
      method: 'POST',
      path: '/api/samples',
      handle: async (call) => {
        const session = await call.signedIn(true);
        const tube = parseInput(sampleEntrySchema, await call.body(), 'tube');
        const districtCode = districtFor(session, tube.wardCode);
        if (!districtCode || districtOf(tube.wardCode) !== districtCode)
          throw new DomainError('WARD_NOT_IN_DISTRICT', 'invalid', 'not a ward of your district', {
            fields: [{ field: 'wardCode', description: 'not a ward of your district' }],
          });
        // Swabbed now: the tube is entered at the site as it is labelled.
        const sample = await samples.collectSample(callerOf(session), {
          ...tube,
          districtCode,
          collectedAt: new Date().toISOString(),
          teamId: session.username,
        });
        logger.info(
          { user: session.username, sample: sample.sampleId, swabs: tube.personIds.length },
          'tube entered',
        );
        return { status: 201, body: { sample } };
      },
    },
    {
      method: 'POST',
      path: '/api/shipments',
      handle: async (call) => {
        const session = await call.signedIn(true);
        const { sampleIds } = parseInput(dispatchSchema, await call.body(), 'box');
        const districtCode = districtFor(session);
        if (!districtCode)
          throw new DomainError(
            'DISTRICT_REQUIRED',
            'forbidden',
            'boxes are dispatched by a district center',
          );
        // To the city's CDC lab (lab-<province code>, the id its accessioning desk answers to).
        const shipment = await samples.dispatchShipment(callerOf(session), {
          districtCode,
          labId: `lab-${units.province.code}`,
          sampleIds,
        });
        logger.info(
          { user: session.username, shipment: shipment.shipmentId, tubes: sampleIds.length },
          'box dispatched',
        );
        return { status: 201, body: { shipment } };
      },
    },
    {
      method: 'GET',
      path: '/api/shipments',
      handle: async (call) => {
        const session = await call.signedIn(false);
        const districtCode = call.query.get('districtCode') ?? districtFor(session);
        if (!districtCode)
          throw new DomainError('DISTRICT_REQUIRED', 'invalid', 'say which district', {
            fields: [{ field: 'districtCode', description: 'a district of the city' }],
          });
        return {
          status: 200,
          body: { districtCode, shipments: await samples.shipments(callerOf(session), districtCode) },
        };
      },
    },
  ];
}
