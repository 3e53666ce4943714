/** The key figures of the range: concerns requested and served, visits, waits and service times. */
import { formatDecimal } from '../ui/staff-format.ts';
import { formatShare, type StatsRow, visitsOf } from './stats-data.ts';

export function StatsKpis({ all, target }: { all: StatsRow; target: number }) {
  return (
    <section class="panel" aria-labelledby="stats-kpi-title">
      <h3 id="stats-kpi-title" class="visually-hidden">
        Kennzahlen des Zeitraums
      </h3>
      <dl class="stats-kpis" data-testid="stats-kpis">
        <div class="stats-kpi">
          <dt>Anliegen gewünscht</dt>
          <dd data-testid="kpi-issued">{all.issued}</dd>
          <dd class="stats-kpi__more">ein Anliegen je Nummer oder mehrere</dd>
        </div>
        <div class="stats-kpi">
          <dt>Anliegen bedient</dt>
          <dd data-testid="kpi-served">{all.served}</dd>
          <dd class="stats-kpi__more">
            {all.noShow} nicht erschienen · {all.cancelled ?? 0} abgebrochen
          </dd>
        </div>
        <div class="stats-kpi">
          <dt>Besuche</dt>
          <dd data-testid="kpi-visits">{visitsOf(all)}</dd>
          <dd class="stats-kpi__more">
            <span data-testid="kpi-multi">{formatShare(all.multiConcernShare)}</span> mit mehreren Anliegen
          </dd>
        </div>
        <div class="stats-kpi">
          <dt>Wartezeit (Median)</dt>
          <dd data-testid="kpi-wait">
            {formatDecimal(all.medianWaitMinutes)} <span class="stats-kpi__unit">Min.</span>
          </dd>
          <dd class="stats-kpi__more">
            Ø {formatDecimal(all.avgWaitMinutes)} · 9 von 10 höchstens {formatDecimal(all.p90WaitMinutes)} Min.
          </dd>
        </div>
        <div class="stats-kpi">
          <dt>Aufgerufen in höchstens {target} Min.</dt>
          <dd data-testid="kpi-target">{formatShare(all.servedWithinTargetShare)}</dd>
          <dd class="stats-kpi__more">der aufgerufenen Besucherinnen und Besucher</dd>
        </div>
        <div class="stats-kpi">
          <dt>Bearbeitungszeit (Median)</dt>
          <dd data-testid="kpi-service">
            {formatDecimal(all.medianServiceMinutes)} <span class="stats-kpi__unit">Min.</span>
          </dd>
          <dd class="stats-kpi__more">Ø {formatDecimal(all.avgServiceMinutes)} Min.</dd>
        </div>
      </dl>
    </section>
  );
}
