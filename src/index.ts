// vidcost as a library: everything the CLI does, as typed pure functions.
export * from './money/decimal.js';
export * from './money/figure.js';
export { formatFigure, formatNumber, formatRate, formatUsd } from './money/format.js';
export type * from './pricing/model.js';
export * from './pricing/vocabulary.js';
export { parseSheet, sheetFromData } from './pricing/load-sheet.js';
export { catalogAt, sheetsInForce, type Catalog } from './pricing/catalog.js';
export { priceFor, unknownBecause, type PriceQuery, type PriceResult, type Priced, type UnknownReason } from './engine/price.js';
export { ratesReport, type RatesReport, type RateRow } from './engine/rates.js';
export { estimate, type EstimateReport, type OptionResult, type WorkloadResult, type OfferingTotal, type Recommendation } from './engine/estimate.js';
export { ADVISORY_CODES, type Advisory, type AdvisoryCode } from './engine/advisories.js';
export { cheapestCover, type Cover } from './engine/plan-cover.js';
export { parseScenario, parseScenarioFile } from './scenario/parse.js';
export type { Scenario, VendorOverride, Workload } from './scenario/model.js';
export { scenarioSchema } from './scenario/schema.js';
export { estimateJson, estimateView, estimateCsv } from './render/estimate.js';
export { ratesJson, ratesView, ratesCsv } from './render/rates.js';
export { renderTable } from './render/table.js';
export { renderMarkdown, escapeMarkdown } from './render/markdown.js';
export { diffCatalogs, diffSheets, type DiffReport, type RateChange, type PlanChange, type OfferingChange, type CreditValueChange } from './engine/diff.js';
export {
  compareSnapshots,
  compareToBaseline,
  increaseGate,
  snapshotOf,
  type Baseline,
  type Comparison,
  type EstimateSnapshot,
} from './engine/compare.js';
export { diffJson, diffView, diffMarkdown, diffCsv } from './render/diff.js';
export { comparisonJson, compareView, compareMarkdown, compareCsv, summaryLine } from './render/compare.js';
export { estimateHtml, diffHtml } from './render/estimate-html.js';
export { escapeHtml } from './render/safe-text.js';
export {
  forecast,
  forecastFromEstimate,
  summarize,
  nearestRank,
  type ForecastReport,
  type ForecastRow,
  type ForecastRoute,
  type ForecastStats,
  type ForecastOptions,
  type UncertainInput,
  type Driver,
} from './engine/forecast.js';
export { sweep, type SweepReport, type SweepOptions, type Crossover } from './engine/sweep.js';
export type { Curve, Piece } from './engine/sweep-pieces.js';
export type { PlanChange as SweepPlanChange } from './engine/sweep-curves.js';
export type { ThreePoint, UncertainInputs } from './scenario/model.js';
export { forecastJson, forecastView, forecastCsv } from './render/forecast.js';
export { sweepJson, sweepView, sweepCsv } from './render/sweep.js';
export { forecastHtml, sweepHtml } from './render/forecast-html.js';
export { ActualsAccumulator, monthWindow, type ActualsOptions, type MonthWindow } from './engine/actuals.js';
export {
  actuals,
  actualsReport,
  ACTUALS_ADVISORY_CODES,
  type ActualsReport,
  type ActualsAdvisory,
  type ActualsAdvisoryCode,
  type OfferingActuals,
  type WorkloadActuals,
} from './engine/actuals-report.js';
export { usageLineReader, CountingSink, type UsageFormat } from './usage/usage-reader.js';
export { focusOfferingIndex } from './usage/focus.js';
export type { UsageRow, UsageStatus } from './usage/usage-log.js';
export { actualsJson, actualsView, actualsCsv } from './render/actuals.js';
export { actualsHtml } from './render/actuals-html.js';
export { InputError, formatProblem, type Problem } from './errors.js';
export { run } from './cli/main.js';
export { readBaseline } from './cli/baseline.js';
export { loadPricing, bundledPricingDir } from './cli/sheets.js';
export { parseExactJson } from './input/exact-json.js';
export { JsonNumber, type JsonValue } from './input/json-value.js';
export { readPriceMap, litellmPrice, portkeyPrice, type PriceMap } from './pricing/price-maps.js';
export { priceCheck, drifted, type PriceCheckReport, type PriceCheckRow, type UnmatchedEntry, type Verdict } from './engine/price-check.js';
export { priceCheckJson, priceCheckView, priceCheckCsv } from './render/price-check.js';
export { sourcesReport, type SourcesReport, type SourceRow } from './engine/sources.js';
export { sourcesJson, sourcesView, sourcesCsv } from './render/sources.js';
export { nextSheetText } from './pricing/next-sheet.js';
export { litellmExport, type LitellmExport, type LitellmEntry } from './engine/litellm-export.js';
export { litellmJson } from './render/litellm.js';
