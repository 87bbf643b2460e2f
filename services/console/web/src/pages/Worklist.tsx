import { useEffect, useState } from 'react';
import { api, OfflineError, type WorklistItem } from '../api';
import { useI18n } from '../i18n';

/** The district's list of who to swab today, by ward, overdue first (as the service orders it). */
export function Worklist({ onOffline }: { onOffline: () => void }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [items, setItems] = useState<WorklistItem[] | null>(null);

  useEffect(() => {
    api.worklist().then(
      (answer) => {
        setItems(answer.items);
      },
      (e: unknown) => {
        if (e instanceof OfflineError) onOffline();
      },
    );
  }, []);

  const wards = [...new Set((items ?? []).map((i) => i.wardCode))].sort();
  return (
    <main>
      <h1>{t.worklist}</h1>
      {items?.length === 0 ? <p>{t.worklistEmpty}</p> : null}
      {wards.map((ward) => {
        const inWard = (items ?? []).filter((i) => i.wardCode === ward);
        return (
          <section key={ward} aria-label={`${t.ward} ${ward}`}>
            <h2>
              {t.ward} {ward} — {formatNumber(inWard.length)} {t.toSwab}
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.person}</th>
                  <th scope="col">{t.reason}</th>
                  <th scope="col">{t.due}</th>
                </tr>
              </thead>
              <tbody>
                {inWard.map((item) => (
                  <tr key={item.orderId} className={item.overdue ? 'overdue' : undefined}>
                    <td>{item.personId}</td>
                    <td>{t.reasons[item.reason]}</td>
                    <td>
                      {formatDate(item.dueBy)}
                      {item.overdue ? <span className="badge">{t.overdue}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </main>
  );
}
