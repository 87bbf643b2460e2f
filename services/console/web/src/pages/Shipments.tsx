import { useEffect, useState } from 'react';
import { api, OfflineError, type ShipmentView } from '../api';
import { useI18n } from '../i18n';

/** The district's boxes on their way to the lab and received: overdue first, as the service orders them. */
export function Shipments({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [shipments, setShipments] = useState<ShipmentView[] | null>(null);

  useEffect(() => {
    api.shipments().then(
      (answer) => {
        setShipments(answer.shipments);
      },
      (e: unknown) => {
        if (e instanceof OfflineError) onOffline();
      },
    );
  }, []);

  const overdue = (shipments ?? []).filter((s) => s.overdue).length;
  return (
    <main>
      <h1>{t.shipments}</h1>
      {overdue > 0 ? (
        <p className="alert" role="alert">
          {formatNumber(overdue)} {t.shipmentsOverdue}
        </p>
      ) : null}
      {shipments?.length === 0 ? <p>{t.noShipments}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.shipment}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.tubes}</th>
            <th scope="col">{t.dispatchedAt}</th>
            <th scope="col">{t.discrepancies}</th>
          </tr>
        </thead>
        <tbody>
          {(shipments ?? []).map((s) => (
            <tr key={s.shipmentId} className={s.overdue ? 'overdue' : undefined}>
              <td>{s.shipmentId}</td>
              <td>
                {t.shipmentStatus[s.status]}
                {s.overdue ? <span className="badge">{t.overdue}</span> : null}
              </td>
              <td>{formatNumber(s.manifest.length)}</td>
              <td>{formatDate(s.dispatchedAt)}</td>
              <td>
                {s.missingSampleIds.length + s.rejectedSampleIds.length > 0
                  ? `${formatNumber(s.missingSampleIds.length)} ${t.missing}, ${formatNumber(s.rejectedSampleIds.length)} ${t.rejected}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
