/** An info-only concern: no ticket, a QR code of the online form and what to do. */
import type { ConcernPublic } from '../core/api.ts';
import { QrCode } from '../ui/qr.tsx';
import { kioskMessages } from './messages.ts';
import { NoticeFrame } from './NoticeFrame.tsx';
import { NoticeButtons, NoticeConcern } from './notice-parts.tsx';
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
        <NoticeButtons speech={`${t.infoTitle} ${t.infoText} ${t.infoHelp}`} language={language} onBack={onBack} />
      }
    >
      <NoticeConcern concern={concern} language={language} />
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
