/**
 * Kiosks: the office's kiosks by id (`/kiosk?kiosk=<id>`), each with its own printer: the
 * server's, none, a network printer, a device file under the server's allow-list, the print
 * agent on the kiosk PC (with a generated key) or the test printer. The server checks the same
 * rules on saving and names each problem at its field.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { KioskConfig, OfficeConfig } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { EntryCards, focusSoon, RemoveButton } from './config-entries.tsx';
import { fieldId, Issues, Section, SelectField, TextField, type TextFieldProps } from './config-fields.tsx';
import { ConfigPage, type ConfigTabProps } from './config-page.tsx';
import { slugify, uniqueId } from './config-ids.ts';
import type { ConfigModel } from './config-model.ts';
import { IdField, NameField } from './config-name-id.tsx';
import type { DraftPart } from './config-part.tsx';
import {
  newAgentKey,
  PRINTER_CHOICE_LABELS,
  type PrinterChoice,
  type PrinterChoiceKind,
  printerChoice,
  printerSetting,
} from './kiosk-printer.ts';

/** "Kiosk 2" when there is one kiosk named like that. */
export function nextKioskName(office: OfficeConfig): string {
  const names = new Set((office.kiosks ?? []).map((k) => k.name.trim()));
  for (let n = (office.kiosks ?? []).length + 1; ; n++) if (!names.has(`Kiosk ${n}`)) return `Kiosk ${n}`;
}

/** Sets a kiosk's printer from a choice; the agent gets a key when it has none. */
export function applyPrinterChoice(kiosk: KioskConfig, choice: PrinterChoice, key: () => string = newAgentKey): void {
  const setting = printerSetting(choice);
  if (setting === undefined) delete kiosk.printer;
  else kiosk.printer = setting;
  if (choice.kind === 'agent') kiosk.agentKey ??= key();
  else delete kiosk.agentKey;
}

export function KiosksPage({ model, fail }: ConfigTabProps) {
  const devices = useSignal<string[] | null>(null);
  useEffect(() => {
    api<{ devices: string[] }>('GET', '/api/admin/printer-places')
      .then((answer) => {
        devices.value = answer.devices;
      })
      .catch(() => {
        devices.value = null;
      });
  }, []);
  return (
    <ConfigPage model={model} fail={fail} page="kiosks">
      {(draft) => {
        const kiosks = draft.kiosks ?? [];
        const add = () => {
          const name = nextKioskName(draft);
          const index = kiosks.length;
          model.edit((o) => {
            const list = o.kiosks ?? [];
            list.push({
              id: uniqueId(
                slugify(name),
                list.map((k) => k.id),
                'kiosk',
              ),
              name,
              printer: 'none',
            });
            o.kiosks = list;
          });
          focusSoon(`kiosks.${index}.name`);
        };
        return (
          <>
            <Issues issues={model.issuesAt('kiosks').filter((i) => i.path === 'kiosks')} id="cfg-kiosks-issues" />
            <EntryCards
              entries={kiosks}
              empty={
                <p class="staff-muted" data-testid="kiosks-empty">
                  Noch keine Kiosks mit eigenem Drucker.
                </p>
              }
              card={(kiosk, i, onRemove) => (
                <KioskCard
                  key={`${i}`}
                  model={model}
                  index={i}
                  kiosk={kiosk}
                  devices={devices.value}
                  onRemove={onRemove}
                />
              )}
              add={add}
              addLabel="+ Neuer Kiosk"
              addTestId="kiosk-add"
              nameOf={(k) => k.name || 'Kiosk'}
              remove={(i) =>
                model.edit((o) => {
                  o.kiosks?.splice(i, 1);
                  if (o.kiosks?.length === 0) delete o.kiosks;
                }, 'kiosks')
              }
              removeNote={<p>Nach dem Speichern druckt dieser Kiosk auf dem Drucker des Servers.</p>}
            />
          </>
        );
      }}
    </ConfigPage>
  );
}

interface KioskCardProps {
  model: ConfigModel;
  index: number;
  kiosk: KioskConfig;
  devices: string[] | null;
  onRemove: () => void;
}

