/**
 * The office's contact for visitors (public page, kiosk notices, phone page, ticket foot) and
 * numbers from on the way: which concerns give them, how many a day, and what happens to a
 * number whose visitor has not confirmed arrival at the kiosk. The server checks every value
 * on saving and names a wrong one at its field.
 */
import type { OfficeConfig, OfficeContact } from '../core/types.ts';
import { CheckField, NumberField, Section, SelectField, TextField } from './config-fields.tsx';
import type { ConfigModel } from './config-model.ts';

type ContactKey = keyof OfficeContact;

const FIELDS: { key: ContactKey; label: string; hint: string; max: number; type?: 'url' }[] = [
  { key: 'phone', label: 'Telefon', hint: 'Zum Beispiel 0461 85-0. Höchstens 40 Zeichen.', max: 40 },
  { key: 'email', label: 'E-Mail', hint: 'Eine Adresse wie buergerbuero@example.org.', max: 200 },
  { key: 'address', label: 'Adresse', hint: 'Straße, Hausnummer, Ort.', max: 200 },
  { key: 'web', label: 'Internetseite', hint: 'Beginnt mit https://', max: 200, type: 'url' },
];

function setContact(o: OfficeConfig, key: ContactKey, value: string): void {
  const contact: OfficeContact = { ...o.contact };
  if (value.trim()) contact[key] = value;
  else delete contact[key];
  if (Object.keys(contact).length) o.contact = contact;
  else delete o.contact;
}

export function ContactSection({ model, draft }: { model: ConfigModel; draft: OfficeConfig }) {
  return (
    <Section
      title="Kontakt für Besucher"
      intro="Steht auf der öffentlichen Seite, am Kiosk, wenn keine Nummer möglich ist, und auf der Handy-Seite."
    >
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          model={model}
          path={`contact.${f.key}`}
          label={f.label}
          hint={f.hint}
          value={draft.contact?.[f.key] ?? ''}
          maxLength={f.max}
          dir="ltr"
          testId={`office-contact-${f.key}`}
          wide
          {...(f.type ? { type: f.type } : {})}
          update={(o, v) => setContact(o, f.key, v)}
        />
      ))}
    </Section>
  );
}

export function RemoteSection({ model, draft }: { model: ConfigModel; draft: OfficeConfig }) {
  const ticketConcerns = draft.concerns.map((c, i) => ({ c, i })).filter(({ c }) => !c.infoUrl && !c.appointmentOnly);
  return (
    <Section
      title="Nummern von unterwegs"
      intro="Besucher ziehen auf der öffentlichen Seite eine Nummer, solange geöffnet ist. Im Amt bestätigen sie am Kiosk, dass sie da sind."
    >
      <NumberField
        model={model}
        path="remoteQuota"
        label="Nummern von unterwegs pro Tag"
        unit="Nummern"
        hint="Alle Anliegen zusammen. Leer oder 0: keine Nummern von unterwegs."
        value={draft.remoteQuota}
        integer
        optional
        placeholder="0"
        testId="office-remote-quota"
        update={(o, v) => {
          if (v === undefined) delete o.remoteQuota;
          else o.remoteQuota = v;
        }}
      />
      <SelectField
        model={model}
        path="remoteUnconfirmed"
        label="Noch nicht bestätigt, wenn aufgerufen"
        value={draft.remoteUnconfirmed ?? 'hold'}
        testId="office-remote-unconfirmed"
        options={[
          { value: 'hold', label: 'Zurückhalten, bis am Kiosk bestätigt' },
          { value: 'call', label: 'Trotzdem aufrufen' },
        ]}
        update={(o, v) => {
          o.remoteUnconfirmed = v === 'call' ? 'call' : 'hold';
        }}
      />
      {ticketConcerns.map(({ c, i }) => (
        <CheckField
          key={c.id}
          model={model}
          path={`concerns.${i}.remote`}
          label={`${c.name}: Nummer von unterwegs`}
          value={c.remote === true}
          testId={`office-remote-${c.id}`}
          update={(o, v) => {
            const concern = o.concerns[i];
            if (!concern) return;
            if (v) concern.remote = true;
            else delete concern.remote;
          }}
        />
      ))}
    </Section>
  );
}
