/** An info-only concern: no ticket, a QR code of the online form and what to do. */
import type { ConcernPublic } from '../core/api.ts';
import { concernName } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { QrCode } from '../ui/qr.tsx';
import { kioskMessages } from './messages.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { NoticeFrame } from './NoticeFrame.tsx';
import type { BackScreenProps } from './screen-props.ts';

export interface InfoScreenProps extends BackScreenProps {
  concern: ConcernPublic;
  url: string;
}

export function InfoScreen({ concern, url, language, resetSeconds, lastActivity, onBack }: InfoScreenProps) {
  const t = kioskMessages(language);
  return (
    <NoticeFrame
      class="info"
      testid="info-screen"
      language={language}
      resetSeconds={resetSeconds}
      lastActivity={lastActivity}
      actions={
        <>
          <ReadAloud text={`${t.infoTitle} ${t.infoText} ${t.infoHelp}`} language={language} />
          <button type="button" class="primary" data-testid="kiosk-back" onClick={onBack}>
            {t.back}
          </button>
        </>
      }
    >
      <p class="notice-concern">
        <Pictogram name={concern.pictogram} size="2.4rem" />
        <span>{concernName(concern, language)}</span>
      </p>
      <h1>{t.infoTitle}</h1>
      <p class="notice-text">{t.infoText}</p>
      <figure class="info-qr">
        <QrCode value={url} label={t.infoQrLabel} size="20rem" testid="info-qr" />
        <figcaption class="url" dir="ltr">
          {url}
        </figcaption>
      </figure>
      <p class="notice-text">{t.infoHelp}</p>
    </NoticeFrame>
  );
}