function KioskCard({ model, index, kiosk, devices, onRemove }: KioskCardProps) {
  const base = `kiosks.${index}`;
  const at = (o: OfficeConfig) => (o.kiosks ?? [])[index] as KioskConfig;
  const choice = printerChoice(kiosk.printer);
  const savedIds = new Set(model.saved.value?.kiosks?.map((k) => k.id) ?? []);
  const isNew = !savedIds.has(kiosk.id);
  const item = { model, base, current: kiosk, isNew, at, index };
  const title = kiosk.name.trim() || `Kiosk ${index + 1}`;
  const parts = printerParts(choice.kind, devices, index);

  return (
    <Section title={title} testId={`kiosk-card-${index}`}>
      <div class="cfg-card__tools">
        <RemoveButton testId={`kiosk-remove-${index}`} onClick={onRemove} />
      </div>
      <div class="cfg-grid cfg-grid--3">
        <NameField
          item={item}
          label="Name"
          hint="Wo er steht: Eingang, 2. Stock."
          maxLength={60}
          testId={`kiosk-name-${index}`}
          suggestId={(name, o) =>
            uniqueId(
              slugify(name),
              (o.kiosks ?? []).filter((_, i) => i !== index).map((x) => x.id),
              'kiosk',
            )
          }
        />
        <IdField
          item={item}
          hint={`Seite dieses Kiosks: /kiosk?kiosk=${kiosk.id || '…'}`}
          testId={`kiosk-id-${index}`}
        />
        <SelectField
          model={model}
          path={`${base}.printer`}
          label="Drucker"
          value={choice.kind}
          testId={`kiosk-printer-kind-${index}`}
          options={(Object.keys(PRINTER_CHOICE_LABELS) as PrinterChoiceKind[]).map((k) => ({
            value: k,
            label: PRINTER_CHOICE_LABELS[k],
          }))}
          update={(o, v) => {
            const kind = v as PrinterChoiceKind;
            const current = printerChoice(at(o).printer);
            const next: PrinterChoice =
              kind === 'tcp'
                ? { kind, host: current.host ?? '', port: current.port ?? '9100' }
                : kind === 'device'
                  ? { kind, path: current.path ?? devices?.[0]?.replace(/\*$/, '0') ?? '/dev/usb/lp0' }
                  : { kind };
            applyPrinterChoice(at(o), next);
          }}
        />
      </div>
      {parts.length > 0 ? (
        <div class="cfg-grid">
          {parts.map((spec) => (
            <PrinterField key={spec.part} kiosk={item} choice={choice} {...spec} />
          ))}
          {choice.kind === 'device' ? (
            <datalist id={`cfg-kiosk-devices-${index}`}>
              {(devices ?? []).map((d) => (
                <option key={d} value={d.replace(/\*$/, '0')} />
              ))}
            </datalist>
          ) : null}
        </div>
      ) : null}
      {choice.kind === 'agent' ? (
        <div class="cfg-field cfg-field--wide" data-testid={`kiosk-agent-${index}`}>
          <p class="cfg-field__label">Schlüssel des Druckprogramms</p>
          <p class="mono" data-testid={`kiosk-agent-key-${index}`}>
            {kiosk.agentKey ?? '–'}
          </p>
          <p class="cfg-field__hint">
            Auf dem Kiosk-PC starten:{' '}
            <code>
              LOTSE_AGENT_KEY={kiosk.agentKey ?? '…'} npm run printer -- --server {location.origin} --kiosk {kiosk.id}{' '}
              --device file:/dev/usb/lp0
            </code>
          </p>
          <Issues issues={model.issuesAt(`${base}.agentKey`)} id={`${fieldId(`${base}.agentKey`)}-issues`} />
          <button
            type="button"
            class="staff-btn staff-btn--secondary"
            data-testid={`kiosk-agent-new-key-${index}`}
            onClick={() =>
              model.edit((o) => {
                at(o).agentKey = newAgentKey();
              }, `${base}.agentKey`)
            }
          >
            Neuen Schlüssel erzeugen
          </button>
        </div>
      ) : null}
    </Section>
  );
}

type PrinterPart = 'host' | 'port' | 'path';

/** Typical values of the parts of a printer setting that can be left empty. */
const PRINTER_PART_DEFAULTS: Partial<Record<PrinterPart, string>> = { port: '9100' };

type PrinterPartSpec = Omit<TextFieldProps, 'model' | 'path' | 'value' | 'update' | 'testId'> & { part: PrinterPart };

/** The fields a kind of printer needs: address and port of a network printer, a device file. */
function printerParts(kind: PrinterChoiceKind, devices: string[] | null, index: number): PrinterPartSpec[] {
  if (kind === 'tcp')
    return [
      {
        part: 'host',
        label: 'Adresse des Druckers',
        hint: 'IP-Adresse oder Name im Netz des Amts, zum Beispiel 192.168.1.50.',
        maxLength: 200,
        placeholder: '192.168.1.50',
      },
      { part: 'port', label: 'Port', hint: 'Meist 9100.', maxLength: 5 },
    ];
  if (kind === 'device')
    return [
      {
        part: 'path',
        label: 'Gerätedatei am Server',
        hint: devices
          ? `Freigegeben sind: ${devices.join(', ') || 'keine'} (LOTSE_PRINTER_DEVICES).`
          : 'Nur Gerätedateien, die der Server freigibt (LOTSE_PRINTER_DEVICES).',
        maxLength: 200,
        placeholder: '/dev/usb/lp0',
        list: `cfg-kiosk-devices-${index}`,
      },
    ];
  return [];
}

/** One part of a kiosk's printer (address, port, device file): changing it rewrites the setting. */
function PrinterField({
  kiosk,
  choice,
  part,
  ...rest
}: PrinterPartSpec & { kiosk: DraftPart<KioskConfig> & { index: number }; choice: PrinterChoice }) {
  const { model, base, at, index } = kiosk;
  return (
    <TextField
      {...rest}
      model={model}
      path={`${base}.printer.${part}`}
      value={choice[part] ?? PRINTER_PART_DEFAULTS[part] ?? ''}
      testId={`kiosk-printer-${part}-${index}`}
      update={(o, v) => applyPrinterChoice(at(o), { ...printerChoice(at(o).printer), [part]: v })}
    />
  );
}
