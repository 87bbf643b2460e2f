import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import {
  api,
  ApiError,
  OfflineError,
  type Areas,
  type SampleView,
  type ShipmentView,
  type WorklistItem,
} from '../api';
import { errorsByField, Field } from '../Field';
import { useI18n } from '../i18n';
import {
  formErrors,
  MAX_SWABS_PER_TUBE,
  SAMPLE_REASONS,
  SPECIMEN_TYPES,
  sampleEntrySchema,
} from '../../../src/app/forms';

type Reason = (typeof SAMPLE_REASONS)[number];

/** The fields this form shows an error next to. */
const ON_FORM = /^(barcode|wardCode|personIds(\.\d+)?)$/;
type Specimen = (typeof SPECIMEN_TYPES)[number];

/**
 * Entering tubes at a sampling site. A USB barcode scanner types like a keyboard and ends with
 * Enter, so the barcode field moves on to the people on Enter (never submitting half a tube), and
 * the person field adds one person per Enter and stays ready for the next scan.
 */
export function SampleEntry({ onOffline }: { onOffline: () => void }) {
  const { t, formatTime, formatNumber } = useI18n();
  const [areas, setAreas] = useState<Areas | null>(null);
  const [worklist, setWorklist] = useState<WorklistItem[]>([]);
  const [barcode, setBarcode] = useState('');
  const [person, setPerson] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [wardCode, setWardCode] = useState('');
  const [reason, setReason] = useState<Reason>('mass_testing');
  const [specimenType, setSpecimenType] = useState<Specimen>('nasopharyngeal');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [entered, setEntered] = useState<SampleView[]>([]);
  const [saving, setSaving] = useState(false);
  /** The box each entered tube went in, by sample id. */
  const [boxOf, setBoxOf] = useState<Record<string, string>>({});
  const [lastBox, setLastBox] = useState<ShipmentView | null>(null);
  const [boxError, setBoxError] = useState('');
  const barcodeField = useRef<HTMLInputElement>(null);
  const personField = useRef<HTMLInputElement>(null);

  const failed = (e: unknown) => {
    if (e instanceof OfflineError) onOffline();
  };
  useEffect(() => {
    api.areas().then((answer) => {
      setAreas(answer);
      setWardCode((current) => current || (answer.districts[0]?.wards[0]?.code ?? ''));
    }, failed);
    api.worklist().then((answer) => {
      setWorklist(answer.items);
    }, failed);
  }, []);

  const wards = areas?.districts.flatMap((d) => d.wards) ?? [];
  const wardName = (code: string) => wards.find((w) => w.code === code)?.name ?? code;

  const addPerson = (id: string) => {
    const trimmed = id.trim();
    if (!trimmed) return;
    setPeople((list) => (list.includes(trimmed) ? list : [...list, trimmed]));
    setErrors((e) => ({ ...e, personIds: '' }));
  };

  const onBarcodeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    personField.current?.focus();
  };
  const onPersonKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addPerson(person);
    setPerson('');
  };

  /** Messages of the page's own checks, in the page's language. */
  const localized = (found: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const field of Object.keys(found)) {
      if (field === 'barcode') out.barcode = t.barcodeRequired;
      else if (field.startsWith('personIds')) out.personIds = t.peopleRequired;
      else if (field === 'wardCode') out.wardCode = t.chooseWard;
      else out[field] = found[field] ?? '';
    }
    return out;
  };

  const save = (e: SyntheticEvent) => {
    e.preventDefault();
    setFormError('');
    const tube = { barcode, personIds: people, wardCode, reason, specimenType };
    const checked = sampleEntrySchema.safeParse(tube);
    if (!checked.success) {
      setErrors(localized(formErrors(checked.error)));
      return;
    }
    setErrors({});
    setSaving(true);
    api
      .collectSample(checked.data)
      .then(
        (sample) => {
          setEntered((list) => [sample, ...list]);
          setBarcode('');
          setPeople([]);
          barcodeField.current?.focus();
        },
        (err: unknown) => {
          if (err instanceof OfflineError) onOffline();
          else if (err instanceof ApiError) {
            setErrors(errorsByField(err.fields));
            // Said next to its fields when they are on the form; here otherwise.
            const shown = err.fields.length > 0 && err.fields.every((f) => ON_FORM.test(f.field));
            setFormError(shown ? '' : err.message);
          } else setFormError(t.somethingWrong);
        },
      )
      .finally(() => {
        setSaving(false);
      });
  };

  const unpacked = entered.filter((s) => !boxOf[s.sampleId]);
  const dispatch = () => {
    setBoxError('');
    api.dispatch(unpacked.map((s) => s.sampleId)).then(
      (box) => {
        setLastBox(box);
        setBoxOf((known) => ({
          ...known,
          ...Object.fromEntries(box.manifest.map((m) => [m.sampleId, box.shipmentId])),
        }));
      },
      (err: unknown) => {
        if (err instanceof OfflineError) onOffline();
        else setBoxError(err instanceof ApiError ? err.message : t.somethingWrong);
      },
    );
  };

  const dueHere = worklist.filter((i) => i.wardCode === wardCode && !people.includes(i.personId));
  return (
    <main>
      <h1>{t.sampleEntry}</h1>
      <form onSubmit={save} noValidate aria-label={t.sampleEntry}>
        <Field
          label={t.barcode}
          ref={barcodeField}
          value={barcode}
          autoFocus
          autoComplete="off"
          inputMode="text"
          error={errors.barcode}
          onKeyDown={onBarcodeKey}
          onChange={(e) => {
            setBarcode(e.target.value);
          }}
        />
        <div className="row">
          <div className="field">
            <label htmlFor="entry-ward">{t.ward}</label>
            <select
              id="entry-ward"
              value={wardCode}
              aria-invalid={errors.wardCode ? true : undefined}
              onChange={(e) => {
                setWardCode(e.target.value);
              }}
            >
              {wards.map((w) => (
                <option key={w.code} value={w.code}>
                  {w.name} ({w.code})
                </option>
              ))}
            </select>
            {errors.wardCode ? (
              <span className="field-error" role="alert">
                {errors.wardCode}
              </span>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="entry-reason">{t.reason}</label>
            <select
              id="entry-reason"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value as Reason);
              }}
            >
              {SAMPLE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t.sampleReasons[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="entry-specimen">{t.specimenType}</label>
            <select
              id="entry-specimen"
              value={specimenType}
              onChange={(e) => {
                setSpecimenType(e.target.value as Specimen);
              }}
            >
              {SPECIMEN_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t.specimens[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>
            {t.peopleInTube} ({formatNumber(people.length)}/{formatNumber(MAX_SWABS_PER_TUBE)})
          </legend>
          <Field
            label={t.personScan}
            ref={personField}
            value={person}
            autoComplete="off"
            error={errors.personIds}
            onKeyDown={onPersonKey}
            onChange={(e) => {
              setPerson(e.target.value);
            }}
          />
          <ul className="members" aria-label={t.peopleInTube}>
            {people.map((id, i) => (
              <li key={id}>
                <span>{id}</span>
                {errors[`personIds.${String(i)}`] ? (
                  <span className="field-error" role="alert">
                    {' '}
                    {errors[`personIds.${String(i)}`]}
                  </span>
                ) : null}
                <button
                  type="button"
                  className="link"
                  aria-label={`${t.remove} ${id}`}
                  onClick={() => {
                    setPeople((list) => list.filter((p) => p !== id));
                  }}
                >
                  {t.remove}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted" aria-live="polite">
            {people.length > 1
              ? `${t.pooledOf} ${formatNumber(people.length)}`
              : people.length === 1
                ? t.single
                : ''}
          </p>
          {dueHere.length > 0 ? (
            <details>
              <summary>
                {t.dueInWard} {wardName(wardCode)} ({formatNumber(dueHere.length)})
              </summary>
              <ul className="due">
                {dueHere.slice(0, 50).map((item) => (
                  <li key={item.orderId}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        addPerson(item.personId);
                      }}
                    >
                      {t.add} {item.personId}
                    </button>{' '}
                    <span className="muted">{t.reasons[item.reason]}</span>
                    {item.overdue ? <span className="badge">{t.overdue}</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </fieldset>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <button type="submit" disabled={saving}>
          {t.saveTube}
        </button>
      </form>
      <section aria-label={t.tubesEntered}>
        <h2>
          {t.tubesEntered} ({formatNumber(entered.length)})
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.barcode}</th>
              <th scope="col">{t.peopleInTube}</th>
              <th scope="col">{t.ward}</th>
              <th scope="col">{t.collectedAt}</th>
              <th scope="col">{t.shipment}</th>
            </tr>
          </thead>
          <tbody>
            {entered.map((s) => (
              <tr key={s.sampleId}>
                <td>{s.barcode}</td>
                <td>
                  {formatNumber(s.personIds.length)} {s.pooled ? `(${t.pooled})` : ''}
                </td>
                <td>{wardName(s.site?.wardCode ?? '')}</td>
                <td>{formatTime(new Date(s.collectedAt))}</td>
                <td>{boxOf[s.sampleId] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {unpacked.length > 0 ? (
          <button type="button" onClick={dispatch}>
            {t.packAndDispatch} ({formatNumber(unpacked.length)})
          </button>
        ) : null}
        {boxError ? (
          <p className="form-error" role="alert">
            {boxError}
          </p>
        ) : null}
        <p role="status">
          {lastBox
            ? `${t.dispatched}: ${lastBox.shipmentId} — ${formatNumber(lastBox.manifest.length)} ${t.tubes.toLowerCase()}`
            : ''}
        </p>
      </section>
    </main>
  );
}
